/**
 * Hybrid logical clock (Kulkarni et al. 2014). A stamp is a fixed-width string, so plain string
 * comparison is the total order: wall ms, then counter, then node id as the tie-break.
 */

export const MAX_COUNTER = 36 ** 4 - 1;
export const DEFAULT_MAX_DRIFT_MS = 60_000;
const WALL_WIDTH = 9;
const COUNTER_WIDTH = 4;
const NODE_ID = /^[a-z0-9][a-z0-9-]{0,47}$/;

export interface Stamp {
  readonly wall: number;
  readonly counter: number;
  readonly node: string;
}

export function isNodeId(node: string): boolean {
  return NODE_ID.test(node);
}

export function encodeStamp({ wall, counter, node }: Stamp): string {
  return `${wallPart(wall)}:${counter
    .toString(36)
    .padStart(COUNTER_WIDTH, '0')}:${node}`;
}

const STAMP = /^[0-9a-z]{9}:[0-9a-z]{4}:[a-z0-9][a-z0-9-]{0,47}$/;

/** Whether a string is a stamp, without parsing it (the inbound schema check of every change). */
export function isStamp(encoded: string): boolean {
  return STAMP.test(encoded);
}

/** Parses a stamp; undefined when it is not one (inbound stamps are never trusted). */
export function decodeStamp(encoded: string): Stamp | undefined {
  if (!STAMP.test(encoded)) return undefined;
  return { wall: parseInt(encoded.slice(0, WALL_WIDTH), 36), counter: parseInt(encoded.slice(WALL_WIDTH + 1, WALL_WIDTH + 1 + COUNTER_WIDTH), 36), node: encoded.slice(WALL_WIDTH + COUNTER_WIDTH + 2) };
}

/** A stamp's wall part as it is encoded (fixed width): string order is time order. */
const wallPart = (wall: number): string => wall.toString(36).padStart(WALL_WIDTH, '0');

export class ClockDriftError extends Error {
  constructor(readonly aheadMs: number) {
    super(`remote stamp is ${aheadMs} ms ahead of the local clock`);
  }
}

/** One replica's clock. `now` is injectable so tests can skew it. */
export class HybridLogicalClock {
  private wall = 0;
  private counter = 0;

  constructor(
    readonly node: string,
    private readonly now: () => number = Date.now,
    readonly maxDriftMs: number = DEFAULT_MAX_DRIFT_MS,
  ) {
    if (!isNodeId(node)) throw new Error(`invalid node id: ${node}`);
  }

  /** Restores the last issued stamp (after a restart) so stamps never go backwards. */
  restore(last: string | undefined): void {
    const stamp = last === undefined ? undefined : decodeStamp(last);
    if (stamp && (stamp.wall > this.wall || (stamp.wall === this.wall && stamp.counter > this.counter))) {
      this.wall = stamp.wall;
      this.counter = stamp.counter;
    }
  }

  /**
   * Sets the clock back to a stamp below the one it holds: only after the replica has re-stamped
   * every field it held above it (main/store/clock-repair.ts), when its physical clock was found
   * to have run ahead. Without that repair the next edit would lose to its own earlier ones.
   */
  rewind(last: string): void {
    const stamp = decodeStamp(last);
    if (!stamp) throw new Error(`not a stamp: ${last}`);
    this.wall = stamp.wall;
    this.counter = stamp.counter;
  }

  /** The logical wall time of the last stamp issued or received, in ms. */
  get lastWall(): number {
    return this.wall;
  }

  /** A stamp for a local event. */
  tick(): string {
    const physical = Math.max(0, Math.floor(this.now()));
    if (physical > this.wall) {
      this.wall = physical;
      this.counter = 0;
    } else {
      this.bump();
    }
    return this.current();
  }

  /** Folds a remote stamp into the clock; throws ClockDriftError when it is too far ahead. */
  receive(remote: string): void {
    const stamp = decodeStamp(remote);
    if (!stamp) throw new Error(`not a stamp: ${remote}`);
    const physical = Math.max(0, Math.floor(this.now()));
    const ahead = stamp.wall - physical;
    if (ahead > this.maxDriftMs) throw new ClockDriftError(ahead);
    const wall = Math.max(this.wall, stamp.wall, physical);
    if (wall === this.wall && wall === stamp.wall) {
      this.counter = Math.max(this.counter, stamp.counter);
      this.bump();
    } else if (wall === this.wall) {
      this.bump();
    } else if (wall === stamp.wall) {
      this.wall = wall;
      this.counter = stamp.counter;
      this.bump();
    } else {
      this.wall = wall;
      this.counter = 0;
    }
  }

  /**
   * The drift check of `receive` for a whole batch against one reading of the physical clock: the
   * returned check gives the error for a (well-formed) stamp too far ahead, undefined for one within
   * bounds, by comparing the encoded wall part (no parse per stamp). A batch's accepted stamps are
   * then folded in with one `receive` of the greatest: the clock ends past every one of them.
   */
  driftCheck(): (remote: string) => ClockDriftError | undefined {
    const physical = Math.max(0, Math.floor(this.now()));
    const limit = wallPart(physical + this.maxDriftMs);
    return (remote) => {
      if (remote.slice(0, WALL_WIDTH) <= limit) return undefined;
      const stamp = decodeStamp(remote);
      return new ClockDriftError(stamp ? stamp.wall - physical : Number.NaN);
    };
  }

  current(): string {
    return encodeStamp({ wall: this.wall, counter: this.counter, node: this.node });
  }

  /** Counter overflow moves the logical wall one millisecond on instead of wrapping. */
  private bump(): void {
    if (this.counter >= MAX_COUNTER) {
      this.wall += 1;
      this.counter = 0;
    } else {
      this.counter += 1;
    }
  }
}
