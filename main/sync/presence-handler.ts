/**
 * Presence announcements: who is online in which scope (the walls judge where a node may announce
 * itself). A peer coming online meets this replica: the newcomer of the two reconciles, the other
 * brings its next digest round forward; of two hubs the newcomer brings its round with the other forward.
 */

import { HUB_SCOPE } from '../../shared/sync/protocol.js';
import type { Replica } from '../../shared/sync/topics.js';
import type { DigestRounds } from './digest-rounds.js';
import type { InboundScope } from './inbound-scope.js';
import { decodePresence } from './payload-decoders.js';
import { isNewcomer, type Peers } from './peers.js';
import type { Reject, TopicHandler } from './topic-router.js';

export interface PresenceDeps {
  replica: Replica;
  walls: Pick<InboundScope, 'announce'>;
  peers: Peers;
  /** When this replica last came online, as its own presence announces. */
  onlineSince(): string;
  schedule: { wasReconciled(scope: string): boolean; request(scope: string): void };
  rounds: Pick<DigestRounds, 'soon' | 'met'>;
  reject: Reject;
}

export function presenceHandler(deps: PresenceDeps): TopicHandler {
  const { replica, walls, peers, schedule, reject } = deps;
  return (where, payload, topic) => {
    if (payload.byteLength === 0) return; // a cleared retained message
    const decoded = decodePresence(payload);
    if (!decoded.ok) return reject(decoded.reason, topic);
    const peer = decoded.value;
    if (peer.node !== where.node) return reject('presence node differs from topic', topic, 'sender');
    if (peer.node === replica.nodeId) return;
    const online = peer.status === 'online';
    const refused = walls.announce(where.unit, peer.node, peer.role, online);
    if (refused) return reject(refused, topic, 'sender');
    if (!peers.announced(where.unit, peer.node, online)) return;

    // Two hubs meet: the newcomer compares every unit with the other now (its rounds go to hubs only),
    // for it takes the other's hub-only records from that hub alone (docs/protocol.md, "Two hubs").
    if (replica.role === 'hub' && where.unit === HUB_SCOPE) {
      if (isNewcomer({ at: deps.onlineSince(), node: replica.nodeId }, peer)) deps.rounds.met();
      return;
    }
    // A board meets a peer in the scope it announced in (its unit, or its organisation's private scope); the hub's presence means the unit.
    const scope = replica.role === 'board' && where.unit === HUB_SCOPE ? replica.unit : where.unit;
    if (scope === HUB_SCOPE || schedule.wasReconciled(scope)) return;
    if (isNewcomer({ at: deps.onlineSince(), node: replica.nodeId }, peer)) schedule.request(scope);
    else deps.rounds.soon(); // a peer back online: compare digests now rather than at the period's end
  };
}
