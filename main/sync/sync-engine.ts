/**
 * A replica's sync: drains the outbox to the broker, merges what peers publish, announces presence
 * and runs anti-entropy with a peer whenever it (re)connects, a peer appears, or a periodic digest
 * round finds a difference. Boards hold one unit's scope; the hub holds every unit of its
 * municipality. While the replica's clock is judged ahead of its peers' the outbox is held.
 */

import { randomBytes } from 'node:crypto';
import type { BrokerRefusal, ClockStatus, SyncStatus } from '../../shared/api/contract.js';
import type { Change } from '../../shared/sync/change.js';
import {
  batchChanges,
  ChangesMessage,
  HUB_SCOPE,
  PAGE_SIZE,
  parseTopic,
  PresenceMessage,
  SyncMessage,
  topics,
  TOPIC_ROOT,
} from '../../shared/sync/protocol.js';
import type { Refusal, Wall, Writer } from '../../shared/sync/scope-rules.js';
import type { FieldStore } from '../store/field-store.js';
import { logger } from '../log.js';
import { InboxMessage, isRoundMessage } from '../../shared/sync/round.js';
import { reconcile, scopeDigest, SyncResponder, type Ask } from './anti-entropy.js';
import { clockMoved, settleClock } from './clock-policy.js';
import { ClockWatch } from './clock-watch.js';
import { DigestRounds } from './digest-rounds.js';
import { decodePayload } from './inbound.js';
import { countRefusals, InboundScope } from './inbound-scope.js';
import { MqttLink, type BrokerCredentials } from './mqtt-link.js';
import { SentMarks } from './sent-marks.js';
import { answerFormat, binarySession, encodeMessage, LIVE_FORMAT } from './wire.js';

export interface SyncEngineOptions {
  store: FieldStore;
  brokerUrl: string;
  /** This replica's identity at the broker (TLS client certificate, or username and password). */
  credentials?: BrokerCredentials;
  municipality: string;
  nodeId: string;
  role: 'board' | 'hub';
  /** A board's own unit; absent on the hub. */
  unit?: string;
  onApplied(scope: string, changes: Change[]): void;
  onStatus(status: SyncStatus): void;
  onProgress?(scope: string, done: number, total: number): void;
  /** The digest round's period (default 30 s: docs/protocol.md, "Digest rounds"). */
  periodMs?: number;
  /** The clock watch whose reference time the store's HLC reads (a fresh one when absent). */
  clock?: ClockWatch;
}

/** The default period of the digest round. */
export const DEFAULT_SYNC_PERIOD_MS = 30_000;

const REQUEST_TIMEOUT_MS = 10_000;
/** Inbox messages that ask this replica for state (or push into it): the walls judge who sends them. */
const REQUESTS = new Set<SyncMessage['type']>(['digest-request', 'tree-request', 'stamps-request', 'fetch', 'pull', 'push']);
const UNIT = /^[a-z0-9][a-z0-9-]{0,31}$/;

interface Peer {
  role: 'board' | 'hub';
  online: boolean;
}

export class SyncEngine {
  readonly status: SyncStatus;
  private readonly link: MqttLink;
  private readonly responder: SyncResponder;
  private readonly peers = new Map<string, Map<string, Peer>>();
  private readonly walls: InboundScope;
  private readonly pending = new Map<string, { expect: string; peer: string; resolve(m: SyncMessage): void; reject(e: Error): void; timer: NodeJS.Timeout }>();
  private readonly reconciling = new Set<string>();
  /** Scopes reconciled since this connection began: the newcomer initiates, peers need not. */
  private readonly reconciled = new Set<string>();
  private readonly again = new Set<string>();
  private readonly retryTimers = new Map<string, NodeJS.Timeout>();
  private retryAttempt = 0;
  private seq = 0;
  private draining = false;
  private drainAgain = false;
  private stopped = false;
  /** When this replica last came online, as its presence announces: who is the newcomer. */
  private onlineSince = '';
  /** Whether the broker ever answered since start: a broker never reached is a setup problem. */
  private everConnected = false;
  private readonly rounds: DigestRounds;
  private readonly clock: ClockWatch;
  /** Sent changes whose sent mark could not be written: not counted as unsent, marked again later. */
  private readonly sentMarks: SentMarks;

