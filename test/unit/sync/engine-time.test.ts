/**
 * The sync engine's own clock watch (made when no `clock` is given) reads the engine's injected time,
 * not Date.now: a clock verdict reached on the manual clock carries the manual clock's time.
 */

import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ClockWatch } from '../../../main/sync/clock-watch.js';
import { SyncEngine } from '../../../main/sync/sync-engine.js';
import { HUB_SCOPE } from '../../../shared/sync/protocol.js';
import type { ReplicaRole } from '../../../shared/sync/topics.js';
import { FakeBroker } from '../../support/fake-broker.js';
import { ManualTime } from '../../support/manual-time.js';
import { openReplica, type Replica } from '../../support/store-pair.js';
import { tempDir } from '../../support/temp-dir.js';

const MIN10 = 600_000;

describe('the sync engine on injected time', () => {
  const dir = tempDir('tavla-engine-time-');
  const running: { engine: SyncEngine; replica: Replica }[] = [];
  afterEach(async () => {
    for (const { engine, replica } of running.splice(0)) {
      await engine.stop();
      replica.db.close();
    }
  });
  afterAll(() => dir.remove());

  it('judges its clock on the manual clock when it made its clock watch itself', async () => {
    const time = new ManualTime();
    const broker = new FakeBroker();
    const open = (node: string, role: ReplicaRole, clock?: ClockWatch) => {
      const replica = openReplica(`${dir.path}/${node}.sqlite`, node, () => time.now(), { defaultScope: role.role === 'hub' ? HUB_SCOPE : role.unit });
      const engine = new SyncEngine({ ...role, store: replica.store, brokerUrl: 'mqtt://in-memory', municipality: 'fjordvik', nodeId: node, time, clock, openLink: broker.open, onApplied: () => undefined, onStatus: () => undefined });
      running.push({ engine, replica });
      return engine;
    };
    // The hub's wall clock is 10 minutes ahead of the board's (both on the manual clock, no real wait).
    open('hub-1', { role: 'hub' }, new ClockWatch('hub', 60_000, 90_000, () => time.now() + MIN10, () => time.now()));
    const board = open('board-1', { role: 'board', unit: 'solsiden' });
    const start = time.now();
    await time.advance(100);
    await time.advance(40_000); // a digest round and its answer carry the hub's wall time
    expect(board.status.clock).toMatchObject({ state: 'behind' });
    const since = Date.parse(board.status.clock.since ?? '');
    expect(since).toBeGreaterThanOrEqual(start);
    expect(since).toBeLessThanOrEqual(time.now());
  });
});
