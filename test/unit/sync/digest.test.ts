import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addEntry,
  bucketOf,
  buildDigest,
  diffDigests,
  DIGEST_BUCKETS,
  emptyDigest,
  entryHash,
  removeEntry,
  type DigestBuckets,
  type StampEntry,
} from '../../../shared/sync/digest.js';
import { encodeStamp } from '../../../shared/sync/hlc.js';

const RUNS = process.env.TAVLA_PROPERTY_RUNS ? Math.max(200, Math.floor(Number(process.env.TAVLA_PROPERTY_RUNS) / 10)) : 200;

const T0 = 1_700_000_000_000;
const stampOf = (wall: number, counter: number, node: string) => encodeStamp({ wall: T0 + wall, counter, node });

/** A realistic unit: every record has several fields, buckets hold many entries. */
function unitState(records = 300, fields = ['status', 'label', 'room', 'sort', 'unit', 'deleted']): StampEntry[] {
  const entries: StampEntry[] = [];
  for (let r = 0; r < records; r += 1)
    fields.forEach((f, i) => entries.push({ c: r % 2 ? 'bed' : 'task', id: `r${r}`, f, s: stampOf(r * 7 + i, i, i % 2 ? 'hub' : 'board-a') }));
  return entries;
}

/** A deterministic shuffle (the test must not depend on Math.random). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let x = seed || 1;
  for (let i = out.length - 1; i > 0; i -= 1) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('digest', () => {
  it('has DIGEST_BUCKETS buckets of [count, hash], all non-negative safe integers', () => {
    const digest = buildDigest(unitState());
    expect(digest).toHaveLength(DIGEST_BUCKETS);
    for (const [count, hash] of digest) {
      expect(Number.isSafeInteger(count) && count >= 0).toBe(true);
      expect(Number.isSafeInteger(hash) && hash >= 0 && hash < 2 ** 53).toBe(true);
    }
    expect(digest.reduce((sum, [count]) => sum + count, 0)).toBe(1800);
  });

  it('is the same for the same content in any order', () => {
    const entries = unitState();
    const reference = buildDigest(entries);
    expect(buildDigest([...entries].reverse())).toEqual(reference);
    for (let seed = 1; seed <= 20; seed += 1) expect(buildDigest(shuffled(entries, seed))).toEqual(reference);
  });

  it('is the same for the same content in any order, even with bucket sums that wrap past 2^53 (regression)', () => {
    // Found while writing these tests: the bucket sum was `(sum + hash) % 2^53`, which rounds as
    // soon as sum + hash is odd and above 2^53, so the digest depended on the row order.
    const entries = unitState(40, ['a', 'b', 'c', 'd', 'e']);
    expect(diffDigests(buildDigest(entries), buildDigest([...entries].reverse()))).toEqual([]);
  });

  it('puts all fields of a record in one bucket', () => {
    const buckets = new Set(['status', 'label', 'room'].map((f) => buildDigest([{ c: 'bed', id: 'b7', f, s: stampOf(0, 0, 'a') }]).findIndex(([n]) => n === 1)));
    expect([...buckets]).toEqual([bucketOf('bed', 'b7')]);
    expect(bucketOf('bed', 'b7')).toBeGreaterThanOrEqual(0);
    expect(bucketOf('bed', 'b7')).toBeLessThan(DIGEST_BUCKETS);
  });

  it('spreads records over the buckets', () => {
    const used = new Set(Array.from({ length: 2000 }, (_, i) => bucketOf('task', `t${i}`)));
    expect(used.size).toBeGreaterThan(DIGEST_BUCKETS * 0.95);
  });

  it('one changed stamp makes exactly its bucket differ', () => {
    const entries = unitState();
    const changed = entries.map((entry) => (entry.id === 'r17' && entry.f === 'room' ? { ...entry, s: stampOf(999_999, 0, 'board-b') } : entry));
    expect(diffDigests(buildDigest(entries), buildDigest(changed))).toEqual([bucketOf('bed', 'r17')]); // odd records are beds
  });

  it('a missing field makes exactly its bucket differ; an empty state differs wherever the other has entries', () => {
    const entries = unitState();
    const missing = entries.filter((entry) => !(entry.id === 'r4' && entry.f === 'sort'));
    expect(diffDigests(buildDigest(entries), buildDigest(missing))).toEqual([bucketOf('task', 'r4')]);
    const full = buildDigest(entries);
    const occupied = full.flatMap(([count], i) => (count > 0 ? [i] : []));
    expect(diffDigests(emptyDigest(), full)).toEqual(occupied);
  });

  it('a duplicated entry does not cancel out (sum, not xor)', () => {
    const entry = { c: 'bed', id: 'b1', f: 'status', s: stampOf(0, 0, 'a') };
    const once = buildDigest([entry]);
    const twice = buildDigest([entry, entry]);
    const none = buildDigest([]);
    expect(diffDigests(twice, none)).toEqual([bucketOf('bed', 'b1')]);
    expect(twice[bucketOf('bed', 'b1')][1]).not.toBe(0);
    expect(diffDigests(once, twice)).toEqual([bucketOf('bed', 'b1')]);
  });

  it('is built incrementally: addEntry / removeEntry keep it equal to a fresh build', () => {
    const entries = unitState(50);
    const digest = emptyDigest();
    for (const entry of entries) addEntry(digest, entry);
    expect(digest).toEqual(buildDigest(entries));
    // A field's stamp moves on: take out the old entry, add the new one.
    const old = entries[10];
    const next = { ...old, s: stampOf(50_000, 3, 'hub') };
    removeEntry(digest, old);
    addEntry(digest, next);
    expect(digest).toEqual(buildDigest(entries.map((entry) => (entry === old ? next : entry))));
    for (const entry of entries.map((entry) => (entry === old ? next : entry))) removeEntry(digest, entry);
    expect(digest).toEqual(emptyDigest());
  });

  it('travels as JSON unchanged (plain arrays of safe integers)', () => {
    const digest = buildDigest(unitState());
    const wire = JSON.parse(JSON.stringify(digest)) as DigestBuckets;
    expect(wire).toEqual(digest);
    expect(diffDigests(digest, wire)).toEqual([]);
    expect(JSON.stringify(digest).length).toBeLessThan(6000);
  });

  it('treats a short or malformed peer digest as differing where buckets are missing', () => {
    const digest = buildDigest(unitState());
    expect(diffDigests(digest, digest.slice(0, 200))).toEqual(Array.from({ length: 56 }, (_, i) => 200 + i));
    expect(diffDigests(digest, [])).toHaveLength(DIGEST_BUCKETS);
  });

  it('keeps its hash values (they are part of the wire format between versions)', () => {
    // Golden values: changing the hash or the bucket function makes old and new replicas disagree forever.
    const entry = { c: 'bed', id: 'b1', f: 'status', s: '0lq2k3j4a:0000:board-a' };
    expect(bucketOf('bed', 'b1')).toBe(GOLDEN.bucket);
    expect(entryHash(entry)).toBe(GOLDEN.hash);
    expect(buildDigest(unitState())[GOLDEN.bucket]).toEqual(GOLDEN.digestBucket);
  });
});

/** Pinned from the implementation at the time of writing. */
const GOLDEN = { bucket: 147, hash: 8668707518361245, digestBucket: [6, 6411121651215561] };

