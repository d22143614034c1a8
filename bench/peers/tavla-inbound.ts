/**
 * Tavla's real wire path for one batch, as the sync engine runs it (main/sync/outbox-drain.ts):
 * the change page it publishes (batchChanges + the `changes` message in the live wire format,
 * binary: main/sync/wire.ts), and on the receiving
 * board the decode (size cap, strict UTF-8, zod), the sender check, the walls and the merge-and-
 * commit of FieldStore.applyRemote. The one place to change when the page encoding changes.
 */

import type { Change } from '../../shared/sync/change.js';
import { batchChanges, ChangesMessage } from '../../shared/sync/protocol.js';
import { decodePayload } from '../../main/sync/inbound.js';
import type { InboundScope } from '../../main/sync/inbound-scope.js';
import type { FieldStore } from '../../main/store/field-store.js';
import { encodeMessage, LIVE_FORMAT } from '../../main/sync/wire.js';

/** The payloads the engine publishes for these changes (publishOutboxBatch / publishInto). */
export function encodeChangePages(from: string, changes: readonly Change[]): Uint8Array[] {
  return batchChanges(changes).map((batch) => encodeMessage({ v: 1, from, changes: batch }, LIVE_FORMAT));
}

export interface Receiver {
  store: FieldStore;
  walls: InboundScope;
}

/** Receives one payload on the changes topic of `scope` from `node`, as SyncEngine.receive does; returns the fields applied. */
export function receiveChangePage(receiver: Receiver, scope: string, node: string, payload: Uint8Array): number {
  const decoded = decodePayload(ChangesMessage, payload);
  if (!decoded.ok) throw new Error(`refused: ${decoded.reason}`);
  if (decoded.value.from !== node) throw new Error('sender differs from topic');
  const elsewhere = receiver.walls.senderProblem(scope, node);
  if (elsewhere) throw new Error(elsewhere);
  return applyThroughWalls(receiver, scope, node, decoded.value.changes as Change[]);
}

/** The engine's applyRemote: the walls admit what may enter the scope, the store merges and commits it. */
export function applyThroughWalls(receiver: Receiver, scope: string, node: string, changes: Change[]): number {
  const walled = receiver.walls.admit(scope, receiver.walls.writer(scope, node), changes);
  if (walled.refused.length > 0) throw new Error(`walls refused ${walled.refused.length}: ${walled.refused[0]?.reason}`);
  const outcome = receiver.store.applyRemote(walled.admitted, scope);
  if (outcome.rejected > 0) throw new Error(`store rejected ${outcome.rejected}: ${outcome.refusals[0]?.reason}`);
  return outcome.applied.length;
}
