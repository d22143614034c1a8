/**
 * A visit's status at a moment, and the order the base station shows a route in: the one rule
 * `homecare.day`, the capacity tab and the leader view's figures all read (issue 15, point 1).
 */

import type { VisitOutcome, VisitStatus } from '../../shared/api/commands/homecare.js';

/** What the status is read from (ISO instants as stored). */
export interface VisitTiming {
  windowStart: string;
  windowEnd: string;
  startedAt: string | null;
  outcome: VisitOutcome | null;
}

/**
 * An outcome once completed; `in-progress` once started; else `late` when not started by the end
 * of the window, `due` inside it, `planned` before it.
 */
export function visitStatus(visit: VisitTiming, now: number): VisitStatus {
  if (visit.outcome !== null) return visit.outcome;
  if (visit.startedAt !== null) return 'in-progress';
  if (now > Date.parse(visit.windowEnd)) return 'late';
  return now >= Date.parse(visit.windowStart) ? 'due' : 'planned';
}

/** Started after the window ended, or (not started, not completed) still unstarted past it. */
export function isLate(visit: VisitTiming, now: number): boolean {
  const end = Date.parse(visit.windowEnd);
  if (visit.startedAt !== null) return Date.parse(visit.startedAt) > end;
  return visit.outcome === null && now > end;
}

/** Started within the agreed window (from ≤ start ≤ to) and carried out. */
export function doneWithinWindow(visit: VisitTiming): boolean {
  if (visit.outcome !== 'done' || visit.startedAt === null) return false;
  const started = Date.parse(visit.startedAt);
  return started >= Date.parse(visit.windowStart) && started <= Date.parse(visit.windowEnd);
}

/** A visit as the route order needs it. */
export interface Ordered {
  status: VisitStatus;
  order: number | null;
  from: string;
  id: string;
}

/** Late ones first (the longest late first), then by the route's order, then by window; ties by id. */
export function byRouteOrder(a: Ordered, b: Ordered): number {
  const lateA = a.status === 'late' ? 0 : 1;
  const lateB = b.status === 'late' ? 0 : 1;
  if (lateA !== lateB) return lateA - lateB;
  if (lateA === 0) return a.from.localeCompare(b.from) || a.id.localeCompare(b.id);
  const orderA = a.order ?? Number.MAX_SAFE_INTEGER;
  const orderB = b.order ?? Number.MAX_SAFE_INTEGER;
  return orderA - orderB || a.from.localeCompare(b.from) || a.id.localeCompare(b.id);
}
