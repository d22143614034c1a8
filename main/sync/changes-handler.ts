/**
 * Live change batches from a scope's `changes` topic: the sender must be the topic's node and may
 * not be announced in other units only; the batch then merges as written by that node's side.
 */

import type { Change } from '../../shared/sync/change.js';
import type { Writer } from '../../shared/sync/scope-rules.js';
import type { InboundScope } from './inbound-scope.js';
import { decodeChanges } from './payload-decoders.js';
import type { Reject, TopicHandler } from './topic-router.js';

export interface ChangesDeps {
  nodeId: string;
  walls: Pick<InboundScope, 'senderProblem' | 'writer'>;
  merge(scope: string, changes: readonly Change[], writer: Writer): number;
  reject: Reject;
}

export function changesHandler({ nodeId, walls, merge, reject }: ChangesDeps): TopicHandler {
  return (where, payload, topic) => {
    if (where.node === nodeId) return; // its own batch, back from the broker
    const decoded = decodeChanges(payload);
    if (!decoded.ok) return reject(decoded.reason, topic);
    if (decoded.value.from !== where.node) return reject('sender differs from topic', topic, 'sender');
    const elsewhere = walls.senderProblem(where.unit, where.node);
    if (elsewhere) return reject(elsewhere, topic, 'sender');
    merge(where.unit, decoded.value.changes, walls.writer(where.unit, where.node));
  };
}
