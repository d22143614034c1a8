/**
 * Commands of the ward board UI (issue: the ward board): the corridor-safe state, staff PINs and
 * screen sessions, revealing names, task templates and undo, capacity, staffing, handover, audit.
 */

import { z } from 'zod';
import type { RiskFlags, Task, UnitState } from '../../domain/types.js';
import type { SyncStatus } from '../sync-status.js';
import type { PathwayStepView } from './pathway.js';
import { SHIFT_NAMES, type ShiftName, type ShiftSpan } from '../../time/oslo.js';
import { command, freeText, isoDate, person, recordId, type Created } from '../schema-parts.js';

/** Staff roles on a board: every role may unlock names; leaders acknowledge handover and staff a shift. */
export const STAFF_ROLES = ['nurse', 'shift-leader', 'unit-leader'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The shifts of a day in Europe/Oslo, as the one calendar defines them (shared/time/oslo.ts). */
export const SHIFTS = SHIFT_NAMES;
export type Shift = ShiftName;

/** Languages the board speaks; task templates are written in the language the screen shows. */
export const LANGUAGES = ['nb', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * An unlocked screen's proof: the token `session.unlock` returned and the screen it was issued to.
 * Any board command may carry it (`session`, beside the command's own fields); main checks it
 * against the command's access rule (access.ts) and files the edit under that staff member.
 */
export const sessionRef = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, 'a session token'),
  screen: recordId,
});
export type SessionRef = z.infer<typeof sessionRef>;

const pin = z.string().regex(/^\d{4,8}$/, '4 to 8 digits');

/** A staff member as the board lists them (never the PIN hash). */
export interface StaffMember {
  id: string;
  name: string;
  role: StaffRole;
}

/** A staff member on the board's list, with whether wrong PINs have locked them out (ISO end). */
export interface ListedStaff extends StaffMember {
  lockedUntil: string | null;
}

/** What `session.unlock` answers: the token for this screen, who it is, and when it lapses if idle. */
export interface SessionGrant {
  token: string;
  staff: StaffMember;
  /** Idle seconds after which the screen relocks (the server lets the token lapse a little later). */
  relockSeconds: number;
  /** The token's hard end, whatever the activity (ISO). */
  expiresAt: string;
}

/** The personal data of one stay, only ever sent to an unlocked screen (and audited). */
export interface RevealedStay {
  id: string;
  shielded: boolean;
  /** Null for a shielded stay unless its reveal was asked for on its own, deliberately. */
  name: string | null;
  birthDate: string | null;
  note: string | null;
}

export interface WardSettings {
  /** Idle seconds before an unlocked screen locks itself again (default 90). */
  relockSeconds: number;
  /** Wrong PINs in a row for one staff member before that member is locked out (default 5). */
  pinMaxAttempts: number;
  /** How long a staff member stays locked out after too many wrong PINs (default 300 s). */
  pinLockoutSeconds: number;
  /**
   * A staff-room screen: an unlock shows every patient's name on the overview (one access-log
   * entry), not only on the card a nurse taps. Per board, off by default (a corridor screen).
   */
  revealAll: boolean;
  /** 1: a new transfer request to this unit plays a short sound on this screen (default 0, off). */
  transferChime: number;
}

/** The board's state: the unit in corridor form (names null), open tasks and the recently finished. */
/**
 * A board sends at most this many finished tasks, the latest (the page lists at most 10): a busy
 * shift's hundreds of completions would only grow the screen's memory and every read.
 */
export const RECENT_DONE_LIMIT = 20;

/**
 * Some tasks read again after a synced change named them: those still on the board, the ids no
 * longer on it (deleted, moved past the horizon, finished long ago), and the count beyond it.
 */
/**
 * A patient's earliest open pathway step (docs/pathways.md), for the overview's bed card: it shows
 * the step's chip once the step is due within 24 hours or overdue, by the board's clock.
 */
export type NextPathwayStep = Pick<PathwayStepView, 'title' | 'due' | 'state'> & { stayId: string };

export interface WardTasks {
  tasks: Task[];
  gone: string[];
  laterTasks: number;
  /**
   * Read again when a touched task carries a template code, as such a task done (or reopened) may
   * close (or reopen) a step by recorded work; absent when none does: the steps are as they were.
   */
  pathwaySteps?: NextPathwayStep[];
}

