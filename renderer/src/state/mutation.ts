/**
 * Edits from one screen, each with its save status under a key: every state class's edits go
 * through a Mutation. "pending" while main works, "saved" only once main answered ok (committed),
 * "failed" with main's error envelope; an edit nobody sent (the PIN dialog closed) leaves no mark.
 */

import type { Result } from '../../../shared/api/result.js';
import { problemOf, type SaveStatus } from './save-status.js';

export interface MutationOptions {
  /** Refuse an edit under a key whose last edit is still saving: a second tap would only log a duplicate. */
  exclusive?: boolean;
  /** "saved" marks older than this go (a screen that runs for weeks does not pile them up)… */
  savedForMs?: number;
  /** …and beyond the newest this many. */
  keepSaved?: number;
  /** Where the statuses live: a plain record here, a Svelte `$state` record on the page (live.svelte.ts). */
  statuses?: Record<string, SaveStatus>;
  now?: () => number;
}

export class Mutation {
  /** Every edit's status by key, read-only for components (`saves.status['staffing:planned']`). */
  readonly status: Readonly<Record<string, SaveStatus>>;
  readonly #statuses: Record<string, SaveStatus>;
  /** When each "saved" mark was set (plain bookkeeping, never shown). */
  readonly #savedAt = new Map<string, number>();
  readonly #options: MutationOptions;

  constructor(options: MutationOptions = {}) {
    this.#options = options;
    this.#statuses = options.statuses ?? {};
    this.status = this.#statuses;
  }

  /** The edit under this key is still waiting for main. */
  busy(key: string): boolean {
    return this.#statuses[key]?.state === 'pending';
  }

  /**
   * Runs one edit under `key`. Null: nothing was sent — the call answered null (the PIN dialog was
   * closed), or the key is busy and the Mutation is exclusive.
   */
  async run<T>(key: string, call: () => Promise<Result<T> | null>): Promise<Result<T> | null> {
    if (this.#options.exclusive && this.busy(key)) return null;
    this.prune();
    this.#statuses[key] = { state: 'pending' };
    this.#savedAt.delete(key);
    const result = await call();
    if (result === null) {
      delete this.#statuses[key];
    } else if (result.ok) {
      this.#statuses[key] = { state: 'saved' };
      this.#savedAt.set(key, this.#now());
    } else {
      this.#statuses[key] = { state: 'failed', ...problemOf(result) };
    }
    return result;
  }

  /** Drops "saved" marks past their time or beyond the newest kept (failures stay until the next edit). */
  prune(): void {
    const { savedForMs = Infinity, keepSaved = Infinity } = this.#options;
    const old = this.#now() - savedForMs;
    const newestFirst = [...this.#savedAt].sort(([, a], [, b]) => b - a);
    for (const [rank, [key, at]] of newestFirst.entries()) {
      if (at > old && rank < keepSaved) continue;
      this.#savedAt.delete(key);
      if (this.#statuses[key]?.state === 'saved') delete this.#statuses[key];
    }
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }
}
