/**
 * Commands of a home-care base station (issue 15): visits planned in an agreed window, on a route
 * and in an order, started and completed with an outcome; the day by route; the key-box code and
 * access notes revealed per patient; and the leader view's visit figures.
 */

import { z } from 'zod';
import { VISIT_OUTCOMES } from '../../domain/schema.js';
import { command, freeText, isoDate, isoDateTime, recordId, shortText, type Created } from '../schema-parts.js';

export { VISIT_OUTCOMES };
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

/** A visit's status at a moment: before its window, in it, past it unstarted, started, or how it ended. */
export const VISIT_STATUSES = ['planned', 'due', 'late', 'in-progress', ...VISIT_OUTCOMES] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** How a plan repeats: every day, or Monday to Friday, for this many days from the first (that one included). */
export const RECURRENCE_PATTERNS = ['daily', 'weekdays'] as const;

/** The longest agreed window of one visit. */
export const MAX_WINDOW_HOURS = 12;
/** How many days ahead one recurring plan makes visits for. */
export const MAX_RECURRENCE_DAYS = 28;

/** One visit as the base station shows it in corridor form: initials, never a name, key box or note. */
export interface HomecareVisit {
  id: string;
  stay: string | null;
  initials: string;
  title: string;
  template: string | null;
  from: string;
  to: string;
  staffCount: 1 | 2;
  route: string | null;
  order: number | null;
  staff: string | null;
  series: string | null;
  status: VisitStatus;
  /** Started after its window ended, or not started by then. */
  late: boolean;
  startedAt: string | null;
  completedAt: string | null;
}

/** A route of the day with its visits: late ones first, then in the route's order. */
export interface HomecareRoute {
  route: string | null;
  visits: HomecareVisit[];
}

/** The capacity tab in home care's own terms: patients and visits, hours planned vs staff present. */
export interface HomecareCapacity {
  patients: number;
  visitsPlanned: number;
  visitsDone: number;
  visitsNotDone: number;
  visitsLate: number;
  /** Sum over the day's visits not called off of window length × carers, in hours (one decimal). */
  hoursPlanned: number;
  /** Staff registered present over the day's shifts (staffing.set); null when none registered. */
  staffPresent: number | null;
}

export interface HomecareDay {
  date: string;
  now: string;
  routes: HomecareRoute[];
  capacity: HomecareCapacity;
}

/** A patient's key-box code and access notes: personal, revealed to an unlocked screen only (audited). */
export interface VisitAccess {
  stayId: string;
  keyBox: string | null;
  accessNote: string | null;
}

/** A visit template: its code and its usual window on the Oslo clock ("08:00"–"09:00"). */
export interface VisitTemplate {
  id: string;
  from: string;
  to: string;
  staffCount: 1 | 2;
}

/** One unit's visit figures on one day (the leader view): counts only, no patient. */
export interface VisitDayFigures {
  day: string;
  planned: number;
  /** Visits carried out (outcome done) plus visits past their window never started: those that should have happened. */
  due: number;
  /** Of `due`: started within the agreed window and done. */
  withinWindow: number;
  withinWindowPercent: number | null;
  notHome: number;
  refused: number;
  cancelled: number;
  notDone: number;
  notDonePercent: number | null;
}

export interface UnitVisitFigures {
  unit: string;
  name: string;
  /** Home-care capacity as patients and visits, never beds. */
  patients: number;
  visitsToday: number;
  visitsDoneToday: number;
  days: VisitDayFigures[];
}

export interface VisitIndicatorsView {
  asOf: string;
  from: string;
  to: string;
  units: UnitVisitFigures[];
}

/** Why a visit window cannot be planned (it ends before it starts, or lasts longer than the longest agreed window), or null: the command's rule, and the planning form's. */
export function windowProblem(window: { from: string; to: string }): 'end-before-start' | 'too-long' | null {
  const length = Date.parse(window.to) - Date.parse(window.from);
  if (!(length > 0)) return 'end-before-start';
  return length > MAX_WINDOW_HOURS * 3_600_000 ? 'too-long' : null;
}
const windowOk = (v: { from: string; to: string }) => windowProblem(v) === null;
const routeName = shortText(40);
const order = z.int().min(0).max(999);

export const HOMECARE_COMMANDS = {
  'visit.templates': command<VisitTemplate[]>()(z.strictObject({})),
  'visit.plan': command<Created & { ids: string[] }>()(
    z
      .strictObject({
        stayId: recordId,
        /** The agreed window; one already past may be planned (catching up). */
        from: isoDateTime,
        to: isoDateTime,
        title: shortText(120).optional(),
        template: recordId.optional(),
        staffCount: z.union([z.literal(1), z.literal(2)]).optional(),
        route: routeName.optional(),
        order: order.optional(),
        staff: shortText(80).optional(),
        recurrence: z.strictObject({ pattern: z.enum(RECURRENCE_PATTERNS), days: z.int().min(1).max(MAX_RECURRENCE_DAYS) }).optional(),
      })
      .refine(windowOk, { message: `to: the window must end after it starts, at most ${MAX_WINDOW_HOURS} hours later`, path: ['to'] })
      .refine((v) => v.title !== undefined || v.template !== undefined, { message: 'title: give a title or a template', path: ['title'] }),
  ),
  'visit.start': command<Created>()(z.strictObject({ id: recordId })),
  'visit.complete': command<Created>()(
    z.strictObject({ id: recordId, outcome: z.enum(VISIT_OUTCOMES), note: freeText(1000).optional() }),
  ),
  'visit.assign': command<Created>()(
    z
      .strictObject({ id: recordId, staff: shortText(80).nullable().optional(), route: routeName.nullable().optional(), order: order.optional() })
      .refine((v) => v.staff !== undefined || v.route !== undefined || v.order !== undefined, { message: 'give staff, route or order', path: ['staff'] }),
  ),
  'homecare.day': command<HomecareDay>()(z.strictObject({ date: isoDate.optional() })),
  'homecare.access': command<VisitAccess>()(z.strictObject({ stayId: recordId })),
  'homecare.setAccess': command<Created>()(
    z.strictObject({ stayId: recordId, keyBox: freeText(40).optional(), accessNote: freeText(500).optional() }),
  ),
} as const;

/** The leader view's visit figures (hub): per home-care unit and day, over the last `days` whole days. */
export const HOMECARE_LEADER_COMMANDS = {
  'leader.visits': command<VisitIndicatorsView>()(z.strictObject({ unit: recordId.optional(), days: z.int().min(1).max(60).optional() })),
} as const;

export type HomecareCommandName = keyof typeof HOMECARE_COMMANDS;
