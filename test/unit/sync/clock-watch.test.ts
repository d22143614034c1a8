import { describe, expect, it } from 'vitest';
import { ClockWatch, nearMedian } from '../../../main/sync/clock-watch.js';
import { ManualTime } from '../../support/manual-time.js';

const MIN10 = 600_000;

/** A watch on a wall clock the test sets, its monotonic clock true time. */
function watch(role: 'board' | 'hub' = 'board') {
  const time = { true: 1_800_000_000_000, offset: 0 };
  const w = new ClockWatch(role, 60_000, 90_000, () => time.true + time.offset, () => time.true);
  return { w, time };
}

describe('ClockWatch', () => {
  it('takes the median of its own clock and its peers, of two middle values the one nearer the hub', () => {
    expect(nearMedian([0, 5, 9])).toBe(5);
    expect(nearMedian([0, -MIN10])).toBe(0);
    expect(nearMedian([0, 0, -MIN10, -MIN10], -MIN10)).toBe(-MIN10);
  });

  it('judges a board ahead when the hub and the other board agree against it, and holds no correction', () => {
    const { w, time } = watch();
    w.sample('hub', time.true, true);
    w.sample('board-b', time.true, false);
    time.offset = 0;
    expect(w.status()).toMatchObject({ state: 'ok' });
    const ahead = watch();
    ahead.time.offset = MIN10;
    ahead.w.now();
    ahead.w.sample('hub', ahead.time.true, true);
    ahead.w.sample('board-b', ahead.time.true, false);
    expect(ahead.w.status()).toMatchObject({ state: 'ahead', offsetMs: -MIN10 });
    expect(ahead.w.now()).toBe(ahead.time.true + MIN10);
  });

  it('judges a board behind and moves its reference time on to the unit\'s', () => {
    const { w, time } = watch();
    time.offset = -MIN10;
    w.now();
    w.sample('hub', time.true, true);
    expect(w.status()).toMatchObject({ state: 'behind', offsetMs: MIN10 });
    expect(w.now()).toBe(time.true);
  });

  it('with one other board and no hub, only the one ahead blames itself', () => {
    const fast = watch();
    fast.w.sample('board-b', fast.time.true - MIN10, false);
    expect(fast.w.status().state).toBe('ahead');
    const slow = watch();
    slow.w.sample('board-a', slow.time.true + MIN10, false);
    expect(slow.w.status().state).toBe('ok');
    expect(slow.w.confirmed).toBe(false);
  });

  it('the hub counts its own clock twice: two boards agreeing against it do not move it', () => {
    const { w, time } = watch('hub');
    w.sample('board-a', time.true + MIN10, false);
    w.sample('board-b', time.true + MIN10, false);
    expect(w.status().state).toBe('ok');
    w.sample('board-c', time.true + MIN10, false);
    expect(w.status().state).toBe('behind');
  });

  it('forgets every sample when the wall clock is stepped against the monotonic clock, and says so', async () => {
    const { w, time } = watch();
    let steps = 0;
    w.onStep = () => (steps += 1);
    w.sample('hub', time.true + MIN10, true);
    expect(w.status().state).toBe('behind');
    time.offset = MIN10; // someone set the clock right
    expect(w.now()).toBe(time.true + MIN10); // no correction left on top of the step
    expect(w.status().state).toBe('ok');
    await new Promise((resolve) => setImmediate(resolve));
    expect(steps).toBe(1);
  });

  it('drops samples older than its time to live', () => {
    const { w, time } = watch();
    w.sample('hub', time.true + MIN10, true);
    expect(w.status().state).toBe('behind');
    time.true += 91_000;
    expect(w.status().state).toBe('ok');
    expect(w.peerOffset('hub')).toBeUndefined();
  });
});

describe('ClockWatch on injected time', () => {
  it('reads the manual clock it is given: moving it on is time passing, never a step, and a sample goes stale by it', async () => {
    const time = new ManualTime();
    const w = ClockWatch.on('board', time, 60_000);
    w.ttlMs = 90_000;
    expect(w.now()).toBe(time.now());
    expect(w.wallNow()).toBe(time.now());
    w.sample('hub', time.now() + MIN10, true);
    expect(w.status()).toMatchObject({ state: 'behind', offsetMs: MIN10, since: new Date(time.now()).toISOString() });
    // 80 s on the manual clock (no real wait): the sample still counts, so it was no step.
    await time.advance(80_000);
    expect(w.now()).toBe(time.now() + MIN10);
    expect(w.peerOffset('hub')).toBe(0);
    // Past the sample's life on the same clock: forgotten, the verdict is ok again.
    await time.advance(20_000);
    expect(w.status()).toMatchObject({ state: 'ok' });
    expect(w.now()).toBe(time.now());
  });
});
