/** Two real FieldStores on SQLite files, wired for anti-entropy through JSON and the protocol schema, with what crossed counted. */

import { openDatabase, type Db } from '../../main/store/database.js';
import { FieldStore } from '../../main/store/field-store.js';
import { reconcile, SyncResponder, type Ask, type ReconcileOutcome } from '../../main/sync/anti-entropy.js';
import type { Change } from '../../shared/sync/change.js';
import { HybridLogicalClock } from '../../shared/sync/hlc.js';
import { SyncMessage } from '../../shared/sync/protocol.js';

export const SCOPE = 'solsiden';

/** What one reconcile sent over the wire. */
export interface WireCount {
  messages: number;
  bytes: number;
  /** changes carried in pages (pulls, fetches) */
  paged: number;
  /** changes carried in pushes */
  pushed: number;
}

export interface Replica {
  db: Db;
  store: FieldStore;
}

/** A replica on its own SQLite file; `now` drives both its clock and its collection horizon. */
export function openReplica(file: string, node: string, now: () => number = Date.now, options: { horizonMs?: number; defaultScope?: string } = {}): Replica {
  const db = openDatabase(file);
  return { db, store: new FieldStore(db, new HybridLogicalClock(node, now), node, options.defaultScope ?? SCOPE, { now, horizonMs: options.horizonMs }) };
}

/** `a` reconciles with `b`'s responder; every message passes JSON and the SyncMessage schema. */
export async function reconcilePair(a: Replica, b: Replica): Promise<{ outcome: ReconcileOutcome; wire: WireCount }> {
  const wire: WireCount = { messages: 0, bytes: 0, paged: 0, pushed: 0 };
  const responder = new SyncResponder(b.store, (scope, changes) => b.store.applyRemote(changes, scope).applied.length);
  const session = `s${Math.random().toString(36).slice(2, 10)}`;
  let seq = 0;
  const wired = (message: object) => {
    const text = JSON.stringify(message);
    wire.messages += 1;
    wire.bytes += text.length;
    return SyncMessage.parse(JSON.parse(text));
  };
  const ask = (async (request, expected) => {
    const question = wired({ v: 1, from: 'board-a', session, seq: seq++, ...request });
    if (question.type === 'push') wire.pushed += question.changes.length;
    const answer = responder.answer(SCOPE, question);
    if (!answer) throw new Error(`no answer to ${question.type}`);
    const reply = wired({ v: 1, from: 'board-b', ...answer });
    if (reply.type === 'page') wire.paged += reply.changes.length;
    if (reply.type !== expected) throw new Error(`expected ${expected}, got ${reply.type}`);
    return reply;
  }) as Ask;
  const outcome = await reconcile(a.store, SCOPE, ask, (changes: Change[]) => void a.store.applyRemote(changes, SCOPE));
  return { outcome, wire };
}

/** field -> stamp of a replica's scope. */
export function stampMap(replica: Replica): Map<string, string> {
  return new Map(replica.store.scopeStamps(SCOPE).map(({ c, id, f, s }) => [`${c}/${id}/${f}`, s]));
}

/** The fields whose stamps differ between two replicas (held by one only, or with different stamps). */
export function differingFields(a: Replica, b: Replica): number {
  const [x, y] = [stampMap(a), stampMap(b)];
  let n = 0;
  for (const [key, s] of x) if (y.get(key) !== s) n += 1;
  for (const key of y.keys()) if (!x.has(key)) n += 1;
  return n;
}
