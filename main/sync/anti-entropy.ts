/**
 * Anti-entropy that does not trust broker queues, and costs what differs: the initiator compares
 * the 256-bucket digest with a peer, descends the digest tree under the buckets that differ until
 * the nodes are small, compares those nodes' stamps, then fetches exactly the fields where the peer
 * is ahead and pushes exactly those where it is ahead itself; it repeats until the digests match.
 * A bucket it holds nothing of (an empty replica: every bucket) is pulled whole, page by page, at
 * most two pages in flight, with the count received checked.
 */

import { diffDigests, DIGEST_BUCKETS, type DigestBuckets } from '../../shared/sync/digest.js';
import { DigestTree, TREE_FANOUT, TREE_MAX_DEPTH, type TreePath } from '../../shared/sync/digest-tree.js';
import type { Change } from '../../shared/sync/change.js';
import { batchChanges, chunkByWeight, MAX_PATHS, MAX_STAMPS, PAGE_SIZE, type SyncMessage } from '../../shared/sync/protocol.js';
import type { FieldStore } from '../store/field-store.js';
import { logger } from '../log.js';

export { SyncResponder } from './sync-responder.js';

const MAX_ROUNDS = 4;
const EVERY_BUCKET = Array.from({ length: DIGEST_BUCKETS }, (_, i) => i);
/** A node with at most this many fields on either side has its stamps compared instead of being split. */
const LEAF_FIELDS = 32;
/** Stamps asked for in one `stamps-request`, by the larger side's counts (the answer stays under MAX_STAMPS). */
const STAMPS_PER_REQUEST = MAX_STAMPS / 2;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Request = Extract<SyncMessage, { type: 'digest-request' | 'pull' | 'push' | 'tree-request' | 'stamps-request' | 'fetch' }>;

/** Sends a request to a peer's inbox and resolves with its answer. */
export type Ask = <T extends SyncMessage['type']>(
  request: DistributiveOmit<Request, 'v' | 'from' | 'session' | 'seq'>,
  expect: T,
) => Promise<Extract<SyncMessage, { type: T }>>;

export interface ReconcileOutcome {
  /** Changes received in pages (pulls and fetches). */
  pulled: number;
  /** Changes sent in pushes. */
  pushed: number;
  rounds: number;
  /** This replica was out of contact for longer than the horizon and started over from the peer. */
  startedOver?: { dropped: number; kept: number };
}

/** The 256-bucket digest of a scope as the store holds it. */
export function scopeDigest(store: FieldStore, scope: string): DigestBuckets {
  return new DigestTree(store.scopeStamps(scope)).top();
}

type FieldKey = [Change['c'], string, string];
interface Node {
  path: TreePath;
  /** the peer's field count under the node */
  theirs: number;
}

