/**
 * One MQTT connection with one reconnect loop: jittered exponential backoff, a retained last will,
 * resubscribe on every connect. Over TLS it checks the broker's certificate and host name and shows
 * its own. A refusal (certificate, identity) backs off to a minute and is reported once per change
 * of reason, not per attempt. Durability is not its job: the outbox in SQLite is.
 */

import mqtt, { type MqttClient } from 'mqtt';
import type { WirePayload } from '../../shared/sync/payloads.js';
import { logger } from '../log.js';
import { classifyBrokerError, type BrokerRefusal } from './broker-refusal.js';
import { backoffDelay } from '../../shared/time/backoff.js';
import { systemTime, type CancelTimer, type SyncTime } from './sync-time.js';

/** What this replica shows the broker: TLS material (PEM) and/or a username and password. */
export interface BrokerCredentials {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  username?: string;
  password?: string;
}

export interface LinkOptions {
  url: string;
  clientId: string;
  credentials?: BrokerCredentials;
  will: { topic: string; payload: WirePayload };
  subscriptions: string[];
  onMessage(topic: string, payload: Buffer): void;
  onConnect(): void;
  onDisconnect(): void;
  /** The reason the link cannot connect changed (null: connected again). */
  onTrouble?(reason: BrokerRefusal | null): void;
  /** The engine's timers and jitter for the reconnect backoff and the goodbye's wait (the real ones when absent). */
  time?: SyncTime;
}

const BACKOFF_BASE_MS = 250;
const BACKOFF_CAP_MS = 10_000;
/** A refusal will not change by retrying soon: start at 5 s and stay below a minute. */
const REFUSED_BASE_MS = 5_000;
const REFUSED_CAP_MS = 60_000;

export class MqttLink {
  private readonly client: MqttClient;
  private attempt = 0;
  /** Cancels the reconnect waiting to run, if one is. */
  private timer: CancelTimer | undefined;
  private readonly time: SyncTime;
  private stopped = false;
  private wasConnected = false;
  private trouble: BrokerRefusal | null = null;
  private retryDelay = 0;
  /** Publishes awaiting their ack: failed at once when the connection drops, never left hanging. */
  private readonly inFlight = new Set<(error: Error) => void>();

  constructor(private readonly options: LinkOptions) {
    this.time = options.time ?? systemTime;
    const { ca, cert, key, username, password } = options.credentials ?? {};
    this.client = mqtt.connect(options.url, {
      clientId: options.clientId,
      ...(ca ? { ca } : {}),
      ...(cert && key ? { cert, key } : {}),
      ...(username ? { username } : {}),
      ...(password ? { password } : {}),
      // Never talk to a broker whose certificate does not check out (mqtt.js checks the host name).
      rejectUnauthorized: true,
      clean: true,
      reconnectPeriod: 0, // our own loop below, with jitter
      connectTimeout: 5_000,
      keepalive: 10,
      queueQoSZero: false,
      will: { topic: options.will.topic, payload: Buffer.from(wire(options.will.payload)), qos: 1, retain: true },
    });
    this.client.on('connect', () => this.connected());
    this.client.on('close', () => this.closed());
    this.client.on('error', (error) => this.failed(error));
    this.client.on('message', (topic, payload) => options.onMessage(topic, payload));
  }

  get isConnected(): boolean {
    return this.client.connected;
  }

  private connected(): void {
    // Small messages go out at once: with Nagle's algorithm a change batch written while an
    // earlier packet (an ack) is unacknowledged waits for the peer's delayed ACK, up to 40 ms.
    const socket = this.client.stream as { setNoDelay?: (noDelay: boolean) => unknown } | undefined;
    socket?.setNoDelay?.(true);
    this.attempt = 0;
    this.report(null);
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
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const refused = this.trouble === 'certificate' || this.trouble === 'not-authorised';
    const [base, cap] = refused ? [REFUSED_BASE_MS, REFUSED_CAP_MS] : [BACKOFF_BASE_MS, BACKOFF_CAP_MS];
    this.retryDelay = backoffDelay(this.attempt, { baseMs: base, capMs: cap }, () => this.time.random());
    this.attempt = Math.min(this.attempt + 1, 16);
    this.timer = this.time.after(this.retryDelay, () => {
      this.timer = undefined;
      if (!this.stopped && !this.client.connected) this.client.reconnect();
    });
  }

  private failed(error: Error): void {
    const reason = classifyBrokerError(error);
    logger.debug({ err: error, reason }, 'mqtt error');
    this.report(reason, error);
    // A refusal can arrive after the close that scheduled a quick retry: slow that retry down.
    if (this.timer && reason !== 'unreachable' && this.retryDelay < REFUSED_BASE_MS / 2) {
      this.timer();
      this.timer = undefined;
      this.attempt = 0;
      if (!this.stopped) this.scheduleReconnect();
    }
  }

  /** Logs and reports a change of reason only: a broker refusing every minute logs once. */
  private report(reason: BrokerRefusal | null, error?: Error): void {
    if (reason === this.trouble) return;
    const before = this.trouble;
    this.trouble = reason;
    if (reason === null) logger.info({ before }, 'broker connection restored');
    else if (reason === 'unreachable') logger.warn({ url: this.options.url, err: error?.message }, 'broker unreachable');
    else logger.error({ url: this.options.url, reason, err: error?.message }, `broker connection refused: ${reason}`);
    this.options.onTrouble?.(reason);
  }

  /** Publishes; resolves once the broker acknowledged (QoS 1), rejects when not connected. */
  publish(topic: string, payload: WirePayload, options: { retain?: boolean; qos?: 0 | 1 } = {}): Promise<void> {
    if (!this.client.connected) return Promise.reject(new Error('not connected'));
    return new Promise((resolve, reject) => {
      const fail = (error: Error) => reject(error);
      this.inFlight.add(fail);
      this.client.publish(topic, wire(payload), { qos: options.qos ?? 1, retain: options.retain ?? false }, (error) => {
        this.inFlight.delete(fail);
        if (error) reject(error);
        else resolve();
      });
    });
  }

  /** Says goodbye (retained offline presence) and closes. */
  async stop(goodbye?: { topic: string; payload: WirePayload }): Promise<void> {
    this.stopped = true;
    this.timer?.();
    if (goodbye && this.client.connected) {
      let cancel: CancelTimer = () => undefined;
      const waited = new Promise<void>((resolve) => (cancel = this.time.after(1000, resolve)));
      await Promise.race([this.publish(goodbye.topic, goodbye.payload, { retain: true }), waited]).catch(() => undefined);
      cancel();
    }
    await new Promise<void>((resolve) => this.client.end(true, {}, () => resolve()));
  }
}

/** mqtt.js takes text or a Buffer; bytes are wrapped, not copied. */
const wire = (payload: WirePayload): string | Buffer =>
  typeof payload === 'string' ? payload : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
