/**
 * The inbound apply path on its own, for profiling (`node --cpu-prof dist/bench/apply-profile.js`):
 * a seeded workload of two writers overwriting 20,000 task records × 10 fields, encoded as change
 * pages of 2,000, then decoded, walled and merged into a durable store (synchronous=FULL) exactly as
 * the sync engine does it. Prints the time per stage and the bytes on the wire.
 */

import { performance } from 'node:perf_hooks';
import { openReplicaStore } from '../main/store/replica-store.js';
import { decodePayload } from '../main/sync/inbound.js';
import { InboundScope } from '../main/sync/inbound-scope.js';
import { encodeStamp } from '../shared/sync/hlc.js';
import type { Change } from '../shared/sync/change.js';
import type { WireFormat } from '../shared/sync/page-codec.js';
import { encodeMessage } from '../main/sync/wire.js';
import { ChangesMessage } from '../shared/sync/protocol.js';
import { tempDir } from '../test/support/temp-dir.js';

const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const WRITES = Number(args.get('writes') ?? 229_130);
const FORMAT = (args.get('format') ?? 'binary') as WireFormat;
const BATCH = 2000;
const RECORDS = 20_000;
const FIELDS = ['title', 'status', 'due', 'doneBy', 'doneAt', 'createdAt', 'stay', 'recurrenceMinutes', 'deleted', 'unit'] as const;

/** A small seeded generator (mulberry32), so every run and every system sees the same writes. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function valueOf(field: (typeof FIELDS)[number], n: number): Change['v'] {
  switch (field) {
    case 'recurrenceMinutes':
      return 15 * (n % 96);
    case 'deleted':
      return false;
    case 'stay':
    case 'doneBy':
      return null;
    case 'status':
      return n % 3 === 0 ? 'done' : 'open';
    case 'unit':
      return 'unit-0';
    case 'due':
    case 'doneAt':
    case 'createdAt':
      return new Date(Date.UTC(2026, 10, 1) + n * 60_000).toISOString();
    default:
      return `Oppgave ${n} på rom ${n % 40}`;
  }
}

/** Pages of changes from two writers, each stamping in its own order; the first 200,000 fill every field. */
export function workload(writes = WRITES): Change[][] {
  const next = random(14);
  const wall = Date.now() - 60_000;
  const counters = [0, 0];
  const pages: Change[][] = [];
  let page: Change[] = [];
  for (let n = 0; n < writes; n += 1) {
    const fresh = n < RECORDS * FIELDS.length;
    const record = fresh ? Math.floor(n / FIELDS.length) : Math.floor(next() * RECORDS);
    const field = FIELDS[fresh ? n % FIELDS.length : Math.floor(next() * FIELDS.length)];
    const writer = next() < 0.5 ? 0 : 1;
    const counter = counters[writer]++;
    const s = encodeStamp({ wall: wall + Math.floor(counter / 50), counter: counter % 50, node: writer === 0 ? 'peer-a' : 'peer-b' });
    page.push({ c: 'task', id: `t${record}`, f: field, v: valueOf(field, n), s });
    if (page.length === BATCH) {
      pages.push(page);
      page = [];
    }
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

const pages = workload();
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
  }),
);
