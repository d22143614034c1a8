/**
 * Property tests of convergence: several replicas, each with its own hybrid logical clock on its
 * own skewed physical clock, edit a few fields concurrently; a network reorders, duplicates and
 * drops their changes; anti-entropy recovers what was dropped. Every replica must end with the
 * same state, and that state must be the max-stamp write of every field.
 *
 * The replica is modelled in memory but merges exactly as FieldStore.applyRemote does (clock
 * receive first, drift refusal counted, then incomingWins), and the anti-entropy runs the
 * production reconcile/SyncResponder of main/sync/anti-entropy.ts (SQLite-free) with every message
 * round-tripped through JSON and the protocol schema. See docs/sync-testing.md.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CollectionName, FieldValue } from '../../../shared/domain/schema.js';
import { incomingWins, type Change } from '../../../shared/sync/change.js';
import { buildDigest, diffDigests, type StampEntry } from '../../../shared/sync/digest.js';
import { ClockDriftError, decodeStamp, HybridLogicalClock } from '../../../shared/sync/hlc.js';
import { SyncMessage } from '../../../shared/sync/protocol.js';
import { reconcile, SyncResponder, type Ask } from '../../../main/sync/anti-entropy.js';
import type { FieldStore } from '../../../main/store/field-store.js';

// ---------------------------------------------------------------------------------------------
// Configuration

function propertyRuns(): number {
  const raw = process.env.TAVLA_PROPERTY_RUNS;
  if (raw === undefined || raw === '') return 1000;
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`TAVLA_PROPERTY_RUNS must be a positive integer, got ${raw}`);
  return runs;
}

const RUNS = propertyRuns();
const SEED = process.env.TAVLA_PROPERTY_SEED ? Number(process.env.TAVLA_PROPERTY_SEED) : undefined;
const params = (numRuns: number) => (SEED === undefined ? { numRuns } : { numRuns, seed: SEED });
/** The smaller properties run a tenth as often. */
const SMALL_RUNS = Math.max(100, Math.floor(RUNS / 10));
/** Generous: full mode (100,000 runs) takes minutes, not the default 30 s. */
const timeout = (numRuns: number) => Math.max(30_000, numRuns * 20);

const T0 = 1_700_000_000_000;
const SCOPE = 'solsiden';
const NODES = ['hub', 'board-a', 'board-b', 'board-c', 'board-d', 'board-e', 'board-f'];

/** A few fields of a few records, so concurrent edits of the same field are the rule. */
const TARGETS: readonly { c: CollectionName; id: string; f: string; kind: 'text' | 'int' | 'bool' }[] = [
  { c: 'bed', id: 'b1', f: 'status', kind: 'text' },
  { c: 'bed', id: 'b1', f: 'label', kind: 'text' },
  { c: 'bed', id: 'b2', f: 'status', kind: 'text' },
  { c: 'stay', id: 's1', f: 'fall', kind: 'bool' },
  { c: 'stay', id: 's1', f: 'adl', kind: 'int' },
  { c: 'task', id: 't1', f: 'status', kind: 'text' },
  { c: 'task', id: 't1', f: 'title', kind: 'text' },
];

function valueFor(kind: 'text' | 'int' | 'bool', n: number): FieldValue {
  if (kind === 'int') return n;
  if (kind === 'bool') return n % 2 === 0;
  return `v${n}`;
}

const keyOf = (c: string, id: string, f: string) => `${c}\u0000${id}\u0000${f}`;

// ---------------------------------------------------------------------------------------------
// The replica model

interface ApplyOutcome {
  applied: Change[];
  stale: number;
  rejected: number;
}

/** One replica: field state with stamps, an outbox and a clock, merging as FieldStore does. */
class Replica {
  clock: HybridLogicalClock;
  readonly fields = new Map<string, Change>();
  outbox: Change[] = [];
  /** Every stamp this replica issued, in order. */
  readonly issued: string[] = [];
  rejected = 0;

