/**
 * A replica's sync, composed of its concerns: the topic router and one handler per message kind,
 * the peers and the newcomer rule, request and answer, the outbox drain, the reconcile schedule and
 * the digest rounds, the clock policy and the status. It drains the outbox after every local
 * commit, merges what peers publish, announces presence, and runs anti-entropy with a peer whenever
 * it (re)connects, a peer appears, or a digest round finds a difference. Boards hold one unit's
 * scope; the hub every unit of its municipality. While the clock is judged ahead the outbox is held.
 */

import { randomBytes } from 'node:crypto';
import type { SyncStatus } from '../../shared/api/contract.js';
import type { Change } from '../../shared/sync/change.js';
import type { WireFormat } from '../../shared/sync/page-codec.js';
import { encodeInbox, encodePresence, type InboxBody, type WirePayload } from '../../shared/sync/payloads.js';
import { batchChanges, HUB_SCOPE } from '../../shared/sync/protocol.js';
import type { Wall } from '../../shared/sync/scope-rules.js';
import { boardScopes, presenceTopic, subscriptionsOf, topics, type Replica, type ReplicaRole } from '../../shared/sync/topics.js';
import type { FieldStore } from '../store/field-store.js';
import { logger } from '../log.js';
import { reconcile, scopeDigest, SyncResponder } from './anti-entropy.js';
import { changesHandler } from './changes-handler.js';
import { clockUpkeep } from './clock-upkeep.js';
import { ClockWatch } from './clock-watch.js';
import { DigestRounds, type RoundTarget } from './digest-rounds.js';
import { InboundScope } from './inbound-scope.js';
import { inboxHandler } from './inbox-handler.js';
import type { BrokerCredentials } from './mqtt-link.js';
import { OutboxDrain } from './outbox-drain.js';
import { Peers } from './peers.js';
import { presenceHandler } from './presence-handler.js';
import { ReconcileSchedule } from './reconcile-schedule.js';
import { remoteMerge } from './remote-merge.js';
import { Requests } from './requests.js';
import { SentMarks } from './sent-marks.js';
import { openMqttLink, type OpenLink, type SyncLink } from './sync-link.js';
import { StatusKeeper } from './sync-status.js';
import { systemTime, type SyncTime } from './sync-time.js';
import { topicRouter, type TopicHandler } from './topic-router.js';
import { binarySession, encodeMessage, LIVE_FORMAT } from './wire.js';

interface EngineOptions {
  store: FieldStore;
  brokerUrl: string;
  /** This replica's identity at the broker (TLS client certificate, or username and password). */
  credentials?: BrokerCredentials;
  municipality: string;
  nodeId: string;
  onApplied(scope: string, changes: Change[]): void;
  onStatus(status: SyncStatus): void;
  onProgress?(scope: string, done: number, total: number): void;
  /** A unit's replica was heard: a change batch or a sync message from another node was accepted (the hub's "data last received"). */
  onHeard?(scope: string): void;
  /** The digest round's period (default 30 s: docs/protocol.md, "Digest rounds"). */
  periodMs?: number;
  /** The clock watch whose reference time the store's HLC reads (a fresh one when absent). */
  clock?: ClockWatch;
  /** The clock, timers and jitter of the schedule (the real ones when absent). */
  time?: SyncTime;
  /** Opens the broker connection (MQTT when absent). */
  openLink?: OpenLink;
}

/** A board names its unit; the hub holds every unit and names none. */
export type SyncEngineOptions = EngineOptions & ReplicaRole;

/** The default period of the digest round. */
export const DEFAULT_SYNC_PERIOD_MS = 30_000;
/** A board reconciles on its own this long after connecting: the retained presences arrive first. */
const SETTLE_AFTER_CONNECT_MS = 50;

export class SyncEngine {
  readonly status: SyncStatus;
  private readonly replica: Replica;
  private readonly time: SyncTime;
  private readonly keeper: StatusKeeper;
  private readonly walls: InboundScope;
  private readonly peers = new Peers();
  private readonly rounds: DigestRounds;
  private readonly requests: Requests;
  private readonly schedule: ReconcileSchedule;
  private readonly outbox: OutboxDrain;
  private readonly merge: ReturnType<typeof remoteMerge>;
  private readonly link: SyncLink;
  /** Sent changes whose sent mark could not be written: not counted as unsent, marked again later. */
  private readonly sentMarks: SentMarks;
  /** When this replica last came online, as its presence announces: who is the newcomer. */
  private onlineSince = '';
  private stopped = false;

