/**
 * Commands of a home-care board's alarm strip (issue 15, point 4; docs/alarms.md). The hub writes
 * alarms from VKP bundles; the board lists them and accepts, escalates and closes them. The
 * exported Composition of a closed alarm goes to the record system (`alarm.export`).
 */

import { z } from 'zod';
import type { AlarmFigures } from '../../alarm/handling.js';
import type { AlarmKind, HandlingState, Severity } from '../../alarm/vkp-codes.js';
import { command, recordId, shortText, type Created } from '../schema-parts.js';

/** One alarm as the strip shows it: never a name; initials only on an unlocked or unshielded screen. */
export interface AlarmView {
  id: string;
  code: string;
  /** The sender's text for the code, shown raw when the code table does not know the code. */
  codeText: string | null;
  severity: Severity;
  kind: AlarmKind;
  state: HandlingState;
  /** Null for an alarm not matched to a patient of the unit ("ukjent bruker"). */
  initials: string | null;
  /** The route that goes: the matched patient's, or one given on the board (`alarm.assign`); null shows "Ingen rute". */
  route: string | null;
  reportedAt: string;
  acceptedAt: string | null;
  acceptedBy: string | null;
  /** How many boards tried to accept it (all attempts are in the audit log). */
  acceptAttempts: number;
  escalatedAt: string | null;
  closedAt: string | null;
  /** Waited longer than its severity allows without anyone taking it: the banner shows. */
  overdue: boolean;
}

export interface AlarmList {
  /** Patient alarms not closed, the most urgent first. */
  open: AlarmView[];
  /** Technical events (battery, device offline), not closed: the muted list. */
  technical: AlarmView[];
  /** Whether any open alarm waited too long: the banner on every board of the unit. */
  banner: boolean;
  /** The unit's routes with visits within 12 hours of now: what an alarm with no route can be given. */
  routes: string[];
}

export const ALARM_COMMANDS = {
  'alarm.list': command<AlarmList>()(z.strictObject({})),
  'alarm.accept': command<Created>()(z.strictObject({ id: recordId })),
  'alarm.escalate': command<Created>()(z.strictObject({ id: recordId, reason: shortText(500) })),
  'alarm.close': command<Created>()(z.strictObject({ id: recordId, summary: shortText(2000) })),
  /** Gives an open alarm to a route (an "ukjent bruker" alarm has none), or takes it off one (null). */
  'alarm.assign': command<Created>()(z.strictObject({ id: recordId, route: shortText(40).nullable() })),
} as const;

/** One unit's alarm figures for the leader view: counts and medians only, no person (issue 15, point 5). */
export interface AlarmUnitFigures {
  unit: string;
  name: string;
  alarms: number;
  /** Patient alarms reported per day over the window. */
  perDay: number;
  /** Escalated / alarms, as a share 0–1; null without alarms. */
  escalatedShare: number | null;
  /** Open alarms past their severity's accept limit now: the leader view's banner. */
  notAccepted: number;
  bySeverity: AlarmFigures[];
}

export interface AlarmLeaderView {
  /** The window, in days up to now. */
  days: number;
  units: AlarmUnitFigures[];
}
