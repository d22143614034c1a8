/**
 * The outbox's sent marks when the disk refuses them: the broker acknowledged the changes, so they
 * are not unsent and must not be counted or published as such; their marks are written again on
 * the next drain or round. If the process stops first, they are published again — a duplicate
 * every replica ignores.
 */

import type { FieldStore } from '../store/field-store.js';
import { probeWrite, storageFailure } from '../store/storage-health.js';

export class SentMarks {
  private readonly waiting = new Set<number>();

  constructor(private readonly store: FieldStore) {}

  /** Changes sent but not yet marked sent on disk. */
  get size(): number {
    return this.waiting.size;
  }

  /** Marks sent changes; a storage failure keeps them here instead of failing the drain. */
  mark(seqs: readonly number[]): void {
    try {
      this.store.markSent(seqs);
    } catch (error) {
      if (!storageFailure(error)) throw error;
      for (const seq of seqs) this.waiting.add(seq);
    }
  }

  /** Writes the waiting marks; false while the disk still refuses them. */
  retry(): boolean {
    if (this.waiting.size === 0) return true;
    try {
      this.store.markSent([...this.waiting]);
      this.waiting.clear();
      return true;
    } catch (error) {
      if (!storageFailure(error)) throw error;
      return false;
    }
  }

  /** Tries one small write, so a disk that works again is seen as working without waiting for an edit. */
  probe(): void {
    try {
      probeWrite(this.store.db, this.store.health);
    } catch {
      // Still failing: health says so.
    }
  }
}
