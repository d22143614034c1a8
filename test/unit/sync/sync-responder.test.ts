/**
 * The responder's session cache runs on the engine's injected time: a session's snapshot and tree are
 * kept while its requests keep coming and dropped SESSION_TTL_MS after the last one, by the manual
 * clock alone (no broker, no real wait).
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_TTL_MS, SyncResponder } from '../../../main/sync/sync-responder.js';
import type { SyncMessage } from '../../../shared/sync/protocol.js';
import { HybridLogicalClock } from '../../../shared/sync/hlc.js';
import type { Change } from '../../../shared/sync/change.js';
import { ManualTime } from '../../support/manual-time.js';
import { openReplica, SCOPE, type Replica } from '../../support/store-pair.js';
import { tempDir } from '../../support/temp-dir.js';

const ALL_BUCKETS = Array.from({ length: 256 }, (_, i) => i);

describe('the sync responder’s session cache, on the injected time', () => {
  let dir: ReturnType<typeof tempDir>;
  let replica: Replica;
  let time: ManualTime;
  let responder: SyncResponder;
  const peer = new HybridLogicalClock('bpeer');
  /** A field arriving from elsewhere, after a session's snapshot was taken. */
  const arrive = (id: string) => {
    const change: Change = { c: 'task', id, f: 'title', v: `Oppgave ${id}`, s: peer.tick() };
    expect(replica.store.applyRemote([change], SCOPE).applied).toHaveLength(1);
  };
  const ask = (message: Record<string, unknown>) =>
    responder.answer(SCOPE, { v: 1, from: 'board-2', session: 's1', seq: 0, ...message } as SyncMessage) as { total?: number; buckets?: unknown };
  /** A continued pull (offset > 0) answers from the session's snapshot while it is kept. */
  const continuedTotal = () => ask({ type: 'pull', buckets: ALL_BUCKETS, offset: 1 }).total;

  beforeEach(() => {
    dir = tempDir('tavla-responder-');
    replica = openReplica(`${dir.path}/a.sqlite`, 'ba');
    time = new ManualTime();
    responder = new SyncResponder(replica.store, (scope, changes) => replica.store.applyRemote(changes, scope).applied.length, time);
    arrive('t1');
    arrive('t2');
  });
  afterEach(() => {
    replica.db.close();
    dir.remove();
  });

  it('answers a session’s continued pull from its snapshot until the manual clock passes the TTL since its last request', async () => {
    expect(ask({ type: 'pull', buckets: ALL_BUCKETS, offset: 0 }).total).toBe(2);
    arrive('t3');
    // Kept: each request refreshes the session, so the snapshot outlives one TTL counted from the first.
    await time.advance(SESSION_TTL_MS - 1);
    expect(continuedTotal()).toBe(2);
    await time.advance(SESSION_TTL_MS);
    expect(continuedTotal()).toBe(2);
    // Expired: TTL + 1 ms after the last request, the snapshot is rebuilt and holds t3.
    await time.advance(SESSION_TTL_MS + 1);
    expect(continuedTotal()).toBe(3);
  });

  it('keeps a session’s digest tree on the same clock: a tree request sees a later field only once the session expired', async () => {
    const top = ask({ type: 'digest-request' }).buckets;
    arrive('t4');
    const stamps = () => (ask({ type: 'stamps-request', paths: ALL_BUCKETS.map((bucket) => [bucket]) }) as unknown as { entries: unknown[] }).entries.length;
    expect(stamps()).toBe(2);
    await time.advance(SESSION_TTL_MS + 1);
    expect(stamps()).toBe(3);
    expect(ask({ type: 'digest-request' }).buckets).not.toEqual(top);
  });
});
