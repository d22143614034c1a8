/**
 * The periodic digest round: every period (jittered), a board sends the root hash of its unit's
 * digest and its wall time to each online peer of the unit and to the hub; each answers with its
 * own. Matching roots cost one small message each way; a difference starts anti-entropy with that
 * peer, so a change this replica refused or failed to store arrives again without a reconnect.
 * `soon()` runs a round within a second (after a refusal or a failed apply). The hub answers the
 * boards' rounds (every board of every unit asks it, and anti-entropy pushes both ways) and starts
 * rounds only with another hub of its municipality: the targets say with whom (sync-engine.ts).
 * A peer that is reconciling with this replica (its sync requests arrive) is left out of rounds
 * until it has been quiet for a while: its own exchange pulls and pushes both ways, and a round
 * toward it meanwhile would run the join twice and stall it on digests (an empty board joining).
 */

import { createHash, randomBytes } from 'node:crypto';
import type { RoundMessage } from '../../shared/sync/round.js';
import type { ClockWatch } from './clock-watch.js';
import { systemTime, type CancelTimer, type SyncTime } from './sync-time.js';

export interface RoundTarget {
  scope: string;
  peers: { node: string; hub: boolean }[];
}

export interface DigestRoundsOptions {
  periodMs: number;
  clock: ClockWatch;
  /** The scopes to round on now, each with its online peers (empty while offline, and for a hub alone). */
  targets(): RoundTarget[];
  /** The scope's digest, any JSON-safe form: its hash is the root. */
  digest(scope: string): unknown;
  send(scope: string, to: string, message: Omit<RoundMessage, 'v' | 'from'>): Promise<void>;
  isHub(node: string): boolean;
  /** Before each round: probes, repairs and status (sync-engine). */
  beforeRound(): void;
  /** A peer's root differs from ours: reconcile with it. */
  differs(scope: string, peer: string): void;
  /** The clock, timers and jitter (the real ones when absent). */
  time?: SyncTime;
}

const ANSWER_TIMEOUT_MS = 10_000;
const SOON_MS = 1000;
/** A peer whose last sync request is this recent is still reconciling with this replica. */
export const RECONCILING_MS = 3000;

export class DigestRounds {
  private cancel: CancelTimer | undefined;
  private readonly time: SyncTime;
  private readonly roots = new Map<string, string>();
  private readonly waiting = new Map<string, { scope: string; peer: string; expires: number }>();
  private readonly session = randomBytes(6).toString('hex');
  private seq = 0;
  private stopped = false;
  private soonAt = -Infinity;
  /** scope -> peer -> when its last sync request arrived */
  private readonly asking = new Map<string, Map<string, number>>();
  /** Rounds run, and rounds whose roots matched: what /healthz and the tests can see. */
  readonly counts = { sent: 0, matched: 0, differed: 0 };

  constructor(private readonly options: DigestRoundsOptions) {
    this.time = options.time ?? systemTime;
  }

  start(): void {
    this.schedule(this.jittered());
  }

  stop(): void {
    this.stopped = true;
    this.cancel?.();
  }

  /**
   * A round within a second, instead of at the end of the period; at most once a period, so a
   * refusal that comes back with every exchange cannot make a loop of them.
   */
  soon(): void {
    const now = this.time.now();
    if (now - this.soonAt < this.options.periodMs) return;
    this.soonAt = now;
    this.schedule(SOON_MS);
  }

  /**
   * Another hub came online: a round within a second even if one came soon this period already (a
   * meeting happens once a connection, so it cannot make a loop).
   */
  met(): void {
    this.soonAt = this.time.now();
    this.schedule(SOON_MS);
  }

  /** The scope changed: its root is computed again when next asked. */
  changed(scope?: string): void {
    if (scope === undefined) this.roots.clear();
    else this.roots.delete(scope);
  }

  /** A peer's sync request arrived (it is reconciling `scope` with this replica now). */
  asked(scope: string, peer: string): void {
    const peers = this.asking.get(scope) ?? new Map<string, number>();
    this.asking.set(scope, peers.set(peer, this.time.now()));
  }

  /** Whether `peer` is reconciling `scope` with this replica: its exchange covers both directions. */
  reconciling(scope: string, peer: string): boolean {
    const at = this.asking.get(scope)?.get(peer);
    return at !== undefined && this.time.now() - at < RECONCILING_MS;
  }

  /** A round message from a peer: sample its clock; answer a round, compare an answer's root. */
  receive(scope: string, message: RoundMessage): void {
    const { clock } = this.options;
    clock.sample(message.from, message.at, this.options.isHub(message.from));
    if (message.type === 'round') {
      this.options
        .send(scope, message.from, { type: 'round-ack', session: message.session, seq: message.seq, root: this.root(scope), at: clock.wallNow() })
        .catch(() => undefined);
      return;
    }
    const key = `${message.session}:${message.seq}`;
    const asked = this.waiting.get(key);
    if (!asked || asked.peer !== message.from || asked.scope !== scope) return;
    this.waiting.delete(key);
    if (message.root === this.root(scope)) {
      this.counts.matched += 1;
      return;
    }
    this.counts.differed += 1;
    // A peer whose clock is off by more than the bound would refuse (or be refused) anyway.
    const offset = clock.peerOffset(message.from);
    if (offset !== undefined && Math.abs(offset) > clock.maxDriftMs) return;
    if (this.reconciling(scope, message.from)) return;
    this.options.differs(scope, message.from);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.cancel?.();
    this.cancel = this.time.after(delay, () => this.round(), true);
  }

  private jittered(): number {
    return this.options.periodMs * (0.9 + 0.2 * this.time.random());
  }

  private round(): void {
    try {
      this.options.beforeRound();
      const now = this.time.now();
      for (const [key, asked] of this.waiting) if (asked.expires < now) this.waiting.delete(key);
      for (const { scope, peers } of this.options.targets()) {
        const root = this.root(scope);
        for (const { node } of peers) {
          if (this.reconciling(scope, node)) continue;
          const seq = this.seq++;
          this.waiting.set(`${this.session}:${seq}`, { scope, peer: node, expires: now + ANSWER_TIMEOUT_MS });
          this.counts.sent += 1;
          this.options.send(scope, node, { type: 'round', session: this.session, seq, root, at: this.options.clock.wallNow() }).catch(() => undefined);
        }
      }
    } finally {
      this.schedule(this.jittered());
    }
  }

  private root(scope: string): string {
    let root = this.roots.get(scope);
    if (root === undefined) {
      root = createHash('sha256').update(JSON.stringify(this.options.digest(scope))).digest('hex').slice(0, 32);
      this.roots.set(scope, root);
    }
    return root;
  }
}
