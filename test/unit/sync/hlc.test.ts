import { describe, expect, it } from 'vitest';
import {
  ClockDriftError,
  decodeStamp,
  DEFAULT_MAX_DRIFT_MS,
  encodeStamp,
  HybridLogicalClock,
  isNodeId,
  isStamp,
  MAX_COUNTER,
  type Stamp,
} from '../../../shared/sync/hlc.js';

const T0 = 1_700_000_000_000;

/** A physical clock the test moves by hand. */
function manualClock(start = T0) {
  const clock = { t: start, now: () => clock.t };
  return clock;
}

/** Drives a clock's counter to `counter` at wall `wall` (frozen physical clock) through its own API. */
function clockAt(node: string, wall: number, counter: number, physical = manualClock(wall)): HybridLogicalClock {
  const hlc = new HybridLogicalClock(node, physical.now);
  hlc.restore(encodeStamp({ wall, counter, node }));
  return hlc;
}

function ticks(hlc: HybridLogicalClock, n: number): string[] {
  return Array.from({ length: n }, () => hlc.tick());
}

function expectStrictlyIncreasing(stamps: string[]): void {
  for (let i = 1; i < stamps.length; i += 1) expect(stamps[i] > stamps[i - 1], `${stamps[i]} > ${stamps[i - 1]}`).toBe(true);
}

describe('HybridLogicalClock.tick', () => {
  it('takes the physical time when it is ahead, with the counter at zero', () => {
    const physical = manualClock();
    const hlc = new HybridLogicalClock('board-a', physical.now);
    expect(decodeStamp(hlc.tick())).toEqual({ wall: T0, counter: 0, node: 'board-a' });
    physical.t += 5;
    expect(decodeStamp(hlc.tick())).toEqual({ wall: T0 + 5, counter: 0, node: 'board-a' });
  });

  it('is strictly monotonic while the wall clock stands still', () => {
    const hlc = new HybridLogicalClock('board-a', manualClock().now);
    const stamps = ticks(hlc, 1000);
    expectStrictlyIncreasing(stamps);
    expect(decodeStamp(stamps[999])).toEqual({ wall: T0, counter: 999, node: 'board-a' });
  });

  it('is strictly monotonic when the wall clock goes backwards (NTP step), and keeps the old wall', () => {
    const physical = manualClock();
    const hlc = new HybridLogicalClock('board-a', physical.now);
    const before = hlc.tick();
    physical.t -= 30_000;
    const after = ticks(hlc, 3);
    expectStrictlyIncreasing([before, ...after]);
    expect(after.map((s) => decodeStamp(s)?.wall)).toEqual([T0, T0, T0]);
    // Once physical time passes the old wall again, the wall follows it and the counter resets.
    physical.t = T0 + 1;
    expect(decodeStamp(hlc.tick())).toEqual({ wall: T0 + 1, counter: 0, node: 'board-a' });
  });

  it('current() is the last issued stamp and does not advance the clock', () => {
    const hlc = new HybridLogicalClock('board-a', manualClock().now);
    const stamp = hlc.tick();
    expect(hlc.current()).toBe(stamp);
    expect(hlc.current()).toBe(stamp);
    expect(hlc.tick() > stamp).toBe(true);
  });
});

