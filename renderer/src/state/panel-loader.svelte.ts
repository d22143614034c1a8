/**
 * A panel that reads one thing from main while it is on screen and reads it again after changes
 * (coalesced: a burst of synced edits is one read). The board's capacity, handover and audit views.
 */

import type { ApiClient } from '../../../shared/api/client.js';
import { problemOf, type Problem, type Result } from '../../../shared/api/result.js';
import { followChanges } from './follow-changes.js';

const RELOAD_AFTER_MS = 250;

export class PanelLoader<T> {
  value = $state<T | null>(null);
  error = $state<Problem | null>(null);
  readonly #api: ApiClient;
  readonly #read: () => Promise<Result<T>>;

  constructor(api: ApiClient, read: () => Promise<Result<T>>) {
    this.#api = api;
    this.#read = read;
  }

  /** Reads now and after every change while shown; returns the stop. */
  start(): () => void {
    return followChanges(this.#api, () => void this.load(), RELOAD_AFTER_MS);
  }

  async load(): Promise<void> {
    const result = await this.#read();
    if (result.ok) {
      this.value = result.value;
      this.error = null;
    } else {
      this.error = problemOf(result);
    }
  }
}
