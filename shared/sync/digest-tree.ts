/**
 * The digest as a tree, so repair costs what differs rather than what is held. Level 0 is the 256
 * buckets of digest.ts (a record's bucket is the low 8 bits of its record hash); each node below
 * splits its records by the next 4 bits into 16 children, down to at most TREE_MAX_DEPTH levels.
 * A node's digest is [field count, sum of entry hashes mod 2^53], combined exactly as a bucket's,
 * so the root level of a tree equals buildDigest of the same entries and stays on the wire as is.
 *
 * Records never split: all fields of a record share every node on its path, so a leaf names whole
 * records; which of their fields differ is settled by comparing stamps (anti-entropy's leaf step).
 */

import { addMod53, DIGEST_BUCKETS, emptyDigest, entryHash, recordHash, type DigestBuckets, type StampEntry } from './digest.js';

/** Children of a node below level 0. */
export const TREE_FANOUT = 16;
/** Longest node path: the bucket, then 11 levels of 4 bits (52 of the record hash's 53 bits). */
export const TREE_MAX_DEPTH = 12;

/** A node: the bucket index, then one child index per level below it. */
export type TreePath = readonly number[];

interface TreeEntry extends StampEntry {
  /** record hash */
  h: number;
  /** entry hash */
  e: number;
}

/** The child index of a record hash at a depth (0: its bucket). */
export function digitAt(hash: number, depth: number): number {
  if (depth === 0) return hash % DIGEST_BUCKETS;
  // Division by a power of two is exact on doubles, so no bit of the 53 is lost.
  return Math.floor(hash / (DIGEST_BUCKETS * TREE_FANOUT ** (depth - 1))) % TREE_FANOUT;
}

/** Whether a path names a node of the tree (right length, every index in range). */
export function isTreePath(path: TreePath): boolean {
  if (path.length < 1 || path.length > TREE_MAX_DEPTH) return false;
  return path.every((digit, depth) => Number.isInteger(digit) && digit >= 0 && digit < (depth === 0 ? DIGEST_BUCKETS : TREE_FANOUT));
}

/** A replica's stamps of one scope, indexed by bucket, from which any node's digest is computed. */
export class DigestTree {
  readonly size: number;
  /** Entries by bucket; a bucket with none has no array (small scopes stay cheap). */
  private readonly buckets: (TreeEntry[] | undefined)[] = new Array<TreeEntry[] | undefined>(DIGEST_BUCKETS);

  constructor(entries: Iterable<StampEntry>) {
    let size = 0;
    for (const { c, id, f, s } of entries) {
      const h = recordHash(c, id);
      const bucket = (this.buckets[h % DIGEST_BUCKETS] ??= []);
      bucket.push({ c, id, f, s, h, e: entryHash({ c, id, f, s }) });
      size += 1;
    }
    this.size = size;
  }

  /** The level-0 digest, equal to buildDigest of the same entries. */
  top(): DigestBuckets {
    return Array.from({ length: DIGEST_BUCKETS }, (_, i) => sum(this.buckets[i] ?? []));
  }

  /** How many fields lie under a node. */
  count(path: TreePath): number {
    return this.under(path).length;
  }

  /** The digests of a node's 16 children. */
  children(path: TreePath): DigestBuckets {
    const out = emptyDigest().slice(0, TREE_FANOUT);
    if (path.length >= TREE_MAX_DEPTH) return out;
    for (const entry of this.under(path)) {
      const child = out[digitAt(entry.h, path.length)];
      child[0] += 1;
      child[1] = addMod53(child[1], entry.e);
    }
    return out;
  }

  /** The (record, field, stamp) entries under a node. */
  entries(path: TreePath): StampEntry[] {
    return this.under(path).map(({ c, id, f, s }) => ({ c, id, f, s }));
  }

  /** The stamp a field holds here; undefined when this scope has no such field. */
  stampOf(c: string, id: string, f: string): string | undefined {
    const bucket = this.buckets[recordHash(c, id) % DIGEST_BUCKETS] ?? [];
    return bucket.find((entry) => entry.id === id && entry.f === f && entry.c === c)?.s;
  }

  private under(path: TreePath): TreeEntry[] {
    if (!isTreePath(path)) return [];
    const bucket = this.buckets[path[0]] ?? [];
    if (path.length === 1) return bucket;
    return bucket.filter((entry) => path.every((digit, depth) => depth === 0 || digitAt(entry.h, depth) === digit));
  }
}

function sum(entries: readonly TreeEntry[]): [number, number] {
  let hash = 0;
  for (const entry of entries) hash = addMod53(hash, entry.e);
  return [entries.length, hash];
}