describe('HybridLogicalClock.receive', () => {
  it('moves the clock past a stamp that is ahead within the bound', () => {
    const physical = manualClock();
    const hlc = new HybridLogicalClock('board-a', physical.now);
    hlc.tick();
    const remote = encodeStamp({ wall: T0 + 30_000, counter: 7, node: 'board-b' });
    hlc.receive(remote);
    expect(hlc.current() > remote).toBe(true);
    expect(decodeStamp(hlc.current())).toEqual({ wall: T0 + 30_000, counter: 8, node: 'board-a' });
    // The next local edit is ordered after the remote one although physical time has not moved.
    expect(hlc.tick() > remote).toBe(true);
  });

  it('accepts a stamp exactly at the bound', () => {
    const hlc = new HybridLogicalClock('board-a', manualClock().now, 1000);
    const remote = encodeStamp({ wall: T0 + 1000, counter: 0, node: 'board-b' });
    expect(() => hlc.receive(remote)).not.toThrow();
    expect(hlc.current() > remote).toBe(true);
  });

  it('refuses a stamp more than the bound ahead and leaves the clock unchanged', () => {
    const physical = manualClock();
    const hlc = new HybridLogicalClock('board-a', physical.now);
    const last = hlc.tick();
    const remote = encodeStamp({ wall: T0 + DEFAULT_MAX_DRIFT_MS + 1, counter: 0, node: 'board-b' });
    let error: unknown;
    try {
      hlc.receive(remote);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ClockDriftError);
    expect((error as ClockDriftError).aheadMs).toBe(DEFAULT_MAX_DRIFT_MS + 1);
    expect(hlc.current()).toBe(last);
    expect(decodeStamp(hlc.tick())).toEqual({ wall: T0, counter: 1, node: 'board-a' });
  });

  it('measures the drift against physical time, so a refused stamp is accepted once time catches up', () => {
    const physical = manualClock();
    const hlc = new HybridLogicalClock('board-a', physical.now, 1000);
    const remote = encodeStamp({ wall: T0 + 5000, counter: 0, node: 'board-b' });
    expect(() => hlc.receive(remote)).toThrow(ClockDriftError);
    physical.t = T0 + 4000;
    hlc.receive(remote);
    expect(hlc.current() > remote).toBe(true);
  });

  it('keeps its own wall and bumps the counter for a stamp from the past', () => {
    const physical = manualClock();
    const hlc = new HybridLogicalClock('board-a', physical.now);
    hlc.tick();
    hlc.tick();
    hlc.receive(encodeStamp({ wall: T0 - 10_000, counter: 99, node: 'board-b' }));
    expect(decodeStamp(hlc.current())).toEqual({ wall: T0, counter: 2, node: 'board-a' });
  });

  it('takes the larger counter plus one when both walls are equal', () => {
    const hlc = new HybridLogicalClock('board-a', manualClock().now);
    hlc.tick(); // counter 0
    const remote = encodeStamp({ wall: T0, counter: 41, node: 'board-b' });
    hlc.receive(remote);
    expect(decodeStamp(hlc.current())).toEqual({ wall: T0, counter: 42, node: 'board-a' });
    expect(hlc.current() > remote).toBe(true);
  });

  it('takes physical time with counter zero when it is ahead of both', () => {
    const physical = manualClock();
    const hlc = new HybridLogicalClock('board-a', physical.now);
    hlc.tick();
    physical.t += 100;
    hlc.receive(encodeStamp({ wall: T0 + 50, counter: 3, node: 'board-b' }));
    expect(decodeStamp(hlc.current())).toEqual({ wall: T0 + 100, counter: 0, node: 'board-a' });
  });

  it('rejects something that is not a stamp without touching the clock', () => {
    const hlc = new HybridLogicalClock('board-a', manualClock().now);
    const last = hlc.tick();
    expect(() => hlc.receive('not-a-stamp')).toThrow(/not a stamp/);
    expect(() => hlc.receive('not-a-stamp')).not.toThrow(ClockDriftError);
    expect(hlc.current()).toBe(last);
  });
});

describe('HybridLogicalClock.driftCheck (the batch form of receive\'s bound)', () => {
  it('refuses exactly what receive refuses, with the same distance ahead, and leaves the clock unchanged', () => {
    const physical = manualClock();
    const hlc = new HybridLogicalClock('board-a', physical.now, 1000);
    const last = hlc.tick();
    const check = hlc.driftCheck();
    for (const ahead of [-5000, 0, 999, 1000, 1001, 35 ** 2, 10 ** 9]) {
      const remote = encodeStamp({ wall: T0 + ahead, counter: MAX_COUNTER, node: 'board-b' });
      const refused = check(remote);
      let thrown: unknown;
      try {
        new HybridLogicalClock('board-d', physical.now, 1000).receive(remote);
      } catch (caught) {
        thrown = caught;
      }
      expect(refused === undefined, `ahead ${ahead}`).toBe(thrown === undefined);
      if (refused) expect(refused.aheadMs).toBe((thrown as ClockDriftError).aheadMs);
    }
    expect(hlc.current()).toBe(last);
  });

  it('judges against one reading of the physical clock, taken when the check is made', () => {
    const physical = manualClock();
    const hlc = new HybridLogicalClock('board-a', physical.now, 1000);
    const check = hlc.driftCheck();
    physical.t = T0 + 10_000;
    expect(check(encodeStamp({ wall: T0 + 1500, counter: 0, node: 'board-b' }))).toBeInstanceOf(ClockDriftError);
    expect(hlc.driftCheck()(encodeStamp({ wall: T0 + 1500, counter: 0, node: 'board-b' }))).toBeUndefined();
  });
});

