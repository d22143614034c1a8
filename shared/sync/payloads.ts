/**
 * The encoder of every message kind of the sync protocol, one named function each: live change
 * batches, presence, and the messages to a replica's sync inbox (anti-entropy and digest rounds).
 * Their decoders are in main/sync/payload-decoders.ts (strict UTF-8 needs the platform's decoder).
 * Pure; what a payload may hold is in protocol.ts and round.ts.
 */

import type { Change } from './change.js';
import type { PresenceMessage } from './protocol.js';
import type { InboxMessage } from './round.js';

/** What goes on the wire: JSON text today; a binary encoding may return bytes. */
export type WirePayload = string | Uint8Array;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An inbox message before the sender adds the version and its node id. */
export type InboxBody = DistributiveOmit<InboxMessage, 'v' | 'from'>;

/** A page of changes on a scope's `changes` topic, published by `from`. */
export function encodeChanges(from: string, changes: readonly Change[]): WirePayload {
  return JSON.stringify({ v: 1, from, changes });
}

/** A replica's presence: `at` is when it came online (or, offline, when it left). */
export function encodePresence(presence: Omit<PresenceMessage, 'v'>): WirePayload {
  return JSON.stringify({ v: 1, node: presence.node, role: presence.role, status: presence.status, at: presence.at });
}

/** A message to a peer's sync inbox: a request, an answer or a digest round. */
export function encodeInbox(from: string, message: InboxBody): WirePayload {
  return JSON.stringify({ v: 1, from, ...message });
}
