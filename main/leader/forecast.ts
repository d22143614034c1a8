/**
 * The 7-day forecast of occupancy (the midnight count) and workload (ADL points at midnight) per
 * unit and for the whole, by the weekday-profile method of shared/indicators/forecast.ts, with the
 * known admissions and discharges (planned transfers, expected discharge dates) and a backtest
 * against the seasonal-naive forecast on the history at hand.
 */

import type { BacktestScore, ForecastView, UnitForecast } from '../../shared/api/commands/leader.js';
import { fail, ok, type Result } from '../../shared/api/result.js';
import { addDays, dayOf, daysBetween, osloDay } from '../../shared/time/oslo.js';
import { percent, round1, roundOrNull } from '../../shared/indicators/definitions.js';
import { backtest, forecastLevels, HORIZON_DAYS, weekdayProfile, type BacktestResult, type KnownFlow } from '../../shared/indicators/forecast.js';
import { countsMunicipalOccupancy, countsOccupancy, type DayFlow } from '../../shared/indicators/occupancy.js';
import { adlPoints } from '../../shared/indicators/workload.js';
import type { LeaderHistory, TransferRow, UnitRow } from './leader-history.js';
import { unitSeries } from './unit-series.js';

/** Days of history the forecast learns from and is backtested on. */
export const HISTORY_DAYS = 90;
const OPEN = new Set(['requested', 'accepted', 'scheduled']);

/** Known flows of one unit: by day, heads and ADL points, with the day each became known. */
interface KnownEvent {
  day: string;
  /** The day it was known from (transfer accepted); null when not recorded. */
  knownFrom: string | null;
  /** Still ahead now (the live forecast counts only these). */
  open: boolean;
  inflow: boolean;
  points: number;
}

const counted = (unit: UnitRow) => countsOccupancy(unit);

function knownEvents(history: LeaderHistory, unit: UnitRow, transfers: readonly TransferRow[]): KnownEvent[] {
  const events: KnownEvent[] = [];
  const adlOf = (unitId: string | null, stayId: string | null) =>
    unitId === null || stayId === null ? 0 : adlPoints(history.stays(unitId).find((s) => s.id === stayId)?.adl);
  const moving = new Set<string>();
  for (const t of transfers) {
    const day = dayOf(t.scheduledFor);
    if (day === undefined || (t.toUnit !== unit.id && t.fromUnit !== unit.id)) continue;
    const open = OPEN.has(t.status ?? '');
    if (!open && t.status !== 'completed') continue;
    const knownFrom = dayOf(t.acceptedAt) ?? dayOf(t.requestedAt) ?? null;
    if (open && t.stay !== null) moving.add(t.stay);
    events.push({ day, knownFrom, open, inflow: t.toUnit === unit.id, points: adlOf(t.fromUnit, t.stay) });
  }
  for (const stay of history.stays(unit.id)) {
    const day = dayOf(stay.expectedDischarge);
    // An expected discharge has no time of its own: it is known only for the live forecast.
    if (day !== undefined && stay.discharged === null && !moving.has(stay.id)) {
      events.push({ day, knownFrom: null, open: true, inflow: false, points: adlPoints(stay.adl) });
    }
  }
  return events;
}

/**
 * Known flow on `day` as seen at the end of `origin`: for the live forecast (null origin) what is
 * still ahead; in the backtest only what was recorded as known by then.
 */
function knownOn(events: readonly KnownEvent[], day: string, origin: string | null, weigh: (e: KnownEvent) => number): KnownFlow {
  const flow = { inflow: 0, outflow: 0 };
  for (const e of events) {
    if (e.day !== day) continue;
    if (origin === null ? !e.open : e.knownFrom === null || e.knownFrom > origin) continue;
    if (e.inflow) flow.inflow += weigh(e);
    else flow.outflow += weigh(e);
  }
  return flow;
}

const round2 = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
const score = (result: BacktestResult): BacktestScore => ({
  mae: round2(result.mae),
  baselineMae: round2(result.baselineMae),
  beatsBaseline: result.beatsBaseline,
  origins: result.origins,
});

interface Series {
  unit: UnitRow;
  capacity: number;
  census: DayFlow[];
  adl: DayFlow[];
  events: KnownEvent[];
}

function forecastOf(s: Series, today: string): UnitForecast {
  const days = Array.from({ length: HORIZON_DAYS }, (_, i) => addDays(today, i));
  const last = s.census.length - 1;
  const heads = () => 1;
  const points = (e: KnownEvent) => e.points;
  const knownHeads = days.map((day) => knownOn(s.events, day, null, heads));
  const knownPoints = days.map((day) => knownOn(s.events, day, null, points));
  const capacity = s.capacity > 0 ? s.capacity : null;
  const occupancy = forecastLevels(s.census[last]?.level ?? 0, days, weekdayProfile(s.census), knownHeads, capacity);
  const workload = forecastLevels(s.adl[last]?.level ?? 0, days, weekdayProfile(s.adl), knownPoints, null);
  const knownAt = (weigh: (e: KnownEvent) => number) => (origin: string, day: string) => knownOn(s.events, day, origin, weigh);
  return {
    unit: s.unit.id,
    name: s.unit.name,
    kind: s.unit.kind,
    capacity: s.capacity,
    start: { day: s.census[last]?.day ?? addDays(today, -1), occupancy: s.census[last]?.level ?? 0, workload: s.adl[last]?.level ?? 0 },
    historyDays: s.census.length,
    days: days.map((day, i) => ({
      day,
      occupancy: round1(occupancy[i]),
      occupancyPercent: roundOrNull(percent(occupancy[i], s.capacity)),
      workload: round1(workload[i]),
      knownAdmissions: knownHeads[i].inflow,
      knownDischarges: knownHeads[i].outflow,
    })),
    backtest: {
      occupancy: score(backtest(s.census, { capacity, known: knownAt(heads) })),
      workload: score(backtest(s.adl, { capacity: null, known: knownAt(points) })),
    },
  };
}

