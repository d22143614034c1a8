/**
 * The inbound apply path on its own, for profiling (`node --cpu-prof dist/bench/apply-profile.js`):
 * a seeded workload of two writers overwriting 20,000 task records × 10 fields, encoded as change
 * pages of 2,000, then decoded, walled and merged into a durable store (synchronous=FULL) exactly as
 * the sync engine does it. Prints the time per stage and the bytes on the wire, and the floor: the
 * same pages' fields upserted into a board's `field_state` by one prepared statement each, one
 * durable transaction per page, and nothing else (no decode, walls, schema check or read model).
 */

import { performance } from 'node:perf_hooks';
import { openReplicaStore } from '../main/store/replica-store.js';
import { decodePayload } from '../main/sync/inbound.js';
import { InboundScope } from '../main/sync/inbound-scope.js';
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
  }),
);
