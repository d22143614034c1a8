/**
 * The front of the inbound path: reads the topic a message came on, refuses topics outside this
 * replica's municipality or unit (and anything but presence under `_hub`), and hands the payload to
 * the handler of its kind. A handler that throws costs that message only: it is counted and logged.
 */

import { HUB_SCOPE } from '../../shared/sync/protocol.js';
import type { Wall } from '../../shared/sync/scope-rules.js';
import { boardScopes, isScopeLevel, parseTopic, type Replica, type TopicKind, type TopicPath } from '../../shared/sync/topics.js';
import { logger } from '../log.js';

/** Refuses one inbound message: counted by wall (`message` when not named) and logged. */
export type Reject = (reason: string, topic: string, wall?: Wall) => void;

/** Handles one message of a kind; `where` is its topic, already checked. */
export type TopicHandler = (where: TopicPath, payload: Uint8Array, topic: string) => void;

export function topicRouter(replica: Replica, handlers: Record<TopicKind, TopicHandler>, reject: Reject): (topic: string, payload: Uint8Array) => void {
  return (topic, payload) => {
    try {
      const where = parseTopic(topic);
      if (!where || where.municipality !== replica.municipality) return reject('topic outside this municipality', topic, 'scope');
      const isHubScope = where.unit === HUB_SCOPE;
      if (!isHubScope && (!isScopeLevel(where.unit) || (replica.role === 'board' && !boardScopes(replica).includes(where.unit)))) {
        return reject('topic of another unit', topic, 'scope');
      }
      if (isHubScope && where.kind !== 'presence') return reject('only presence is published under the hub scope', topic);
      // An inbox is one node's: what is addressed to another is not this replica's business.
      if (where.kind === 'sync' && where.node !== replica.nodeId) return;
      handlers[where.kind](where, payload, topic);
    } catch (error) {
      // A message must never take the process down: count it and go on.
      logger.error({ err: error, topic }, 'inbound message failed');
      reject('processing failed', topic);
    }
  };
}
