/**
 * One MQTT connection with one reconnect loop: jittered exponential backoff, a retained last will,
 * resubscribe on every connect. Durability is not its job: the outbox in SQLite is.
 */

import mqtt, { type MqttClient } from 'mqtt';
import { logger } from '../log.js';

export interface LinkOptions {
  url: string;
  clientId: string;
  will: { topic: string; payload: string };
  subscriptions: string[];
  onMessage(topic: string, payload: Buffer): void;
  onConnect(): void;
  onDisconnect(): void;
}

const BACKOFF_BASE_MS = 250;
const BACKOFF_CAP_MS = 10_000;

export class MqttLink {
  private readonly client: MqttClient;
  private attempt = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private wasConnected = false;
  /** Publishes awaiting their ack: failed at once when the connection drops, never left hanging. */
  private readonly inFlight = new Set<(error: Error) => void>();

  constructor(private readonly options: LinkOptions) {
    this.client = mqtt.connect(options.url, {
      clientId: options.clientId,
      clean: true,
      reconnectPeriod: 0, // our own loop below, with jitter
      connectTimeout: 5_000,
      keepalive: 10,
      queueQoSZero: false,
      will: { topic: options.will.topic, payload: Buffer.from(options.will.payload), qos: 1, retain: true },
    });
    this.client.on('connect', () => this.connected());
    this.client.on('close', () => this.closed());
    this.client.on('error', (error) => logger.debug({ err: error }, 'mqtt error'));
    this.client.on('message', (topic, payload) => options.onMessage(topic, payload));
  }

  get isConnected(): boolean {
    return this.client.connected;
  }

  private connected(): void {
    this.attempt = 0;
    this.wasConnected = true;
    this.client.subscribe(this.options.subscriptions, { qos: 1 }, (error) => {
      if (error) {
        logger.warn({ err: error }, 'mqtt subscribe failed; reconnecting');
        this.client.end(true, () => this.closed());
        return;
      }
      this.options.onConnect();
    });
  }

  private closed(): void {
    for (const fail of this.inFlight) fail(new Error('connection lost before the broker acknowledged'));
    this.inFlight.clear();
    if (this.wasConnected) {
      this.wasConnected = false;
      this.options.onDisconnect();
    }
    if (this.stopped || this.timer) return;
    const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** this.attempt);
    const delay = Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
    this.attempt = Math.min(this.attempt + 1, 16);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.stopped && !this.client.connected) this.client.reconnect();
    }, delay);
  }

  /** Publishes; resolves once the broker acknowledged (QoS 1), rejects when not connected. */
  publish(topic: string, payload: string, options: { retain?: boolean; qos?: 0 | 1 } = {}): Promise<void> {
    if (!this.client.connected) return Promise.reject(new Error('not connected'));
    return new Promise((resolve, reject) => {
      const fail = (error: Error) => reject(error);
      this.inFlight.add(fail);
      this.client.publish(topic, payload, { qos: options.qos ?? 1, retain: options.retain ?? false }, (error) => {
        this.inFlight.delete(fail);
        if (error) reject(error);
        else resolve();
      });
    });
  }

  /** Says goodbye (retained offline presence) and closes. */
  async stop(goodbye?: { topic: string; payload: string }): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (goodbye && this.client.connected) {
      await Promise.race([this.publish(goodbye.topic, goodbye.payload, { retain: true }), delay(1000)]).catch(() => undefined);
    }
    await new Promise<void>((resolve) => this.client.end(true, {}, () => resolve()));
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