describe('diffDigests (property)', () => {
  /** A state: field -> stamp over a few records, so two states often share records. */
  const state = fc.dictionary(
    fc.tuple(fc.constantFrom('bed', 'task', 'stay'), fc.integer({ min: 0, max: 40 }), fc.constantFrom('status', 'label', 'fall')).map(([c, r, f]) => `${c}/r${r}/${f}`),
    fc.tuple(fc.nat({ max: 20 }), fc.nat({ max: 3 }), fc.constantFrom('a', 'b', 'hub')),
    { maxKeys: 120 },
  );
  const entriesOf = (s: Record<string, [number, number, string]>): StampEntry[] =>
    Object.entries(s).map(([key, [wall, counter, node]]) => {
      const [c, id, f] = key.split('/');
      return { c, id, f, s: stampOf(wall, counter, node) };
    });

  it('finds every bucket where two states differ and none where they agree', () => {
    fc.assert(
      fc.property(state, state, fc.nat(), (x, y, seed) => {
        // Make y share much of x, so most buckets agree and a few differ.
        const merged = { ...x, ...y };
        const a = entriesOf(x);
        const b = entriesOf(Object.keys(merged).length % 3 === 0 ? y : { ...x, ...Object.fromEntries(Object.entries(y).slice(0, 5)) });
        const byBucket = (entries: StampEntry[]) => {
          const buckets = new Map<number, string[]>();
          for (const e of entries) {
            const i = bucketOf(e.c, e.id);
            buckets.set(i, [...(buckets.get(i) ?? []), `${e.c}/${e.id}/${e.f}@${e.s}`]);
          }
          for (const list of buckets.values()) list.sort();
          return buckets;
        };
        const ba = byBucket(a);
        const bb = byBucket(b);
        const truth: number[] = [];
        for (let i = 0; i < DIGEST_BUCKETS; i += 1) if ((ba.get(i) ?? []).join() !== (bb.get(i) ?? []).join()) truth.push(i);
        expect(diffDigests(buildDigest(shuffled(a, seed)), buildDigest(shuffled(b, seed + 1)))).toEqual(truth);
      }),
      { numRuns: RUNS },
    );
  });
});