export type WardState = UnitState & {
  /** The board's own clock (ISO), so screens with a wrong clock still count overdue right. */
  now: string;
  /** Open tasks due after this (ISO) are left out; the count says how many. */
  horizon: string;
  laterTasks: number;
  pathwaySteps: NextPathwayStep[];
};

export interface TaskTemplate {
  id: string;
  title: string;
  /** Where the task belongs: a patient, the unit, or either. */
  target: 'stay' | 'unit';
  dueInMinutes: number;
  recurrenceMinutes: number | null;
}

/** A shift with the ISO instants of its start and end. */
export type ShiftRef = ShiftSpan;

export type WorkloadLevel = 'normal' | 'high' | 'very-high' | 'unknown';

export interface TrendDay {
  date: string;
  /** Occupied places at midnight / places x 100, or null on a unit without places. */
  occupancy: number | null;
  tasksDue: number;
  tasksOnTime: number;
  /** tasksOnTime / tasksDue x 100, or null when nothing was due. */
  onTimePercent: number | null;
}

export interface CapacityView {
  shift: ShiftRef;
  places: number;
  /** `reserved`: free beds promised to an incoming transfer, not counted in `free`. */
  beds: { free: number; occupied: number; blocked: number; cleaning: number; reserved: number };
  patients: number;
  expectedAdmissionsToday: number;
  expectedDischargesToday: number;
  staffing: { planned: number | null; present: number | null };
  adlPoints: number;
  /** ADL points per staff member present, and what that means. */
  workload: { perStaff: number | null; level: WorkloadLevel };
  trend: TrendDay[];
}

export const HANDOVER_KINDS = [
  'admission',
  'discharge',
  'transfer-in',
  'transfer-out',
  'flag-set',
  'flag-cleared',
  'overdue',
  'overdue-in-shift',
  'note',
] as const;
export type HandoverKind = (typeof HANDOVER_KINDS)[number];

/** One line of the handover: what happened, where, to whom (initials only; null when shielded). */
export interface HandoverItem {
  kind: HandoverKind;
  at: string;
  stayId: string | null;
  place: string | null;
  initials: string | null;
  /** The flag, task title or transfer status the line is about. */
  detail: string | null;
}

/** A task a resident line names: its title and when it falls (or fell) due. */
export interface HandoverTask {
  title: string;
  due: string;
}

/**
 * One resident's line of the handover report (every stay on the unit in the shift, changed or
 * not): the situation (risk flags, ADL, responsible nurse), what changed in the shift, what is due
 * before the next shift ends, and the two overdue counts kept apart.
 */
export interface HandoverResident {
  stayId: string;
  place: string | null;
  /** Null when shielded. */
  initials: string | null;
  /** The risk flags set (the keys of RiskFlags: no import of the schema here, which imports this file). */
  flags: (keyof RiskFlags)[];
  adl: number | null;
  nurse: string | null;
  /** The shift's changes for this resident, oldest first (the overdue kinds not among them). */
  changes: HandoverItem[];
  /** Open tasks due from now to the end of the next shift, soonest first. */
  due: HandoverTask[];
  /** Open tasks past due now. */
  overdueNow: HandoverTask[];
  /** Tasks that fell due in the shift and were not done by then (done late, or still open). */
  overdueInShift: HandoverTask[];
}

/** The two sides of a handover: the outgoing leader gives it, the incoming leader receives it. */
export const HANDOVER_SIDES = ['giver', 'receiver'] as const;
export type HandoverSide = (typeof HANDOVER_SIDES)[number];

export interface HandoverView extends ShiftRef {
  /** The unit's changes and overdue tasks, oldest first, overdue now last. */
  items: HandoverItem[];
  /** The report: one line per resident, by bed. */
  residents: HandoverResident[];
  /** The outgoing shift leader's acknowledgement that the report was given. */
  givenBy: string | null;
  givenAt: string | null;
  /** The incoming shift leader's acknowledgement that it was received. */
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  /** The shift leader's notes; null unless the call carried an unlocked session. */
  notes: string | null;
}

