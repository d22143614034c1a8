/**
 * The indicators of DOMAIN.md over a period of whole days, for the municipality or one unit, with
 * a daily trend and every unit's value for drill-down. The formulas are in shared/indicators; this
 * file only chooses which units and days each one counts.
 */

import type { IndicatorsView, IndicatorValue, UnitIndicatorRow } from '../../shared/api/commands/leader.js';
import { fail, ok, type Result } from '../../shared/api/result.js';
import { addDays, dayStart, osloDay } from '../../shared/time/oslo.js';
import { INDICATOR_IDS, LENGTH_OF_STAY_KINDS, percent, ratio, round1, type IndicatorId } from '../../shared/indicators/definitions.js';
import { rateForDay, type DailyRates } from '../../shared/indicators/discharge-ready.js';
import { averageLengthOfStay } from '../../shared/indicators/length-of-stay.js';
import { nursingHomeWait, placementOf, type Placement } from '../../shared/indicators/nursing-home-wait.js';
import { countsMunicipalOccupancy, countsOccupancy, occupancyPercent } from '../../shared/indicators/occupancy.js';
import { workloadPerStaff } from '../../shared/indicators/workload.js';
import { pathwayTemplateRows } from '../../shared/indicators/pathway-on-time.js';
import type { LeaderHistory, UnitRow } from './leader-history.js';
import { spanWithLookback, unitSeries, type UnitSeries } from './unit-series.js';

/** Trailing window of the event-based trends (length of stay, nursing-home waits). */
export const TRAILING_DAYS = 28;
export const DEFAULT_PERIOD_DAYS = 30;


/** Numerator, denominator and value of one indicator over days [a, b] of the series. */
export interface Figure {
  numerator: number;
  denominator: number;
  value: number | null;
}

const sum = (list: readonly UnitSeries[], pick: (s: UnitSeries, i: number) => number, a: number, b: number) => {
  let total = 0;
  for (const s of list) for (let i = Math.max(0, a); i <= b; i += 1) total += pick(s, i);
  return total;
};

/** One indicator over days [a, b] of the series (indexes), for the units in `list` (also the warehouse's unit-day rows). */
export function figure(id: IndicatorId, list: readonly UnitSeries[], a: number, b: number, placements: readonly Placement[]): Figure {
  const days = b - a + 1;
  switch (id) {
    case 'occupancy': {
      // The one definition (shared/indicators/occupancy.ts): one unit by its kind, several by their units with beds.
      const counts = list.length === 1 ? countsOccupancy : countsMunicipalOccupancy;
      const units = list.filter((s) => counts(s.unit));
      const numerator = sum(units, (s, i) => s.census[i].level, a, b);
      const denominator = units.reduce((total, s) => total + s.unit.capacity * days, 0);
      return { numerator, denominator, value: occupancyPercent(numerator, denominator) };
    }
    case 'length-of-stay': {
      const units = list.filter((s) => LENGTH_OF_STAY_KINDS.has(s.unit.kind));
      const numerator = sum(units, (s, i) => s.census[i].level, a, b);
      const denominator = sum(units, (s, i) => s.discharges[i], a, b);
      return { numerator, denominator, value: averageLengthOfStay(numerator, denominator) };
    }
    case 'tasks-on-time': {
      const numerator = sum(list, (s, i) => s.tasksOnTime[i], a, b);
      const denominator = sum(list, (s, i) => s.tasksDue[i], a, b);
      return { numerator, denominator, value: percent(numerator, denominator) };
    }
    case 'pathway-steps-on-time': {
      const numerator = sum(list, (s, i) => s.pathwayOnTime[i], a, b);
      const denominator = sum(list, (s, i) => s.pathwayDue[i], a, b);
      return { numerator, denominator, value: percent(numerator, denominator) };
    }
    case 'workload-per-staff': {
      const numerator = sum(list, (s, i) => s.shiftPoints[i], a, b);
      const denominator = sum(list, (s, i) => s.shiftPresent[i], a, b);
      return { numerator, denominator, value: workloadPerStaff(numerator, denominator) };
    }
    case 'discharge-ready-days': {
      const numerator = sum(list, (s, i) => s.ready[i], a, b);
      return { numerator, denominator: days, value: numerator };
    }
    case 'nursing-home-wait':
    case 'nursing-home-deadline': {
      const from = list[0]?.days[Math.max(0, a)];
      const to = list[0]?.days[b];
      if (from === undefined || to === undefined) return { numerator: 0, denominator: 0, value: null };
      const wait = nursingHomeWait(placements, from, to);
      if (id === 'nursing-home-wait') return { numerator: wait.totalDays, denominator: wait.started, value: ratio(wait.totalDays, wait.started) };
      const denominator = wait.started + wait.overdue;
      return { numerator: wait.onTime, denominator, value: percent(wait.onTime, denominator) };
    }
    default: {
      // The IPLOS indicators are point-in-time: residents at the last midnight of the span.
      const numerator = sum(list, (s, i) => s.iplos[id]?.[i] ?? 0, b, b);
      const denominator = sum(list, (s, i) => (s.unit.kind === 'nursing-home' ? s.residents[i] : 0), b, b);
      // No resident with a registration is "ingen registreringer", not 0 %: the board may not record the measure yet.
      return { numerator, denominator, value: numerator === 0 ? null : percent(numerator, denominator) };
    }
  }
}