const forecasts = new WeakMap<LeaderHistory, Map<string, { key: string; forecast: UnitForecast }>>();

/** A unit's forecast, made again only when its history, its known events or the date changed. */
function cachedForecast(history: LeaderHistory, s: Series, today: string): UnitForecast {
  let cache = forecasts.get(history);
  if (!cache) {
    cache = new Map();
    forecasts.set(history, cache);
  }
  const key = `${today}|${history.unitVersion(s.unit.id)}|${s.capacity}|${s.census.length}|${JSON.stringify(s.events)}`;
  const hit = cache.get(s.unit.id);
  if (hit && hit.key === key) return hit.forecast;
  const forecast = forecastOf(s, today);
  cache.set(s.unit.id, { key, forecast });
  return forecast;
}

/**
 * The first day of a unit's usable history: the day after its first admission. The first day's
 * arrivals are the patients already there when the unit began using Tavla; counted as admissions
 * they would swell that weekday's profile for weeks.
 */
function firstDay(history: LeaderHistory, unit: UnitRow): string | undefined {
  let first: number | undefined;
  for (const stay of history.stays(unit.id)) if (stay.admitted !== null && (first === undefined || stay.admitted < first)) first = stay.admitted;
  return first === undefined ? undefined : addDays(osloDay(first), 1);
}

/** A unit's history as the forecast reads it: from the day after its first admission, at most 90 days. */
function seriesOf(history: LeaderHistory, unit: UnitRow, today: string): Series {
  const yesterday = addDays(today, -1);
  const windowStart = addDays(yesterday, -(HISTORY_DAYS - 1));
  const first = firstDay(history, unit);
  const from = first === undefined || first < windowStart ? windowStart : first > yesterday ? yesterday : first;
  const days = Array.from({ length: daysBetween(from, yesterday) + 1 }, (_, i) => addDays(from, i));
  const s = unitSeries(history, unit, days, {});
  return { unit, capacity: unit.capacity, census: s.census, adl: s.adl, events: knownEvents(history, unit, history.transfersOf(unit.id)) };
}

/** Makes a unit's forecast ahead of time (the hub's warm-up), so the forecast tab opens at once. */
export function prepareForecast(history: LeaderHistory, unit: UnitRow, now: Date): void {
  if (counted(unit)) cachedForecast(history, seriesOf(history, unit, osloDay(now.getTime())), osloDay(now.getTime()));
}

export function forecastView(history: LeaderHistory, input: { unit?: string }, now: Date): Result<ForecastView> {
  const scope = history.units().filter((u) => (input.unit === undefined ? counted(u) : u.id === input.unit));
  if (input.unit !== undefined && scope.length === 0) return fail('not-found', `no unit ${input.unit} at the hub`, { reason: 'unit-unknown', unit: input.unit });
  const today = osloDay(now.getTime());
  const yesterday = addDays(today, -1);
  const series = scope.map((unit) => seriesOf(history, unit, today));
  const units = series.map((s) => cachedForecast(history, s, today));
  // The whole starts where the earliest unit's history starts, not with weeks of zeros before it.
  const starts = series.map((s) => s.census[0]?.day).filter((d): d is string => d !== undefined).sort();
  // The whole counts as the municipality's occupancy does: several units by their units with beds.
  const whole = series.length === 1 ? series : series.filter((s) => countsMunicipalOccupancy(s.unit));
  const total = input.unit === undefined ? forecastOf(summedSeries(whole, starts[0] ?? yesterday, yesterday), today) : units[0];
  const scored = units.filter((u) => u.backtest.occupancy.beatsBaseline !== null);
  return ok({
    asOf: now.toISOString(),
    horizonDays: HORIZON_DAYS,
    total,
    units,
    unitsScored: scored.length,
    unitsBeatingBaseline: scored.filter((u) => u.backtest.occupancy.beatsBaseline).length,
  });
}

/** The units' series added up day by day over the full window (units with less history add zeros). */
function summedSeries(series: readonly Series[], from: string, to: string): Series {
  const days = Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i));
  const add = (pick: (s: Series) => DayFlow[]) => {
    const totals = new Map(days.map((day) => [day, { day, level: 0, inflow: 0, outflow: 0 }]));
    for (const s of series) {
      for (const flow of pick(s)) {
        const total = totals.get(flow.day);
        if (!total) continue;
        total.level += flow.level;
        total.inflow += flow.inflow;
        total.outflow += flow.outflow;
      }
    }
    return [...totals.values()];
  };
  const unit: UnitRow = { id: 'all', name: 'Hele kommunen', kind: 'all', capacity: series.reduce((sum, s) => sum + s.capacity, 0) };
  return { unit, capacity: unit.capacity, census: add((s) => s.census), adl: add((s) => s.adl), events: series.flatMap((s) => s.events) };
}