  constructor(private readonly options: SyncEngineOptions) {
    const { store, nodeId } = options;
    const replica: Replica = (this.replica =
      options.role === 'board'
        ? { municipality: options.municipality, nodeId, role: 'board', unit: options.unit, organisation: options.organisation }
        : { municipality: options.municipality, nodeId, role: 'hub' });
    const time = (this.time = options.time ?? systemTime);
    const periodMs = options.periodMs ?? DEFAULT_SYNC_PERIOD_MS;
    const clock = options.clock ?? ClockWatch.on(replica.role, time);
    // A verdict must outlive the gap between two rounds, or a held outbox would leak between them.
    clock.ttlMs = Math.max(90_000, 3 * periodMs);
    this.sentMarks = new SentMarks(store);
    this.walls = new InboundScope(store, { municipality: replica.municipality, role: replica.role });
    const keeper = (this.keeper = new StatusKeeper({
      clock,
      storage: () => store.health.status,
      outbox: () => store.outboxSize() - this.sentMarks.size,
      time,
      onStatus: options.onStatus,
    }));
    this.status = keeper.status;

    const upkeep = clockUpkeep({
      store,
      clock,
      sentMarks: this.sentMarks,
      status: keeper,
      rounds: { changed: (scope) => this.rounds.changed(scope), soon: () => this.rounds.soon() },
      drain: () => void this.outbox.drain(),
    });
    this.rounds = new DigestRounds({
      periodMs,
      clock,
      time,
      targets: () => this.roundTargets(),
      digest: (scope) => scopeDigest(store, scope),
      send: (scope, to, message) => this.send(scope, to, message),
      // To a hub another hub's clock is one peer's: its own counts as the hub's (clock-watch.ts).
      isHub: (node) => replica.role === 'board' && this.peers.isHub(node),
      beforeRound: upkeep.beforeRound,
      differs: (scope, peer) => this.schedule.request(scope, peer),
    });
    clock.onStep = upkeep.stepped;
    clock.onChange = upkeep.verdictChanged;
    this.rounds.start();

    this.merge = remoteMerge({ store, walls: this.walls, status: keeper, rounds: this.rounds, onApplied: options.onApplied });
    const responder = new SyncResponder(store, (scope, changes, from) => this.merge(scope, changes, this.walls.writer(scope, from)), time);
    this.requests = new Requests((scope, peer, message) => this.send(scope, peer, message), time);
    this.schedule = new ReconcileSchedule({
      time,
      choosePeer: (scope) => this.peers.choose(scope, replica.role === 'board', () => time.random()),
      ready: () => keeper.isConnected && store.health.ok,
      exchange: (scope, peer) => this.exchange(scope, peer),
    });
    this.outbox = new OutboxDrain({
      store,
      sentMarks: this.sentMarks,
      nodeId,
      publish: (scope, payload) => this.link.publish(topics.changes(replica.municipality, scope, nodeId), payload),
      maySend: () => keeper.isConnected && clock.status().state !== 'ahead',
      held: () => replica.role === 'board' && store.mustStartOver(replica.unit),
      committed: () => {
        this.rounds.changed();
        keeper.recount();
      },
      sent: () => {
        keeper.recount();
        keeper.synced();
        keeper.emit();
      },
    });

    const reject = (reason: string, topic: string, wall?: Wall) => keeper.reject(reason, topic, wall);
    // Heard: what another node sent on a unit's topics and no wall refused (the replica's own echo is not).
    const heard =
      (handler: TopicHandler): TopicHandler =>
      (where, payload, topic) => {
        const refused = keeper.status.rejected;
        handler(where, payload, topic);
        if (keeper.status.rejected === refused && where.unit !== HUB_SCOPE && (where.kind === 'sync' || where.node !== nodeId)) options.onHeard?.(where.unit);
      };
    const route = topicRouter(
      replica,
      {
        changes: heard(changesHandler({ nodeId, walls: this.walls, merge: this.merge, reject })),
        presence: presenceHandler({
          replica,
          walls: this.walls,
          peers: this.peers,
          onlineSince: () => this.onlineSince,
          schedule: this.schedule,
          rounds: this.rounds,
          reject,
        }),
        sync: heard(
          inboxHandler({
          walls: this.walls,
          rounds: this.rounds,
          requests: this.requests,
          responder,
          mustStartOver: (scope) => store.mustStartOver(scope),
          reconcile: (scope) => this.schedule.request(scope),
          send: (scope, to, message, format) => this.send(scope, to, message, format),
          reject,
        }),
        ),
      },
      reject,
    );
    this.link = (options.openLink ?? openMqttLink)({
      url: options.brokerUrl,
      clientId: `tavla-${nodeId}`,
      credentials: options.credentials,
      will: { topic: presenceTopic(replica), payload: this.presence('offline') },
      subscriptions: subscriptionsOf(replica),
      onMessage: route,
      onConnect: () => this.connected(),
      onDisconnect: () => this.disconnected(),
      onTrouble: (reason) => keeper.troubled(reason),
      time,
    });
  }

  /**
   * Publishes the outbox now. Local commits need no call (the drain follows the store's commits);
   * the hub's flow and the demo still make one, which only refreshes the count and drains.
   */
  notifyLocalCommit(): void {
    this.rounds.changed();
    this.keeper.recount();
    void this.outbox.drain();
  }

