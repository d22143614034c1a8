/** Words and number formats of the leader view (bokmål; Oslo time). */

import type { BenefitIndicator } from '../../../../shared/indicators/benefits.js';
import type { UnitKind } from '../../../../shared/domain/types.js';
import type { LeaderTab } from '../../state/leader-state.svelte.js';
import { TIME_ZONE, UNIT_KIND_TEXT } from '../../text/nb.js';

export const TAB_TEXT: Record<LeaderTab, string> = {
  capacity: 'Kapasitet nå',
  flow: 'Pasientflyt',
  indicators: 'Indikatorer',
  forecast: 'Prognose',
  benefits: 'Gevinster',
};

const integer = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const kroner = new Intl.NumberFormat('nb-NO', { style: 'currency', currency: 'NOK', maximumFractionDigits: 0 });
const dayMonth = new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const weekdayDay = new Intl.DateTimeFormat('nb-NO', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const monthYear = new Intl.DateTimeFormat('nb-NO', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const clock = new Intl.DateTimeFormat('nb-NO', { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE });

/** "–" for no figure; otherwise the figure in Norwegian style. */
export const num = (value: number | null | undefined): string => (value === null || value === undefined ? '–' : integer.format(value));
export const dec = (value: number | null | undefined): string => (value === null || value === undefined ? '–' : decimal.format(value));
export const pct = (value: number | null | undefined): string => (value === null || value === undefined ? '–' : `${decimal.format(value)} %`);
export const nok = (value: number | null | undefined): string => (value === null || value === undefined ? '–' : kroner.format(value));

/** A calendar date "YYYY-MM-DD" as "3. mars" (dates are Oslo dates already). */
export const dateText = (day: string): string => dayMonth.format(new Date(`${day}T12:00:00Z`));
/** "on. 3. mars". */
export const weekdayText = (day: string): string => weekdayDay.format(new Date(`${day}T12:00:00Z`));
/** "mars 2024" from "2024-03". */
export const monthText = (month: string): string => monthYear.format(new Date(`${month}-15T12:00:00Z`));
/** "14:05" in Oslo. */
export const clockText = (ms: number): string => clock.format(new Date(ms));

export const kindText = (kind: string): string => (kind === 'all' ? 'Alle' : (UNIT_KIND_TEXT[kind as UnitKind] ?? kind));

export const SHIFT_TEXT: Record<string, string> = { day: 'dagvakt', evening: 'kveldsvakt', night: 'nattevakt' };

export const TRANSFER_STATUS_TEXT: Record<string, string> = {
  requested: 'Bestilt',
  accepted: 'Akseptert',
  scheduled: 'Planlagt',
  completed: 'Fullført',
  cancelled: 'Avlyst',
  declined: 'Avslått',
};

export const BENEFIT_INDICATOR_TEXT: Record<BenefitIndicator, string> = {
  'discharge-ready-days': 'Utskrivningsklare døgn',
  'tasks-on-time': 'Oppgaver i tide',
  'transfers-on-board': 'Overføringer på tavla',
  'length-of-stay': 'Liggetid',
};

export const RATE_SOURCE_TEXT: Record<string, string> = {
  hub: 'satt av leder for året',
  'allocation-office': 'tildelingskontorets sats',
  'earlier-year': 'tidligere års sats',
  default: 'standard, satsen for 2024',
};
