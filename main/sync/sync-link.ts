/**
 * The little the sync engine needs of its broker connection: publish with the broker's ack, say
 * goodbye and close; and what it hears back through the link's options. MqttLink is the real one;
 * unit tests pass one of their own.
 */

import type { WirePayload } from '../../shared/sync/payloads.js';
import { MqttLink, type LinkOptions } from './mqtt-link.js';

export interface SyncLink {
  /** Resolves once the broker acknowledged (QoS 1); rejects when not connected or the connection drops first. */
  publish(topic: string, payload: WirePayload, options?: { retain?: boolean; qos?: 0 | 1 }): Promise<void>;
  /** Publishes the goodbye (retained) if it can, then closes for good. */
  stop(goodbye?: { topic: string; payload: WirePayload }): Promise<void>;
}

/** Opens a link: it connects on its own and reports through the options' callbacks. */
export type OpenLink = (options: LinkOptions) => SyncLink;

export const openMqttLink: OpenLink = (options) => new MqttLink(options);
