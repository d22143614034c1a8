/**
 * Whose clock is wrong. Every digest round carries the sender's wall time; this replica compares it
 * with its own and keeps the latest offset per peer. The verdict is the median of those offsets and
 * its own (0), the hub's clock counting twice everywhere, its own median included (it runs beside
 * the broker, under IT's care); with an even count the middle value nearer the hub's wins (nearer
 * zero without a hub), so two disagreeing clocks never both blame themselves.
 * A replica more than the drift bound behind moves its reference time forward by the median, so it
 * accepts its peers' changes; one more than the bound ahead holds its outbox (sync-engine) until its
 * clock is right and its future stamps are repaired (store/clock-repair.ts). A step of the wall
 * clock against the monotonic clock (someone set the time) forgets every sample at once.
 */

import { performance } from 'node:perf_hooks';
import type { ClockStatus } from '../../shared/api/contract.js';
import { DEFAULT_MAX_DRIFT_MS } from '../../shared/sync/hlc.js';

/**
 * The clocks a replica reads: the wall clock, and a monotonic one a step of the wall clock does not
 * move. The sync engine's injected time (`SyncTime`, sync-time.ts) is one; without `monotonic` (a
 * manual clock in tests, which nobody steps) the wall clock serves as both.
 */
export interface WallClock {
  now(): number;
  monotonic?(): number;
}

/** The real clocks. */
export const systemClock: WallClock = { now: () => Date.now(), monotonic: () => performance.now() };

/** A wall-clock jump larger than this, measured against the monotonic clock, is a step. */
const STEP_MS = 1000;

interface Sample {
  offset: number;
  hub: boolean;
  /** Monotonic ms when taken. */
  at: number;
}

export class ClockWatch {
  private readonly samples = new Map<string, Sample>();
  private baseline: number;
  private correction = 0;
  private verdict: ClockStatus = { state: 'ok', offsetMs: 0, since: null };
  /** Called (deferred, never inside a clock read) after the wall clock was stepped. */
  onStep: () => void = () => undefined;
  /** Called when the verdict changes (ok, ahead, behind). */
  onChange: (status: ClockStatus) => void = () => undefined;

  constructor(
    /** Boards may judge themselves ahead from a single peer; the hub never does. */
    private readonly role: 'board' | 'hub',
    readonly maxDriftMs: number = DEFAULT_MAX_DRIFT_MS,
    /** How long a peer's sample counts: a few digest periods (the sync engine sets it from its period). */
    public ttlMs = 90_000,
    private readonly wall: () => number = () => systemClock.now(),
    private readonly mono: () => number = () => performance.now(),
  ) {
    this.baseline = wall() - mono();
  }

  /** A watch on the given time (the engine's, or a replica's store's), the real clocks by default. */
  static on(role: 'board' | 'hub', time: WallClock = systemClock, maxDriftMs: number = DEFAULT_MAX_DRIFT_MS): ClockWatch {
    const monotonic = time.monotonic?.bind(time) ?? (() => time.now());
    return new ClockWatch(role, maxDriftMs, undefined, () => time.now(), monotonic);
  }

  /** The reference time the HLC stamps and checks drift with: the wall clock, moved on when it is behind. */
  readonly now = (): number => {
    const wall = this.wall();
    const drift = wall - this.mono() - this.baseline;
    if (Math.abs(drift) > STEP_MS) this.stepped(wall);
    return wall + this.correction;
  };

  /** The wall clock as it is, uncorrected: what this replica tells its peers. */
  wallNow(): number {
    return this.wall();
  }

  /** A peer said its wall clock read `peerWall` just now. */
  sample(peer: string, peerWall: number, hub: boolean): void {
    this.now(); // a step since the last read must not mix old and new samples
    this.samples.set(peer, { offset: peerWall - this.wall(), hub, at: this.mono() });
    this.evaluate();
  }

  /** The peer's clock minus this replica's reference time, or undefined without a fresh sample. */
  peerOffset(peer: string): number | undefined {
    const sample = this.samples.get(peer);
    if (!sample || this.mono() - sample.at > this.ttlMs) return undefined;
    return sample.offset - this.correction;
  }

  status(): ClockStatus {
    this.evaluate();
    return { ...this.verdict };
  }

  /** Recomputes the verdict from the fresh samples (stale ones are dropped). */
  evaluate(): void {
    const fresh = this.mono() - this.ttlMs;
    for (const [peer, sample] of this.samples) if (sample.at < fresh) this.samples.delete(peer);
    const offsets = this.role === 'hub' ? [0, 0] : [0];
    let hub: number | undefined = this.role === 'hub' ? 0 : undefined;
    for (const sample of this.samples.values()) {
      offsets.push(sample.offset);
      if (sample.hub) {
        offsets.push(sample.offset);
        hub = sample.offset;
      }
    }
    const hubSeen = hub !== undefined && this.role === 'board';
    const median = nearMedian(offsets, hub ?? 0);
    const only = this.samples.size === 1 ? [...this.samples.values()][0] : undefined;
    let state: ClockStatus['state'] = 'ok';
    let offsetMs = median;
    if (median < -this.maxDriftMs) state = 'ahead';
    else if (median > this.maxDriftMs) state = 'behind';
    else if (this.role === 'board' && !hubSeen && only && only.offset < -this.maxDriftMs) {
      // Two clocks alone cannot say whose is wrong; the one whose stamps the other refuses holds them.
      state = 'ahead';
      offsetMs = only.offset;
    }
    this.correction = state === 'behind' ? median : 0;
    const changed = state !== this.verdict.state;
    if (changed) this.verdict.since = state === 'ok' ? null : new Date(this.wall()).toISOString();
    this.verdict.state = state;
    this.verdict.offsetMs = Math.round(offsetMs);
    if (changed) this.onChange({ ...this.verdict });
  }

  /** Whether the verdict is ok and some peer's fresh sample agrees with this clock: evidence that it is right. */
  get confirmed(): boolean {
    if (this.verdict.state !== 'ok') return false;
    return [...this.samples.values()].some((sample) => Math.abs(sample.offset) <= this.maxDriftMs);
  }

  private stepped(wall: number): void {
    this.baseline = wall - this.mono();
    this.samples.clear();
    this.correction = 0;
    this.verdict = { state: 'ok', offsetMs: 0, since: null };
    setImmediate(() => this.onStep());
  }
}

/** The median; of the two middle values of an even count, the one nearer `toward`. */
export function nearMedian(values: readonly number[], toward = 0): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length % 2 === 1) return sorted[mid];
  const [low, high] = [sorted[mid - 1], sorted[mid]];
  return Math.abs(low - toward) <= Math.abs(high - toward) ? low : high;
}
