/**
 * The rows the warehouse receives, read from the hub's replica through the leader view's own
 * definitions: per unit and whole day the indicators (with numerator and denominator, so a region
 * can sum them), flows and visit figures; per unit and hour the capacity reading. Counts and units
 * only: nothing here names, dates or describes a patient.
 */

import { INDICATOR_IDS } from '../../shared/indicators/definitions.js';
import { dayRange } from '../../shared/time/oslo.js';
import { visitDayFigures } from '../homecare/visit-indicators.js';
import { dayBounds } from '../homecare/homecare-day.js';
import type { VisitTiming } from '../homecare/visit-status.js';
import { capacityView } from '../leader/capacity.js';
import { figure, placementsInto, TRAILING, TRAILING_DAYS } from '../leader/indicators.js';
import type { LeaderHistory, UnitRow } from '../leader/leader-history.js';
import { spanWithLookback, unitSeries } from '../leader/unit-series.js';
import type { Db } from '../store/database.js';

/** One figure of one unit on one Oslo day (`tavla_unit_day`). */
export interface DayRow {
  unit: string;
  day: string;
  indicator: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** One capacity figure of one unit in one hour (`tavla_unit_hour`); `hour` is the hour's start (ISO, UTC). */
export interface HourRow {
  unit: string;
  hour: string;
  indicator: string;
  value: number | null;
}

/** The day rows' own figures beyond the leader indicators (docs/leader.md lists them all). */
export const FLOW_FIGURES = ['census', 'admissions', 'discharges'] as const;
export const VISIT_FIGURES = ['visits-planned', 'visits-within-window', 'visits-not-done'] as const;
/** The capacity view's figures read every hour, by the names the warehouse gives them. */
export const HOUR_FIGURES = {
  capacity: 'capacity',
  beds: 'beds',
  occupied: 'occupied',
  free: 'free',
  blocked: 'blocked',
  cleaning: 'cleaning',
  reserved: 'reserved',
  patients: 'patients',
  dischargeReady: 'discharge-ready',
  occupancyPercent: 'occupancy',
  staffPlanned: 'staff-planned',
  staffPresent: 'staff-present',
  adlPoints: 'adl-points',
  tasksOpen: 'tasks-open',
  tasksOverdue: 'tasks-overdue',
} as const;

/** Every figure of `unit` on the days `from`..`to` (whole days, oldest first). */
export function unitDayRows(db: Db, history: LeaderHistory, unit: UnitRow, from: string, to: string, now: Date): DayRow[] {
  const span = spanWithLookback(from, to, TRAILING_DAYS - 1);
  const series = unitSeries(history, unit, span);
  const placements = placementsInto(history, [unit]);
  const rows: DayRow[] = [];
  const push = (day: string, indicator: string, value: number | null, numerator: number | null = null, denominator: number | null = null) =>
    rows.push({ unit: unit.id, day, indicator, value, numerator, denominator });
  for (let i = TRAILING_DAYS - 1; i < span.length; i += 1) {
    const day = span[i];
    for (const id of INDICATOR_IDS) {
      const f = figure(id, [series], TRAILING.has(id) ? i - TRAILING_DAYS + 1 : i, i, placements);
      push(day, id, f.value, f.numerator, f.denominator);
    }
    push(day, 'census', series.census[i].level);
    push(day, 'admissions', series.census[i].inflow);
    push(day, 'discharges', series.discharges[i]);
  }
  if (unit.kind === 'home-care') rows.push(...visitRows(db, unit.id, from, to, now));
  return rows;
}

function visitRows(db: Db, unit: string, from: string, to: string, now: Date): DayRow[] {
  const read = db.prepare('SELECT windowStart, windowEnd, startedAt, outcome FROM visit WHERE unit = ? AND deleted = 0 AND windowStart >= ? AND windowStart < ?');
  return dayRange(from, to).flatMap((day) => {
    const { start, end } = dayBounds(day);
    const f = visitDayFigures(day, read.all(unit, start, end) as VisitTiming[], now.getTime());
    return [
      { unit, day, indicator: 'visits-planned', value: f.planned, numerator: null, denominator: null },
      { unit, day, indicator: 'visits-within-window', value: f.withinWindowPercent, numerator: f.withinWindow, denominator: f.due },
      { unit, day, indicator: 'visits-not-done', value: f.notDonePercent, numerator: f.notDone, denominator: f.planned },
    ];
  });
}

/** The start of the hour holding `now` (UTC, ISO): Oslo's offset is whole hours, so it is Oslo's hour too. */
export function hourOf(now: Date): string {
  return new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000).toISOString();
}

/** Every unit's capacity figures now, as the rows of the hour holding `now`. */
export function capacityHourRows(db: Db, history: LeaderHistory, now: Date): HourRow[] {
  const hour = hourOf(now);
  return capacityView(db, history, now).units.flatMap((unit) =>
    Object.entries(HOUR_FIGURES).map(([field, indicator]) => ({ unit: unit.unit, hour, indicator, value: unit[field as keyof typeof HOUR_FIGURES] })),
  );
}
