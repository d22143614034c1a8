/**
 * Property tests of the clock rules (docs/protocol.md, "Clocks") on real stores (SQLite in memory):
 * a hub and two boards, each on its own wall clock that is stepped and jumps between true time,
 * 10 minutes ahead and 10 minutes behind, while they edit the same few fields, publish (a board
 * judged ahead holds its outbox), push their whole state to each other regardless (as a reconnect's
 * anti-entropy would), restart, and run digest rounds after every clock change. The production
 * ClockWatch, HybridLogicalClock, FieldStore, clock policy and repair do the work.
 *
 * After every round: each board's verdict names its clock (ahead, behind, ok). At the end, every
 * clock put right: all replicas hold the same state; each field holds the edit made last in true
 * time (a held edit loses to a peer's later one and beats an earlier one); no stamp is beyond
 * now + the bound; no replica holds a stamp any replica refused; nothing waits in an outbox.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldValue } from '../../../shared/domain/schema.js';
import { decodeStamp, HybridLogicalClock } from '../../../shared/sync/hlc.js';
import { repairFutureStamps } from '../../../main/store/clock-repair.js';
import { openDatabase, type Db } from '../../../main/store/database.js';
import { FieldStore } from '../../../main/store/field-store.js';
import { clockMoved, settleClock } from '../../../main/sync/clock-policy.js';
import { ClockWatch } from '../../../main/sync/clock-watch.js';

const RUNS = Math.max(50, Math.floor(Number(process.env.TAVLA_PROPERTY_RUNS ?? 1000) / 10));
const BOUND = 60_000;
const SKEW = 600_000;
const SCOPE = 'solsiden';
const T0 = 1_800_000_000_000;
const TARGETS = [
  { c: 'bed', id: 'b1', f: 'status', values: ['free', 'blocked', 'cleaning'] },
  { c: 'bed', id: 'b2', f: 'label', values: ['101', '102', '103'] },
  { c: 'task', id: 't1', f: 'title', values: ['Medisiner', 'Stell', 'Måltid'] },
] as const;

class World {
  t = T0;
  readonly nodes: Replica[];
  readonly edits: { key: string; v: FieldValue; at: number }[] = [];
  constructor() {
    this.nodes = ['hub', 'board-a', 'board-b'].map((name) => new Replica(name, this));
  }
  get hub(): Replica {
    return this.nodes[0];
  }
  /** A digest round between every pair: each learns the others' wall time, then settles its clock. */
  round(): void {
    for (const me of this.nodes) for (const peer of this.nodes) if (peer !== me) me.watch.sample(peer.name, peer.wall(), peer === this.hub);
    for (const me of this.nodes) settleClock(me.store, me.watch);
  }
}

class Replica {
  offset = 0;
  readonly db: Db = openDatabase(':memory:');
  watch!: ClockWatch;
  store!: FieldStore;
  constructor(
    readonly name: string,
    private readonly world: World,
  ) {
    this.open();
  }
  wall(): number {
    return this.world.t + this.offset;
  }
  /** Start (or restart) on the same file: what openReplicaStore does. */
  open(): void {
    this.watch = new ClockWatch(this.name === 'hub' ? 'hub' : 'board', BOUND, 90_000, () => this.wall(), () => this.world.t);
    this.watch.onChange = (status) => clockMoved(this.store, status);
    this.store = new FieldStore(this.db, new HybridLogicalClock(this.name, this.watch.now, BOUND), this.name, SCOPE);
    repairFutureStamps(this.store, this.watch.now(), false);
  }
  /** Someone sets this replica's clock: the watch sees the step at its next read. */
  setClock(offset: number): void {
    this.offset = offset;
    this.watch.now();
    clockMoved(this.store, 'stepped');
  }
  edit(target: number, value: number): void {
    const { c, id, f, values } = TARGETS[target];
    this.world.t += 1; // every edit at its own true ms
    this.store.commit({ actor: 'Test', action: 'edit' }, [{ c, id, fields: { [f]: values[value] } }]);
    this.world.edits.push({ key: `${c}/${id}/${f}`, v: values[value], at: this.world.t });
  }
  /** The outbox to every peer, unless the clock is judged ahead (then it is held). */
  publish(): void {
    if (this.watch.status().state === 'ahead') return;
    const unsent = this.store.unsent(100_000);
    for (const peer of this.world.nodes) if (peer !== this) peer.store.applyRemote(unsent.map((u) => u.change));
    this.store.markSent(unsent.map((u) => u.seq));
  }
  /** The whole state to every peer, as a reconnect's anti-entropy would send it, hold or not. */
  push(): void {
    const state = this.store.scopeChanges(SCOPE, () => true);
    for (const peer of this.world.nodes) if (peer !== this) peer.store.applyRemote(state);
  }
  state(): string[] {
    return (this.db.prepare('SELECT collection, id, field, value, hlc FROM field_state ORDER BY collection, id, field').raw().all() as string[][]).map((row) => row.join('|'));
  }
}