  constructor(
    readonly node: string,
    private readonly now: () => number,
    private readonly maxDriftMs: number,
  ) {
    this.clock = new HybridLogicalClock(node, now, maxDriftMs);
  }

  /** FieldStore.commit: a fresh stamp, written unconditionally, logged in the outbox. */
  edit(c: CollectionName, id: string, f: string, v: FieldValue): Change {
    const s = this.clock.tick();
    const existing = this.fields.get(keyOf(c, id, f));
    // commit() overwrites without comparing: that is only right if a local stamp beats all it holds.
    if (!incomingWins(s, existing?.s)) throw new Error(`${this.node}: local stamp ${s} does not beat held ${existing?.s}`);
    const last = this.issued[this.issued.length - 1];
    if (last !== undefined && !(s > last)) throw new Error(`${this.node}: own stamp went backwards ${s} <= ${last}`);
    const change: Change = { c, id, f, v, s };
    this.fields.set(keyOf(c, id, f), change);
    this.outbox.push(change);
    this.issued.push(s);
    return change;
  }

  /** FieldStore.applyRemote: clock first (drift refused and counted), then the merge rule. */
  applyRemote(changes: readonly Change[]): ApplyOutcome {
    const outcome: ApplyOutcome = { applied: [], stale: 0, rejected: 0 };
    for (const change of changes) {
      try {
        this.clock.receive(change.s);
      } catch (error) {
        if (error instanceof ClockDriftError) {
          outcome.rejected += 1;
          continue;
        }
        throw error;
      }
      const key = keyOf(change.c, change.id, change.f);
      if (!incomingWins(change.s, this.fields.get(key)?.s)) {
        outcome.stale += 1;
        continue;
      }
      this.fields.set(key, { c: change.c, id: change.id, f: change.f, v: change.v, s: change.s });
      outcome.applied.push(change);
    }
    this.rejected += outcome.rejected;
    return outcome;
  }

  /** A restart: a new clock restored from the last stamp saved with the state (meta 'hlc'). */
  restart(): void {
    const saved = this.clock.current();
    this.clock = new HybridLogicalClock(this.node, this.now, this.maxDriftMs);
    this.clock.restore(saved);
  }

  /** The publish of the outbox as one message; the outbox is then sent. */
  drain(): Change[] {
    const batch = this.outbox;
    this.outbox = [];
    return batch;
  }

  state(): Change[] {
    return [...this.fields.values()];
  }

  /** The store surface the production anti-entropy uses (FieldStore.scopeStamps / scopeChanges / fieldsByKey, never out of contact). */
  asStore(): FieldStore {
    const store: Pick<FieldStore, 'scopeStamps' | 'scopeChanges' | 'fieldsByKey' | 'mustStartOver' | 'noteContact'> = {
      mustStartOver: () => false,
      noteContact: () => undefined,
      scopeStamps: () => this.state().map(({ c, id, f, s }): StampEntry => ({ c, id, f, s })),
      scopeChanges: (_scope, inBucket) =>
        this.state()
          .filter((change) => inBucket(change.c, change.id))
          .sort((x, y) => (keyOf(x.c, x.id, x.f) < keyOf(y.c, y.id, y.f) ? -1 : 1))
          .map((change) => ({ ...change })),
      fieldsByKey: (keys) =>
        keys.flatMap(([c, id, f]) => {
          const held = this.fields.get(keyOf(c, id, f));
          return held ? [{ ...held }] : [];
        }),
    };
    // reconcile / SyncResponder take a FieldStore but use only these methods (never out of contact here).
    return store as unknown as FieldStore;
  }
}

/** Through the wire: JSON and the protocol schema, as the sync engine does for every inbox message. */
function overTheWire(message: object): SyncMessage {
  return SyncMessage.parse(JSON.parse(JSON.stringify(message)));
}

let sessions = 0;