  constructor(private readonly options: SyncEngineOptions) {
    const { municipality: m, nodeId, role, unit } = options;
    this.clock = options.clock ?? new ClockWatch(role);
    // A verdict must outlive the gap between two rounds, or a held outbox would leak between them.
    this.clock.ttlMs = Math.max(90_000, 3 * (options.periodMs ?? DEFAULT_SYNC_PERIOD_MS));
    this.sentMarks = new SentMarks(options.store);
    this.walls = new InboundScope(options.store, { municipality: m, role });
    this.status = {
      broker: 'offline',
      offlineSince: new Date().toISOString(),
      outbox: options.store.outboxSize(),
      rejected: 0,
      rejectedBy: {},
      lastSyncAt: null,
      clock: this.clock.status(),
      storage: options.store.health.status,
    };
    this.rounds = new DigestRounds({
      periodMs: options.periodMs ?? DEFAULT_SYNC_PERIOD_MS,
      initiates: role === 'board',
      clock: this.clock,
      targets: () => this.roundTargets(),
      digest: (s) => scopeDigest(options.store, s),
      send: (s, to, message) => this.link.publish(topics.inbox(m, s, to), JSON.stringify({ v: 1, from: nodeId, ...message })),
      isHub: (node) => this.peers.get(HUB_SCOPE)?.has(node) ?? false,
      beforeRound: () => this.beforeRound(),
      differs: (s, peer) => this.scheduleReconcile(s, peer),
    });
    this.clock.onStep = () => {
      clockMoved(options.store, 'stepped');
      this.beforeRound();
    };
    this.clock.onChange = (clock) => this.clockChanged(clock);
    this.rounds.start();
    this.responder = new SyncResponder(options.store, (scope, changes, from) => this.applyRemote(scope, changes, this.walls.writer(scope, from)));
    const scope = role === 'hub' ? '+' : (unit as string);
    this.link = new MqttLink({
      url: options.brokerUrl,
      clientId: `tavla-${nodeId}`,
      credentials: options.credentials,
      will: { topic: this.presenceTopic(), payload: this.presence('offline') },
      subscriptions: [
        `${TOPIC_ROOT}/${m}/${scope}/changes/+`,
        `${TOPIC_ROOT}/${m}/${scope}/presence/+`,
        `${TOPIC_ROOT}/${m}/${scope}/sync/${nodeId}`,
        ...(role === 'board' ? [`${TOPIC_ROOT}/${m}/${HUB_SCOPE}/presence/+`] : []),
      ],
      onMessage: (topic, payload) => this.receive(topic, payload),
      onConnect: () => this.connected(),
      onDisconnect: () => this.disconnected(),
      onTrouble: (reason) => this.troubled(reason),
    });
  }

  /** Call after every local commit: publishes the outbox now. */
  notifyLocalCommit(): void {
    this.rounds.changed();
    this.status.outbox = this.outboxCount();
    void this.drain();
  }

  /** Publishes already-stamped changes into a scope (the hub mirroring cross-unit records). */
  async publishInto(scope: string, changes: Change[]): Promise<void> {
    for (const batch of batchChanges(changes)) {
      await this.link.publish(topics.changes(this.options.municipality, scope, this.options.nodeId), encodeMessage({ v: 1, from: this.options.nodeId, changes: batch }, LIVE_FORMAT));
    }
  }

  /** Counts and logs refusals made outside the inbound path (the hub's settlement of transfers). */
  refuse(refusals: readonly { wall: Wall; reason: string }[], context: Record<string, unknown>): void {
    countRefusals(this.status, refusals, context);
    if (refusals.length > 0) this.emitStatus();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.rounds.stop();
    for (const timer of this.retryTimers.values()) clearTimeout(timer);
    this.rejectPending(new Error('stopped'));
    await this.link.stop({ topic: this.presenceTopic(), payload: this.presence('offline') });
  }