export interface AuditLine {
  seq: number;
  at: string;
  actor: string;
  action: string;
  collection: string | null;
  record: string | null;
  /** "101 · KN" for a stay or task still on the unit, so the leader need not look ids up. */
  place: string | null;
  board: string;
  /** The entry was made on the board that reads the log. */
  thisBoard: boolean;
  detail: string | null;
}

const shiftRef = { date: isoDate, shift: z.enum(SHIFTS) };
const count = z.int().min(0).max(200);


export const WARD_COMMANDS = {
  'ward.state': command<WardState>()(z.strictObject({})),
  'ward.tasks': command<WardTasks>()(z.strictObject({ ids: z.array(recordId).min(1).max(200) })),
  'ward.settings': command<WardSettings>()(z.strictObject({})),
  'ward.configure': command<WardSettings>()(
    z.strictObject({
      relockSeconds: z.int().min(2).max(900).optional(),
      pinMaxAttempts: z.int().min(1).max(20).optional(),
      pinLockoutSeconds: z.int().min(10).max(86_400).optional(),
      revealAll: z.boolean().optional(),
      transferChime: z.union([z.literal(0), z.literal(1)]).optional(),
    }),
  ),
  'sync.state': command<SyncStatus>()(z.strictObject({})),

  'staff.list': command<ListedStaff[]>()(z.strictObject({})),
  'staff.set': command<Created>()(
    z.strictObject({
      id: recordId.optional(),
      name: person,
      role: z.enum(STAFF_ROLES),
      pin: pin.optional(),
    }),
  ),
  'staff.remove': command<Created>()(z.strictObject({ id: recordId })),
  /** A unit leader lets a staff member whose PIN was guessed at try again before the lockout ends. */
  'staff.release': command<Created>()(z.strictObject({ id: recordId })),

  'session.unlock': command<SessionGrant>()(z.strictObject({ staffId: recordId, pin, screen: recordId })),
  'session.touch': command<{ expiresAt: string }>()(z.strictObject({ session: sessionRef })),
  'session.lock': command<{ locked: true }>()(
    z.strictObject({ session: sessionRef, reason: z.enum(['idle', 'manual']).optional() }),
  ),
  'stay.reveal': command<RevealedStay[]>()(
    z.strictObject({
      stayIds: z.array(recordId).min(1).max(500),
      /** The deliberate second tap: reveals a shielded stay, and only one stay at a time. */
      includeShielded: z.boolean().optional(),
      /**
       * The overview of a staff-room screen (`revealAll` on): the names of these stays, no birth
       * date or note, under one audit entry. Without it a reveal is of one patient.
       */
      overview: z.literal(true).optional(),
    }),
  ),
  'stay.note': command<Created>()(
    z.strictObject({ stayId: recordId, note: freeText(1000) }),
  ),
  'stay.plan': command<Created>()(
    z.strictObject({
      stayId: recordId,
      nurse: freeText(80).nullable().optional(),
      expectedDischarge: isoDate.nullable().optional(),
      adl: z.int().min(1).max(5).nullable().optional(),
    }),
  ),

  'task.templates': command<TaskTemplate[]>()(z.strictObject({ language: z.enum(LANGUAGES).optional() })),
  'task.fromTemplate': command<Created>()(
    z.strictObject({
      template: recordId,
      stayId: recordId.optional(),
      language: z.enum(LANGUAGES).optional(),
    }),
  ),
  'task.reopen': command<Created>()(z.strictObject({ id: recordId })),

  'capacity.view': command<CapacityView>()(z.strictObject({ days: z.int().min(1).max(60).optional() })),
  'staffing.set': command<Created>()(
    z.strictObject({ ...shiftRef, planned: count.optional(), present: count.optional() }),
  ),

  'handover.view': command<HandoverView>()(
    z.strictObject({ date: isoDate.optional(), shift: z.enum(SHIFTS).optional() }),
  ),
  'handover.setNotes': command<Created>()(
    z.strictObject({ ...shiftRef, notes: freeText(4000) }),
  ),
  /** `side` giver: the outgoing leader; receiver (the default): the incoming one. */
  'handover.acknowledge': command<Created>()(z.strictObject({ ...shiftRef, side: z.enum(HANDOVER_SIDES).optional() })),

  'audit.list': command<AuditLine[]>()(
    z.strictObject({
      limit: z.int().min(1).max(500).optional(),
      before: z.int().min(1).optional(),
    }),
  ),
} as const;
