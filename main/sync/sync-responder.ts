/**
 * The responder's side of anti-entropy: answers digest and tree requests from one tree per session
 * (built when a round begins with its `digest-request`), stamps of small nodes, fetches of named
 * fields, pulls of whole buckets (from a per-session snapshot) and pushes.
 */

import { bucketOf, DIGEST_BUCKETS } from '../../shared/sync/digest.js';
import { DigestTree } from '../../shared/sync/digest-tree.js';
import type { Change } from '../../shared/sync/change.js';
import { BINARY_PAGE_SIZE } from '../../shared/sync/page-codec.js';
import { batchBinary, batchChanges, PAGE_SIZE, type SyncMessage } from '../../shared/sync/protocol.js';
import type { FieldStore } from '../store/field-store.js';
import { systemTime, type SyncTime } from './sync-time.js';
import { answerFormat } from './wire.js';

/** How long a session's tree or snapshot is kept after its last request. */
export const SESSION_TTL_MS = 60_000;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An answer before the engine adds `v` and `from`. */
export type SyncAnswer = DistributiveOmit<SyncMessage, 'v' | 'from'>;

/** Per-session state kept for a while (on the engine's clock), so a round's requests are answered from one view. */
class SessionCache<T> {
  private readonly entries = new Map<string, { value: T; at: number }>();

  constructor(private readonly time: Pick<SyncTime, 'now'>) {}

  get(id: string, build: () => T, fresh: boolean): T {
    const now = this.time.now();
    for (const [key, entry] of this.entries) if (now - entry.at > SESSION_TTL_MS) this.entries.delete(key);
    let entry = fresh ? undefined : this.entries.get(id);
    if (!entry) {
      entry = { value: build(), at: now };
      this.entries.set(id, entry);
    }
    entry.at = now;
    return entry.value;
  }
}

export class SyncResponder {
  private readonly snapshots: SessionCache<Change[]>;
  private readonly trees: SessionCache<DigestTree>;

  constructor(
    private readonly store: FieldStore,
    /** Applies a push through the replica's walls, as written by `from`. */
    private readonly apply: (scope: string, changes: Change[], from: string) => number,
    /** The engine's time: when a session's cached tree and snapshot expire. */
    time: Pick<SyncTime, 'now'> = systemTime,
  ) {
    this.snapshots = new SessionCache(time);
    this.trees = new SessionCache(time);
  }

  /** The answer to one inbox message; undefined for messages that are answers themselves. */
  answer(scope: string, message: SyncMessage): SyncAnswer | undefined {
    const { session, seq } = message;
    // A replica that must start over may hold what its peers collected: it serves nothing until then.
    if (this.store.mustStartOver(scope)) return undefined;
    switch (message.type) {
      case 'digest-request':
        return { type: 'digest', session, seq, buckets: this.tree(scope, session, true).top() };
      case 'tree-request': {
        const tree = this.tree(scope, session, false);
        return { type: 'tree', session, seq, nodes: message.paths.map((path) => tree.children(path)) };
      }
      case 'stamps-request': {
        const tree = this.tree(scope, session, false);
        const entries = message.paths.flatMap((path) => tree.entries(path)).map(({ c, id, f, s }) => [c, id, f, s] as [Change['c'], string, string, string]);
        return { type: 'stamps', session, seq, entries };
      }
      case 'fetch': {
        // Only fields of this scope are served, whatever keys a peer names.
        const tree = this.tree(scope, session, false);
        const found = this.store.fieldsByKey(message.keys.filter(([c, id, f]) => tree.stampOf(c, id, f) !== undefined));
        return { type: 'page', session, seq, offset: 0, total: found.length, changes: firstPage(found, session) };
      }
      case 'pull': {
        const snapshot = this.snapshot(scope, session, message.buckets, message.offset === 0);
        // An initiator that reads binary pages gets larger ones: fewer round trips and transactions.
        const size = answerFormat(session) === 'binary' ? BINARY_PAGE_SIZE : PAGE_SIZE;
        const page = firstPage(snapshot.slice(message.offset, message.offset + size), session);
        return { type: 'page', session, seq, offset: message.offset, total: snapshot.length, changes: page };
      }
      case 'push':
        return { type: 'push-ack', session, seq, applied: this.apply(scope, message.changes, message.from) };
      default:
        return undefined; // answers are the initiator's business
    }
  }

  private tree(scope: string, session: string, fresh: boolean): DigestTree {
    return this.trees.get(`${scope}/${session}`, () => new DigestTree(this.store.scopeStamps(scope)), fresh);
  }

  private snapshot(scope: string, session: string, buckets: number[], fresh: boolean): Change[] {
    return this.snapshots.get(
      `${scope}/${session}/${buckets.join(',')}`,
      () => {
        const wanted = new Set(buckets);
        const all = wanted.size >= DIGEST_BUCKETS; // a cold join asks for everything: skip the filter
        return this.store.scopeChanges(scope, all ? () => true : (c, id) => wanted.has(bucketOf(c, id)));
      },
      fresh,
    );
  }
}

/** As many of the changes as one page of the session's wire format holds. */
function firstPage(changes: Change[], session: string): Change[] {
  return (answerFormat(session) === 'binary' ? batchBinary(changes) : batchChanges(changes))[0] ?? [];
}
