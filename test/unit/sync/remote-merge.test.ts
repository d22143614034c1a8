import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClockWatch } from '../../../main/sync/clock-watch.js';
import { InboundScope } from '../../../main/sync/inbound-scope.js';
import { remoteMerge } from '../../../main/sync/remote-merge.js';
import { StatusKeeper } from '../../../main/sync/sync-status.js';
import type { SyncStatus } from '../../../shared/api/contract.js';
import type { Change } from '../../../shared/sync/change.js';
import { encodeStamp } from '../../../shared/sync/hlc.js';
import { tempDir } from '../../support/temp-dir.js';
import { ManualTime } from '../../support/manual-time.js';
import { openReplica, type Replica } from '../../support/store-pair.js';

const stamp = (aheadMs = 0) => encodeStamp({ wall: Date.now() + aheadMs, counter: 0, node: 'board-2' });
const task = (id: string, aheadMs = 0): Change => ({ c: 'task', id, f: 'title', v: `Stell ${id}`, s: stamp(aheadMs) });

describe('merging a batch from a peer', () => {
  let dir: ReturnType<typeof tempDir>;
  let board: Replica;
  let merge: ReturnType<typeof remoteMerge>;
  let applied: string[];
  let statuses: SyncStatus[];
  let rounds: { changed: (string | undefined)[]; soon: number };
  let keeper: StatusKeeper;

  beforeEach(() => {
    dir = tempDir();
    board = openReplica(`${dir.path}/board.sqlite`, 'board-1');
    [applied, statuses, rounds] = [[], [], { changed: [], soon: 0 }];
    const time = new ManualTime();
    keeper = new StatusKeeper({ clock: new ClockWatch('board'), storage: () => board.store.health.status, outbox: () => 0, time, onStatus: (s) => void statuses.push(s) });
    merge = remoteMerge({
      store: board.store,
      walls: new InboundScope(board.store, { municipality: 'fjordvik', role: 'board' }),
      status: keeper,
      rounds: { changed: (scope) => void rounds.changed.push(scope), soon: () => void (rounds.soon += 1) },
      onApplied: (_scope, changes) => void applied.push(...changes.map((c) => c.id)),
    });
  });
  afterEach(() => {
    board.db.close();
    dir.remove();
  });

  it('applies what passes, tells who listens, marks the scope\'s root stale and the time of the sync', () => {
    expect(merge('solsiden', [task('t1'), task('t2')], { kind: 'unit', unit: 'solsiden' })).toBe(2);
    expect(applied).toEqual(['t1', 't2']);
    expect(rounds.changed).toEqual(['solsiden']);
    expect(statuses.at(-1)).toMatchObject({ rejected: 0, lastSyncAt: expect.any(String) });
  });

  it('counts what the walls and the drift bound refuse, applies the rest, and brings a round forward for the drifted', () => {
    const capacity: Change = { c: 'capacity', id: 'solsiden', f: 'occupied', v: 3, s: stamp() };
    expect(merge('solsiden', [task('t1'), capacity, task('t2', 10 * 60_000)], { kind: 'unit', unit: 'solsiden' })).toBe(1);
    expect(applied).toEqual(['t1']);
    expect(keeper.status.rejected).toBe(2);
    expect(keeper.status.rejectedBy).toMatchObject({ side: 1, drift: 1 });
    expect(rounds.soon).toBe(1);
  });

  it('counts a batch that cannot be stored whole, as storage, and asks for it again soon', () => {
    board.db.pragma('query_only = ON');
    expect(merge('solsiden', [task('t1'), task('t2')], { kind: 'unit', unit: 'solsiden' })).toBe(0);
    expect(keeper.status.rejectedBy).toEqual({ storage: 2 });
    expect(statuses.at(-1)?.storage.state).toBe('read-only');
    expect(rounds.soon).toBe(1);
    expect(applied).toEqual([]);
  });
});

describe('the sync status', () => {
  const keeper = () => {
    const emitted: SyncStatus[] = [];
    const status = new StatusKeeper({
      clock: new ClockWatch('board'),
      storage: () => ({ state: 'ok', error: null, since: null }),
      outbox: () => 3,
      time: new ManualTime(Date.UTC(2026, 11, 1, 8)),
      onStatus: (s) => void emitted.push(s),
    });
    return { status, emitted };
  };

  it('starts offline since now with the unsent count, and says connected, then offline since the drop', () => {
    const { status, emitted } = keeper();
    expect(status.status).toMatchObject({ broker: 'offline', offlineSince: '2026-12-01T08:00:00.000Z', outbox: 3 });
    status.connected();
    expect(emitted.at(-1)).toMatchObject({ broker: 'connected', offlineSince: null, brokerReason: null });
    status.disconnected();
    expect(emitted.at(-1)).toMatchObject({ broker: 'offline', offlineSince: '2026-12-01T08:00:00.000Z' });
  });

  it('shows a broker never reached as refused, and one lost after it answered as offline', () => {
    const { status } = keeper();
    status.troubled('unreachable');
    expect(status.status.broker).toBe('refused');
    status.connected();
    status.troubled('unreachable');
    expect(status.status).toMatchObject({ broker: 'offline', brokerReason: 'unreachable' });
    status.troubled('not-authorised');
    expect(status.status.broker).toBe('refused');
  });
});
