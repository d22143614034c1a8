/**
 * The seeded apply workload of issue 14: two writers overwriting 20,000 task records × 10 fields
 * (the first 200,000 writes fill every field, the rest overwrite at random), in pages of 2,000,
 * every value one the field schema takes.
 */

import type { Change } from '../shared/sync/change.js';
import { encodeStamp } from '../shared/sync/hlc.js';

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
export function workload(writes = 229_130): Change[][] {
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

