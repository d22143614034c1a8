import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClockWatch } from '../../../main/sync/clock-watch.js';
import { clockUpkeep, type ClockUpkeep } from '../../../main/sync/clock-upkeep.js';
import { SentMarks } from '../../../main/sync/sent-marks.js';
import { StatusKeeper } from '../../../main/sync/sync-status.js';
import type { SyncStatus } from '../../../shared/api/contract.js';
import { tempDir } from '../../support/temp-dir.js';
import { ManualTime } from '../../support/manual-time.js';
import { openReplica, type Replica } from '../../support/store-pair.js';

describe('the upkeep around the clock and the disk', () => {
  let dir: ReturnType<typeof tempDir>;
  let board: Replica;
  let upkeep: ClockUpkeep;
  let drains: number;
  let soon: number;
  let emitted: SyncStatus[];

  beforeEach(() => {
    dir = tempDir();
    board = openReplica(`${dir.path}/board.sqlite`, 'board-1');
    [drains, soon, emitted] = [0, 0, []];
    const clock = new ClockWatch('board');
    const sentMarks = new SentMarks(board.store);
    const status = new StatusKeeper({ clock, storage: () => board.store.health.status, outbox: () => board.store.outboxSize(), time: new ManualTime(), onStatus: (s) => void emitted.push(s) });
    upkeep = clockUpkeep({
      store: board.store,
      clock,
      sentMarks,
      status,
      rounds: { changed: () => undefined, soon: () => void (soon += 1) },
      drain: () => void (drains += 1),
    });
  });
  afterEach(() => {
    board.db.close();
    dir.remove();
  });

  it('releases the outbox when the verdict turns ok or behind, never while ahead, and brings a round forward each time', () => {
    upkeep.verdictChanged({ state: 'ahead', offsetMs: -600_000, since: '2026-12-01T08:00:00.000Z' });
    expect(drains).toBe(0);
    expect(board.db.prepare("SELECT value FROM meta WHERE key = 'clockAheadMs'").pluck().get()).toBe('600000');
    upkeep.verdictChanged({ state: 'ok', offsetMs: 0, since: null });
    upkeep.verdictChanged({ state: 'behind', offsetMs: 120_000, since: '2026-12-01T08:05:00.000Z' });
    expect(drains).toBe(2);
    expect(soon).toBe(3);
  });

  it('counts the outbox again before each round and shows it', () => {
    board.store.commit({ actor: 'Kari', action: 'task.create' }, [{ c: 'task', id: 't1', fields: { title: 'Stell' } }]);
    upkeep.beforeRound();
    expect(emitted.at(-1)).toMatchObject({ outbox: 2, clock: { state: 'ok' }, storage: { state: 'ok' } });
  });
});
