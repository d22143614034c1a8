/** What this page is: a unit's board or the municipality's leader view, as the host says. */

import type { ApiClient } from '../../../shared/api/client.js';
import type { AppInfo } from '../../../shared/api/contract.js';
import { problemOf, type Problem } from '../../../shared/api/result.js';
import { BoardState } from './board-state.svelte.js';
import { LeaderState } from './leader-state.svelte.js';

export class AppState {
  info = $state<AppInfo | null>(null);
  error = $state<Problem | null>(null);
  readonly board: BoardState;
  readonly leader: LeaderState;
  readonly #api: ApiClient;

  constructor(api: ApiClient) {
    this.#api = api;
    this.board = new BoardState(api);
    this.leader = new LeaderState(api);
  }

  /** Asks the host what it is; retries until it answers (the host may still be starting). */
  async identify(): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      const result = await this.#api.call('app.info', {});
      if (result.ok) {
        this.info = result.value;
        this.error = null;
        return;
      }
      this.error = problemOf(result);
      await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 250 * 2 ** attempt)));
    }
  }
}
