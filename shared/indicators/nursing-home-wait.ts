/**
 * Wait for a nursing-home place: from the decision (vedtak) to the start; the legal deadline is two
 * months. A transfer to a nursing-home unit stands for both: requested = decision, completed = start.
 */

import { addMonths, dayOf, daysBetween } from '../time/oslo.js';

/** A placement: decided on one day, started on another (null while waiting). */
export interface Placement {
  decided: string;
  started: string | null;
}

const deadlines = new Map<string, string>();

/** The last day the place may start: two calendar months after the decision. */
export function deadlineOf(decided: string): string {
  let deadline = deadlines.get(decided);
  if (deadline === undefined) {
    deadline = addMonths(decided, 2);
    if (deadlines.size > 10_000) deadlines.clear();
    deadlines.set(decided, deadline);
  }
  return deadline;
}

/** Days from decision to start (or to `today` while still waiting). */
export function waitDays(placement: Placement, today: string): number {
  return Math.max(0, daysBetween(placement.decided, placement.started ?? today));
}

/**
 * Over [from, to]: placements started in it (total and mean wait), how many of them started by the
 * deadline, and how many still wait at `to` past their deadline.
 */
export function nursingHomeWait(placements: readonly Placement[], from: string, to: string) {
  const started = placements.filter((p) => p.started !== null && p.started >= from && p.started <= to);
  const onTime = started.filter((p) => (p.started as string) <= deadlineOf(p.decided)).length;
  const overdue = placements.filter((p) => p.decided <= to && (p.started === null || p.started > to) && deadlineOf(p.decided) < to).length;
  const totalDays = started.reduce((sum, p) => sum + waitDays(p, to), 0);
  return { started: started.length, totalDays, onTime, overdue };
}

/** A placement from a transfer's stored times; undefined when it has no decision time. */
export function placementOf(transfer: { requestedAt: string | null; completedAt: string | null }): Placement | undefined {
  const decided = dayOf(transfer.requestedAt);
  return decided === undefined ? undefined : { decided, started: dayOf(transfer.completedAt) ?? null };
}