describe('counter overflow', () => {
  it('rolls the wall forward by 1 ms when the counter is exhausted under a frozen clock, order preserved', () => {
    const physical = manualClock();
    const hlc = clockAt('board-a', T0, MAX_COUNTER - 2, physical);
    const stamps = ticks(hlc, 4);
    expectStrictlyIncreasing(stamps);
    expect(stamps.map((s) => decodeStamp(s))).toEqual([
      { wall: T0, counter: MAX_COUNTER - 1, node: 'board-a' },
      { wall: T0, counter: MAX_COUNTER, node: 'board-a' },
      { wall: T0 + 1, counter: 0, node: 'board-a' },
      { wall: T0 + 1, counter: 1, node: 'board-a' },
    ]);
    // The stamps stay fixed-width, so string order is still the order.
    expect(new Set(stamps.map((s) => s.length)).size).toBe(1);
  });

  it('reaches the overflow by ticking alone, every one of the 36^4 counter values in order', () => {
    const hlc = new HybridLogicalClock('board-a', manualClock().now);
    let previous = hlc.tick();
    for (let i = 1; i <= MAX_COUNTER + 1; i += 1) {
      const next = hlc.tick();
      if (!(next > previous)) throw new Error(`tick ${i}: ${next} <= ${previous}`);
      previous = next;
    }
    expect(decodeStamp(previous)).toEqual({ wall: T0 + 1, counter: 0, node: 'board-a' });
  });

  it('rolls over on receive of a stamp at MAX_COUNTER on the same wall', () => {
    const hlc = new HybridLogicalClock('board-a', manualClock().now);
    hlc.tick();
    const remote = encodeStamp({ wall: T0, counter: MAX_COUNTER, node: 'board-b' });
    hlc.receive(remote);
    expect(decodeStamp(hlc.current())).toEqual({ wall: T0 + 1, counter: 0, node: 'board-a' });
    expect(hlc.current() > remote).toBe(true);
  });

  it('rolls over on receive when its own counter is at MAX_COUNTER', () => {
    const hlc = clockAt('board-a', T0, MAX_COUNTER);
    hlc.receive(encodeStamp({ wall: T0 - 1, counter: 0, node: 'board-b' }));
    expect(decodeStamp(hlc.current())).toEqual({ wall: T0 + 1, counter: 0, node: 'board-a' });
  });
});

describe('restore', () => {
  it('never lets stamps go backwards after a restart with a clock that is behind', () => {
    const first = new HybridLogicalClock('board-a', manualClock().now);
    ticks(first, 5);
    const saved = first.current();
    const restarted = new HybridLogicalClock('board-a', manualClock(T0 - 60_000).now);
    restarted.restore(saved);
    expect(restarted.tick() > saved).toBe(true);
  });

  it('ignores an older stamp, undefined and garbage', () => {
    const hlc = new HybridLogicalClock('board-a', manualClock().now);
    const last = hlc.tick();
    hlc.restore(encodeStamp({ wall: T0 - 1, counter: 500, node: 'board-a' }));
    hlc.restore(undefined);
    hlc.restore('garbage');
    expect(hlc.current()).toBe(last);
  });
});

