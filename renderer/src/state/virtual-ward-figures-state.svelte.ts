/**
 * The leader view's virtual-ward figures (`leader.virtualWard`, issue 17): per home-hospital unit
 * over the last 30 days, read from the hub while shown and again after the hub says its state changed.
 */

import type { ApiClient } from '../../../shared/api/client.js';
import type { VirtualWardView } from '../../../shared/api/commands/homehospital.js';
import { followChanges } from './follow-changes.js';
import { liveQuery } from './live.svelte.js';
import type { Query } from './query.js';

const RELOAD_AFTER_MS = 300;

export class VirtualWardFiguresState {
  readonly loader: Query<VirtualWardView>;
  readonly #api: ApiClient;

  constructor(api: ApiClient) {
    this.#api = api;
    this.loader = liveQuery({ read: () => api.call('leader.virtualWard', { days: 30 }) });
  }

  /** Reads now and after every change the hub tells (coalesced); returns the stop. */
  start(): () => void {
    return followChanges(this.#api, () => void this.loader.load(), { delayMs: RELOAD_AFTER_MS });
  }
}
