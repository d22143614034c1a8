/**
 * The leader view's home-care visit figures (`leader.visits`, issue 15): per home-care unit and
 * day, read from the hub while shown and again after the hub says its state changed.
 */

import type { ApiClient } from '../../../shared/api/client.js';
import type { VisitIndicatorsView } from '../../../shared/api/commands/homecare.js';
import { followChanges } from './follow-changes.js';
import { liveQuery } from './live.svelte.js';
import type { Query } from './query.js';

const RELOAD_AFTER_MS = 300;

export class VisitFiguresState {
  readonly loader: Query<VisitIndicatorsView>;
  readonly #api: ApiClient;

  constructor(api: ApiClient) {
    this.#api = api;
    this.loader = liveQuery({ read: () => api.call('leader.visits', { days: 7 }) });
  }

  /** Reads now and after every change the hub tells (coalesced); returns the stop. */
  start(): () => void {
    return followChanges(this.#api, () => void this.loader.load(), { delayMs: RELOAD_AFTER_MS });
  }
}