  private presenceTopic(): string {
    const { municipality, unit, nodeId, role } = this.options;
    return topics.presence(municipality, role === 'hub' ? HUB_SCOPE : (unit as string), nodeId);
  }

  private presence(status: 'online' | 'offline'): string {
    const at = status === 'online' ? this.onlineSince : new Date().toISOString();
    return JSON.stringify({ v: 1, node: this.options.nodeId, role: this.options.role, status, at });
  }

  private connected(): void {
    this.everConnected = true;
    this.status.broker = 'connected';
    this.status.brokerReason = null;
    this.status.offlineSince = null;
    this.retryAttempt = 0;
    this.reconciled.clear();
    this.onlineSince = new Date().toISOString();
    this.emitStatus();
    this.link.publish(this.presenceTopic(), this.presence('online'), { retain: true }).catch(() => undefined);
    void this.drain();
    // Retained presences arrive right after subscribing; a board also reconciles on its own.
    if (this.options.role === 'board') setTimeout(() => this.scheduleReconcile(this.options.unit as string), 50);
  }

  private disconnected(): void {
    this.status.broker = 'offline';
    this.status.offlineSince = new Date().toISOString();
    this.rejectPending(new Error('disconnected'));
    for (const scopePeers of this.peers.values()) for (const peer of scopePeers.values()) peer.online = false;
    this.emitStatus();
  }

  /** A refusal shows as `refused`; a broker lost after it answered is an outage: `offline`. */
  private troubled(reason: BrokerRefusal | null): void {
    this.status.brokerReason = reason;
    if (reason === null) return;
    this.status.broker = reason === 'unreachable' && this.everConnected ? 'offline' : 'refused';
    this.emitStatus();
  }

  private emitStatus(): void {
    this.status.clock = this.clock.status();
    this.status.storage = this.options.store.health.status;
    this.options.onStatus({ ...this.status });
  }

  private outboxCount(): number {
    return this.options.store.outboxSize() - this.sentMarks.size;
  }

  /**
   * Each period, before the round: a store that failed a write tries one again; a clock found ahead
   * is remembered, and a clock put right repairs its future stamps and releases the outbox.
   */
  private beforeRound(): void {
    const { store } = this.options;
    if (!store.health.ok) this.sentMarks.probe();
    try {
      if (settleClock(store, this.clock) > 0) {
        logger.warn('clock put right: future stamps re-stamped');
        this.rounds.changed();
        void this.drain();
      }
    } catch (error) {
      logger.warn({ err: error }, 'clock repair deferred');
    }
    if (this.sentMarks.size > 0) this.sentMarks.retry();
    this.status.outbox = this.outboxCount();
    this.emitStatus();
  }

  /** Behind: what it refused as ahead was good after all. Ahead: remember by how much, for the repair. */
  private clockChanged(clock: ClockStatus): void {
    try {
      clockMoved(this.options.store, clock);
    } catch (error) {
      logger.warn({ err: error }, 'clock change not recorded');
    }
    logger.warn({ clock }, 'clock verdict changed');
    this.rounds.soon();
    this.emitStatus();
    if (clock.state !== 'ahead') void this.drain();
  }

  private roundTargets(): { scope: string; peers: { node: string; hub: boolean }[] }[] {
    if (this.status.broker !== 'connected' || this.options.role !== 'board') return [];
    const online = (s: string, hub: boolean) =>
      [...(this.peers.get(s)?.entries() ?? [])].filter(([, p]) => p.online).map(([node]) => ({ node, hub }));
    const unit = this.options.unit as string;
    return [{ scope: unit, peers: [...online(HUB_SCOPE, true), ...online(unit, false)] }];
  }

  private reject(reason: string, topic: string, wall: Wall = 'message'): void {
    this.refuse([{ wall, reason }], { topic });
  }

