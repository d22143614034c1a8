/**
 * The outbox drain: after every local commit (the store's `onCommit`, origin `local`) and whenever
 * sending may resume, it publishes the unsent changes oldest first, grouped by scope in batches
 * under the message limits, and marks each batch sent only after the broker's ack. One drain runs
 * at a time; a call while one runs makes it go round once more.
 */

import type { WirePayload } from '../../shared/sync/payloads.js';
import { batchChanges, PAGE_SIZE } from '../../shared/sync/protocol.js';
import type { FieldStore, ScopedChange } from '../store/field-store.js';
import { logger } from '../log.js';
import type { SentMarks } from './sent-marks.js';
import { encodeMessage, LIVE_FORMAT } from './wire.js';

export interface DrainOptions {
  store: FieldStore;
  sentMarks: SentMarks;
  /** This replica's node id: the sender of what it publishes. */
  nodeId: string;
  /** Publishes a batch on a scope's `changes` topic; resolves on the broker's ack. */
  publish(scope: string, payload: WirePayload): Promise<void>;
  /** Whether to send now: connected, and the clock not judged ahead (its stamps would be refused). */
  maySend(): boolean;
  /** Whether the outbox is held until this replica has started over from a peer. */
  held(): boolean;
  /** A local commit: before its drain (the round's cached roots, the unsent count). */
  committed(): void;
  /** A batch went out. */
  sent(): void;
}

export class OutboxDrain {
  private draining = false;
  private again = false;
  private queued = false;
  private readonly unfollow: () => void;

  constructor(private readonly options: DrainOptions) {
    this.unfollow = options.store.onCommit((notice) => {
      if (notice.origin === 'local') this.afterCommit();
    });
  }

  /** Stops following the store's commits. */
  stop(): void {
    this.unfollow();
  }

  /** Publishes what is unsent, unless a drain is running (then it goes round once more). */
  async drain(): Promise<void> {
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = true;
    this.again = false;
    try {
      while (this.options.maySend() && (await this.publishBatch())) this.options.sent();
    } catch (error) {
      logger.debug({ err: error }, 'outbox drain paused; resumes on reconnect');
    } finally {
      this.draining = false;
    }
    if (this.again && this.options.maySend()) void this.drain();
  }

  /**
   * The store may announce a commit inside a caller's larger transaction (a PLO import, a
   * settlement): the drain waits for the current task to end, so it reads only what is durable,
   * and the commits of one command go out in one drain.
   */
  private afterCommit(): void {
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      this.options.committed();
      void this.drain();
    });
  }

  /** Publishes the oldest unsent changes; false when there is nothing to send. */
  private async publishBatch(): Promise<boolean> {
    const { store, sentMarks, nodeId } = this.options;
    // A board back from longer than the horizon publishes nothing before it has started over.
    if (this.options.held()) return false;
    if (sentMarks.size > 0 && !sentMarks.retry()) return false;
    const unsent = store.unsent(PAGE_SIZE);
    if (unsent.length === 0) return false;
    for (const [scope, items] of byScope(unsent)) {
      for (const batch of batchChanges(items)) {
        await this.options.publish(scope, encodeMessage({ v: 1, from: nodeId, changes: batch.map((item) => item.change) }, LIVE_FORMAT));
        sentMarks.mark(batch.map((item) => item.seq));
      }
    }
    return true;
  }
}

function byScope(items: readonly ScopedChange[]): Map<string, ScopedChange[]> {
  const scopes = new Map<string, ScopedChange[]>();
  for (const item of items) {
    const scope = scopes.get(item.scope);
    if (scope) scope.push(item);
    else scopes.set(item.scope, [item]);
  }
  return scopes;
}
