/**
 * The leader view's shared-reception figures (`leader.reception`, issue 17, point 5): per reception
 * and organisation over the last 24 hours, read from the hub while shown and again after the hub
 * says its state changed.
 */

import type { ApiClient } from '../../../shared/api/client.js';
import type { ExportFile, ReceptionLeaderView } from '../../../shared/api/commands/leader.js';
import { followChanges } from './follow-changes.js';
import { exportCsv } from './leader-export.js';
import { liveQuery } from './live.svelte.js';
import type { Query } from './query.js';
import type { Problem } from './save-status.js';

const RELOAD_AFTER_MS = 300;
export const RECEPTION_HOURS = 24;

export class ReceptionFiguresState {
  readonly loader: Query<ReceptionLeaderView>;
  readonly #api: ApiClient;

  constructor(api: ApiClient) {
    this.#api = api;
    this.loader = liveQuery({ read: () => api.call('leader.reception', { hours: RECEPTION_HOURS }) });
  }

  /** The panel's figures as CSV, over the same hours. */
  exportCsv(): Promise<ExportFile | Problem> {
    return exportCsv(this.#api, { table: 'reception', hours: RECEPTION_HOURS });
  }

  /** Reads now and after every change the hub tells (coalesced); returns the stop. */
  start(): () => void {
    return followChanges(this.#api, () => void this.loader.load(), { delayMs: RELOAD_AFTER_MS });
  }
}