  private receive(topic: string, payload: Buffer): void {
    try {
      const where = parseTopic(topic);
      const { municipality, role, unit, nodeId } = this.options;
      if (!where || where.municipality !== municipality) return this.reject('topic outside this municipality', topic, 'scope');
      const isHubScope = where.unit === HUB_SCOPE;
      if (!isHubScope && (!UNIT.test(where.unit) || (role === 'board' && where.unit !== unit))) {
        return this.reject('topic of another unit', topic, 'scope');
      }
      if (where.kind === 'presence') return this.receivePresence(where.unit, where.node, payload, topic);
      if (isHubScope) return this.reject('only presence is published under the hub scope', topic);
      if (where.kind === 'changes') {
        if (where.node === nodeId) return;
        const decoded = decodePayload(ChangesMessage, payload);
        if (!decoded.ok) return this.reject(decoded.reason, topic);
        if (decoded.value.from !== where.node) return this.reject('sender differs from topic', topic, 'sender');
        const elsewhere = this.walls.senderProblem(where.unit, where.node);
        if (elsewhere) return this.reject(elsewhere, topic, 'sender');
        this.applyRemote(where.unit, decoded.value.changes as Change[], this.walls.writer(where.unit, where.node));
        return;
      }
      if (where.node !== nodeId) return;
      const decoded = decodePayload(InboxMessage, payload);
      if (!decoded.ok) return this.reject(decoded.reason, topic);
      if (isRoundMessage(decoded.value)) {
        // A digest says little, but only to a replica announced in that unit, or the hub; one that
        // arrives before its sender's presence is dropped uncounted: the next period asks again.
        if (!this.walls.mayRequest(where.unit, decoded.value.from)) return logger.debug({ topic }, 'digest round from a replica not announced here');
        return this.rounds.receive(where.unit, decoded.value);
      }
      this.receiveSync(where.unit, decoded.value, topic);
    } catch (error) {
      // A message must never take the process down: count it and go on.
      logger.error({ err: error, topic }, 'inbound message failed');
      this.reject('processing failed', topic);
    }
  }

  /**
   * Merges a batch through the walls (scope, side) and the store's schema: what is refused is
   * counted, the rest applies. A batch that fails to store is counted whole in `rejected` and
   * fetched again by a round soon.
   */
  private applyRemote(scope: string, changes: Change[], writer: Writer): number {
    const walled = this.walls.admit(scope, writer, changes);
    let outcome;
    try {
      outcome = this.options.store.applyRemote(walled.admitted, scope);
    } catch (error) {
      if (!this.options.store.health.failed(error)) throw error;
      countRefusals(this.status, [...walled.refused, ...walled.admitted.map(() => ({ wall: 'storage' as const, reason: 'not stored' }))], { scope });
      logger.warn({ scope, err: error, changes: walled.admitted.length }, 'batch not stored; fetched again once storage works');
      this.emitStatus();
      this.rounds.soon();
      return 0;
    }
    this.rounds.changed(scope);
    const refused: Refusal[] = [...walled.refused, ...outcome.refusals];
    countRefusals(this.status, refused, { scope, writer: writer.kind });
    // A change this replica refused may be good later (a clock put right): a round fetches it again.
    if (outcome.rejected > 0) this.rounds.soon();
    if (outcome.applied.length > 0) {
      this.status.lastSyncAt = new Date().toISOString();
      this.options.onApplied(scope, outcome.applied);
    }
    if (refused.length > 0 || outcome.applied.length > 0) this.emitStatus();
    return outcome.applied.length;
  }

