/**
 * The inbound apply path on its own, for profiling (`node --expose-gc [--cpu-prof] dist/bench/apply-profile.js`):
 * a seeded workload of two writers overwriting 20,000 task records × 10 fields, encoded as change
 * pages of 2,000, then decoded, walled and merged into a durable store (synchronous=FULL) exactly as
 * the sync engine does it. Prints the time per stage and the bytes on the wire, and the floor: the
 * same pages' fields upserted into a board's `field_state` by one prepared statement each, one
 * durable transaction per page, and nothing else (no decode, walls, schema check or read model).
 *
 * And a sketch of the log-first store that issue 14's ratios would need (not Tavla's path, nothing
 * in main/ runs it): each page decoded, walled and checked against the field schema as above,
 * merged against an in-memory index of every field's stamp, and its payload appended to a page log
 * in a SQLite file of its own (WAL, synchronous=FULL, one transaction per page: where the
 * acknowledgement would go); the winners are then written "behind" into a board's store through
 * FieldStore.applyRemote in transactions of 20,000. Printed: the acknowledgement rate, the time the
 * tables trail by at the end of the burst, and the index's heap.
 *
 * And the same sketch with the walls read from memory (`logFirstLean`): each record's scope and each
 * field's stamp in nested maps, so the walls' two questions (where is this record held, is this change
 * stale) read no SQLite; the same checks and page log; the acknowledgement rate only.
 */

import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { changeProblem } from '../main/store/field-store.js';
import { openReplicaStore } from '../main/store/replica-store.js';
import { decodePayload } from '../main/sync/inbound.js';
import { InboundScope } from '../main/sync/inbound-scope.js';
import { scopeProblem, type ReceivingReplica } from '../shared/sync/scope-rules.js';
import type { Change } from '../shared/sync/change.js';
import type { WireFormat } from '../shared/sync/page-codec.js';
import { encodeMessage } from '../main/sync/wire.js';
import { ChangesMessage } from '../shared/sync/protocol.js';
import { tempDir } from '../test/support/temp-dir.js';
import { workload } from './apply-workload.js';

const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const WRITES = Number(args.get('writes') ?? 229_130);
const FORMAT = (args.get('format') ?? 'binary') as WireFormat;
const pages = workload(WRITES);
const payloads = pages.map((changes) => encodeMessage({ v: 1, from: 'peer-a', changes }, FORMAT));
const bytes = payloads.reduce((sum, p) => sum + p.byteLength, 0);

const dir = tempDir('tavla-apply-');
const { store, db } = openReplicaStore(`${dir.path}/tavla.sqlite`, 'board', 'unit-0');
const walls = new InboundScope(store, { municipality: 'bench', role: 'board' });
let decodeMs = 0;
let applyMs = 0;
let applied = 0;
const started = performance.now();
for (const payload of payloads) {
  const t0 = performance.now();
  const decoded = decodePayload(ChangesMessage, payload);
  if (!decoded.ok) throw new Error(decoded.reason);
  const t1 = performance.now();
  const admitted = walls.admit('unit-0', walls.writer('unit-0', 'peer-a'), decoded.value.changes as Change[]).admitted;
  applied += store.applyRemote(admitted, 'unit-0').applied.length;
  decodeMs += t1 - t0;
  applyMs += performance.now() - t1;
}
const seconds = (performance.now() - started) / 1000;
db.close();

// The floor: SQLite's own work for one row per field, as a board's store holds them.
const bare = openReplicaStore(`${dir.path}/floor.sqlite`, 'board', 'unit-0');
const upsert = bare.db.prepare(
  'INSERT INTO field_state (collection, id, field, value, hlc, scope) VALUES (?, ?, ?, ?, ?, ?) ' +
    'ON CONFLICT (collection, id, field) DO UPDATE SET value = excluded.value, hlc = excluded.hlc WHERE excluded.hlc > field_state.hlc',
);
const floorStarted = performance.now();
for (const changes of pages) {
  bare.db.transaction(() => {
    for (const change of changes) upsert.run(change.c, change.id, change.f, JSON.stringify(change.v), change.s, 'unit-0');
  })();
}
const floorSeconds = (performance.now() - floorStarted) / 1000;
bare.db.close();
const sketch = logFirst();
const lean = logFirstLean();
dir.remove();
console.log(
  JSON.stringify({
    format: FORMAT,
    writes: WRITES,
    applied,
    wireMiB: Math.round((bytes / 2 ** 20) * 100) / 100,
    seconds: Math.round(seconds * 1000) / 1000,
    fieldsPerSecond: Math.round(WRITES / seconds),
    decodeShare: Math.round((decodeMs / (decodeMs + applyMs)) * 100),
    applyMs: Math.round(applyMs),
    decodeMs: Math.round(decodeMs),
    floorFieldsPerSecond: Math.round(WRITES / floorSeconds),
    logFirst: sketch,
    logFirstLean: lean,
  }),
);

/** A sketch's durable page log: its own SQLite file, WAL, synchronous=FULL, one row per page. */
function pageLog(name: string) {
  const log = new Database(`${dir.path}/${name}`);
  log.pragma('journal_mode = WAL');
  log.pragma('synchronous = FULL');
  log.exec('CREATE TABLE page_log (seq INTEGER PRIMARY KEY, page BLOB NOT NULL)');
  return { log, append: log.prepare('INSERT INTO page_log (page) VALUES (?)') };
}

