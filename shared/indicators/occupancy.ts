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

/**
 * How a unit kind is counted (docs/leader.md, "One occupancy per unit kind"): units with beds count
 * patients present against their beds, list units (home care, home hospital) patients on the list
 * against their places, and the allocation office has no occupancy. Every tab reads occupancy
 * through `unitOccupancy` and `municipalOccupancy`, so one unit (or the municipality) shows one figure.
 */
export type OccupancyMeasure = 'beds' | 'places' | 'none';

/**
 * Occupancy limits of one kind, in per cent: the lower bound of each heat step (2 "near the norm",
 * 3 "at or over the norm", 4 "far over"). `norm` is the figure the kind is judged by.
 */
export interface OccupancyNorm {
  measure: OccupancyMeasure;
  norm: number | null;
  limits: readonly [number, number, number] | null;
}

/**
 * The norms per kind. A hospital ward is judged by the usual 85 % shortage mark; a long-term nursing
 * home is meant to be full, so only a full home (no place for the next resident) or one over its
 * places is hot; a short-term unit needs room for the hospital's discharges (90 %); home care and
 * home hospital are lists, hot when over their places.
 */
export const OCCUPANCY_NORMS: Readonly<Record<string, OccupancyNorm>> = {
  'hospital-ward': { measure: 'beds', norm: 85, limits: [80, 85, 95] },
  'nursing-home': { measure: 'beds', norm: 100, limits: [97, 100, 105] },
  'short-term': { measure: 'beds', norm: 90, limits: [85, 90, 100] },
  'home-hospital': { measure: 'places', norm: 85, limits: [80, 85, 95] },
  'home-care': { measure: 'places', norm: 100, limits: [90, 100, 110] },
  'allocation-office': { measure: 'none', norm: null, limits: null },
};

/** A kind not in the table (a newer board's) is counted as a unit with beds, by the hospital norm. */
export function occupancyNorm(kind: string): OccupancyNorm {
  return OCCUPANCY_NORMS[kind] ?? OCCUPANCY_NORMS['hospital-ward'];
}

/** Whether a unit counts in occupancy at all: a kind with a measure, and places to count against. */
export function countsOccupancy(unit: { kind: string; capacity: number }): boolean {
  return occupancyNorm(unit.kind).measure !== 'none' && unit.capacity > 0;
}

/** Whether a unit counts in the municipality's figure: units with beds only (a home-care list is not a bed). */
export function countsMunicipalOccupancy(unit: { kind: string; capacity: number }): boolean {
  return occupancyNorm(unit.kind).measure === 'beds' && unit.capacity > 0;
}

/** A unit's occupancy now: patients present (in beds, or on the list) / its places (capacity) × 100. */
export function unitOccupancy(unit: { kind: string; capacity: number }, patients: number): number | null {
  return countsOccupancy(unit) ? occupancyPercent(patients, unit.capacity) : null;
}

/** Occupancy of several units: their patients over their places, counting only the units `counts` takes. */
export function summedOccupancy<T extends { kind: string; capacity: number; patients: number }>(
  units: readonly T[],
  counts: (unit: T) => boolean = countsOccupancy,
): { patients: number; places: number; value: number | null } {
  const counted = units.filter(counts);
  const patients = counted.reduce((sum, u) => sum + u.patients, 0);
  const places = counted.reduce((sum, u) => sum + u.capacity, 0);
  return { patients, places, value: occupancyPercent(patients, places) };
}

/**
 * The occupancy of what a leader sees as a whole: several units count their units with beds only
 * (patients present over beds); a single unit (a unit leader's one) counts by its own kind.
 */
export function municipalOccupancy<T extends { kind: string; capacity: number; patients: number }>(units: readonly T[]) {
  return summedOccupancy(units, units.length === 1 ? countsOccupancy : countsMunicipalOccupancy);
}

/** Heat 0–4 of an occupancy figure by its kind's limits: 1 below them, 0 for none or no figure. */
export function occupancyHeat(kind: string, value: number | null): number {
  const { limits } = occupancyNorm(kind);
  if (value === null || limits === null || value <= 0) return 0;
  return value >= limits[2] ? 4 : value >= limits[1] ? 3 : value >= limits[0] ? 2 : 1;
}

/** Absolute limits of overdue tasks (not relative to the worst unit): 1, 3, 6 and 10 tasks start heat 1–4. */
export const OVERDUE_LIMITS = [1, 3, 6, 10] as const;

/** Heat 0–4 of a unit's overdue tasks by the absolute limits. */
export function overdueHeat(overdue: number): number {
  return OVERDUE_LIMITS.reduce((heat, limit, i) => (overdue >= limit ? i + 1 : heat), 0);
}