/** The production anti-entropy between two replicas: `a` initiates against `b`'s responder. */
async function antiEntropy(a: Replica, b: Replica): Promise<void> {
  const responder = new SyncResponder(b.asStore(), (_scope, changes) => b.applyRemote(changes).applied.length);
  const session = `s${(sessions += 1)}`;
  let seq = 0;
  const ask = (async (request, expected) => {
    const question = overTheWire({ v: 1, from: a.node, session, seq: seq++, ...request });
    const answer = responder.answer(SCOPE, question);
    if (!answer) throw new Error(`no answer to ${question.type}`);
    const reply = overTheWire({ v: 1, from: b.node, ...answer });
    if (reply.type !== expected) throw new Error(`expected ${expected}, got ${reply.type}`);
    return reply;
  }) as Ask;
  await reconcile(a.asStore(), SCOPE, ask, (changes) => void a.applyRemote(changes));
}

/** A full exchange of state with stamps between every pair (what a resync amounts to), in the given order. */
function fullExchange(replicas: Replica[], order: number[]): void {
  for (const i of order) for (const other of replicas) if (other !== replicas[i]) other.applyRemote(replicas[i].state());
}

function digestOf(replica: Replica) {
  return buildDigest(replica.state());
}

/** field -> (value, stamp), canonical for comparison. */
function canonical(changes: Iterable<Change>): Record<string, { v: FieldValue; s: string }> {
  const out: Record<string, { v: FieldValue; s: string }> = {};
  for (const { c, id, f, v, s } of [...changes].sort((x, y) => (keyOf(x.c, x.id, x.f) < keyOf(y.c, y.id, y.f) ? -1 : 1)))
    out[keyOf(c, id, f)] = { v, s };
  return out;
}

/** The state built from the max-stamp write of each field over every edit ever made. */
function maxStampState(edits: Change[]): Record<string, { v: FieldValue; s: string }> {
  const best = new Map<string, Change>();
  for (const edit of edits) {
    const key = keyOf(edit.c, edit.id, edit.f);
    const held = best.get(key);
    if (!held || edit.s > held.s) best.set(key, edit);
  }
  return canonical(best.values());
}

// ---------------------------------------------------------------------------------------------
// The world: replicas, physical time, the network

type Op =
  | { kind: 'edit'; r: number; t: number; n: number }
  | { kind: 'publish'; r: number }
  | { kind: 'deliver'; i: number; mode: 'once' | 'duplicate' | 'drop' }
  | { kind: 'time'; dt: number }
  | { kind: 'skew'; r: number; offset: number }
  | { kind: 'sync'; a: number; b: number }
  | { kind: 'restart'; r: number };

interface Message {
  from: number;
  to: number;
  changes: Change[];
}

class World {
  trueTime = T0;
  readonly offsets: number[];
  readonly replicas: Replica[];
  readonly network: Message[] = [];
  readonly edits: Change[] = [];
  /** Every write ever made, by its stamp. */
  readonly byStamp = new Map<string, Change>();
  /** Per replica, field -> the stamp it held after the previous step. */
  private readonly held: Map<string, string>[];

  constructor(n: number, offsets: number[], maxDriftMs: number) {
    this.offsets = [...offsets];
    this.replicas = NODES.slice(0, n).map((node, r) => new Replica(node, () => this.trueTime + this.offsets[r], maxDriftMs));
    this.held = this.replicas.map(() => new Map());
  }

  edit(r: number, t: number, n: number): void {
    const target = TARGETS[t];
    const change = this.replicas[r].edit(target.c, target.id, target.f, valueFor(target.kind, n));
    if (this.byStamp.has(change.s)) throw new Error(`stamp issued twice: ${change.s}`);
    this.byStamp.set(change.s, change);
    this.edits.push(change);
  }

  publish(r: number): void {
    const batch = this.replicas[r].drain();
    if (batch.length === 0) return;
    this.replicas.forEach((_, to) => {
      if (to !== r) this.network.push({ from: r, to, changes: batch });
    });
  }

  deliver(i: number, mode: 'once' | 'duplicate' | 'drop'): void {
    if (this.network.length === 0) return;
    const index = i % this.network.length;
    const message = this.network[index];
    if (mode !== 'duplicate') this.network.splice(index, 1);
    if (mode !== 'drop') this.replicas[message.to].applyRemote(message.changes.map((change) => ({ ...change })));
  }

