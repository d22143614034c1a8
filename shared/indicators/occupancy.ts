/**
 * Occupancy by the midnight count: a patient occupies a bed-day when present at the midnight that
 * ends the day: admitted before it, and discharged at it or later. (A stay dated by day alone starts
 * at 00:00, so a patient admitted "on 1 March" first counts at the midnight that ends 1 March.)
 */

import { percent } from './definitions.js';

/** A stay as an interval of instants (epoch ms); `weight` is 1 for a head count, ADL points for workload. */
export interface StayInterval {
  admitted: number;
  /** Null while the patient is still there. */
  discharged: number | null;
  weight?: number;
}

/** Whether a stay is present at a midnight: admitted before it and not discharged before it. */
export function presentAt(stay: StayInterval, at: number): boolean {
  return stay.admitted < at && (stay.discharged === null || stay.discharged >= at);
}

/** The weighted count of stays present at each instant. */
export function countAt(stays: readonly StayInterval[], instants: readonly number[]): number[] {
  return instants.map((at) => stays.reduce((sum, stay) => sum + (presentAt(stay, at) ? (stay.weight ?? 1) : 0), 0));
}

/** One day of a census series: the level at its midnight and what came and went since the midnight before. */
export interface DayFlow {
  day: string;
  level: number;
  inflow: number;
  outflow: number;
}

/**
 * The census at each day's midnight, with inflow (present now, not at the midnight before) and
 * outflow (present then, not now), so that level = previous level + inflow − outflow holds exactly.
 * `midnights[i]` ends `days[i]`; `before` is the midnight that ends the day before the first.
 */
export function dailyFlows(stays: readonly StayInterval[], days: readonly string[], midnights: readonly number[], before: number): DayFlow[] {
  const flows = days.map((day) => ({ day, level: 0, inflow: 0, outflow: 0 }));
  for (const stay of stays) {
    const weight = stay.weight ?? 1;
    let was = presentAt(stay, before);
    for (let i = 0; i < days.length; i += 1) {
      const is = presentAt(stay, midnights[i]);
      if (is) flows[i].level += weight;
      if (is && !was) flows[i].inflow += weight;
      if (!is && was) flows[i].outflow += weight;
      was = is;
    }
  }
  return flows;
}

/** Occupancy in per cent: occupied bed-days / available bed-days × 100; null without capacity. */
export function occupancyPercent(occupiedBedDays: number, availableBedDays: number): number | null {
  return percent(occupiedBedDays, availableBedDays);
}