describe('stamp encoding', () => {
  const samples: Stamp[] = [
    { wall: 0, counter: 0, node: 'a' },
    { wall: T0, counter: 0, node: 'board-a' },
    { wall: T0, counter: MAX_COUNTER, node: 'hub-1' },
    { wall: 36 ** 9 - 1, counter: 12345, node: 'x'.repeat(48) },
    { wall: 1, counter: 1, node: '0-0' },
  ];

  it.each(samples)('round-trips %o', (stamp) => {
    const encoded = encodeStamp(stamp);
    expect(encoded).toHaveLength(9 + 1 + 4 + 1 + stamp.node.length);
    expect(decodeStamp(encoded)).toEqual(stamp);
  });

  it('isStamp agrees with decodeStamp on stamps and on near misses', () => {
    const near = ['', '00000000:0000:a', '000000000:000:a', '000000000:0000:', '000000000:0000:-a', '00000000A:0000:a', '000000000:0000:a_b', `000000000:0000:${'x'.repeat(49)}`, '000000000-0000:a'];
    for (const text of [...samples.map(encodeStamp), ...near]) expect(isStamp(text), text).toBe(decodeStamp(text) !== undefined);
    for (const text of near) expect(isStamp(text), text).toBe(false);
  });

  it('orders as strings exactly as (wall, counter, node)', () => {
    const stamps: Stamp[] = [
      { wall: T0, counter: 10, node: 'a' },
      { wall: T0, counter: 9, node: 'z' },
      { wall: T0 - 1, counter: MAX_COUNTER, node: 'z' },
      { wall: T0 + 1, counter: 0, node: 'a' },
      { wall: T0, counter: 10, node: 'b' },
      { wall: 35, counter: 0, node: 'a' },
      { wall: 36, counter: 0, node: 'a' },
    ];
    const byTuple = [...stamps].sort(
      (x, y) => x.wall - y.wall || x.counter - y.counter || (x.node < y.node ? -1 : x.node > y.node ? 1 : 0),
    );
    const byString = [...stamps].map(encodeStamp).sort();
    expect(byString).toEqual(byTuple.map(encodeStamp));
  });

  it.each([
    '',
    'garbage',
    '0lq2k3j4a:0000:Board-A', // upper case node
    '0lq2k3j4a:0000:-board', // node starting with a dash
    '0lq2k3j4a:0000:', // no node
    '0lq2k3j4a:000:board-a', // short counter
    '0lq2k3j4a:00000:board-a', // long counter
    'lq2k3j4a:0000:board-a', // short wall
    '00lq2k3j4a:0000:board-a', // long wall
    '0LQ2K3J4A:0000:board-a', // upper case digits
    '0lq2k3j4a-0000-board-a', // wrong separators
    ' 0lq2k3j4a:0000:board-a', // padding
    '0lq2k3j4a:0000:board-a\n', // trailing newline
    `0lq2k3j4a:0000:${'x'.repeat(49)}`, // node too long
    '0lq2k3j4a:0000:board_a', // underscore
    '0lq2k3j4a:0000:board-a:x', // extra part
  ])('decodeStamp rejects %j', (text) => {
    expect(decodeStamp(text)).toBeUndefined();
  });

  it('rejects invalid node ids at construction', () => {
    expect(isNodeId('board-a')).toBe(true);
    expect(() => new HybridLogicalClock('Board A')).toThrow(/invalid node id/);
    expect(() => new HybridLogicalClock('')).toThrow(/invalid node id/);
  });
});

describe('deterministic tie-break by node id', () => {
  it('two replicas editing in the same millisecond with the same counter are ordered by node id, the same way everywhere', () => {
    const physical = manualClock();
    const a = new HybridLogicalClock('board-a', physical.now);
    const b = new HybridLogicalClock('board-b', physical.now);
    const sa = a.tick();
    const sb = b.tick();
    expect(sa.slice(0, 14)).toBe(sb.slice(0, 14)); // same wall and counter
    expect(sa < sb).toBe(true);
    expect([sb, sa].sort()).toEqual([sa, sb]);
  });

  it('after exchanging stamps, both replicas issue stamps greater than either', () => {
    const physical = manualClock();
    const a = new HybridLogicalClock('board-a', physical.now);
    const b = new HybridLogicalClock('board-b', physical.now);
    const sa = a.tick();
    const sb = b.tick();
    a.receive(sb);
    b.receive(sa);
    const next = [a.tick(), b.tick()];
    for (const s of next) expect(s > sa && s > sb).toBe(true);
    expect(next[0]).not.toBe(next[1]);
  });
});
