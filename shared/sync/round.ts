/**
 * The periodic digest round (docs/protocol.md, "Digest rounds"): one small message each way. The
 * initiator sends the root hash of its scope's digest and its wall time; the peer answers with its
 * own. Equal roots end the round; different ones start the full anti-entropy exchange. The wall
 * times tell each replica how its clock stands against its peers' (main/sync/clock-watch.ts).
 */

import { z } from 'zod';
import { nodeId, session, SyncMessage } from './protocol.js';

const fields = {
  v: z.literal(1),
  from: nodeId,
  session,
  seq: z.int().min(0),
  /** The scope digest's root hash (hex). */
  root: z.string().regex(/^[0-9a-f]{16,64}$/),
  /** The sender's wall clock, ms since the epoch, as it read when sending. */
  at: z.int().min(0),
};

export const RoundMessage = z.discriminatedUnion('type', [
  z.strictObject({ ...fields, type: z.literal('round') }),
  z.strictObject({ ...fields, type: z.literal('round-ack') }),
]);
export type RoundMessage = z.infer<typeof RoundMessage>;

/** Everything a replica's sync inbox accepts: the anti-entropy exchange and the digest round. */
export const InboxMessage = z.union([SyncMessage, RoundMessage]);
export type InboxMessage = z.infer<typeof InboxMessage>;

export function isRoundMessage(message: InboxMessage): message is RoundMessage {
  return message.type === 'round' || message.type === 'round-ack';
}