  private receivePresence(scope: string, node: string, payload: Buffer, topic: string): void {
    if (payload.byteLength === 0) return; // a cleared retained message
    const decoded = decodePayload(PresenceMessage, payload);
    if (!decoded.ok) return this.reject(decoded.reason, topic);
    if (decoded.value.node !== node) return this.reject('presence node differs from topic', topic, 'sender');
    if (node === this.options.nodeId) return;
    const refused = this.walls.announce(scope, node, decoded.value.role, decoded.value.status === 'online');
    if (refused) return this.reject(refused, topic, 'sender');
    const scopePeers = this.peers.get(scope) ?? new Map<string, Peer>();
    this.peers.set(scope, scopePeers);
    const online = decoded.value.status === 'online';
    const wasOnline = scopePeers.get(node)?.online ?? false;
    scopePeers.set(node, { role: decoded.value.role, online });
    if (!online || wasOnline) return;

    // The newcomer of two replicas initiates, so a join is never done twice over. Both sides decide
    // from the same pair of announced times, so exactly one of them does it.
    const scopeOfPeer = this.options.role === 'board' ? (this.options.unit as string) : scope;
    if (scopeOfPeer === HUB_SCOPE || this.reconciled.has(scopeOfPeer)) return;
    if (this.isNewcomerVersus(decoded.value)) this.scheduleReconcile(scopeOfPeer);
    else this.rounds.soon(); // a peer back online: compare digests now rather than at the period's end
  }

  private isNewcomerVersus(peer: PresenceMessage): boolean {
    if (this.onlineSince !== peer.at) return this.onlineSince > peer.at;
    return this.options.nodeId < peer.node;
  }

  private receiveSync(scope: string, message: SyncMessage, topic: string): void {
    const waiting = this.pending.get(`${message.session}:${message.seq}`);
    if (waiting) {
      if (message.type !== waiting.expect) return;
      if (message.from !== waiting.peer) return this.reject(`answer from ${message.from}, asked ${waiting.peer}`, topic, 'sender');
      this.pending.delete(`${message.session}:${message.seq}`);
      clearTimeout(waiting.timer);
      waiting.resolve(message);
      return;
    }
    const asks = REQUESTS.has(message.type);
    // Never the unit's history to whoever publishes a pull: only to a replica announced in that unit, or the hub.
    if (asks && !this.walls.mayRequest(scope, message.from)) return this.reject(`sync request from ${message.from}, not announced in ${scope}`, topic, 'request');
    const answer = this.responder.answer(scope, message);
    if (!answer) {
      // Refused because this replica must start over first: a peer is there to start over from.
      if (this.options.store.mustStartOver(scope)) this.scheduleReconcile(scope);
      return;
    }
    const { municipality, nodeId } = this.options;
    this.link
      .publish(topics.inbox(municipality, scope, message.from), encodeMessage({ v: 1, from: nodeId, ...answer }, answerFormat(message.session)))
      .catch((error: unknown) => logger.debug({ err: error }, 'sync answer not sent'));
  }

  private choosePeer(scope: string): string | undefined {
    const online = (s: string) => [...(this.peers.get(s)?.entries() ?? [])].filter(([, p]) => p.online).map(([n]) => n);
    if (this.options.role === 'board') {
      const hubs = online(HUB_SCOPE);
      if (hubs.length > 0) return hubs[0];
    }
    const boards = online(scope);
    return boards[Math.floor(Math.random() * boards.length)];
  }

  /** Reconciles a scope with `peer`, or with the peer choosePeer picks. */
  private scheduleReconcile(scope: string, peer?: string): void {
    if (this.stopped) return;
    if (this.reconciling.has(scope)) {
      this.again.add(scope);
      return;
    }
    void this.runReconcile(scope, peer);
  }

  private async runReconcile(scope: string, chosen?: string): Promise<void> {
    const peer = chosen ?? this.choosePeer(scope);
    // A store that cannot write would only fail the exchange: the round after it recovers does it.
    if (!peer || this.status.broker !== 'connected' || !this.options.store.health.ok) return;
    this.reconciling.add(scope);
    const session = binarySession(randomBytes(6).toString('hex'));
    try {
      const outcome = await reconcile(
        this.options.store,
        scope,
        this.asker(scope, peer, session),
        (changes) => void this.applyRemote(scope, changes, this.walls.writer(scope, peer)),
        (done, total) => this.options.onProgress?.(scope, done, total),
      );
      this.retryAttempt = 0;
      this.reconciled.add(scope);
      this.status.lastSyncAt = new Date().toISOString();
      this.emitStatus();
      logger.info({ scope, peer, ...outcome }, 'anti-entropy complete');
      if (outcome.startedOver) void this.drain(); // its outbox was held until now
    } catch (error) {
      if (this.stopped) return;
      logger.warn({ scope, peer, err: error }, 'anti-entropy failed; will retry');
      this.retryLater(scope);
    } finally {
      this.reconciling.delete(scope);
      if (this.again.delete(scope)) this.scheduleReconcile(scope);
    }
  }

