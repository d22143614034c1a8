/**
 * Anti-entropy that does not trust broker queues: the initiator compares digests with a peer, pulls
 * the differing buckets page by page (at most two pages in flight, so no broker queue overflows), checks
 * the count it received, pushes what the peer lacks, and repeats until the digests match.
 */

import { bucketOf, buildDigest, diffDigests, DIGEST_BUCKETS, type DigestBuckets } from '../../shared/sync/digest.js';
import type { Change } from '../../shared/sync/change.js';
import { batchChanges, PAGE_SIZE, type SyncMessage } from '../../shared/sync/protocol.js';
import type { FieldStore } from '../store/field-store.js';

const MAX_ROUNDS = 4;
const ALL_BUCKETS = Array.from({ length: DIGEST_BUCKETS }, (_, i) => i);
const SESSION_TTL_MS = 60_000;

/** Sends a request to a peer's inbox and resolves with its answer. */
export type Ask = <T extends SyncMessage['type']>(
  request: DistributiveOmit<Extract<SyncMessage, { type: 'digest-request' | 'pull' | 'push' }>, 'v' | 'from' | 'session' | 'seq'>,
  expect: T,
) => Promise<Extract<SyncMessage, { type: T }>>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface ReconcileOutcome {
  pulled: number;
  pushed: number;
  rounds: number;
}

export function scopeDigest(store: FieldStore, scope: string): DigestBuckets {
  return buildDigest(store.scopeStamps(scope));
}

const key = (change: Change) => `${change.c}\u0000${change.id}\u0000${change.f}\u0000${change.s}`;

/** Runs the initiator's side against one peer until both digests match. */
export async function reconcile(
  store: FieldStore,
  scope: string,
  ask: Ask,
  apply: (changes: Change[]) => void,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<ReconcileOutcome> {
  const outcome: ReconcileOutcome = { pulled: 0, pushed: 0, rounds: 0 };
  for (let round = 1; round <= MAX_ROUNDS; round += 1) {
    outcome.rounds = round;
    const mine = scopeDigest(store, scope);
    // An empty replica (a board on a fresh folder) needs everything: no digest round trip first.
    const empty = round === 1 && mine.every(([count]) => count === 0);
    const differing = empty
      ? ALL_BUCKETS
      : diffDigests(mine, (await ask({ type: 'digest-request' }, 'digest')).buckets);
    if (differing.length === 0) return outcome;

    const pulled = new Set<string>();
    let offset = 0;
    let total: number;
    // One page is applied while the next is on its way: at most two in flight, never a flood.
    let next = ask({ type: 'pull', buckets: differing, offset }, 'page');
    for (;;) {
      const page = await next;
      if (page.offset !== offset) throw new Error(`sync page out of order: ${page.offset} != ${offset}`);
      total = page.total;
      offset += page.changes.length;
      const more = page.changes.length > 0 && offset < total;
      if (more) {
        next = ask({ type: 'pull', buckets: differing, offset }, 'page');
        // Let the request leave before the (synchronous) apply, so the peer works meanwhile.
        await new Promise((resolve) => setImmediate(resolve));
      }
      apply(page.changes);
      // Only a replica that had something of its own needs to know what it pulled (to push the rest).
      if (!empty) for (const change of page.changes) pulled.add(key(change));
      onProgress(offset, total);
      if (!more) break;
    }
    if (offset !== total) throw new Error(`sync received ${offset} of ${total} changes`);
    outcome.pulled += offset;

    if (empty) continue; // it had nothing the peer could lack; its new edits travel by the outbox
    const wanted = new Set(differing);
    const ours = store.scopeChanges(scope, (c, id) => wanted.has(bucketOf(c, id))).filter((c) => !pulled.has(key(c)));
    for (const batch of batchChanges(ours)) {
      await ask({ type: 'push', changes: batch }, 'push-ack');
      outcome.pushed += batch.length;
    }
  }
  throw new Error(`digests still differ after ${MAX_ROUNDS} rounds`);
}

/** The responder's side: answers digest requests, pulls (from a per-session snapshot) and pushes. */
export class SyncResponder {
  private readonly sessions = new Map<string, { changes: Change[]; at: number }>();

  constructor(
    private readonly store: FieldStore,
    /** Applies a push through the replica's walls, as written by `from`. */
    private readonly apply: (scope: string, changes: Change[], from: string) => number,
  ) {}

  answer(scope: string, message: SyncMessage): DistributiveOmit<SyncMessage, 'v' | 'from'> | undefined {
    const { session, seq } = message;
    switch (message.type) {
      case 'digest-request':
        return { type: 'digest', session, seq, buckets: scopeDigest(this.store, scope) };
      case 'pull': {
        const snapshot = this.snapshot(scope, session, message.buckets, message.offset === 0);
        const changes = snapshot.slice(message.offset, message.offset + PAGE_SIZE);
        const page = batchChanges(changes)[0] ?? [];
        return { type: 'page', session, seq, offset: message.offset, total: snapshot.length, changes: page };
      }
      case 'push':
        return { type: 'push-ack', session, seq, applied: this.apply(scope, message.changes, message.from) };
      default:
        return undefined; // answers are the initiator's business
    }
  }

  private snapshot(scope: string, session: string, buckets: number[], fresh: boolean): Change[] {
    const now = Date.now();
    for (const [id, entry] of this.sessions) if (now - entry.at > SESSION_TTL_MS) this.sessions.delete(id);
    const id = `${scope}/${session}/${buckets.join(',')}`;
    let entry = fresh ? undefined : this.sessions.get(id);
    if (!entry) {
      const wanted = new Set(buckets);
      const all = wanted.size >= DIGEST_BUCKETS; // a cold join asks for everything: skip the filter
      entry = { changes: this.store.scopeChanges(scope, all ? () => true : (c, rid) => wanted.has(bucketOf(c, rid))), at: now };
      this.sessions.set(id, entry);
    }
    entry.at = now;
    return entry.changes;
  }
}
