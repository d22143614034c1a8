/**
 * The leader view's state: capacity now (always) and the open tab's figures (flow, indicators,
 * forecast, benefits), read from the hub and re-read whenever the hub says its state changed.
 * Aggregates only: the hub's leader commands carry no personal data.
 */

import type { ApiClient } from '../../../shared/api/client.js';
import type {
  BenefitsView,
  CapacityView,
  ExportFile,
  ExportTable,
  FlowView,
  ForecastView,
  IndicatorsView,
} from '../../../shared/api/commands/leader.js';
import type { BenefitIndicator } from '../../../shared/indicators/benefits.js';
import type { BoardLink } from '../../../shared/api/contract.js';
import { ok, type Result } from '../../../shared/api/result.js';
import { followChanges } from './follow-changes.js';
import { exportCsv } from './leader-export.js';
import { liveMutation, liveQuery } from './live.svelte.js';
import type { Query } from './query.js';
import { VisitFiguresState } from './visit-figures-state.svelte.js';
import { ReceptionFiguresState } from './reception-figures-state.svelte.js';
import { VirtualWardFiguresState } from './virtual-ward-figures-state.svelte.js';
import { problemOf, type Problem } from './save-status.js';

const RELOAD_AFTER_MS = 300;

export const LEADER_TABS = ['capacity', 'flow', 'indicators', 'forecast', 'benefits'] as const;
export type LeaderTab = (typeof LEADER_TABS)[number];

export interface BenefitInput {
  name: string;
  indicator: BenefitIndicator;
  baselineFrom: string;
  baselineTo: string;
  measureFrom?: string;
  unitCost: number;
  unit?: string;
}

/** What an action answers the form that asked: done, or why not (main's error envelope, unworded). */
export type ActionResult = { ok: true } | ({ ok: false } & Problem);

/** Capacity now and the board directory: what every tab shows. */
interface Overview {
  capacity: CapacityView;
  boards: BoardLink[];
}

export class LeaderState {
  tab = $state<LeaderTab>('capacity');
  /** The unit drilled down to (indicators and forecast), or null for the whole municipality. */
  unit = $state<string | null>(null);
  /** The indicators' period in days, ending yesterday. */
  days = $state(30);
  /** The hub no longer lets this page in (sign-in ended, device token revoked). */
  accessEnded = $state(false);
  /** When the figures were last read, as epoch ms. */
  updatedAt = $state<number | null>(null);
  /** The forms' edits (benefits, the daily rate), each under its command's name. */
  readonly saves = liveMutation();
  /** Home care's visit figures (issue 15), shown on the capacity and indicators tabs. */
  readonly visits: VisitFiguresState;
  /** The virtual wards' figures (issue 17), on the indicators tab when the municipality has one. */
  readonly virtualWard: VirtualWardFiguresState;
  /** The shared receptions' figures per organisation (issue 17), on the indicators tab when there is one. */
  readonly reception: ReceptionFiguresState;
  readonly #api: ApiClient;
  readonly #overview: Query<Overview>;
  readonly #tabs: { [K in Exclude<LeaderTab, 'capacity'>]: Query<TabView[K]> };