  private retryLater(scope: string): void {
    if (this.stopped || this.retryTimers.has(scope)) return;
    const ceiling = Math.min(30_000, 1000 * 2 ** this.retryAttempt++);
    const timer = setTimeout(() => {
      this.retryTimers.delete(scope);
      this.scheduleReconcile(scope);
    }, ceiling / 2 + Math.random() * (ceiling / 2));
    this.retryTimers.set(scope, timer);
  }

  private asker(scope: string, peer: string, session: string): Ask {
    const { municipality, nodeId } = this.options;
    return (request, expect) => {
      const seq = this.seq++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          this.pending.delete(`${session}:${seq}`);
          reject(new Error(`no ${expect} from ${peer} within ${REQUEST_TIMEOUT_MS} ms`));
        }, REQUEST_TIMEOUT_MS);
        this.pending.set(`${session}:${seq}`, { expect, peer, resolve: resolve as (m: SyncMessage) => void, reject, timer });
        const message = { v: 1, from: nodeId, session, seq, ...request };
        this.link.publish(topics.inbox(municipality, scope, peer), JSON.stringify(message)).catch((error: Error) => {
          clearTimeout(timer);
          this.pending.delete(`${session}:${seq}`);
          reject(error);
        });
      });
    };
  }

  private rejectPending(error: Error): void {
    for (const [id, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      waiting.reject(error);
      this.pending.delete(id);
    }
  }

  /** Publishes unsent changes oldest first; a change is marked sent only after the broker's ack. */
  private async drain(): Promise<void> {
    if (this.draining) {
      this.drainAgain = true;
      return;
    }
    this.draining = true;
    this.drainAgain = false;
    try {
      // A clock ahead of the unit's: its stamps would be refused; they wait for the clock repair.
      while (this.status.broker === 'connected' && this.clock.status().state !== 'ahead' && (await this.publishOutboxBatch())) {
        this.status.outbox = this.outboxCount();
        this.status.lastSyncAt = new Date().toISOString();
        this.emitStatus();
      }
    } catch (error) {
      logger.debug({ err: error }, 'outbox drain paused; resumes on reconnect');
    } finally {
      this.draining = false;
    }
    if (this.drainAgain && this.status.broker === 'connected') void this.drain();
  }

  /** Publishes the oldest unsent batch; false when the outbox is empty. */
  private async publishOutboxBatch(): Promise<boolean> {
    const { store, municipality, nodeId, role, unit } = this.options;
    // A board back from longer than the horizon publishes nothing before it has started over.
    if (role === 'board' && store.mustStartOver(unit as string)) return false;
    if (this.sentMarks.size > 0 && !this.sentMarks.retry()) return false;
    const unsent = store.unsent(PAGE_SIZE);
    if (unsent.length === 0) return false;
    const byScope = new Map<string, typeof unsent>();
    for (const item of unsent) {
      const items = byScope.get(item.scope) ?? [];
      items.push(item);
      byScope.set(item.scope, items);
    }
    for (const [scope, items] of byScope) {
      for (const batch of batchChanges(items)) {
        const payload = encodeMessage({ v: 1, from: nodeId, changes: batch.map((item) => item.change) }, LIVE_FORMAT);
        await this.link.publish(topics.changes(municipality, scope, nodeId), payload);
        this.sentMarks.mark(batch.map((item) => item.seq));
      }
    }
    return true;
  }
}
