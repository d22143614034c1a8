/**
 * One read from main, kept on screen: every state class's reload goes through a Query. Reads never
 * overlap (a reload asked for during one runs once after it), the last good value stays while a
 * reload runs or fails, and a failure is kept as its error envelope, unworded.
 */

import type { Result } from '../../../shared/api/result.js';
import { problemOf, type Problem } from './save-status.js';

/** Where a Query keeps what it shows: a plain holder here, a Svelte signal on the page (live.svelte.ts). */
export interface Cell<T> {
  value: T;
}
export type MakeCell = <T>(initial: T) => Cell<T>;
export const plainCell: MakeCell = <T>(initial: T): Cell<T> => ({ value: initial });

export interface QueryOptions<T> {
  /** One read from main. */
  read: () => Promise<Result<T>>;
  /** Folds a fresh value into the one shown, e.g. keeping unchanged records' identity; default: the fresh value. */
  keep?: (previous: T | null, next: T) => T;
  /** Called after each good read has landed. */
  landed?: (value: T) => void;
  cell?: MakeCell;
}

export class Query<T> {
  readonly #value: Cell<T | null>;
  readonly #error: Cell<Problem | null>;
  readonly #loading: Cell<boolean>;
  readonly #options: QueryOptions<T>;
  #running: Promise<void> | null = null;
  #again = false;

  constructor(options: QueryOptions<T>) {
    const cell = options.cell ?? plainCell;
    this.#options = options;
    this.#value = cell<T | null>(null);
    this.#error = cell<Problem | null>(null);
    this.#loading = cell(false);
  }

  /** The last good value, null until the first read answers. */
  get value(): T | null {
    return this.#value.value;
  }

  /** Why the latest read failed, or null once one succeeds; `value` still holds the last good one. */
  get error(): Problem | null {
    return this.#error.value;
  }

  /** A read is under way. */
  get loading(): boolean {
    return this.#loading.value;
  }

  /**
   * Reads now, or — while a read runs — once more after it (however many ask meanwhile). Resolves
   * when a read begun after this call has landed.
   */
  load(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#run().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  /** Puts a value on screen that a narrower read produced (a patch), as if a read had landed. */
  set(value: T): void {
    this.#value.value = value;
  }

  async #run(): Promise<void> {
    this.#loading.value = true;
    try {
      do {
        this.#again = false;
        const result = await this.#readSafely();
        if (result.ok) {
          const { keep } = this.#options;
          const value = keep ? keep(this.#value.value, result.value) : result.value;
          this.#value.value = value;
          this.#error.value = null;
          this.#options.landed?.(value);
        } else {
          this.#error.value = problemOf(result);
        }
      } while (this.#again);
    } finally {
      this.#loading.value = false;
    }
  }

  /** A transport answers with results, never throws; should a read throw anyway, it is a failed read, not a stuck one. */
  async #readSafely(): Promise<Result<T>> {
    try {
      return await this.#options.read();
    } catch (error) {
      return { ok: false, code: 'internal', message: error instanceof Error ? error.message : String(error) };
    }
  }
}
