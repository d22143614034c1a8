/**
 * Messages to this replica's sync inbox, by kind: a digest round goes to the rounds; a request
 * (digest, tree, stamps, fetch, pull, push) is answered by the responder, only to a replica
 * announced in that scope (or the hub); an answer settles the request awaiting it.
 */

import type { RoundMessage } from '../../shared/sync/round.js';
import type { InboxBody } from '../../shared/sync/payloads.js';
import type { WireFormat } from '../../shared/sync/page-codec.js';
import type { SyncMessage } from '../../shared/sync/protocol.js';
import { logger } from '../log.js';
import type { InboundScope } from './inbound-scope.js';
import { decodeInbox } from './payload-decoders.js';
import type { Requests } from './requests.js';
import type { SyncResponder } from './sync-responder.js';
import type { Reject, TopicHandler } from './topic-router.js';
import { answerFormat } from './wire.js';

export interface InboxDeps {
  walls: Pick<InboundScope, 'mayRequest'>;
  rounds: { receive(scope: string, message: RoundMessage): void; asked(scope: string, peer: string): void };
  requests: Pick<Requests, 'settle'>;
  responder: Pick<SyncResponder, 'answer'>;
  /** Whether this replica must start over in a scope before it serves or sends anything of it. */
  mustStartOver(scope: string): boolean;
  /** Reconciles a scope (here: starts over from the peer that is there). */
  reconcile(scope: string): void;
  /** `format`: an answer's pages go binary to an initiator whose session says it reads them. */
  send(scope: string, to: string, message: InboxBody, format?: WireFormat): Promise<void>;
  reject: Reject;
}

type Request = Extract<SyncMessage, { type: 'digest-request' | 'tree-request' | 'stamps-request' | 'fetch' | 'pull' | 'push' }>;
type Answer = Exclude<SyncMessage, Request>;

export function inboxHandler(deps: InboxDeps): TopicHandler {
  const { walls, reject } = deps;

  const round = (scope: string, message: RoundMessage, topic: string) => {
    // A digest says little, but only to a replica announced in that unit, or the hub; one that
    // arrives before its sender's presence is dropped uncounted: the next period asks again.
    if (!walls.mayRequest(scope, message.from)) return logger.debug({ topic }, 'digest round from a replica not announced here');
    deps.rounds.receive(scope, message);
  };

  const request = (scope: string, message: Request, topic: string) => {
    // Never the unit's history to whoever publishes a pull: only to a replica announced in that unit, or the hub.
    if (!walls.mayRequest(scope, message.from)) return reject(`sync request from ${message.from}, not announced in ${scope}`, topic, 'request');
    deps.rounds.asked(scope, message.from); // it is reconciling with this replica: no round toward it meanwhile
    const answer = deps.responder.answer(scope, message);
    if (!answer) return startOverIfMust(scope);
    deps.send(scope, message.from, answer, answerFormat(message.session)).catch((error: unknown) => logger.debug({ err: error }, 'sync answer not sent'));
  };

  const answer = (scope: string, message: Answer, topic: string) => {
    const settled = deps.requests.settle(message);
    if (settled.settled) return;
    if (settled.wrongSender) return reject(settled.wrongSender, topic, 'sender');
    startOverIfMust(scope); // a late answer: a peer is there, if this replica must start over
  };

  /** Refused because this replica must start over first: a peer is there to start over from. */
  const startOverIfMust = (scope: string) => {
    if (deps.mustStartOver(scope)) deps.reconcile(scope);
  };

  return (where, payload, topic) => {
    const decoded = decodeInbox(payload);
    if (!decoded.ok) return reject(decoded.reason, topic);
    const message = decoded.value;
    switch (message.type) {
      case 'round':
      case 'round-ack':
        return round(where.unit, message, topic);
      case 'digest-request':
      case 'tree-request':
      case 'stamps-request':
      case 'fetch':
      case 'pull':
      case 'push':
        return request(where.unit, message, topic);
      case 'digest':
      case 'tree':
      case 'stamps':
      case 'page':
      case 'push-ack':
        return answer(where.unit, message, topic);
      default:
        return unknownKind(message);
    }
  };
}

/** Every kind the schema admits is routed above: the compiler says so when a new one is added. */
function unknownKind(message: never): never {
  throw new Error(`no handler for inbox message ${JSON.stringify(message)}`);
}
