/** The one backoff: doubling, capped, jittered in the upper half, whole milliseconds. */

import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../shared/time/backoff.js';

const schedule = { baseMs: 500, capMs: 15_000 };

describe('backoff', () => {
  it('doubles per attempt from the base, at the top of its range when the dice say so', () => {
    const top = () => 1 - Number.EPSILON;
    expect([0, 1, 2, 3].map((attempt) => backoffDelay(attempt, schedule, top))).toEqual([500, 1000, 2000, 4000]);
  });

  it('never waits less than half its ceiling', () => {
    expect([0, 1, 2, 3].map((attempt) => backoffDelay(attempt, schedule, () => 0))).toEqual([250, 500, 1000, 2000]);
  });

  it('stops doubling at the cap, however many attempts failed', () => {
    for (const attempt of [5, 6, 16, 1024]) {
      expect(backoffDelay(attempt, schedule, () => 0)).toBe(7500);
      expect(backoffDelay(attempt, schedule, () => 0.999_999)).toBe(15_000);
    }
  });

  it('spreads the waits of many screens over the upper half', () => {
    const delays = Array.from({ length: 2000 }, () => backoffDelay(2, schedule));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(1000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(2000);
    expect(new Set(delays).size).toBeGreaterThan(100);
    expect(delays.every(Number.isInteger)).toBe(true);
  });

  it('treats a negative attempt as the first', () => {
    expect(backoffDelay(-3, schedule, () => 0)).toBe(250);
  });
});
