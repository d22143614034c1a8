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
import { problemOf, type Problem } from '../../../shared/api/result.js';
import { followChanges } from './follow-changes.js';

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

/** What an action answers the form that asked: done, or why not. */
export type ActionResult = { ok: true } | { ok: false; problem: Problem };

export class LeaderState {
  tab = $state<LeaderTab>('capacity');
  capacity = $state<CapacityView | null>(null);
  flow = $state<FlowView | null>(null);
  indicators = $state<IndicatorsView | null>(null);
  forecast = $state<ForecastView | null>(null);
  benefits = $state<BenefitsView | null>(null);
  boards = $state<BoardLink[]>([]);
  /** The unit drilled down to (indicators and forecast), or null for the whole municipality. */
  unit = $state<string | null>(null);
  /** The indicators' period in days, ending yesterday. */
  days = $state(30);
  error = $state<Problem | null>(null);
  /** The hub no longer lets this page in (sign-in ended, device token revoked). */
  accessEnded = $state(false);
  /** When the figures were last read, as epoch ms. */
  updatedAt = $state<number | null>(null);
  readonly #api: ApiClient;
  #loading: Promise<void> | null = null;
  #again = false;

  constructor(api: ApiClient) {
    this.#api = api;
  }

  /** Loads now and after every change (coalesced); returns the unsubscribe. */
  start(): () => void {
    return followChanges(this.#api, () => void this.load(), RELOAD_AFTER_MS);
  }

  /** Reads capacity and the open tab's figures; a load asked for during one runs once after it. */
  async load(): Promise<void> {
    if (this.#loading) {
      this.#again = true;
      return this.#loading;
    }
    this.#loading = this.#read();
    try {
      await this.#loading;
    } finally {
      this.#loading = null;
    }
    if (this.#again) {
      this.#again = false;
      await this.load();
    }
  }

  async #read(): Promise<void> {
    const unit = this.unit ?? undefined;
    const [capacity, directory, tab] = await Promise.all([
      this.#api.call('leader.capacity', {}),
      this.#api.call('hub.directory', {}),
      this.#readTab(this.tab, unit),
    ]);
    if (!capacity.ok) {
      if (capacity.code === 'unauthorized') this.accessEnded = true;
      this.error = problemOf(capacity);
      return;
    }
    this.capacity = capacity.value;
    this.boards = directory.ok ? directory.value : [];
    this.error = tab;
    this.updatedAt = Date.now();
  }

  /** Reads one tab's figures; answers the problem, if any. */
  async #readTab(tab: LeaderTab, unit: string | undefined): Promise<Problem | null> {
    switch (tab) {
      case 'capacity':
        return null;
      case 'flow': {
        const result = await this.#api.call('leader.flow', {});
        if (result.ok) this.flow = result.value;
        return result.ok ? null : problemOf(result);
      }
      case 'indicators': {
        const result = await this.#api.call('leader.indicators', { unit, days: this.days });
        if (result.ok) this.indicators = result.value;
        return result.ok ? null : problemOf(result);
      }
      case 'forecast': {
        const result = await this.#api.call('leader.forecast', { unit });
        if (result.ok) this.forecast = result.value;
        return result.ok ? null : problemOf(result);
      }
      case 'benefits': {
        const result = await this.#api.call('leader.benefits', {});
        if (result.ok) this.benefits = result.value;
        return result.ok ? null : problemOf(result);
      }
    }
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

  async defineBenefit(input: BenefitInput): Promise<ActionResult> {
    const result = await this.#api.call('benefit.define', input);
    if (!result.ok) return { ok: false, problem: problemOf(result) };
    await this.load();
    return { ok: true };
  }

  async removeBenefit(id: string): Promise<ActionResult> {
    const result = await this.#api.call('benefit.remove', { id });
    if (!result.ok) return { ok: false, problem: problemOf(result) };
    await this.load();
    return { ok: true };
  }

  async setRate(year: number, nok: number): Promise<ActionResult> {
    const result = await this.#api.call('leader.setRate', { year, nok });
    if (!result.ok) return { ok: false, problem: problemOf(result) };
    await this.load();
    return { ok: true };
  }

  /** A table as CSV, for the current drill-down and period where that applies. */
  async exportCsv(table: ExportTable): Promise<ExportFile | Problem> {
    const result = await this.#api.call('leader.exportCsv', { table, unit: this.unit ?? undefined, days: this.days });
    return result.ok ? result.value : problemOf(result);
  }

  /** The indicators as FHIR R4 MeasureReports. */
  async exportFhir(): Promise<ExportFile | Problem> {
    const result = await this.#api.call('leader.exportFhir', { unit: this.unit ?? undefined, days: this.days });
    return result.ok ? result.value : problemOf(result);
  }
}
