/**
 * What a board and the hub have in common: the replica's store, the one change path from its
 * commits to `state.changed` and `sync.status` events, the event stream, and health.
 */

import { OFFLINE_STATUS, type EventMap, type EventName, type SyncStatus } from '../../shared/api/contract.js';
import type { Change } from '../../shared/sync/change.js';
import type { Db } from '../store/database.js';
import type { CommitNotice, FieldStore } from '../store/field-store.js';
import { openReplicaStore } from '../store/replica-store.js';
import type { ClockWatch, WallClock } from '../sync/clock-watch.js';
import { stateChangeOf } from './state-change.js';

export type EventListener = <K extends EventName>(event: K, data: EventMap[K]) => void;

export interface ReplicaCoreOptions {
  /** The SQLite file. */
  file: string;
  role: 'board' | 'hub';
  /** The scope of local edits that name none: a board's unit, or the hub's own. */
  scope: string;
  municipality: string;
  /** The collection horizon of its store. */
  horizonMs?: number;
  /** The clock watch's time, to be the sync engine's injected time (the real clocks when absent). */
  time?: WallClock;
}

export class ReplicaCore {
  readonly db: Db;
  readonly store: FieldStore;
  readonly nodeId: string;
  /** The clock's standing against the unit's, whose reference time the store's HLC reads. */
  readonly clock: ClockWatch;
  private status: SyncStatus;
  /** A local commit came while no screen listened: the outbox is counted when the status is next read. */
  private outboxStale = false;
  private readonly listeners = new Set<EventListener>();
  /** The local changes of the command running now, told as one event when it returns. */
  private held: Change[] | undefined;
  private readonly unfollow: () => void;

  constructor(readonly options: ReplicaCoreOptions) {
    ({ db: this.db, nodeId: this.nodeId, store: this.store, clock: this.clock } = openReplicaStore(options.file, options.role, options.scope, { horizonMs: options.horizonMs }, options.time));
    this.status = { ...OFFLINE_STATUS, outbox: this.store.outboxSize() };
    this.store.health.onChange = (storage) => this.setSyncStatus({ ...this.syncStatus, storage });
    this.unfollow = this.store.onCommit((notice) => this.committed(notice));
  }

  /**
   * Runs one command (its access check, its handler). Whatever it commits (an edit, or only the
   * audit entry of an access) is told once, when it returns: a tap is one `state.changed` at most.
   */
  command<T>(body: () => T): T {
    if (this.held) return body();
    const held: Change[] = [];
    this.held = held;
    try {
      return body();
    } finally {
      this.held = undefined;
      if (held.length > 0) this.tell('local', held);
    }
  }

  /** The store's one announcement: a local commit within a command waits for the command's end. */
  private committed({ origin, changes }: CommitNotice): void {
    if (origin === 'local' && this.held) this.held.push(...changes);
    else this.tell(origin, changes);
  }

  /** Screens learn what changed; after a local edit, also the outbox that now holds it. */
  private tell(origin: CommitNotice['origin'], changes: readonly Change[]): void {
    this.emit('state.changed', stateChangeOf(origin, changes));
    if (origin !== 'local') return;
    // Counting the outbox is a scan of its unsent rows: with no one listening (a store being seeded
    // before its screen starts) it waits for the next read instead of running after every commit.
    if (this.listeners.size === 0) this.outboxStale = true;
    else this.setSyncStatus({ ...this.syncStatus, outbox: this.store.outboxSize() });
  }

  get syncStatus(): SyncStatus {
    if (this.outboxStale) {
      this.outboxStale = false;
      this.status = { ...this.status, outbox: this.store.outboxSize() };
    }
    return this.status;
  }

  /** The replica's health as `/healthz` gives it, with what only this kind of replica says. */
  health<Extra extends object>(extra: Extra) {
    const { role, municipality } = this.options;
    return { ok: this.store.health.ok, role, municipality, ...extra, nodeId: this.nodeId, ...this.syncStatus };
  }

  readonly setSyncStatus = (status: SyncStatus): void => {
    this.status = status;
    this.outboxStale = false;
    this.emit('sync.status', status);
  };

  readonly emit = <K extends EventName>(event: K, data: EventMap[K]): void => {
    for (const listener of this.listeners) listener(event, data);
  };

  /** Subscribes to every event; returns the unsubscribe. */
  readonly subscribe = (listener: EventListener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  close(): void {
    this.unfollow();
    this.listeners.clear();
    this.db.close();
  }
}