  /** Publishes already-stamped changes into a scope (the hub mirroring cross-unit records). */
  async publishInto(scope: string, changes: Change[]): Promise<void> {
    const { municipality, nodeId } = this.replica;
    for (const batch of batchChanges(changes)) await this.link.publish(topics.changes(municipality, scope, nodeId), encodeMessage({ v: 1, from: nodeId, changes: batch }, LIVE_FORMAT));
  }

  /** Counts and logs refusals made outside the inbound path (the hub's settlement of transfers). */
  refuse(refusals: readonly { wall: Wall; reason: string }[], context: Record<string, unknown>): void {
    this.keeper.refuse(refusals, context);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.rounds.stop();
    this.schedule.stop();
    this.outbox.stop();
    this.requests.failAll(new Error('stopped'));
    for (const topic of this.privatePresences()) await this.link.publish(topic, this.presence('offline'), { retain: true }).catch(() => undefined);
    await this.link.stop({ topic: presenceTopic(this.replica), payload: this.presence('offline') });
  }

  /** Requests and pushes go as JSON; an answer's pages go binary to an initiator that reads them (wire.ts). */
  private send(scope: string, to: string, message: InboxBody, format: WireFormat = 'json'): Promise<void> {
    const { municipality, nodeId } = this.replica;
    const payload = format === 'json' ? encodeInbox(nodeId, message) : encodeMessage({ v: 1, from: nodeId, ...message }, format);
    return this.link.publish(topics.inbox(municipality, scope, to), payload);
  }

  private presence(status: 'online' | 'offline'): WirePayload {
    const at = status === 'online' ? this.onlineSince : new Date(this.time.now()).toISOString();
    return encodePresence({ node: this.replica.nodeId, role: this.replica.role, status, at });
  }

  private connected(): void {
    this.schedule.connected();
    this.onlineSince = new Date(this.time.now()).toISOString();
    this.keeper.connected();
    this.link.publish(presenceTopic(this.replica), this.presence('online'), { retain: true }).catch(() => undefined);
    for (const topic of this.privatePresences()) this.link.publish(topic, this.presence('online'), { retain: true }).catch(() => undefined);
    void this.outbox.drain();
    // Retained presences arrive right after subscribing; a board also reconciles on its own.
    const { replica } = this;
    if (replica.role === 'board') this.time.after(SETTLE_AFTER_CONNECT_MS, () => boardScopes(replica).forEach((scope) => this.schedule.request(scope)));
  }

  /**
   * A shared reception's board also announces itself in its organisation's private scope, so that
   * organisation's boards and the hub may exchange that scope with it (docs/shared-reception.md).
   * The broker keeps one last will per client, the unit's: this one is cleared on a clean stop only.
   */
  private privatePresences(): string[] {
    const { replica } = this;
    if (replica.role !== 'board') return [];
    return boardScopes(replica)
      .slice(1)
      .map((scope) => topics.presence(replica.municipality, scope, replica.nodeId));
  }

  private disconnected(): void {
    this.requests.failAll(new Error('disconnected'));
    this.peers.allOffline();
    this.keeper.disconnected();
  }

  /** One anti-entropy exchange with `peer`; rejects when it failed (the schedule retries). */
  private async exchange(scope: string, peer: string): Promise<void> {
    // The session says this replica reads binary pages; an older responder answers it in JSON.
    const session = binarySession(randomBytes(6).toString('hex'));
    try {
      const outcome = await reconcile(
        this.options.store,
        scope,
        this.requests.asker(scope, peer, session),
        (changes) => void this.merge(scope, changes, this.walls.writer(scope, peer)),
        (done, total) => this.options.onProgress?.(scope, done, total),
      );
      this.keeper.synced();
      this.keeper.emit();
      logger.info({ scope, peer, ...outcome }, 'anti-entropy complete');
      if (outcome.startedOver) void this.outbox.drain(); // its outbox was held until now
    } catch (error) {
      if (!this.stopped) logger.warn({ scope, peer, err: error }, 'anti-entropy failed; will retry');
      throw error;
    }
  }

  /**
   * A board rounds on its scopes with the hub and the unit's online boards. A hub rounds only with
   * the other hubs online, on every unit it holds or has heard of: it takes another hub's hub-only
   * records (capacity) from that hub alone, never relayed by a board, so the boards' rounds with it
   * cannot repair them (docs/protocol.md, "Two hubs"). Alone, a hub starts no rounds.
   */
  private roundTargets(): RoundTarget[] {
    const { replica } = this;
    if (!this.keeper.isConnected) return [];
    if (replica.role === 'board') return boardScopes(replica).map((scope) => ({ scope, peers: this.peers.roundPeers(scope) }));
    const hubs = this.peers.online(HUB_SCOPE).map((node) => ({ node, hub: true }));
    if (hubs.length === 0) return [];
    return this.hubScopes().map((scope) => ({ scope, peers: hubs }));
  }

  /** The scopes a hub holds fields of, and those it heard a board announce itself in. */
  private hubScopes(): string[] {
    const stored = this.options.store.storedScopes().filter((scope) => scope !== HUB_SCOPE);
    return [...new Set([...stored, ...this.peers.heardScopes()])].sort();
  }
}