export const TRAILING: ReadonlySet<IndicatorId> = new Set(['length-of-stay', 'nursing-home-wait', 'nursing-home-deadline']);

/** Placements into the nursing-home units among `units` (decision = transfer requested). */
export function placementsInto(history: LeaderHistory, units: readonly UnitRow[]): Placement[] {
  const homes = new Set(units.filter((u) => u.kind === 'nursing-home').map((u) => u.id));
  return history
    .transfers()
    .filter((t) => t.toUnit !== null && homes.has(t.toUnit) && t.status !== 'cancelled' && t.status !== 'declined')
    .map(placementOf)
    .filter((p): p is Placement => p !== undefined);
}

/** The last whole day before `now`, and the first day of a period of `days` ending on it. */
export function periodEndingYesterday(now: Date, days: number): { from: string; to: string } {
  const to = addDays(osloDay(now.getTime()), -1);
  return { from: addDays(to, -(days - 1)), to };
}

/** The days a period's indicators read (with the trailing look-back). */
export function indicatorSpan(now: Date, days: number): string[] {
  const { from, to } = periodEndingYesterday(now, days);
  return spanWithLookback(from, to, TRAILING_DAYS - 1);
}

export function indicatorsView(history: LeaderHistory, input: { unit?: string; days?: number }, now: Date, rates: DailyRates): Result<IndicatorsView> {
  const days = input.days ?? DEFAULT_PERIOD_DAYS;
  const scope = input.unit === undefined ? history.units() : history.units().filter((u) => u.id === input.unit);
  if (input.unit !== undefined && scope.length === 0) return fail('not-found', `no unit ${input.unit} at the hub`, { reason: 'unit-unknown', unit: input.unit });
  const { from, to } = periodEndingYesterday(now, days);
  const span = indicatorSpan(now, days);
  const first = TRAILING_DAYS - 1;
  const last = span.length - 1;
  const series = scope.map((unit) => unitSeries(history, unit, span));
  const placements = placementsInto(history, scope);

  const indicators: IndicatorValue[] = INDICATOR_IDS.map((id) => {
    const whole = figure(id, series, first, last, placements);
    const trend = span.slice(first).map((day, k) => {
      const i = first + k;
      const point = figure(id, series, TRAILING.has(id) ? i - TRAILING_DAYS + 1 : i, i, placements);
      return { day, value: point.value === null ? null : round1(point.value) };
    });
    return { id, value: whole.value === null ? null : round1(whole.value), numerator: whole.numerator, denominator: whole.denominator, trend };
  });

  const units: UnitIndicatorRow[] = series.map((s) => {
    const own = placementsInto(history, [s.unit]);
    const values = Object.fromEntries(
      INDICATOR_IDS.map((id) => {
        const value = figure(id, [s], first, last, own).value;
        return [id, value === null ? null : round1(value)];
      }),
    ) as Record<IndicatorId, number | null>;
    return { unit: s.unit.id, name: s.unit.name, kind: s.unit.kind, values };
  });

  let dischargeReadyCost = 0;
  for (const s of series) for (let i = first; i <= last; i += 1) dischargeReadyCost += s.ready[i] * rateForDay(span[i], rates);

  // The pathway indicator's drill-down: every unit's templates over the same whole days.
  const window = [dayStart(from), dayStart(addDays(to, 1))] as const;
  const pathways = scope.flatMap((u) => pathwayTemplateRows({ id: u.id, name: u.name }, history.pathwaySteps(u.id), ...window));

  const unit = input.unit === undefined ? null : { unit: scope[0].id, name: scope[0].name, kind: scope[0].kind };
  return ok({ asOf: now.toISOString(), from, to, days, unit, indicators, units, dischargeReadyCost, pathways });
}
