/**
 * An in-memory stand-in for the broker behind the engine's small link interface (sync-link.ts):
 * topic filters with `+` and `#`, retained messages, the last will on a dropped connection, acks
 * after delivery. For unit tests of the engine's concerns; integration tests use Mosquitto.
 */

import type { LinkOptions } from '../../main/sync/mqtt-link.js';
import type { SyncLink } from '../../main/sync/sync-link.js';
import type { WirePayload } from '../../shared/sync/payloads.js';
import { decodeBinary } from '../../main/sync/wire.js';
import { BINARY_MARKER } from '../../shared/sync/page-codec.js';

export interface Published {
  client: string;
  topic: string;
  payload: Buffer;
  retain: boolean;
}

const bytes = (payload: WirePayload) => (typeof payload === 'string' ? Buffer.from(payload) : Buffer.from(payload));
const later = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Whether an MQTT topic filter matches a topic. */
export function matches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i += 1) {
    if (f[i] === '#') return true;
    if (i >= t.length || (f[i] !== '+' && f[i] !== t[i])) return false;
  }
  return f.length === t.length;
}

export class FakeLink implements SyncLink {
  connected = false;
  stopped = false;

  constructor(
    private readonly broker: FakeBroker,
    readonly options: LinkOptions,
  ) {}

  /** Connects (when the broker is up): subscribed, told, then the retained messages arrive. */
  connect(): void {
    if (this.stopped || this.connected || !this.broker.up) return;
    this.connected = true;
    this.options.onConnect();
    for (const [topic, payload] of this.broker.retained) if (this.hears(topic)) this.receive(topic, payload);
  }

  /** The connection drops: the link is told and the broker publishes its will. */
  drop(): void {
    if (!this.connected) return;
    this.connected = false;
    this.options.onDisconnect();
    this.broker.route(this.options.clientId, this.options.will.topic, bytes(this.options.will.payload), true);
  }

  hears(topic: string): boolean {
    return this.options.subscriptions.some((filter) => matches(filter, topic));
  }

  receive(topic: string, payload: Buffer): void {
    void later().then(() => {
      if (this.connected) this.options.onMessage(topic, payload);
    });
  }

  async publish(topic: string, payload: WirePayload, options: { retain?: boolean } = {}): Promise<void> {
    if (!this.connected) throw new Error('not connected');
    await later();
    if (!this.connected) throw new Error('connection lost before the broker acknowledged');
    if (this.broker.refusePublish?.(topic)) throw new Error('publish refused');
    this.broker.route(this.options.clientId, topic, bytes(payload), options.retain ?? false);
  }

  async stop(goodbye?: { topic: string; payload: WirePayload }): Promise<void> {
    if (goodbye && this.connected) await this.publish(goodbye.topic, goodbye.payload, { retain: true }).catch(() => undefined);
    this.connected = false;
    this.stopped = true;
  }
}

export class FakeBroker {
  up = true;
  readonly links: FakeLink[] = [];
  readonly retained = new Map<string, Buffer>();
  readonly published: Published[] = [];
  /** Makes a publish on a topic fail (a test's broken connection). */
  refusePublish?: (topic: string) => boolean;

  /** The engine's `openLink`: a link that connects right after it is opened. */
  readonly open = (options: LinkOptions): FakeLink => {
    const link = new FakeLink(this, options);
    this.links.push(link);
    void later().then(() => link.connect());
    return link;
  };

  route(client: string, topic: string, payload: Buffer, retain: boolean): void {
    this.published.push({ client, topic, payload, retain });
    if (retain) {
      if (payload.byteLength === 0) this.retained.delete(topic);
      else this.retained.set(topic, payload);
    }
    for (const link of this.links) if (link.connected && link.hears(topic)) link.receive(topic, payload);
  }

  /** What was published on topics matching `filter`, parsed. */
  sent(filter: string): { client: string; topic: string; message: Record<string, unknown> }[] {
    return this.published.filter((p) => matches(filter, p.topic)).map((p) => ({ client: p.client, topic: p.topic, message: readMessage(p.payload) }));
  }
}

/** A published message as a replica reads it: a binary change page (wire.ts) or JSON. */
export function readMessage(payload: Uint8Array): Record<string, unknown> {
  if (payload[0] === BINARY_MARKER) {
    const { header, changes } = decodeBinary(payload);
    return { ...(header as Record<string, unknown>), changes };
  }
  return JSON.parse(Buffer.from(payload).toString()) as Record<string, unknown>;
}
