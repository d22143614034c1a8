/**
 * The leader view's home-care visit figures (`leader.visits`, issue 15): per home-care unit and
 * day, read from the hub while shown and again after the hub says its state changed.
 */

import type { ApiClient } from '../../../shared/api/client.js';
import type { VisitIndicatorsView } from '../../../shared/api/commands/homecare.js';
import type { ExportFile } from '../../../shared/api/commands/leader.js';
import { followChanges } from './follow-changes.js';
import { exportCsv } from './leader-export.js';
import { liveQuery } from './live.svelte.js';
import type { Query } from './query.js';
import type { Problem } from './save-status.js';

const RELOAD_AFTER_MS = 300;
/** The days the panel shows, ending today: its read's and its export's. */
export const VISIT_DAYS = 7;

export class VisitFiguresState {
  readonly loader: Query<VisitIndicatorsView>;
  readonly #api: ApiClient;

  constructor(api: ApiClient) {
    this.#api = api;
    this.loader = liveQuery({ read: () => api.call('leader.visits', { days: VISIT_DAYS }) });
  }

  /** The panel's table as CSV: the indicators tab's days, or the capacity tab's today. */
  exportCsv(part: 'capacity' | 'indicators'): Promise<ExportFile | Problem> {
    return exportCsv(this.#api, { table: part === 'capacity' ? 'visits-today' : 'visits', days: VISIT_DAYS });
  }

  /** Reads now and after every change the hub tells (coalesced); returns the stop. */
  start(): () => void {
    return followChanges(this.#api, () => void this.loader.load(), { delayMs: RELOAD_AFTER_MS });
  }
}
