/**
 * The anti-entropy digest: a fixed number of buckets, each with the count of its fields and an
 * order-independent hash of their (record, field, stamp). All fields of a record share a bucket,
 * so a differing bucket names the records to exchange. Plain arrays: it travels as JSON.
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

/** cyrb53: a fast 53-bit string hash with good spread (public domain). */
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

export function bucketOf(collection: string, id: string): number {
  return hash53(`${collection}\u0000${id}`, 7) % DIGEST_BUCKETS;
}

/** Sum rather than xor: two equal entries never cancel out. */
export function buildDigest(entries: Iterable<StampEntry>): DigestBuckets {
  const buckets: DigestBuckets = Array.from({ length: DIGEST_BUCKETS }, () => [0, 0]);
  for (const { c, id, f, s } of entries) {
    const bucket = buckets[bucketOf(c, id)];
    bucket[0] += 1;
    bucket[1] = (bucket[1] + hash53(`${c}\u0000${id}\u0000${f}\u0000${s}`)) % MOD;
  }
  return buckets;
}

/** The indexes of the buckets that differ (a digest of another length differs everywhere). */
export function diffDigests(a: DigestBuckets, b: DigestBuckets): number[] {
  const differing: number[] = [];
  for (let i = 0; i < DIGEST_BUCKETS; i += 1) {
    const x = a[i];
    const y = b[i];
    if (!x || !y || x[0] !== y[0] || x[1] !== y[1]) differing.push(i);
  }
  return differing;
}
