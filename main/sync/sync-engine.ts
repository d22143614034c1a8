/**
 * A replica's sync: drains the outbox to the broker, merges what peers publish, announces presence
 * and runs anti-entropy with a peer whenever it (re)connects or a peer appears. Boards hold one
 * unit's scope; the hub holds every unit of its municipality.
 */

import { randomBytes } from 'node:crypto';
import type { SyncStatus } from '../../shared/api/contract.js';
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
import type { FieldStore } from '../store/field-store.js';
import { logger } from '../log.js';
import { reconcile, SyncResponder, type Ask } from './anti-entropy.js';
import { decodePayload } from './inbound.js';
import { MqttLink } from './mqtt-link.js';

export interface SyncEngineOptions {
  store: FieldStore;
  brokerUrl: string;
  municipality: string;
  nodeId: string;
  role: 'board' | 'hub';
  /** A board's own unit; absent on the hub. */
  unit?: string;
  onApplied(scope: string, changes: Change[]): void;
  onStatus(status: SyncStatus): void;
  onProgress?(scope: string, done: number, total: number): void;
}

const REQUEST_TIMEOUT_MS = 10_000;
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
  private readonly pending = new Map<string, { expect: string; resolve(m: SyncMessage): void; reject(e: Error): void; timer: NodeJS.Timeout }>();
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

  constructor(private readonly options: SyncEngineOptions) {
    const { municipality: m, nodeId, role, unit } = options;
    this.status = { broker: 'offline', offlineSince: new Date().toISOString(), outbox: options.store.outboxSize(), rejected: 0, lastSyncAt: null };
    this.responder = new SyncResponder(options.store, (scope, changes) => this.applyRemote(scope, changes));
    const scope = role === 'hub' ? '+' : (unit as string);
    this.link = new MqttLink({
      url: options.brokerUrl,
      clientId: `tavla-${nodeId}`,
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
    });
  }

  /** Call after every local commit: publishes the outbox now. */
  notifyLocalCommit(): void {
    this.status.outbox = this.options.store.outboxSize();
    void this.drain();
  }

  /** Publishes already-stamped changes into a scope (the hub mirroring cross-unit records). */
  async publishInto(scope: string, changes: Change[]): Promise<void> {
    for (const batch of batchChanges(changes)) {
      await this.link.publish(topics.changes(this.options.municipality, scope, this.options.nodeId), JSON.stringify({ v: 1, from: this.options.nodeId, changes: batch }));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
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
    this.status.broker = 'connected';
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

  private emitStatus(): void {
    this.options.onStatus({ ...this.status });
  }

  private reject(reason: string, topic: string): void {
    this.status.rejected += 1;
    logger.warn({ topic, reason }, 'inbound message rejected');
    this.emitStatus();
  }

  private receive(topic: string, payload: Buffer): void {
    try {
      const where = parseTopic(topic);
      const { municipality, role, unit, nodeId } = this.options;
      if (!where || where.municipality !== municipality) return this.reject('topic outside this municipality', topic);
      const isHubScope = where.unit === HUB_SCOPE;
      if (!isHubScope && (!UNIT.test(where.unit) || (role === 'board' && where.unit !== unit))) {
        return this.reject('topic of another unit', topic);
      }
      if (where.kind === 'presence') return this.receivePresence(where.unit, where.node, payload, topic);
      if (isHubScope) return this.reject('only presence is published under the hub scope', topic);
      if (where.kind === 'changes') {
        if (where.node === nodeId) return;
        const decoded = decodePayload(ChangesMessage, payload);
        if (!decoded.ok) return this.reject(decoded.reason, topic);
        if (decoded.value.from !== where.node) return this.reject('sender differs from topic', topic);
        this.applyRemote(where.unit, decoded.value.changes as Change[]);
        return;
      }
      if (where.node !== nodeId) return;
      const decoded = decodePayload(SyncMessage, payload);
      if (!decoded.ok) return this.reject(decoded.reason, topic);
      this.receiveSync(where.unit, decoded.value);
    } catch (error) {
      // A message must never take the process down: count it and go on.
      logger.error({ err: error, topic }, 'inbound message failed');
      this.status.rejected += 1;
    }
  }

  private applyRemote(scope: string, changes: Change[]): number {
    const outcome = this.options.store.applyRemote(changes, scope);
    if (outcome.rejected > 0) {
      this.status.rejected += outcome.rejected;
      logger.warn({ scope, rejected: outcome.rejected }, 'changes refused (schema or clock drift)');
    }
    if (outcome.applied.length > 0) {
      this.status.lastSyncAt = new Date().toISOString();
      this.options.onApplied(scope, outcome.applied);
    }
    if (outcome.rejected > 0 || outcome.applied.length > 0) this.emitStatus();
    return outcome.applied.length;
  }

  private receivePresence(scope: string, node: string, payload: Buffer, topic: string): void {
    if (payload.byteLength === 0) return; // a cleared retained message
    const decoded = decodePayload(PresenceMessage, payload);
    if (!decoded.ok) return this.reject(decoded.reason, topic);
    if (decoded.value.node !== node) return this.reject('presence node differs from topic', topic);
    if (node === this.options.nodeId) return;
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
  }

  private isNewcomerVersus(peer: PresenceMessage): boolean {
    if (this.onlineSince !== peer.at) return this.onlineSince > peer.at;
    return this.options.nodeId < peer.node;
  }

  private receiveSync(scope: string, message: SyncMessage): void {
    const waiting = this.pending.get(`${message.session}:${message.seq}`);
    if (waiting) {
      if (message.type !== waiting.expect) return;
      this.pending.delete(`${message.session}:${message.seq}`);
      clearTimeout(waiting.timer);
      waiting.resolve(message);
      return;
    }
    const answer = this.responder.answer(scope, message);
    if (!answer) {
      // Refused because this replica must start over first: a peer is there to start over from.
      if (this.options.store.mustStartOver(scope)) this.scheduleReconcile(scope);
      return;
    }
    const { municipality, nodeId } = this.options;
    this.link
      .publish(topics.inbox(municipality, scope, message.from), JSON.stringify({ v: 1, from: nodeId, ...answer }))
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

  private scheduleReconcile(scope: string): void {
    if (this.stopped) return;
    if (this.reconciling.has(scope)) {
      this.again.add(scope);
      return;
    }
    void this.runReconcile(scope);
  }

  private async runReconcile(scope: string): Promise<void> {
    const peer = this.choosePeer(scope);
    if (!peer || this.status.broker !== 'connected') return;
    this.reconciling.add(scope);
    const session = randomBytes(6).toString('hex');
    try {
      const outcome = await reconcile(
        this.options.store,
        scope,
        this.asker(scope, peer, session),
        (changes) => void this.applyRemote(scope, changes),
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
        this.pending.set(`${session}:${seq}`, { expect, resolve: resolve as (m: SyncMessage) => void, reject, timer });
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
      while (this.status.broker === 'connected' && (await this.publishOutboxBatch())) {
        this.status.outbox = this.options.store.outboxSize();
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
        const payload = JSON.stringify({ v: 1, from: nodeId, changes: batch.map((item) => item.change) });
        await this.link.publish(topics.changes(municipality, scope, nodeId), payload);
        store.markSent(batch.map((item) => item.seq));
      }
    }
    return true;
  }
}
