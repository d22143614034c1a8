/**
 * The leader view's visit figures (issue 15, point 2), per home-care unit and Oslo day: visits
 * within the agreed window, and visits not done (not home, refused, cancelled); with home-care
 * capacity as patients and visits, never beds. Counts only: no patient, name or note.
 */

import type { UnitVisitFigures, VisitDayFigures, VisitIndicatorsView, VisitOutcome } from '../../shared/api/commands/homecare.js';
import { addDays, osloDay } from '../../shared/time/oslo.js';
import type { Db } from '../store/database.js';
import { dayBounds } from './homecare-day.js';
import { doneWithinWindow, type VisitTiming } from './visit-status.js';

export const DEFAULT_VISIT_DAYS = 7;

const percentOf = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/**
 * One day's figures at `now`. Within the window: of the visits that should have happened — carried
 * out (done), or past their window never started nor given an outcome — those started within the
 * window. Not done: visits ended not home, refused or cancelled, of all the day's visits.
 */
export function visitDayFigures(day: string, visits: readonly VisitTiming[], now: number): VisitDayFigures {
  const count = (outcome: VisitOutcome) => visits.filter((visit) => visit.outcome === outcome).length;
  const done = visits.filter((visit) => visit.outcome === 'done');
  const missed = visits.filter((visit) => visit.outcome === null && visit.startedAt === null && now > Date.parse(visit.windowEnd));
  const due = done.length + missed.length;
  const withinWindow = done.filter(doneWithinWindow).length;
  const notHome = count('not-home');
  const refused = count('refused');
  const cancelled = count('cancelled');
  const notDone = notHome + refused + cancelled;
  return {
    day,
    planned: visits.length,
    due,
    withinWindow,
    withinWindowPercent: percentOf(withinWindow, due),
    notHome,
    refused,
    cancelled,
    notDone,
    notDonePercent: percentOf(notDone, visits.length),
  };
}

function visitsOn(db: Db, unit: string, day: string): VisitTiming[] {
  const { start, end } = dayBounds(day);
  return db
    .prepare('SELECT windowStart, windowEnd, startedAt, outcome FROM visit WHERE unit = ? AND deleted = 0 AND windowStart >= ? AND windowStart < ?')
    .all(unit, start, end) as VisitTiming[];
}

/** `leader.visits`: the home-care units the caller sees, over the `days` Oslo days ending today. */
export function visitIndicators(db: Db, sees: (unit: string) => boolean, input: { unit?: string; days?: number }, now: Date): VisitIndicatorsView {
  const days = input.days ?? DEFAULT_VISIT_DAYS;
  const to = osloDay(now.getTime());
  const from = addDays(to, -(days - 1));
  const span = Array.from({ length: days }, (_, i) => addDays(from, i));
  const units = (db.prepare("SELECT id, name FROM unit WHERE deleted = 0 AND kind = 'home-care' ORDER BY name, id").all() as { id: string; name: string | null }[])
    .filter((unit) => sees(unit.id) && (input.unit === undefined || unit.id === input.unit))
    .map((unit): UnitVisitFigures => {
      const figures = span.map((day) => visitDayFigures(day, visitsOn(db, unit.id, day), now.getTime()));
      const today = figures[figures.length - 1];
      const patients = (db.prepare("SELECT count(*) AS n FROM stay WHERE unit = ? AND deleted = 0 AND status = 'active'").get(unit.id) as { n: number }).n;
      const doneToday = visitsOn(db, unit.id, to).filter((visit) => visit.outcome === 'done').length;
      return { unit: unit.id, name: unit.name ?? unit.id, patients, visitsToday: today.planned, visitsDoneToday: doneToday, days: figures };
    });
  return { asOf: now.toISOString(), from, to, units };
}
