/** The leader view's state: every unit's capacity now, kept current from the hub's events. */

import type { ApiClient } from '../../../shared/api/client.js';
import type { BoardLink, UnitOverview } from '../../../shared/api/contract.js';

const RELOAD_AFTER_MS = 300;

export class LeaderState {
  units = $state<UnitOverview[]>([]);
  boards = $state<BoardLink[]>([]);
  error = $state<string | null>(null);
  /** When the figures were last read, as epoch ms. */
  updatedAt = $state<number | null>(null);
  readonly #api: ApiClient;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(api: ApiClient) {
    this.#api = api;
  }

  /** Loads now and after every change (coalesced); returns the unsubscribe. */
  start(): () => void {
    const unsubscribe = this.#api.on('state.changed', () => {
      // A burst of synced edits becomes one reload.
      this.#timer ??= setTimeout(() => {
        this.#timer = undefined;
        void this.load();
      }, RELOAD_AFTER_MS);
    });
    void this.load();
    return () => {
      unsubscribe();
      clearTimeout(this.#timer);
    };
  }

  async load(): Promise<void> {
    const [overview, directory] = await Promise.all([this.#api.call('hub.overview', {}), this.#api.call('hub.directory', {})]);
    if (!overview.ok) {
      this.error = overview.message;
      return;
    }
    this.units = overview.value;
    this.boards = directory.ok ? directory.value : [];
    this.error = null;
    this.updatedAt = Date.now();
  }
}
