/**
 * The leader view's virtual-ward figures (`leader.virtualWard`, issue 17): per home-hospital unit
 * over the last 30 days, read from the hub while shown and again after the hub says its state changed.
 */

import type { ApiClient } from '../../../shared/api/client.js';
import type { VirtualWardView } from '../../../shared/api/commands/homehospital.js';
import type { ExportFile } from '../../../shared/api/commands/leader.js';
import { followChanges } from './follow-changes.js';
import { exportCsv } from './leader-export.js';
import { liveQuery } from './live.svelte.js';
import type { Query } from './query.js';
import type { Problem } from './save-status.js';

const RELOAD_AFTER_MS = 300;
/** The days the panel shows, ending today: its read's and its export's. */
export const VIRTUAL_WARD_DAYS = 30;

export class VirtualWardFiguresState {
  readonly loader: Query<VirtualWardView>;
  readonly #api: ApiClient;

  constructor(api: ApiClient) {
    this.#api = api;
    this.loader = liveQuery({ read: () => api.call('leader.virtualWard', { days: VIRTUAL_WARD_DAYS }) });
  }

  /** The panel's table as CSV, over the same days. */
  exportCsv(): Promise<ExportFile | Problem> {
    return exportCsv(this.#api, { table: 'virtual-ward', days: VIRTUAL_WARD_DAYS });
  }

  /** Reads now and after every change the hub tells (coalesced); returns the stop. */
  start(): () => void {
    return followChanges(this.#api, () => void this.loader.load(), { delayMs: RELOAD_AFTER_MS });
  }
}