  async step(op: Op): Promise<void> {
    switch (op.kind) {
      case 'edit':
        this.edit(op.r, op.t, op.n);
        break;
      case 'publish':
        this.publish(op.r);
        break;
      case 'deliver':
        this.deliver(op.i, op.mode);
        break;
      case 'time':
        this.trueTime += op.dt;
        break;
      case 'skew':
        this.offsets[op.r] = op.offset;
        break;
      case 'sync':
        if (op.a !== op.b) await antiEntropy(this.replicas[op.a], this.replicas[op.b]);
        break;
      case 'restart':
        this.replicas[op.r].restart();
        break;
    }
    this.checkInvariants();
  }

  /** What must hold after every step, whatever the network did. */
  checkInvariants(): void {
    this.replicas.forEach((replica, r) => {
      const held = this.held[r];
      const current = replica.clock.current();
      for (const [key, change] of replica.fields) {
        const before = held.get(key);
        // A field's stamp never goes backwards on any replica (no older write is ever applied).
        if (before !== undefined && change.s < before)
          throw new Error(`${replica.node}: ${key} went back from ${before} to ${change.s}`);
        held.set(key, change.s);
        // The clock is at or past every stamp held, so the next local edit wins over all of them.
        if (current < change.s) throw new Error(`${replica.node}: clock ${current} behind held ${change.s}`);
        // What a replica holds is exactly a write that was made: stamps identify writes.
        const written = this.byStamp.get(change.s);
        if (!written || keyOf(written.c, written.id, written.f) !== key || written.v !== change.v)
          throw new Error(`${replica.node}: holds ${key}=${String(change.v)}@${change.s}, which nobody wrote`);
      }
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

function opArbitrary(n: number, half: number, maxStep: number): fc.Arbitrary<Op> {
  const replica = fc.nat({ max: n - 1 });
  return fc.oneof(
    { weight: 8, arbitrary: fc.record({ kind: fc.constant('edit' as const), r: replica, t: fc.nat({ max: TARGETS.length - 1 }), n: fc.nat({ max: 5 }) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('publish' as const), r: replica }) },
    {
      weight: 8,
      arbitrary: fc.record({
        kind: fc.constant('deliver' as const),
        i: fc.nat(),
        mode: fc.constantFrom<('once' | 'duplicate' | 'drop')[]>('once', 'once', 'duplicate', 'drop'),
      }),
    },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('time' as const), dt: fc.nat({ max: maxStep }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('skew' as const), r: replica, offset: fc.integer({ min: -half, max: half }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('sync' as const), a: replica, b: replica }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), r: replica }) },
  );
}

/**
 * A scenario within the drift bound: every physical clock stays within ±bound/2 of true time
 * (offsets may jump, so a clock may stand still or go backwards), so any two differ by at most the
 * bound and no stamp is ever refused.
 */
const scenario = fc
  .record({
    n: fc.integer({ min: 5, max: 7 }),
    maxDriftMs: fc.constantFrom(2, 20, 1000, 60_000),
    maxStep: fc.constantFrom(0, 1, 5, 200),
  })
  .chain(({ n, maxDriftMs, maxStep }) => {
    const half = Math.floor(maxDriftMs / 2);
    return fc.record({
      n: fc.constant(n),
      maxDriftMs: fc.constant(maxDriftMs),
      offsets: fc.array(fc.integer({ min: -half, max: half }), { minLength: n, maxLength: n }),
      // size 'max': lengths spread over the whole range (the default 'small' keeps them near 10).
      ops: fc.array(opArbitrary(n, half, maxStep), { minLength: 10, maxLength: 100, size: 'max' }),
      leftInFlight: fc.constantFrom<('deliver' | 'drop')[]>('deliver', 'drop'),
      resync: fc.constantFrom<('protocol' | 'full')[]>('protocol', 'full'),
      resyncOrder: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
    });
  });

// ---------------------------------------------------------------------------------------------
// Properties

describe('merge convergence (property)', () => {
  it(
    `replicas converge to the max-stamp state after reordering, duplicates, drops, skew and resync (${RUNS} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(scenario, async ({ n, maxDriftMs, offsets, ops, leftInFlight, resync, resyncOrder }) => {
          const world = new World(n, offsets, maxDriftMs);
          for (const op of ops) await world.step(op);

          // Whatever is still in flight arrives (newest first) or is lost; outboxes are published.
          for (let r = 0; r < n; r += 1) world.publish(r);
          while (world.network.length > 0) world.deliver(world.network.length - 1, leftInFlight === 'deliver' ? 'once' : 'drop');
          world.checkInvariants();

          // The final resync: a star around one replica (as a hub would be) through the production
          // protocol, or a plain full exchange of state between every pair.
          if (resync === 'protocol') {
            const [center, ...rest] = resyncOrder;
            for (const r of rest) await antiEntropy(world.replicas[r], world.replicas[center]);
            for (const r of rest) await antiEntropy(world.replicas[r], world.replicas[center]);
          } else {
            fullExchange(world.replicas, resyncOrder);
          }
          world.checkInvariants();

          const expected = maxStampState(world.edits);
          for (const replica of world.replicas) {
            expect(canonical(replica.fields.values())).toEqual(expected);
            expect(diffDigests(digestOf(replica), digestOf(world.replicas[0]))).toEqual([]);
            // Within the bound nothing is ever refused.
            expect(replica.rejected).toBe(0);
          }
        }),
        params(RUNS),
      );
    },
    timeout(RUNS),
  );

  it(
    `a replica's later edit always wins over its earlier one, on every replica (${SMALL_RUNS} runs)`,
    () => {
      // One replica edits the same field over and over while the others also write it; its edits
      // reach the others in any order, duplicated. On every replica the field never goes back to an
      // older edit of the writer, and the writer's last edit is never beaten by an earlier one.
      fc.assert(
        fc.property(
          fc.array(fc.nat({ max: 5 }), { minLength: 2, maxLength: 20 }),
          fc.array(fc.nat(), { maxLength: 40 }),
          fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 5, maxLength: 5 }),
          (values, picks, jumps) => {
            const world = new World(5, [0, 0, 0, 0, 0], 60_000);
            const writer = world.replicas[1];
            const mine: Change[] = [];
            values.forEach((value, i) => {
              world.offsets[1] = jumps[i % jumps.length] % 500; // its clock jumps back and forth
              if (i % 2 === 0) world.edit(2 + (i % 3), 0, value); // a competitor
              world.edit(1, 0, value);
              mine.push(world.edits[world.edits.length - 1]);
              world.publish(1);
              world.publish(2 + (i % 3));
            });
            for (let i = 1; i < mine.length; i += 1) expect(mine[i].s > mine[i - 1].s).toBe(true);
            for (const pick of picks) world.deliver(pick, pick % 2 === 0 ? 'duplicate' : 'once');
            while (world.network.length > 0) world.deliver(0, 'once');
            world.checkInvariants();
            const last = mine[mine.length - 1];
            const key = keyOf(last.c, last.id, last.f);
            for (const replica of world.replicas) {
              const held = replica.fields.get(key);
              expect(held).toBeDefined();
              // Whoever wins, it is never one of the writer's earlier edits.
              expect(mine.slice(0, -1).some((earlier) => earlier.s === held?.s)).toBe(false);
            }
            expect(writer.fields.get(key)?.s).toBe(world.replicas[0].fields.get(key)?.s);
          },
        ),
        params(SMALL_RUNS),
      );
    },
    timeout(SMALL_RUNS),
  );

