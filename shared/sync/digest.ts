/**
 * The anti-entropy digest: a fixed number of buckets, each with the count of its fields and an
 * order-independent hash of their (record, field, stamp). All fields of a record share a bucket,
 * so a differing bucket names the records to exchange.
 *
 * Encoding: the digest is its own JSON-safe form — a plain array of DIGEST_BUCKETS pairs
 * [count, hash], both non-negative safe integers (no Map, no typed array, no bigint), about 5 KB as
 * JSON. It is sent as is in the `digest` sync message (shared/sync/protocol.ts validates it).
 *
 * Combining: a bucket's hash is the sum of its entries' 53-bit hashes mod 2^53. Addition is
 * commutative and associative, so the digest does not depend on the order of the entries (replicas
 * read their rows in different orders) and can be kept incrementally (addEntry / removeEntry).
 * Sum rather than xor: xor cancels pairs (two equal entries hash to 0), sum does not; entries are
 * unique per (collection, id, field) so xor would also do, but sum costs nothing more and stays
 * correct if a caller ever feeds a duplicate. The count catches what the hash alone might not.
 * The addition is done exactly (see addMod53): a plain `(a + b) % 2^53` rounds whenever a + b is odd
 * and >= 2^53, which made the digest depend on the order of the entries.
 */

export const DIGEST_BUCKETS = 256;
const MOD = 2 ** 53;

/** One bucket: [field count, sum of entry hashes mod 2^53]. */
export type DigestBuckets = [number, number][];

export interface StampEntry {
  c: string;
  id: string;
  f: string;
  s: string;
}

/** cyrb53: a fast 53-bit string hash with good spread (public domain). Part of the wire format. */
function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * (a + b) mod 2^53 for a, b in [0, 2^53), without ever forming a value above 2^53: every
 * intermediate is an integer of magnitude <= 2^53, so it is exact in a double.
 */
export function addMod53(a: number, b: number): number {
  const d = a - (MOD - b);
  return d >= 0 ? d : d + MOD;
}

/** The 53-bit hash of a record: its low 8 bits are its bucket, the bits above place it deeper in the digest tree. */
export function recordHash(collection: string, id: string): number {
  return hash53(`${collection}\u0000${id}`, 7);
}

/** The bucket of a record: all its fields land in the same one. */
export function bucketOf(collection: string, id: string): number {
  return recordHash(collection, id) % DIGEST_BUCKETS;
}

/** The hash of one (record, field, stamp) entry, in [0, 2^53). */
export function entryHash({ c, id, f, s }: StampEntry): number {
  return hash53(`${c}\u0000${id}\u0000${f}\u0000${s}`);
}

/** A digest of nothing. */
export function emptyDigest(): DigestBuckets {
  return Array.from({ length: DIGEST_BUCKETS }, () => [0, 0]);
}

/** Adds one entry to a digest in place (incremental upkeep); returns the digest. */
export function addEntry(digest: DigestBuckets, entry: StampEntry): DigestBuckets {
  const bucket = digest[bucketOf(entry.c, entry.id)];
  bucket[0] += 1;
  bucket[1] = addMod53(bucket[1], entryHash(entry));
  return digest;
}

/** Takes one entry that was added out of a digest in place (e.g. a field's old stamp); returns the digest. */
export function removeEntry(digest: DigestBuckets, entry: StampEntry): DigestBuckets {
  const bucket = digest[bucketOf(entry.c, entry.id)];
  bucket[0] -= 1;
  const h = entryHash(entry);
  bucket[1] = addMod53(bucket[1], h === 0 ? 0 : MOD - h);
  return digest;
}

/** The digest of a set of entries; the same set gives the same digest in any order. */
export function buildDigest(entries: Iterable<StampEntry>): DigestBuckets {
  const digest = emptyDigest();
  for (const entry of entries) addEntry(digest, entry);
  return digest;
}

/**
 * The indexes of the buckets that differ, ascending. A bucket missing from either side (a short or
 * malformed digest) counts as differing. `size` is the number of buckets (a tree node has fewer).
 */
export function diffDigests(a: DigestBuckets, b: DigestBuckets, size = DIGEST_BUCKETS): number[] {
  const differing: number[] = [];
  for (let i = 0; i < size; i += 1) {
    const x = a[i];
    const y = b[i];
    if (!x || !y || x[0] !== y[0] || x[1] !== y[1]) differing.push(i);
  }
  return differing;
}
