/**
 * The decoder of every message kind of the sync protocol, beside the encoders in
 * shared/sync/payloads.ts: each passes the gate of inbound.ts (size cap, strict UTF-8 JSON) and the
 * kind's schema.
 */

import { ChangesMessage, PresenceMessage } from '../../shared/sync/protocol.js';
import { InboxMessage } from '../../shared/sync/round.js';
import { decodePayload, type Decoded } from './inbound.js';

/** A page of changes from a scope's `changes` topic. */
export function decodeChanges(payload: Uint8Array): Decoded<ChangesMessage> {
  return decodePayload(ChangesMessage, payload);
}

/** A replica's presence announcement. */
export function decodePresence(payload: Uint8Array): Decoded<PresenceMessage> {
  return decodePayload(PresenceMessage, payload);
}

/** A message to this replica's sync inbox. */
export function decodeInbox(payload: Uint8Array): Decoded<InboxMessage> {
  return decodePayload(InboxMessage, payload);
}