type Op =
  | { kind: 'edit'; r: number; target: number; value: number }
  | { kind: 'time'; dt: number }
  | { kind: 'clock'; r: number; offset: number }
  | { kind: 'publish'; r: number }
  | { kind: 'push'; r: number }
  | { kind: 'restart'; r: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), r: fc.nat({ max: 2 }), target: fc.nat({ max: 2 }), value: fc.nat({ max: 2 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('time' as const), dt: fc.nat({ max: 2000 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('clock' as const), r: fc.integer({ min: 1, max: 2 }), offset: fc.constantFrom(-SKEW, 0, SKEW) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('publish' as const), r: fc.nat({ max: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('push' as const), r: fc.nat({ max: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), r: fc.nat({ max: 2 }) }) },
);

function step(world: World, o: Op): void {
  const node = 'r' in o ? world.nodes[o.r] : undefined;
  switch (o.kind) {
    case 'edit':
      node?.edit(o.target, o.value);
      return;
    case 'time':
      world.t += o.dt;
      return;
    case 'publish':
      node?.publish();
      return;
    case 'push':
      node?.push();
      return;
    case 'clock':
      node?.setClock(o.offset);
      break;
    case 'restart':
      node?.open();
      break;
  }
  // A round passes after every clock change and restart: each board now knows how its clock stands.
  world.round();
  for (const board of world.nodes.slice(1)) {
    const expected = board.offset > 0 ? 'ahead' : board.offset < 0 ? 'behind' : 'ok';
    expect(board.watch.status().state).toBe(expected);
  }
}

describe('clocks that cannot silently lose an edit (property)', () => {
  it(`skewed, stepped and jumping clocks: held edits arrive with true-time stamps, refused stamps never return, all converge (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 5, maxLength: 60 }), (ops) => {
        const world = new World();
        for (const o of ops) step(world, o);
        // Every clock put right; rounds settle them; everything is published and pushed twice.
        for (const node of world.nodes) if (node.offset !== 0) node.setClock(0);
        world.t += 1000;
        world.round();
        world.round();
        for (let pass = 0; pass < 2; pass += 1) {
          for (const node of world.nodes) node.publish();
          for (const node of world.nodes) node.push();
        }
        const states = world.nodes.map((node) => node.state());
        for (const state of states) expect(state).toEqual(states[0]);
        for (const node of world.nodes) {
          expect(node.store.outboxSize()).toBe(0);
          for (const row of node.state()) {
            const stamp = row.split('|')[4];
            expect(decodeStamp(stamp)?.wall ?? 0).toBeLessThanOrEqual(world.t + BOUND);
            for (const other of world.nodes) expect(other.store.refused.has(stamp)).toBe(false);
          }
        }
        const held = new Map(states[0].map((row) => row.split('|')).map(([c, id, f, v]) => [`${c}/${id}/${f}`, JSON.parse(v) as FieldValue]));
        const last = new Map<string, FieldValue>();
        for (const edit of [...world.edits].sort((x, y) => x.at - y.at)) last.set(edit.key, edit.v);
        for (const [key, value] of last) expect(held.get(key), key).toBe(value);
        for (const node of world.nodes) node.db.close();
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
