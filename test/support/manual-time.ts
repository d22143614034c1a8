/** A clock and timers that move only when a test says so: the engine's schedule without real waits. */

import type { CancelTimer, SyncTime } from '../../main/sync/sync-time.js';

interface Timer {
  at: number;
  order: number;
  run: () => void;
  cancelled: boolean;
}

/** Lets pending promise callbacks and setImmediate work (a fake link's deliveries) run. */
export async function settle(turns = 40): Promise<void> {
  for (let i = 0; i < turns; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

export class ManualTime implements SyncTime {
  private readonly timers: Timer[] = [];
  private order = 0;
  /** What `random()` returns, in turn (then 0.5): the jitter a test wants to see. */
  randoms: number[] = [];
  /** Every delay asked for, in order. */
  readonly delays: number[] = [];

  constructor(private current = Date.UTC(2026, 11, 1, 8, 0, 0)) {}

  now(): number {
    return this.current;
  }

  after(ms: number, run: () => void): CancelTimer {
    const timer: Timer = { at: this.current + ms, order: this.order++, run, cancelled: false };
    this.delays.push(ms);
    this.timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  }

  random(): number {
    return this.randoms.shift() ?? 0.5;
  }

  /** Timers waiting to run. */
  get pending(): number {
    return this.timers.filter((t) => !t.cancelled).length;
  }

  /** Moves the clock on by `ms`, running each timer due on the way (and what it leads to) in time order. */
  async advance(ms: number): Promise<void> {
    const until = this.current + ms;
    for (;;) {
      const due = this.timers.filter((t) => !t.cancelled && t.at <= until).sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!due) break;
      this.timers.splice(this.timers.indexOf(due), 1);
      this.current = Math.max(this.current, due.at);
      due.run();
      await settle();
    }
    this.current = until;
    await settle();
  }
}
