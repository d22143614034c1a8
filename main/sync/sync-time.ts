/**
 * Time as the sync engine sees it, passed in so tests run its schedule (retries, request
 * timeouts, digest rounds) without real waits: the wall clock, timers and the jitter's randomness.
 */

import { systemClock, type WallClock } from './clock-watch.js';

/** Cancels a timer; calling it again, or after the timer ran, does nothing. */
export type CancelTimer = () => void;

export interface SyncTime extends WallClock {
  /** Wall-clock ms since the epoch. */
  now(): number;
  /** Runs `run` once after `ms`; a `background` timer does not keep the process alive. */
  after(ms: number, run: () => void, background?: boolean): CancelTimer;
  /** A number in [0, 1): the jitter of retries and rounds, and which peer is asked. */
  random(): number;
}

/** The real clock and timers. */
export const systemTime: SyncTime = {
  ...systemClock,
  after(ms, run, background = false) {
    const timer = setTimeout(run, ms);
    if (background) timer.unref();
    return () => clearTimeout(timer);
  },
  random: () => Math.random(),
};
