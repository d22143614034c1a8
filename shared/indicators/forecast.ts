/**
 * Expected need for the coming week, by a method a leader can check by hand: start from the last
 * midnight count; for each coming day add the admissions and subtract the discharges usual for that
 * weekday (the mean over the last 8 weeks), or the known ones (planned transfers, expected
 * discharge dates) when more are known. Backtested against the seasonal-naive forecast (same
 * weekday last week) on the history at hand.
 */

import { weekday } from '../time/oslo.js';
import type { DayFlow } from './occupancy.js';

export const HORIZON_DAYS = 7;
export const PROFILE_DAYS = 56;
/** Fewer days than this before an origin and there is no weekday profile worth the name. */
export const MIN_HISTORY_DAYS = 14;
export const BACKTEST_ORIGINS = 28;

/** Mean inflow and outflow per weekday (Monday = 0). */
export interface WeekdayProfile {
  inflow: number[];
  outflow: number[];
  days: number;
}

/** Admissions and discharges already known for a coming day. */
export interface KnownFlow {
  inflow: number;
  outflow: number;
}

/** The weekday means of inflow and outflow over the last `lookback` days of a history. */
export function weekdayProfile(history: readonly DayFlow[], lookback = PROFILE_DAYS): WeekdayProfile {
  const recent = history.slice(-lookback);
  const sums = Array.from({ length: 7 }, () => ({ inflow: 0, outflow: 0, n: 0 }));
  for (const day of recent) {
    const sum = sums[weekday(day.day)];
    sum.inflow += day.inflow;
    sum.outflow += day.outflow;
    sum.n += 1;
  }
  return {
    inflow: sums.map((s) => (s.n > 0 ? s.inflow / s.n : 0)),
    outflow: sums.map((s) => (s.n > 0 ? s.outflow / s.n : 0)),
    days: recent.length,
  };
}

/**
 * Levels at the midnights of `days`, from `start` (the level at the midnight before the first):
 * each day adds max(known, usual) inflow and subtracts max(known, usual) outflow, kept within
 * 0 and the capacity (when there is one).
 */
export function forecastLevels(start: number, days: readonly string[], profile: WeekdayProfile, known: readonly (KnownFlow | undefined)[], capacity: number | null): number[] {
  let level = start;
  return days.map((day, i) => {
    const w = weekday(day);
    const inflow = Math.max(known[i]?.inflow ?? 0, profile.inflow[w]);
    const outflow = Math.max(known[i]?.outflow ?? 0, profile.outflow[w]);
    level = Math.max(0, level + inflow - outflow);
    if (capacity !== null && capacity > 0) level = Math.min(capacity, level);
    return level;
  });
}

/** The seasonal-naive forecast: each coming day as the same weekday a week before. */
export function seasonalNaive(levels: readonly number[], horizon = HORIZON_DAYS): number[] {
  return Array.from({ length: horizon }, (_, h) => levels[levels.length - 7 + (h % 7)]);
}

/** Mean absolute error of forecasts against what happened. */
export function meanAbsoluteError(pairs: readonly { forecast: number; actual: number }[]): number | null {
  if (pairs.length === 0) return null;
  return pairs.reduce((sum, p) => sum + Math.abs(p.forecast - p.actual), 0) / pairs.length;
}

export interface BacktestResult {
  /** MAE of the method, in the series' own unit (patients, ADL points). */
  mae: number | null;
  /** MAE of the seasonal-naive forecast over the same origins and days. */
  baselineMae: number | null;
  /** Whether the method's error is strictly lower; null when nothing could be scored. */
  beatsBaseline: boolean | null;
  /** Forecast origins scored (each with `horizon` days ahead). */
  origins: number;
}

export interface BacktestOptions {
  capacity: number | null;
  /** What was known at an origin about a later day (only what was recorded before the origin). */
  known?: (origin: string, day: string) => KnownFlow | undefined;
  horizon?: number;
  origins?: number;
}

/**
 * Replays the method at each of the last `origins` days that have at least MIN_HISTORY_DAYS before
 * them and `horizon` days after, using only the history up to the origin.
 */
export function backtest(history: readonly DayFlow[], options: BacktestOptions): BacktestResult {
  const horizon = options.horizon ?? HORIZON_DAYS;
  const method: { forecast: number; actual: number }[] = [];
  const naive: { forecast: number; actual: number }[] = [];
  const first = Math.max(MIN_HISTORY_DAYS - 1, 6);
  const last = history.length - 1 - horizon;
  const from = Math.max(first, last - (options.origins ?? BACKTEST_ORIGINS) + 1);
  let origins = 0;
  for (let t = from; t <= last; t += 1) {
    const past = history.slice(0, t + 1);
    const ahead = history.slice(t + 1, t + 1 + horizon);
    const days = ahead.map((d) => d.day);
    const known = days.map((day) => options.known?.(history[t].day, day));
    const predicted = forecastLevels(history[t].level, days, weekdayProfile(past), known, options.capacity);
    const baseline = seasonalNaive(past.map((d) => d.level), horizon);
    ahead.forEach((actual, h) => {
      method.push({ forecast: predicted[h], actual: actual.level });
      naive.push({ forecast: baseline[h], actual: actual.level });
    });
    origins += 1;
  }
  const mae = meanAbsoluteError(method);
  const baselineMae = meanAbsoluteError(naive);
  return { mae, baselineMae, beatsBaseline: mae === null || baselineMae === null ? null : mae < baselineMae, origins };
}
