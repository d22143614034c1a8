/**
 * When anti-entropy runs: at most one exchange per scope at a time (a request meanwhile runs it once
 * more after, with the peer it named), only while connected with a store that takes writes, and
 * after a failure again with jittered exponential backoff (1 s doubling to 30 s, reset by a success
 * or a new connection). It remembers which scopes were reconciled on this connection: the newcomer
 * rule asks.
 */

import { backoffDelay } from '../../shared/time/backoff.js';
import type { CancelTimer, SyncTime } from './sync-time.js';

const RETRY_BASE_MS = 1000;
const RETRY_CAP_MS = 30_000;

export interface ScheduleOptions {
  time: SyncTime;
  /** The peer to reconcile a scope with when none is named; undefined when none is online. */
  choosePeer(scope: string): string | undefined;
  /** Whether an exchange can run now: connected, and a store that can keep what it pulls. */
  ready(): boolean;
  /** Runs one exchange with `peer`; rejects when it failed. */
  exchange(scope: string, peer: string): Promise<void>;
}

export class ReconcileSchedule {
  private readonly running = new Set<string>();
  /** Scopes asked for while their exchange ran, each with the peer named (undefined: `choosePeer`'s). */
  private readonly again = new Map<string, string | undefined>();
  /** Scopes reconciled since this connection began: the newcomer initiates, peers need not. */
  private readonly reconciled = new Set<string>();
  private readonly retries = new Map<string, CancelTimer>();
  private attempt = 0;
  private stopped = false;

  constructor(private readonly options: ScheduleOptions) {}

  /** Reconciles `scope` with `peer`, or with the peer `choosePeer` picks. */
  request(scope: string, peer?: string): void {
    if (this.stopped) return;
    if (this.running.has(scope)) {
      // A named peer is kept: a round that found this peer different asks for an exchange with it.
      if (peer !== undefined || !this.again.has(scope)) this.again.set(scope, peer);
      return;
    }
    void this.run(scope, peer);
  }

  /** Whether the scope was reconciled since the connection began. */
  wasReconciled(scope: string): boolean {
    return this.reconciled.has(scope);
  }

  /** A new connection: nothing is reconciled on it yet, and retries start from the shortest wait. */
  connected(): void {
    this.attempt = 0;
    this.reconciled.clear();
  }

  stop(): void {
    this.stopped = true;
    for (const cancel of this.retries.values()) cancel();
    this.retries.clear();
  }

  private async run(scope: string, chosen?: string): Promise<void> {
    const peer = chosen ?? this.options.choosePeer(scope);
    // A store that cannot write would only fail the exchange: the round after it recovers does it.
    if (!peer || !this.options.ready()) return;
    this.running.add(scope);
    try {
      await this.options.exchange(scope, peer);
      this.attempt = 0;
      this.reconciled.add(scope);
    } catch {
      this.retryLater(scope);
    } finally {
      this.running.delete(scope);
      const next = this.again.get(scope);
      if (this.again.delete(scope)) this.request(scope, next);
    }
  }

  private retryLater(scope: string): void {
    if (this.stopped || this.retries.has(scope)) return;
    const { time } = this.options;
    const cancel = time.after(backoffDelay(this.attempt++, { baseMs: RETRY_BASE_MS, capMs: RETRY_CAP_MS }, () => time.random()), () => {
      this.retries.delete(scope);
      this.request(scope);
    });
    this.retries.set(scope, cancel);
  }
}
