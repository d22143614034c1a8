/**
 * One unit's day-by-day figures over a span of whole days, from the history: the midnight count
 * (heads and ADL points) with its flows, discharges, discharge-ready patients, tasks due and on
 * time, pathway steps due and done by their deadline, ADL points and staff per shift, and IPLOS
 * coverage of nursing-home residents.
 */

import { addDays, dayStart, midnightAfter, osloDay, osloInstant, SHIFT_HOURS, type ShiftName } from '../../shared/time/oslo.js';
import type { IndicatorId } from '../../shared/indicators/definitions.js';
import { IPLOS_MEASURES, iplosCoverage, recordsMeasure } from '../../shared/indicators/iplos.js';
import { dischargesBetween } from '../../shared/indicators/length-of-stay.js';
import { countAt, dailyFlows, presentAt, type DayFlow, type StayInterval } from '../../shared/indicators/occupancy.js';
import { adlPoints } from '../../shared/indicators/workload.js';
import { isStepDoneOnTime } from '../../shared/indicators/pathway-on-time.js';
import type { LeaderHistory, StayRow, UnitRow } from './leader-history.js';

export interface UnitSeries {
  unit: UnitRow;
  days: string[];
  census: DayFlow[];
  adl: DayFlow[];
  discharges: number[];
  ready: number[];
  tasksDue: number[];
  tasksOnTime: number[];
  /** Pathway steps whose deadline fell on the day (not applicable ones left out), and of them done by it. */
  pathwayDue: number[];
  pathwayOnTime: number[];
  /** Sums over the day's shifts with staff present: ADL points at shift start, and staff present. */
  shiftPoints: number[];
  shiftPresent: number[];
  residents: number[];
  iplos: Partial<Record<IndicatorId, number[]>>;
}

/** Stays with a known admission, as intervals weighted by head (or by ADL points). */
export function intervals(stays: readonly StayRow[], weigh: (stay: StayRow) => number = () => 1): (StayInterval & { id: string })[] {
  return stays
    .filter((stay) => stay.admitted !== null)
    .map((stay) => ({ id: stay.id, admitted: stay.admitted as number, discharged: stay.discharged, weight: weigh(stay) }));
}

/** What to compute beyond the midnight counts (the forecast needs only those). */
export interface SeriesParts {
  tasks?: boolean;
  staffing?: boolean;
  iplos?: boolean;
}

const ALL_PARTS: SeriesParts = { tasks: true, staffing: true, iplos: true };

interface Cached {
  version: number;
  unit: UnitRow;
  series: UnitSeries;
}
const caches = new WeakMap<LeaderHistory, Map<string, Cached>>();

/**
 * The unit's series for every day of `days` (consecutive, oldest first). Kept until something of
 * the unit changes, so after an edit only the edited unit's days are counted again.
 */
export function unitSeries(history: LeaderHistory, unit: UnitRow, days: readonly string[], parts: SeriesParts = ALL_PARTS): UnitSeries {
  let cache = caches.get(history);
  if (!cache) {
    cache = new Map();
    caches.set(history, cache);
  }
  const key = `${unit.id}|${days[0]}|${days.length}|${parts.tasks ? 't' : ''}${parts.staffing ? 's' : ''}${parts.iplos ? 'i' : ''}`;
  const version = history.unitVersion(unit.id);
  const hit = cache.get(key);
  if (hit && hit.version === version && hit.unit === unit) return hit.series;
  const series = countSeries(history, unit, days, parts);
  // Spans move with the date and the periods asked for; a bounded cache forgets old ones.
  if (cache.size > 4000) cache.clear();
  cache.set(key, { version, unit, series });
  return series;
}

function countSeries(history: LeaderHistory, unit: UnitRow, days: readonly string[], parts: SeriesParts): UnitSeries {
  const stays = history.stays(unit.id);
  const heads = intervals(stays);
  const points = intervals(stays, (stay) => adlPoints(stay.adl));
  const midnights = days.map(midnightAfter);
  const before = days.length > 0 ? dayStart(days[0]) : 0;
  const discharged = heads.map((stay) => stay.discharged);
  const readyIntervals: StayInterval[] = stays
    .filter((stay) => stay.ready !== null)
    .map((stay) => ({ admitted: stay.ready as number, discharged: stay.readyUntil }));

  const index = new Map(days.map((day, i) => [day, i]));
  const shiftPoints = days.map(() => 0);
  const shiftPresent = days.map(() => 0);
  for (const row of parts.staffing ? history.staffing(unit.id) : []) {
    const i = index.get(row.date);
    if (i === undefined || row.present === null || row.present <= 0) continue;
    const hour = SHIFT_HOURS[row.shift as ShiftName]?.start ?? 12;
    const at = osloInstant(row.date, hour);
    shiftPoints[i] += points.reduce((sum, stay) => sum + (presentAt(stay, at) ? (stay.weight ?? 0) : 0), 0);
    shiftPresent[i] += row.present;
  }

  const iplos: Partial<Record<IndicatorId, number[]>> = {};
  let residents = days.map(() => 0);
  if (parts.iplos && unit.kind === 'nursing-home') {
    const done = history.iplosTasks(unit.id);
    const present = midnights.map((m) => heads.filter((stay) => presentAt(stay, m)).map((stay) => stay.id));
    residents = present.map((ids) => ids.length);
    for (const measure of IPLOS_MEASURES) {
      // Each task is read once per measure, not once per midnight.
      const recorded = done.filter((task) => recordsMeasure(task, measure));
      iplos[measure.indicator] = midnights.map((m, i) => iplosCoverage(present[i], recorded, measure, m).covered);
    }
  }
  const pathwayDue = days.map(() => 0);
  const pathwayOnTime = days.map(() => 0);
  for (const step of parts.tasks ? history.pathwaySteps(unit.id) : []) {
    const i = index.get(osloDay(step.due));
    if (i === undefined || step.notApplicable) continue;
    pathwayDue[i] += 1;
    if (isStepDoneOnTime(step)) pathwayOnTime[i] += 1;
  }
  const taskDays = parts.tasks ? days.map((day) => history.taskDay(unit.id, day)) : days.map(() => ({ due: 0, onTime: 0 }));

  return {
    unit,
    days: [...days],
    census: dailyFlows(heads, days, midnights, before),
    adl: dailyFlows(points, days, midnights, before),
    discharges: days.map((day) => dischargesBetween(discharged, dayStart(day), midnightAfter(day))),
    ready: countAt(readyIntervals, midnights),
    tasksDue: taskDays.map((t) => t.due),
    tasksOnTime: taskDays.map((t) => t.onTime),
    pathwayDue,
    pathwayOnTime,
    shiftPoints,
    shiftPresent,
    residents,
    iplos,
  };
}

/** The days from `from` to `to`, plus `lookback` days before (for trailing windows). */
export function spanWithLookback(from: string, to: string, lookback: number): string[] {
  const days: string[] = [];
  for (let day = addDays(from, -lookback); day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}
