/**
 * Discharge-ready days and their cost: the municipality pays the hospital for every day a
 * discharge-ready patient waits for a municipal place. A day is counted at its midnight, like the
 * occupancy count: each midnight after discharge-ready, up to the discharge, is one day.
 */

import { addDays, daysBetween, monthOf, osloDay } from '../time/oslo.js';

/** NOK per day in 2024 (DOMAIN.md); the rate is set yearly, so every year can be configured. */
export const DEFAULT_DAILY_RATE_NOK = 5745;

/** Configured rates: year -> NOK per day. */
export type DailyRates = Readonly<Record<number, number>>;

/** The rate for a day: its year's, else the latest configured year before it, else the default. */
export function rateForDay(day: string, rates: DailyRates): number {
  const year = Number(day.slice(0, 4));
  if (rates[year] !== undefined) return rates[year];
  const earlier = Object.keys(rates)
    .map(Number)
    .filter((y) => y < year)
    .sort((a, b) => b - a);
  return earlier.length > 0 ? rates[earlier[0]] : DEFAULT_DAILY_RATE_NOK;
}

/** Midnights after `since` up to and including `until`: the days waited (0 before the first midnight). */
export function daysWaiting(since: number, until: number): number {
  if (until <= since) return 0;
  return Math.max(0, daysBetween(osloDay(since), osloDay(until)));
}

/** The days waited, each named by the day its midnight ends (that day's month and rate apply). */
export function waitedDays(since: number, until: number): string[] {
  const first = osloDay(since);
  return Array.from({ length: daysWaiting(since, until) }, (_, i) => addDays(first, i));
}

/** The cost of the days waited, each at its own year's rate. */
export function costOfDays(days: readonly string[], rates: DailyRates): number {
  return days.reduce((sum, day) => sum + rateForDay(day, rates), 0);
}

/** One patient's wait as an interval: since discharge-ready, until discharged (or now). */
export interface ReadyInterval {
  since: number;
  until: number;
}

/** Totals per month ("YYYY-MM"): days, cost and how many patients waited at least one day in it. */
export function monthlyTotals(waits: readonly ReadyInterval[], rates: DailyRates): { month: string; days: number; cost: number; patients: number }[] {
  const months = new Map<string, { days: number; cost: number; patients: number }>();
  for (const wait of waits) {
    const seen = new Set<string>();
    for (const day of waitedDays(wait.since, wait.until)) {
      const month = monthOf(day);
      const total = months.get(month) ?? { days: 0, cost: 0, patients: 0 };
      total.days += 1;
      total.cost += rateForDay(day, rates);
      if (!seen.has(month)) {
        total.patients += 1;
        seen.add(month);
      }
      months.set(month, total);
    }
  }
  return [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, total]) => ({ month, ...total }));
}