  constructor(api: ApiClient) {
    this.#api = api;
    this.visits = new VisitFiguresState(api);
    this.virtualWard = new VirtualWardFiguresState(api);
    this.reception = new ReceptionFiguresState(api);
    this.#overview = liveQuery({
      read: async () => {
        const [capacity, directory] = await Promise.all([api.call('leader.capacity', {}), api.call('hub.directory', {})]);
        if (!capacity.ok) {
          if (capacity.code === 'unauthorized') this.accessEnded = true;
          return capacity;
        }
        return ok({ capacity: capacity.value, boards: directory.ok ? directory.value : [] });
      },
      landed: () => (this.updatedAt = Date.now()),
    });
    this.#tabs = {
      flow: liveQuery({ read: () => api.call('leader.flow', {}) }),
      indicators: liveQuery({ read: () => api.call('leader.indicators', { unit: this.unit ?? undefined, days: this.days }) }),
      forecast: liveQuery({ read: () => api.call('leader.forecast', { unit: this.unit ?? undefined }) }),
      benefits: liveQuery({ read: () => api.call('leader.benefits', {}) }),
    };
  }

  get capacity(): CapacityView | null {
    return this.#overview.value?.capacity ?? null;
  }

  get boards(): BoardLink[] {
    return this.#overview.value?.boards ?? [];
  }

  get flow(): FlowView | null {
    return this.#tabs.flow.value;
  }

  get indicators(): IndicatorsView | null {
    return this.#tabs.indicators.value;
  }

  get forecast(): ForecastView | null {
    return this.#tabs.forecast.value;
  }

  get benefits(): BenefitsView | null {
    return this.#tabs.benefits.value;
  }

  /** Why the figures shown could not be read: capacity first, then the open tab's. */
  get error(): Problem | null {
    return this.#overview.error ?? (this.tab === 'capacity' ? null : this.#tabs[this.tab].error);
  }

  /**
   * Loads now and after every change (coalesced), and reads capacity again every third of the
   * hub's stale time: a unit gone quiet or a lost broker sends no change, yet the page must say so.
   * Returns the unsubscribe.
   */
  start(): () => void {
    const stop = followChanges(this.#api, () => void this.load(), { delayMs: RELOAD_AFTER_MS });
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const next = () => {
      if (stopped) return;
      timer = setTimeout(() => void this.#overview.load().finally(next), this.#reportingPollMs());
    };
    next();
    return () => {
      stopped = true;
      clearTimeout(timer);
      stop();
    };
  }

  /** How often to look again at how current the figures are: a third of the stale time, 1–30 s. */
  #reportingPollMs(): number {
    const staleAfter = this.capacity?.reporting.staleAfterMs || 90_000;
    return Math.min(30_000, Math.max(1_000, staleAfter / 3));
  }

  /** Reads capacity and the open tab's figures; a load asked for during one runs once after it. */
  async load(): Promise<void> {
    await Promise.all([this.#overview.load(), this.tab === 'capacity' ? undefined : this.#tabs[this.tab].load()]);
  }

  show(tab: LeaderTab): void {
    this.tab = tab;
    void this.load();
  }

  /** Drills down to one unit (or back to the whole with null). */
  drillDown(unit: string | null): void {
    this.unit = unit;
    void this.load();
  }

  setDays(days: number): void {
    this.days = days;
    void this.load();
  }

  defineBenefit(input: BenefitInput): Promise<ActionResult> {
    return this.#act('benefit.define', () => this.#api.call('benefit.define', input));
  }

  removeBenefit(id: string): Promise<ActionResult> {
    return this.#act('benefit.remove', () => this.#api.call('benefit.remove', { id }));
  }

  setRate(year: number, nok: number): Promise<ActionResult> {
    return this.#act('leader.setRate', () => this.#api.call('leader.setRate', { year, nok }));
  }

  /** A table as CSV, for the current drill-down and period where that applies. */
  exportCsv(table: ExportTable): Promise<ExportFile | Problem> {
    return exportCsv(this.#api, { table, unit: this.unit ?? undefined, days: this.days });
  }

  /** The indicators as FHIR R4 MeasureReports. */
  async exportFhir(): Promise<ExportFile | Problem> {
    const result = await this.#api.call('leader.exportFhir', { unit: this.unit ?? undefined, days: this.days });
    return result.ok ? result.value : problemOf(result);
  }

  /** Runs one edit; once main saved it, the figures are read again before the form hears so. */
  async #act(key: string, call: () => Promise<Result<unknown>>): Promise<ActionResult> {
    const result = await this.saves.run(key, call);
    if (result === null) return { ok: false, code: 'internal', message: 'not sent' };
    if (!result.ok) return { ok: false, ...problemOf(result) };
    await this.load();
    return { ok: true };
  }
}

/** Each tab's figures, by tab. */
interface TabView {
  flow: FlowView;
  indicators: IndicatorsView;
  forecast: ForecastView;
  benefits: BenefitsView;
}
