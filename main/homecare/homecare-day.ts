/**
 * The home-care day as the base station shows it: the visits whose agreed window starts on the
 * Oslo date, grouped by route, late ones first, then in order; and the capacity tab in home care's
 * terms. Corridor form: initials only, never a name, key box, access note or visit note.
 */

import type { HomecareCapacity, HomecareDay, HomecareRoute, HomecareVisit, VisitOutcome } from '../../shared/api/commands/homecare.js';
import { addDays, dayStart, osloDay } from '../../shared/time/oslo.js';
import type { Db } from '../store/database.js';
import { byRouteOrder, isLate, visitStatus } from './visit-status.js';

/** A visit row as the day reads it, with its patient's initials. */
interface VisitRow {
  id: string;
  stay: string | null;
  initials: string | null;
  title: string | null;
  template: string | null;
  series: string | null;
  windowStart: string;
  windowEnd: string;
  staffCount: number | null;
  route: string | null;
  routeOrder: number | null;
  staff: string | null;
  startedAt: string | null;
  completedAt: string | null;
  outcome: VisitOutcome | null;
}

/** The [start, end) instants of an Oslo day as ISO text, for the index range on windowStart. */
export function dayBounds(date: string): { start: string; end: string } {
  return { start: new Date(dayStart(date)).toISOString(), end: new Date(dayStart(addDays(date, 1))).toISOString() };
}

/** The unit's visits whose window starts on `date` (Oslo), with their patients' initials. */
export function visitsOfDay(db: Db, unit: string, date: string): VisitRow[] {
  const { start, end } = dayBounds(date);
  return db
    .prepare(
      `SELECT v.id, v.stay, s.initials, v.title, v.template, v.series, v.windowStart, v.windowEnd, v.staffCount, v.route,
              v.routeOrder, v.staff, v.startedAt, v.completedAt, v.outcome
         FROM visit v LEFT JOIN stay s ON s.id = v.stay AND s.deleted = 0
        WHERE v.unit = ? AND v.deleted = 0 AND v.windowStart >= ? AND v.windowStart < ?`,
    )
    .all(unit, start, end) as VisitRow[];
}

function shown(row: VisitRow, now: number): HomecareVisit {
  return {
    id: row.id,
    stay: row.stay,
    initials: row.initials ?? '',
    title: row.title ?? '',
    template: row.template,
    from: row.windowStart,
    to: row.windowEnd,
    staffCount: row.staffCount === 2 ? 2 : 1,
    route: row.route,
    order: row.routeOrder,
    staff: row.staff,
    series: row.series,
    status: visitStatus(row, now),
    late: isLate(row, now),
    startedAt: row.startedAt,
    completedAt: row.completedAt,
  };
}

/** Routes by name (visits on no route last), each late first and then in order. */
export function routesOf(visits: readonly HomecareVisit[]): HomecareRoute[] {
  const byRoute = new Map<string | null, HomecareVisit[]>();
  for (const visit of visits) byRoute.set(visit.route, [...(byRoute.get(visit.route) ?? []), visit]);
  return [...byRoute.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'nb')))
    .map(([route, list]) => ({ route, visits: [...list].sort(byRouteOrder) }));
}

const NOT_DONE: ReadonlySet<string> = new Set(['not-home', 'refused', 'cancelled']);

/** Patients, visits planned and done, hours planned vs staff present, for the day. */
export function homecareCapacity(db: Db, unit: string, date: string, visits: readonly HomecareVisit[]): HomecareCapacity {
  const patients = (db.prepare("SELECT count(*) AS n FROM stay WHERE unit = ? AND deleted = 0 AND status = 'active'").get(unit) as { n: number }).n;
  const staffing = db.prepare('SELECT sum(present) AS present, count(present) AS n FROM staffing WHERE unit = ? AND date = ? AND deleted = 0').get(unit, date) as {
    present: number | null;
    n: number;
  };
  let minutes = 0;
  for (const visit of visits) {
    if (visit.status === 'cancelled') continue;
    minutes += ((Date.parse(visit.to) - Date.parse(visit.from)) / 60_000) * visit.staffCount;
  }
  return {
    patients,
    visitsPlanned: visits.length,
    visitsDone: visits.filter((visit) => visit.status === 'done').length,
    visitsNotDone: visits.filter((visit) => NOT_DONE.has(visit.status)).length,
    visitsLate: visits.filter((visit) => visit.status === 'late').length,
    hoursPlanned: Math.round(minutes / 6) / 10,
    staffPresent: staffing.n > 0 ? staffing.present : null,
  };
}

/** `homecare.day`: the day (today in Oslo when none is given) as of `now`. */
export function readHomecareDay(db: Db, unit: string, now: Date, date?: string): HomecareDay {
  const day = date ?? osloDay(now.getTime());
  const visits = visitsOfDay(db, unit, day).map((row) => shown(row, now.getTime()));
  return { date: day, now: now.toISOString(), routes: routesOf(visits), capacity: homecareCapacity(db, unit, day, visits) };
}
