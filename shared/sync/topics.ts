/**
 * The topic scheme of sync protocol version 1 (docs/protocol.md, "Topics"): who a replica is, the
 * topics it publishes on, how an inbound topic is read, and which topics a board or the hub
 * subscribes to. Pure.
 */

import { HUB_SCOPE, TOPIC_ROOT } from './protocol.js';
import { parsePrivateScope, privateScope } from '../reception/reception-kinds.js';

/**
 * A replica's role: a board holds one unit, the hub every unit of its municipality. A board of a
 * shared reception runs for one `organisation` and also holds that organisation's private scope.
 */
export type ReplicaRole = { role: 'board'; unit: string; organisation?: string } | { role: 'hub' };

/** Who a replica is on the topics: its municipality, its node id and its role. */
export type Replica = { municipality: string; nodeId: string } & ReplicaRole;

export type TopicKind = 'changes' | 'presence' | 'sync';

/** A topic of this protocol, split into its levels. */
export interface TopicPath {
  municipality: string;
  unit: string;
  kind: TopicKind;
  node: string;
}

const UNIT_LEVEL = /^[a-z0-9][a-z0-9-]{0,31}$/;

export const topics = {
  changes: (m: string, unit: string, node: string) => `${TOPIC_ROOT}/${m}/${unit}/changes/${node}`,
  presence: (m: string, unit: string, node: string) => `${TOPIC_ROOT}/${m}/${unit}/presence/${node}`,
  inbox: (m: string, unit: string, node: string) => `${TOPIC_ROOT}/${m}/${unit}/sync/${node}`,
};

/** Splits a topic of this protocol; undefined for anything else. */
export function parseTopic(topic: string): TopicPath | undefined {
  const parts = topic.split('/');
  if (parts.length !== 6 || `${parts[0]}/${parts[1]}` !== TOPIC_ROOT) return undefined;
  const [, , municipality, unit, kind, node] = parts;
  if (kind !== 'changes' && kind !== 'presence' && kind !== 'sync') return undefined;
  return { municipality, unit, kind, node };
}

/** Whether a topic level can name a unit (lowercase letters, digits and `-`, at most 32). */
export function isUnitLevel(level: string): boolean {
  return UNIT_LEVEL.test(level);
}

/** Whether a topic level can name a scope: a unit, or a shared reception's `<unit>~<organisation>`. */
export function isScopeLevel(level: string): boolean {
  const split = parsePrivateScope(level);
  return split ? isUnitLevel(split.unit) && isUnitLevel(split.organisation) : isUnitLevel(level);
}

/** The scopes a board holds: its unit, and its organisation's private scope when it runs for one. */
export function boardScopes(replica: { unit: string; organisation?: string }): string[] {
  return replica.organisation ? [replica.unit, privateScope(replica.unit, replica.organisation)] : [replica.unit];
}

/** The scope a replica announces itself in: a board's unit, or `_hub`. */
export function presenceScope(replica: ReplicaRole): string {
  return replica.role === 'hub' ? HUB_SCOPE : replica.unit;
}

/** The replica's own presence topic (retained; its last will says offline). */
export function presenceTopic(replica: Replica): string {
  return topics.presence(replica.municipality, presenceScope(replica), replica.nodeId);
}

/** What a replica subscribes to: its scope's changes and presences, its own inbox; a board also the hub's presence. */
export function subscriptionsOf(replica: Replica): string[] {
  const { municipality: m, nodeId } = replica;
  const scopes = replica.role === 'hub' ? ['+'] : boardScopes(replica);
  return [
    ...scopes.flatMap((scope) => [`${TOPIC_ROOT}/${m}/${scope}/changes/+`, `${TOPIC_ROOT}/${m}/${scope}/presence/+`, `${TOPIC_ROOT}/${m}/${scope}/sync/${nodeId}`]),
    ...(replica.role === 'board' ? [`${TOPIC_ROOT}/${m}/${HUB_SCOPE}/presence/+`] : []),
  ];
}