/** Time per stage of a sketch: `stage(name)` adds the time since the last call to `name`. */
function stageTimer() {
  const ms = { decode: 0, walls: 0, checks: 0, index: 0, log: 0 };
  let mark = performance.now();
  const stage = (name: keyof typeof ms) => {
    const now = performance.now();
    ms[name] += now - mark;
    mark = now;
  };
  return { ms, stage };
}

/** The log-first sketch (see the top of this file). */
function logFirst() {
  const { log, append } = pageLog('log.sqlite');
  const behind = openReplicaStore(`${dir.path}/behind.sqlite`, 'board', 'unit-0');
  const sketchWalls = new InboundScope(behind.store, { municipality: 'bench', role: 'board' });
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const stamps = new Map<string, string>();
  const winners: Change[] = [];
  const tooFarAhead = behind.store.clock.driftCheck();
  const { ms, stage } = stageTimer();
  const ackStarted = performance.now();
  for (const payload of payloads) {
    const decoded = decodePayload(ChangesMessage, payload);
    if (!decoded.ok) throw new Error(decoded.reason);
    stage('decode');
    const admitted = sketchWalls.admit('unit-0', sketchWalls.writer('unit-0', 'peer-a'), decoded.value.changes as Change[]).admitted;
    stage('walls');
    for (const change of admitted) if (changeProblem(change) || tooFarAhead(change.s)) throw new Error('a change the real path would refuse');
    stage('checks');
    for (const change of admitted) {
      const key = `${change.c}\u0000${change.id}\u0000${change.f}`;
      const held = stamps.get(key);
      if (held !== undefined && held >= change.s) continue;
      stamps.set(key, change.s);
      winners.push(change);
    }
    stage('index');
    append.run(payload); // one durable transaction: the acknowledgement would follow it
    stage('log');
  }
  const ackSeconds = (performance.now() - ackStarted) / 1000;
  global.gc?.();
  const indexMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const behindStarted = performance.now();
  for (let i = 0; i < winners.length; i += 20_000) behind.store.applyRemote(winners.slice(i, i + 20_000), 'unit-0');
  const behindSeconds = (performance.now() - behindStarted) / 1000;
  behind.db.close();
  log.close();
  return {
    ackFieldsPerSecond: Math.round(WRITES / ackSeconds),
    ackSeconds: Math.round(ackSeconds * 1000) / 1000,
    winners: winners.length,
    tablesTrailSeconds: Math.round(behindSeconds * 1000) / 1000,
    indexHeapMiB: Math.round(indexMiB * 10) / 10,
    stageMs: Object.fromEntries(Object.entries(ms).map(([name, value]) => [name, Math.round(value)])),
  };
}

/**
 * The log-first sketch with the walls read from memory: each record's scope and each field's stamp
 * kept in nested maps (collection+id -> scope and field -> stamp), so the walls' "where is this
 * record held" and "is this change stale" need no SQLite read; the same schema and drift checks and
 * the same durable page log. Measures only the path to the acknowledgement (no tables written).
 */
function logFirstLean() {
  const { log, append } = pageLog('log-lean.sqlite');
  const clockStore = openReplicaStore(`${dir.path}/lean-clock.sqlite`, 'board', 'unit-0');
  const tooFarAhead = clockStore.store.clock.driftCheck();
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const records = new Map<string, { scope: string; stamps: Map<string, string> }>();
  const replica: ReceivingReplica = { municipality: 'bench', isHub: false, heldIn: (c, id) => records.get(`${c}\u0000${id}`)?.scope };
  const writer = { kind: 'unit', unit: 'unit-0' } as const;
  const { ms, stage } = stageTimer();
  const started = performance.now();
  let winners = 0;
  for (const payload of payloads) {
    const decoded = decodePayload(ChangesMessage, payload);
    if (!decoded.ok) throw new Error(decoded.reason);
    const changes = decoded.value.changes as Change[];
    stage('decode');
    for (const change of changes) {
      const problem = scopeProblem(replica, 'unit-0', writer, change);
      if (problem) throw new Error(`a change the real walls would refuse: ${problem.reason}`);
    }
    stage('walls');
    for (const change of changes) if (changeProblem(change) || tooFarAhead(change.s)) throw new Error('a change the real path would refuse');
    stage('checks');
    for (const change of changes) {
      const key = `${change.c}\u0000${change.id}`;
      let record = records.get(key);
      if (!record) records.set(key, (record = { scope: 'unit-0', stamps: new Map() }));
      const held = record.stamps.get(change.f);
      if (held !== undefined && held >= change.s) continue;
      record.stamps.set(change.f, change.s);
      winners += 1;
    }
    stage('index');
    append.run(payload);
    stage('log');
  }
  const ackSeconds = (performance.now() - started) / 1000;
  global.gc?.();
  const indexMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  clockStore.db.close();
  log.close();
  return {
    ackFieldsPerSecond: Math.round(WRITES / ackSeconds),
    ackSeconds: Math.round(ackSeconds * 1000) / 1000,
    winners,
    indexHeapMiB: Math.round(indexMiB * 10) / 10,
    stageMs: Object.fromEntries(Object.entries(ms).map(([name, value]) => [name, Math.round(value)])),
  };
}