/** Runs the initiator's side against one peer until both digests match. */
export async function reconcile(
  store: FieldStore,
  scope: string,
  ask: Ask,
  apply: (changes: Change[]) => void,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<ReconcileOutcome> {
  const outcome: ReconcileOutcome = { pulled: 0, pushed: 0, rounds: 0 };
  if (store.mustStartOver(scope)) outcome.startedOver = await startOver(store, scope, ask, apply, outcome, onProgress);
  for (let round = 1; round <= MAX_ROUNDS; round += 1) {
    outcome.rounds = round;
    const mine = new DigestTree(store.scopeStamps(scope));
    // An empty replica (a board on a fresh folder) needs everything: no digest round trip first.
    if (round === 1 && mine.size === 0) {
      outcome.pulled += await pullBuckets(EVERY_BUCKET, ask, apply, onProgress);
      continue;
    }
    const theirs = (await ask({ type: 'digest-request' }, 'digest')).buckets;
    const differing = diffDigests(mine.top(), theirs);
    if (differing.length === 0) {
      store.noteContact();
      return outcome;
    }

    // Every field of a bucket this replica holds nothing of differs: copy it whole.
    const whole = differing.filter((bucket) => mine.count([bucket]) === 0);
    if (whole.length > 0) outcome.pulled += await pullBuckets(whole, ask, apply, onProgress);
    const nodes = differing.filter((bucket) => mine.count([bucket]) > 0).map((bucket) => ({ path: [bucket], theirs: theirs[bucket]?.[0] ?? 0 }));
    const { want, give } = await compareLeaves(mine, await descend(mine, nodes, ask), ask);
    outcome.pulled += await fetchFields(want, ask, apply, onProgress);
    for (const batch of batchChanges(store.fieldsByKey(give))) {
      await ask({ type: 'push', changes: batch }, 'push-ack');
      outcome.pushed += batch.length;
    }
  }
  throw new Error(`digests still differ after ${MAX_ROUNDS} rounds`);
}

/**
 * Pulls everything the peer holds, then drops what this replica holds and the peer does not (it
 * was collected there), keeping only records made here and never sent: no collected delete comes
 * back, no unsent edit is lost. Refuses a peer that holds nothing (it may be new itself).
 */
async function startOver(
  store: FieldStore,
  scope: string,
  ask: Ask,
  apply: (changes: Change[]) => void,
  outcome: ReconcileOutcome,
  onProgress: (done: number, total: number) => void,
): Promise<{ dropped: number; kept: number }> {
  logger.warn({ scope }, 'out of contact for longer than the collection horizon: starting over from a peer');
  const peerRecords = new Set<string>();
  const received = await pullBuckets(EVERY_BUCKET, ask, (changes) => {
    for (const change of changes) peerRecords.add(`${change.c}\u0000${change.id}`);
    apply(changes);
  }, onProgress);
  if (received === 0) throw new Error('the peer holds nothing of this scope: not starting over from it');
  outcome.pulled += received;
  const result = store.startOver(scope, peerRecords);
  logger.warn({ scope, received, ...result }, 'started over from a peer: records it no longer holds were dropped');
  return result;
}

/** Splits differing nodes level by level until each is small enough to compare by stamps. */
async function descend(mine: DigestTree, start: Node[], ask: Ask): Promise<Node[]> {
  const leaves: Node[] = [];
  let frontier = start;
  while (frontier.length > 0) {
    const split: Node[] = [];
    for (const node of frontier) {
      const ours = mine.count(node.path);
      const small = Math.max(ours, node.theirs) <= LEAF_FIELDS;
      // One side empty: every field differs, so splitting would only cost round trips.
      const oneSided = Math.min(ours, node.theirs) === 0 && Math.max(ours, node.theirs) <= STAMPS_PER_REQUEST;
      (small || oneSided || node.path.length >= TREE_MAX_DEPTH ? leaves : split).push(node);
    }
    const next: Node[] = [];
    for (const chunk of chunkByWeight(split, () => 1, MAX_PATHS)) {
      const answer = await ask({ type: 'tree-request', paths: chunk.map((node) => [...node.path]) }, 'tree');
      if (answer.nodes.length !== chunk.length) throw new Error(`tree answer holds ${answer.nodes.length} of ${chunk.length} nodes`);
      chunk.forEach(({ path }, i) => {
        const children = answer.nodes[i];
        for (const child of diffDigests(mine.children(path), children, TREE_FANOUT)) {
          next.push({ path: [...path, child], theirs: children[child]?.[0] ?? 0 });
        }
      });
    }
    frontier = next;
  }
  return leaves;
}

/** Asks for the stamps under the leaves and sorts each differing field into wanted or given. */
async function compareLeaves(mine: DigestTree, leaves: Node[], ask: Ask): Promise<{ want: FieldKey[]; give: FieldKey[] }> {
  const want: FieldKey[] = [];
  const give: FieldKey[] = [];
  const key = (c: string, id: string, f: string) => `${c}\u0000${id}\u0000${f}`;
  for (const chunk of chunkByWeight(leaves, (node) => Math.max(node.theirs, mine.count(node.path)), STAMPS_PER_REQUEST, MAX_PATHS)) {
    const answer = await ask({ type: 'stamps-request', paths: chunk.map((node) => [...node.path]) }, 'stamps');
    const ours = new Map(chunk.flatMap((node) => mine.entries(node.path)).map((e) => [key(e.c, e.id, e.f), e]));
    for (const [c, id, f, s] of answer.entries) {
      const held = ours.get(key(c, id, f));
      ours.delete(key(c, id, f));
      if (!held || s > held.s) want.push([c, id, f]);
      else if (held.s > s) give.push([c, id, f]);
    }
    for (const rest of ours.values()) give.push([rest.c as Change['c'], rest.id, rest.f]);
  }
  return { want, give };
}

/** Fetches named fields from the peer; a field it no longer holds is not asked for again. */
async function fetchFields(keys: FieldKey[], ask: Ask, apply: (changes: Change[]) => void, onProgress: (done: number, total: number) => void): Promise<number> {
  let received = 0;
  let pending = keys;
  while (pending.length > 0) {
    const chunk = pending.slice(0, PAGE_SIZE);
    const page = await ask({ type: 'fetch', keys: chunk }, 'page');
    const got = new Set(page.changes.map((change) => `${change.c}\u0000${change.id}\u0000${change.f}`));
    apply(page.changes);
    received += page.changes.length;
    onProgress(received, keys.length);
    // A page holds what fits in one message; the rest of the chunk is asked for again.
    const rest = page.changes.length < page.total ? chunk.filter(([c, id, f]) => !got.has(`${c}\u0000${id}\u0000${f}`)) : [];
    if (rest.length >= chunk.length) throw new Error(`fetch answered none of the ${page.total} fields it holds`);
    pending = [...rest, ...pending.slice(chunk.length)];
  }
  return received;
}

/** Pulls whole buckets page by page: one page applied while the next is on its way. */
async function pullBuckets(buckets: number[], ask: Ask, apply: (changes: Change[]) => void, onProgress: (done: number, total: number) => void): Promise<number> {
  let offset = 0;
  let total: number;
  let next = ask({ type: 'pull', buckets, offset }, 'page');
  for (;;) {
    const page = await next;
    if (page.offset !== offset) throw new Error(`sync page out of order: ${page.offset} != ${offset}`);
    total = page.total;
    offset += page.changes.length;
    const more = page.changes.length > 0 && offset < total;
    if (more) {
      next = ask({ type: 'pull', buckets, offset }, 'page');
      // Let the request leave before the (synchronous) apply, so the peer works meanwhile.
      await new Promise((resolve) => setImmediate(resolve));
    }
    apply(page.changes);
    onProgress(offset, total);
    if (!more) break;
  }
  if (offset !== total) throw new Error(`sync received ${offset} of ${total} changes`);
  return offset;
}
