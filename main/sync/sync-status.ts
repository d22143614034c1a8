/**
 * The sync status a replica shows (`/healthz`, the board's footer): the broker connection and why
 * it is down, the unsent count, refusals by wall, the last sync, the clock and the storage verdicts.
 * Every concern of the engine reports here; each report that changes what a screen shows emits.
 */

import type { BrokerRefusal, StorageStatus, SyncStatus } from '../../shared/api/contract.js';
import type { Wall } from '../../shared/sync/scope-rules.js';
import type { ClockWatch } from './clock-watch.js';
import { countRefusals } from './inbound-scope.js';
import type { SyncTime } from './sync-time.js';

/** A refusal as counted: by wall, with its reason, and the change when there is one. */
export type Refused = Parameters<typeof countRefusals>[1][number];

export interface StatusSources {
  clock: ClockWatch;
  storage(): StorageStatus;
  /** Changes not yet sent. */
  outbox(): number;
  time: SyncTime;
  onStatus(status: SyncStatus): void;
}

export class StatusKeeper {
  readonly status: SyncStatus;
  /** Whether the broker ever answered since start: a broker never reached is a setup problem. */
  private everConnected = false;

  constructor(private readonly sources: StatusSources) {
    this.status = {
      broker: 'offline',
      offlineSince: this.isoNow(),
      outbox: sources.outbox(),
      rejected: 0,
      rejectedBy: {},
      lastSyncAt: null,
      clock: sources.clock.status(),
      storage: sources.storage(),
    };
  }

  get isConnected(): boolean {
    return this.status.broker === 'connected';
  }

  connected(): void {
    this.everConnected = true;
    this.status.broker = 'connected';
    this.status.brokerReason = null;
    this.status.offlineSince = null;
    this.emit();
  }

  disconnected(): void {
    this.status.broker = 'offline';
    this.status.offlineSince = this.isoNow();
    this.emit();
  }

  /** A refusal shows as `refused`; a broker lost after it answered is an outage: `offline`. */
  troubled(reason: BrokerRefusal | null): void {
    this.status.brokerReason = reason;
    if (reason === null) return;
    this.status.broker = reason === 'unreachable' && this.everConnected ? 'offline' : 'refused';
    this.emit();
  }

  /** Something was exchanged with a peer just now. */
  synced(): void {
    this.status.lastSyncAt = this.isoNow();
  }

  /** Counts the unsent changes again (not emitted: the next emit carries it). */
  recount(): void {
    this.status.outbox = this.sources.outbox();
  }

  /** Counts and logs refusals (not emitted: the next emit carries them). */
  count(refusals: readonly Refused[], context: Record<string, unknown>): void {
    countRefusals(this.status, refusals, context);
  }

  /** Counts and logs refusals; emits when there were any. */
  refuse(refusals: readonly Refused[], context: Record<string, unknown>): void {
    this.count(refusals, context);
    if (refusals.length > 0) this.emit();
  }

  /** One inbound message refused, by the topic it came on. */
  reject(reason: string, topic: string, wall: Wall = 'message'): void {
    this.refuse([{ wall, reason }], { topic });
  }

  emit(): void {
    this.status.clock = this.sources.clock.status();
    this.status.storage = this.sources.storage();
    this.sources.onStatus({ ...this.status });
  }

  private isoNow(): string {
    return new Date(this.sources.time.now()).toISOString();
  }
}
