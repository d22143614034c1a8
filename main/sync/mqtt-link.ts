/**
 * One MQTT connection with one reconnect loop: jittered exponential backoff, a retained last will,
 * resubscribe on every connect. Over TLS it checks the broker's certificate and host name and shows
 * its own. A refusal (certificate, identity) backs off to a minute and is reported once per change
 * of reason, not per attempt. Given the nodes of a clustered broker, each retry dials the next
 * node in the list, so a replica whose node dies is on another within one backoff step. A
 * subscription the broker refuses is asked for again on the same connection before the link gives
 * the node up. Durability is not its job: the outbox in SQLite is.
 */

import mqtt, { type MqttClient } from 'mqtt';
import type { WirePayload } from '../../shared/sync/payloads.js';
import { logger } from '../log.js';
import { classifyBrokerError, type BrokerRefusal } from './broker-refusal.js';
import { backoffDelay } from '../../shared/time/backoff.js';
import { systemTime, type CancelTimer, type SyncTime } from './sync-time.js';
import { brokerUrls, nextBroker } from './broker-list.js';

/** What this replica shows the broker: TLS material (PEM) and/or a username and password. */
export interface BrokerCredentials {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  username?: string;
  password?: string;
}

export interface LinkOptions {
  /** One broker URL, or the nodes of a clustered broker, comma-separated (tried in turn). */
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
/**
 * A broker that takes the connection but never answers the subscriptions or a publish (a cluster
 * node whose JetStream lost its leader with a dead peer) is left for the next node after this long.
 */
const ANSWER_TIMEOUT_MS = 15_000;
/**
 * A SUBACK that refuses a filter (0x80) is asked again this many times in all, after a short
 * backoff, before the node is given up. NATS refuses a QoS 1 subscription whose JetStream consumer
 * was not created within its 4 s API timeout — after a node loss about a third of new consumers
 * are (docs/protocol.md) — and the next try usually succeeds; dialling another node instead would
 * take the session over and create every consumer again.
 */
const SUBSCRIBE_TRIES = 6;
const SUBSCRIBE_RETRY = { baseMs: 250, capMs: 2_000 };
/** The refusal bit of a SUBACK return code (MQTT 3.1.1 0x80; MQTT 5 reason codes ≥ 0x80). */
const SUBACK_FAILURE = 0x80;

export class MqttLink {
  private client: MqttClient;
  private readonly urls: string[];
  /** The node of `urls` dialled now. */
  private current = 0;
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
    this.urls = brokerUrls(options.url);
    if (this.urls.length === 0) throw new Error('no broker URL');
    this.client = this.dial();
  }

  /** The broker URL dialled now (one node of a cluster). */
  get url(): string {
    return this.urls[this.current];
  }

  /** A client for the current node; events of a client left behind are ignored. */
  private dial(): MqttClient {
    const { options } = this;
    const { ca, cert, key, username, password } = options.credentials ?? {};
    const client = mqtt.connect(this.url, {
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
    const current = () => client === this.client;
    client.on('connect', () => {
      if (current()) this.connected();
    });
    client.on('close', () => {
      if (current()) this.closed();
    });
    client.on('error', (error) => {
      if (current()) this.failed(error);
    });
    client.on('message', (topic, payload) => {
      if (current()) options.onMessage(topic, payload);
    });
    return client;
  }

  /** Leaves the node that failed or dropped for the next one in the list. */
  private switchNode(): void {
    const left = this.client;
    this.current = nextBroker(this.current, this.urls.length);
    this.client = this.dial();
    left.end(true);
    logger.info({ url: this.url }, 'dialling the next broker node');
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
    void this.subscribeAll(this.client);
  }

  /**
   * Subscribes the filters one SUBSCRIBE at a time (each answered within the answer timeout, as a
   * NATS node creates one JetStream consumer per filter in turn), retries a refused one on this
   * connection, and tells the engine it is connected once every filter is granted: its reconcile
   * then covers whatever was published before the last subscription held.
   */
  private async subscribeAll(client: MqttClient): Promise<void> {
    const live = () => client === this.client && client.connected && !client.disconnecting && !this.stopped;
    for (const topic of this.options.subscriptions) {
      for (let tries = 1; ; tries += 1) {
        const answer = await this.subscribeOnce(client, topic);
        if (!live()) return;
        if (answer === 'granted') break;
        if (answer !== 'refused' || tries >= SUBSCRIBE_TRIES) {
          logger.warn({ err: answer === 'refused' ? undefined : answer, url: this.url, topic, tries }, 'mqtt subscribe failed; reconnecting');
          client.end(true, () => this.closed());
          return;
        }
        const delay = backoffDelay(tries - 1, SUBSCRIBE_RETRY, () => this.time.random());
        logger.warn({ url: this.url, topic, tries, retryInMs: delay }, 'the broker refused a subscription; asking again');
        await new Promise<void>((resolve) => this.time.after(delay, resolve, true));
        if (!live()) return;
      }
    }
    this.options.onConnect();
  }

  /** One SUBSCRIBE of one filter: granted, refused by its SUBACK, or the error (connection gone, no answer). */
  private subscribeOnce(client: MqttClient, topic: string): Promise<'granted' | 'refused' | Error> {
    return new Promise((resolve) => {
      const unanswered = this.time.after(
        ANSWER_TIMEOUT_MS,
        () => {
          this.abandon(client, 'the broker did not acknowledge a subscription');
          resolve(new Error('no SUBACK'));
        },
        true,
      );
      client.subscribe(topic, { qos: 1 }, (error, _granted, suback) => {
        unanswered();
        const codes = (suback?.granted ?? []) as number[];
        if (!error) resolve('granted');
        else resolve(codes.length > 0 && codes.every((code) => (code & SUBACK_FAILURE) !== 0) ? 'refused' : error);
      });
    });
  }

  /** Drops a connection the broker stopped answering on; the reconnect loop dials the next node. */
  private abandon(client: MqttClient, why: string): void {
    if (client !== this.client || this.stopped || !client.connected) return;
    logger.warn({ url: this.url, timeoutMs: ANSWER_TIMEOUT_MS }, `${why}; reconnecting`);
    client.end(true, () => this.closed());
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
      if (this.stopped || this.client.connected) return;
      if (this.urls.length > 1) this.switchNode();
      else this.client.reconnect();
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
    if (reason === null) logger.info({ before, url: this.url }, 'broker connection restored');
    else if (reason === 'unreachable') logger.warn({ url: this.url, err: error?.message }, 'broker unreachable');
    else logger.error({ url: this.url, reason, err: error?.message }, `broker connection refused: ${reason}`);
    this.options.onTrouble?.(reason);
  }

  /** Publishes; resolves once the broker acknowledged (QoS 1), rejects when not connected. */
  publish(topic: string, payload: WirePayload, options: { retain?: boolean; qos?: 0 | 1 } = {}): Promise<void> {
    if (!this.client.connected) return Promise.reject(new Error('not connected'));
    const client = this.client;
    return new Promise((resolve, reject) => {
      const fail = (error: Error) => reject(error);
      this.inFlight.add(fail);
      const unanswered = this.time.after(ANSWER_TIMEOUT_MS, () => this.abandon(client, 'the broker did not acknowledge a publish'), true);
      client.publish(topic, wire(payload), { qos: options.qos ?? 1, retain: options.retain ?? false }, (error) => {
        unanswered();
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
