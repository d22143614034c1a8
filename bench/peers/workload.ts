/**
 * The peers benchmark's one seeded workload: records × 10 task fields written by writer A, with
 * real concurrent overwrites of the same fields by writer B and by A, in batches of up to 2,000.
 * Every system is fed exactly these batches (each in its own wire format).
 */

import { seededRandom } from '../../main/demo/synthetic-people.js';

/** A task's ten fields, as Tavla's schema holds them (values below always validate). */
export const FIELDS = ['unit', 'stay', 'title', 'due', 'recurrenceMinutes', 'status', 'doneBy', 'doneAt', 'createdAt', 'deleted'] as const;
export type FieldName = (typeof FIELDS)[number];
export type Value = string | number | boolean | null;

export const SCOPE = 'unit-0';
/** Writes per batch, as the issue measured. */
export const BATCH = 2000;
/** After every this many of A's batches, B writes one batch of overwrites. */
const B_EVERY = 10;
/** The share of B's overwrites that A overwrites too, before it has seen B's batch. */
const A_CONTESTS = 0.456;

export interface Write {
  record: number;
  field: FieldName;
  value: Value;
  /** Global logical time (ms after the workload's start): one per write, increasing. */
  t: number;
}

export interface Batch {
  writer: 'a' | 'b';
  writes: Write[];
  /** How many of the other writer's batches this writer had merged before writing this one. */
  sees: number;
}

export interface Workload {
  records: number;
  seed: number;
  batches: Batch[];
  writes: number;
  /** Fields both writers overwrote without having seen the other's write. */
  contested: number;
}

const STATUSES = ['open', 'done', 'skipped'];
const WORDS = ['Stell', 'Medisiner', 'Blodtrykk', 'Sengeskift', 'Mobilisering', 'Ernæring', 'Samtale', 'Tilsyn'];
const INITIALS = ['AB', 'KL', 'MN', 'OT', 'RS', 'TV'];

function instant(random: () => number): string {
  const day = 1 + Math.floor(random() * 28);
  const hour = Math.floor(random() * 24);
  const minute = Math.floor(random() * 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `2026-11-${pad(day)}T${pad(hour)}:${pad(minute)}:00Z`;
}

/** A value for a field, valid for Tavla's task schema. */
export function valueFor(field: FieldName, random: () => number): Value {
  switch (field) {
    case 'unit':
      return SCOPE;
    case 'stay':
      return null;
    case 'title':
      return `${WORDS[Math.floor(random() * WORDS.length)]} ${Math.floor(random() * 1000)}`;
    case 'due':
    case 'createdAt':
      return instant(random);
    case 'doneAt':
      return random() < 0.5 ? null : instant(random);
    case 'recurrenceMinutes':
      return [0, 60, 240, 480, 1440][Math.floor(random() * 5)];
    case 'status':
      return STATUSES[Math.floor(random() * STATUSES.length)];
    case 'doneBy':
      return INITIALS[Math.floor(random() * INITIALS.length)];
    case 'deleted':
      return random() < 0.05;
  }
}

/**
 * The workload: A creates `records` records in order; after every B_EVERY of A's batches, B
 * overwrites a batch of random fields of records it has seen, and A, one batch behind on B, overwrites a
 * share of the same fields in its next batch — concurrent writes in the CRDT sense.
 */
export function generate(records = 20_000, seed = 14, batchSize = BATCH): Workload {
  const random = seededRandom(seed);
  const batches: Batch[] = [];
  let t = 0;
  let created = 0;
  let aBatches = 0;
  let bBatches = 0;
  let contested = 0;
  /** Records fully created by A's batches 0..k-1, by k. */
  const createdBy: number[] = [0];
  let pendingA: { record: number; field: FieldName }[] = [];
  while (created < records || pendingA.length > 0) {
    const writes: Write[] = [];
    for (const { record, field } of pendingA.slice(0, batchSize)) writes.push({ record, field, value: valueFor(field, random), t: t++ });
    contested += Math.min(pendingA.length, batchSize);
    pendingA = pendingA.slice(batchSize);
    while (writes.length + FIELDS.length <= batchSize && created < records) {
      for (const field of FIELDS) writes.push({ record: created, field, value: valueFor(field, random), t: t++ });
      created += 1;
    }
    // A has merged B's batches except the latest: the fields of that one it overwrites unseen.
    batches.push({ writer: 'a', writes, sees: Math.max(0, bBatches - 1) });
    aBatches += 1;
    createdBy.push(created);
    if (aBatches % B_EVERY === 0 && created < records) {
      // B has merged A's batches but the last one: it overwrites fields of records in those.
      const seen = aBatches - 1;
      const pool = createdBy[seen];
      const chosen = new Set<string>();
      const bWrites: Write[] = [];
      while (bWrites.length < batchSize && chosen.size < pool * (FIELDS.length - 2)) {
        const record = Math.floor(random() * pool);
        const field = FIELDS[2 + Math.floor(random() * (FIELDS.length - 2))]; // never unit or stay
        if (chosen.has(`${record}/${field}`)) continue;
        chosen.add(`${record}/${field}`);
        bWrites.push({ record, field, value: valueFor(field, random), t: t++ });
        if (random() < A_CONTESTS) pendingA.push({ record, field });
      }
      batches.push({ writer: 'b', writes: bWrites, sees: seen });
      bBatches += 1;
    }
  }
  const writes = batches.reduce((sum, batch) => sum + batch.writes.length, 0);
  return { records, seed, batches, writes, contested };
}

/** The last write of every field by global time: what a last-writer-wins replica must end with. */
export function lastWriterWins(workload: Workload): Map<string, Value> {
  const winners = new Map<string, Write>();
  for (const batch of workload.batches) {
    for (const write of batch.writes) {
      const key = `${write.record}/${write.field}`;
      const held = winners.get(key);
      if (!held || write.t > held.t) winners.set(key, write);
    }
  }
  return new Map([...winners].map(([key, write]) => [key, write.value]));
}