  it(
    `stamps beyond the drift bound are refused and counted, and accepted once clocks agree again (${SMALL_RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(20, 1000, 60_000),
          fc.integer({ min: 100, max: 5000 }), // more than the time the deliveries below let pass
          fc.array(fc.tuple(fc.nat({ max: 4 }), fc.nat({ max: TARGETS.length - 1 }), fc.nat({ max: 5 })), { minLength: 1, maxLength: 30 }),
          fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 60 }),
          (maxDriftMs, excess, edits, deliveries) => {
            // Replica 4 runs more than the bound ahead of every other one.
            const fast = 4;
            const world = new World(5, [0, 0, 0, 0, maxDriftMs + excess], maxDriftMs);
            let refusable = 0;
            for (const [r, t, n] of edits) {
              world.edit(r, t, n);
              world.publish(r);
            }
            for (const [i, timePasses] of deliveries) {
              if (timePasses) world.trueTime += 1;
              if (world.network.length === 0) break;
              const message = world.network[i % world.network.length];
              if (message.from === fast) refusable += message.changes.length;
              world.deliver(i, 'once');
            }
            world.checkInvariants();
            // Nothing of the fast replica got in anywhere; every attempt was counted.
            const fastNode = world.replicas[fast].node;
            for (const replica of world.replicas.slice(0, fast))
              for (const change of replica.fields.values()) expect(decodeStamp(change.s)?.node).not.toBe(fastNode);
            expect(world.replicas.slice(0, fast).reduce((sum, replica) => sum + replica.rejected, 0)).toBe(refusable);
            expect(world.replicas[fast].rejected).toBe(0);

            // Its clock is fixed; once true time has passed its last stamp, a resync converges.
            world.offsets[fast] = 0;
            world.trueTime += maxDriftMs + excess + 1;
            const before = world.replicas.map((replica) => replica.rejected);
            fullExchange(world.replicas, [0, 1, 2, 3, 4]);
            expect(world.replicas.map((replica) => replica.rejected)).toEqual(before);
            const expected = maxStampState(world.edits);
            for (const replica of world.replicas) expect(canonical(replica.fields.values())).toEqual(expected);
          },
        ),
        params(SMALL_RUNS),
      );
    },
    timeout(SMALL_RUNS),
  );
});

describe('merge rule (property)', () => {
  const stamp = fc
    .record({
      wall: fc.integer({ min: T0, max: T0 + 3 }),
      counter: fc.nat({ max: 3 }),
      node: fc.constantFrom('a', 'b', 'board-a', 'hub'),
    })
    .map(({ wall, counter, node }) => `${wall.toString(36).padStart(9, '0')}:${counter.toString(36).padStart(4, '0')}:${node}`);

  it('applying any set of changes in any order, with duplicates, gives the max-stamp state', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ t: fc.nat({ max: TARGETS.length - 1 }), s: stamp, n: fc.nat({ max: 3 }) }), {
          selector: (x) => `${x.t}/${x.s}`,
          maxLength: 30,
        }),
        fc.func(fc.nat()),
        (writes, order) => {
          // Unique (field, stamp): one stamp never carries two writes of a field.
          const unique: Change[] = writes.map(({ t, s, n }) => {
            const { c, id, f, kind } = TARGETS[t];
            return { c, id, f, v: valueFor(kind, n), s };
          });
          const shuffled = [...unique, ...unique.slice(0, 5)].sort((x, y) => order(x.s + x.f) - order(y.s + y.f));
          const a = new Replica('x', () => T0, 60_000);
          const b = new Replica('y', () => T0, 60_000);
          a.applyRemote(unique);
          b.applyRemote(shuffled);
          expect(canonical(a.fields.values())).toEqual(maxStampState(unique));
          expect(canonical(b.fields.values())).toEqual(maxStampState(unique));
        },
      ),
      params(SMALL_RUNS),
    );
  });

  it('incomingWins is a strict total order on stamps: exactly one of two distinct stamps wins, equal is a duplicate', () => {
    fc.assert(
      fc.property(stamp, stamp, (x, y) => {
        expect(incomingWins(x, undefined)).toBe(true);
        expect(incomingWins(x, x)).toBe(false);
        if (x !== y) expect(incomingWins(x, y)).not.toBe(incomingWins(y, x));
      }),
      params(SMALL_RUNS),
    );
  });
});
