/**
 * The MQTT sync protocol, version 1: its limits and the schema of every payload (the topics are in
 * topics.ts, the encoders in payloads.ts). Pure; every inbound payload is size-capped and validated
 * against these before it reaches the store.
 */

import { z } from 'zod';
import { COLLECTION_NAMES, type CollectionName } from '../domain/schema.js';
import type { Change } from './change.js';
import { TREE_MAX_DEPTH } from './digest-tree.js';
import { BINARY_PAGE_SIZE } from './page-codec.js';

export const PROTOCOL_VERSION = 1;
export const TOPIC_ROOT = `tavla/v${PROTOCOL_VERSION}`;
/** The pseudo-unit under which the hub announces itself. */
export const HUB_SCOPE = '_hub';
/** Largest inbound payload accepted, in bytes (a full sync page is well below). */
export const MAX_PAYLOAD_BYTES = 2 * 1024 * 1024;
/** Changes per published batch and per sync page: small enough for any broker's packet limit. */
export const PAGE_SIZE = 5000;
/** Tree nodes named in one `tree-request` or `stamps-request`. */
export const MAX_PATHS = 256;
/** Stamps in one `stamps` answer (about 70 bytes each as JSON: well under the payload cap). */
export const MAX_STAMPS = 10_000;

/** A replica's node id and an exchange's session id, as every message of the protocol carries them. */
export const nodeId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/);
export const session = z.string().regex(/^[a-z0-9-]{1,64}$/);
const scalar = z.union([z.string().max(4000), z.number(), z.boolean(), z.null()]);
const collection = z.enum(COLLECTION_NAMES as [CollectionName, ...CollectionName[]]);

export const ChangeSchema = z.strictObject({
  c: collection,
  id: z.string().max(64),
  f: z.string().max(64),
  v: scalar,
  s: z.string().max(80),
});
const changes = z.array(ChangeSchema).max(PAGE_SIZE);
const buckets = z.array(z.tuple([z.int().min(0), z.int().min(0)])).max(4096);
const treePaths = z.array(z.array(z.int().min(0).max(255)).min(1).max(TREE_MAX_DEPTH)).min(1).max(MAX_PATHS);
const header = { v: z.literal(1), from: nodeId, session, seq: z.int().min(0) };

export const ChangesMessage = z.strictObject({ v: z.literal(1), from: nodeId, changes });
export const PresenceMessage = z.strictObject({
  v: z.literal(1),
  node: nodeId,
  role: z.enum(['board', 'hub']),
  status: z.enum(['online', 'offline']),
  at: z.string().max(40),
});

/** Messages to one replica's sync inbox: the anti-entropy exchange, each answered in turn. */
export const SyncMessage = z.discriminatedUnion('type', [
  z.strictObject({ v: z.literal(1), type: z.literal('digest-request'), from: nodeId, session, seq: z.int().min(0) }),
  z.strictObject({ v: z.literal(1), type: z.literal('digest'), from: nodeId, session, seq: z.int().min(0), buckets }),
  z.strictObject({
    v: z.literal(1),
    type: z.literal('pull'),
    from: nodeId,
    session,
    seq: z.int().min(0),
    buckets: z.array(z.int().min(0)).max(4096),
    offset: z.int().min(0),
  }),
  z.strictObject({
    v: z.literal(1),
    type: z.literal('page'),
    from: nodeId,
    session,
    seq: z.int().min(0),
    offset: z.int().min(0),
    total: z.int().min(0),
    changes,
  }),
  z.strictObject({ v: z.literal(1), type: z.literal('push'), from: nodeId, session, seq: z.int().min(0), changes }),
  z.strictObject({ v: z.literal(1), type: z.literal('push-ack'), from: nodeId, session, seq: z.int().min(0), applied: z.int().min(0) }),
  // The digest tree (shared/sync/digest-tree.ts): children of differing nodes, then the stamps of
  // the small ones, then exactly the fields that differ. Added within version 1: old types unchanged.
  z.strictObject({ ...header, type: z.literal('tree-request'), paths: treePaths }),
  z.strictObject({ ...header, type: z.literal('tree'), nodes: z.array(buckets.max(16)).max(MAX_PATHS) }),
  z.strictObject({ ...header, type: z.literal('stamps-request'), paths: treePaths }),
  z.strictObject({
    ...header,
    type: z.literal('stamps'),
    entries: z.array(z.tuple([collection, z.string().max(64), z.string().max(64), z.string().max(80)])).max(MAX_STAMPS),
  }),
  z.strictObject({ ...header, type: z.literal('fetch'), keys: z.array(z.tuple([collection, z.string().max(64), z.string().max(64)])).max(PAGE_SIZE) }),
]);
export type SyncMessage = z.infer<typeof SyncMessage>;
export type PresenceMessage = z.infer<typeof PresenceMessage>;
export type ChangesMessage = z.infer<typeof ChangesMessage>;

/** Splits changes into batches under both the count and the byte limit of one message. */
export function batchChanges<T extends { v?: unknown; change?: { v: unknown } }>(
  items: readonly T[],
  maxCount = PAGE_SIZE,
  maxBytes = MAX_PAYLOAD_BYTES / 2,
): T[][] {
  // An upper bound without serialising: ids, names and stamps are short; values may not be.
  const size = (item: T) => {
    const value = item.change ? item.change.v : item.v;
    return 200 + (typeof value === 'string' ? value.length * 6 : 0);
  };
  return chunkByWeight(items, size, maxBytes, maxCount);
}

/**
 * Splits changes into binary pages (shared/sync/page-codec.ts) under the count and the payload cap,
 * by an upper bound of each change's encoded size that ignores the string table: every string as
 * if new, every character as three bytes.
 */
export function batchBinary(changes: readonly Change[], maxCount = BINARY_PAGE_SIZE, maxBytes = MAX_PAYLOAD_BYTES - 64 * 1024): Change[][] {
  const size = (c: Change) => 24 + 3 * (c.id.length + c.f.length + c.s.length) + (typeof c.v === 'string' ? 3 * c.v.length + 5 : 9);
  return chunkByWeight(changes, size, maxBytes, maxCount);
}

/** Groups items in order so that each group's total weight and length stay within the limits (an item heavier than the limit goes alone). */
export function chunkByWeight<T>(items: readonly T[], weight: (item: T) => number, maxWeight: number, maxLength = Infinity): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let total = 0;
  for (const item of items) {
    const w = weight(item);
    if (current.length > 0 && (current.length >= maxLength || total + w > maxWeight)) {
      groups.push(current);
      current = [];
      total = 0;
    }
    current.push(item);
    total += w;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
