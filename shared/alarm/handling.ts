/**
 * The handling rules of an alarm that every replica computes alike (issue 15, points 4 and 5).
 *
 * Accepting: each tap of "Ta" is its own record (an attempt), so two boards accepting at once both
 * keep theirs and both reach every board and the audit log. Who accepted is then not a field two
 * boards overwrite but a choice every replica makes from the same attempts: the earliest stamp wins,
 * ties broken by board and then by the attempt's id. The choice depends only on the set of attempts,
 * never on the order they arrived in (property-tested in test/unit/alarm/handling.test.ts).
 */

import type { HandlingState, Severity } from './vkp-codes.js';

export interface AcceptAttempt {
  id: string;
  alarm: string;
  by: string;
  /** ISO 8601 instant of the tap, from the board's clock. */
  at: string;
  board: string;
}

function earlier(a: AcceptAttempt, b: AcceptAttempt): boolean {
  const at = Date.parse(a.at) - Date.parse(b.at);
  if (at !== 0) return at < 0;
  if (a.board !== b.board) return a.board < b.board;
  return a.id < b.id;
}

/** The attempt that counts for one alarm: the earliest; undefined when nobody accepted it. */
export function winningAttempt(attempts: readonly AcceptAttempt[]): AcceptAttempt | undefined {
  let best: AcceptAttempt | undefined;
  for (const attempt of attempts) if (!best || earlier(attempt, best)) best = attempt;
  return best;
}

/** The moments an alarm's handling reached, from the bundle and from the board. */
export interface HandlingTimes {
  reportedAt: string;
  handlingAt: string | null;
  calloutAt: string | null;
  acceptedAt: string | null;
  closedAt: string | null;
}

/** The state an alarm is in now: the furthest moment it reached. */
export function handlingState(t: HandlingTimes): HandlingState {
  if (t.closedAt) return 'closed';
  if (t.acceptedAt) return 'accepted';
  if (t.calloutAt) return 'callout';
  if (t.handlingAt) return 'handling';
  return 'reported';
}

const seconds = (from: string, to: string | null): number | null => (to === null ? null : Math.round((Date.parse(to) - Date.parse(from)) / 1000));

/**
 * Time to accept: from reported to the first time someone took it (behandles at the response
 * centre, or ok utrykning by home care), in seconds. Time to close: from reported to kvittert.
 */
export function timeToAccept(t: HandlingTimes): number | null {
  const candidates = [t.handlingAt, t.acceptedAt].filter((x): x is string => x !== null).sort((a, b) => Date.parse(a) - Date.parse(b));
  return seconds(t.reportedAt, candidates[0] ?? null);
}

export function timeToClose(t: HandlingTimes): number | null {
  return seconds(t.reportedAt, t.closedAt);
}

/** Minutes an alarm may wait for someone to accept it before the unit's boards show a banner. */
export type AcceptLimits = Readonly<Record<Severity, number>>;
export const DEFAULT_ACCEPT_LIMITS: AcceptLimits = { red: 5, yellow: 15, green: 60 };

/** A unit's own limits (its record's `alarmAccept*` fields), each falling back to the default. */
export function unitAcceptLimits(unit: { alarmAcceptRed: number | null; alarmAcceptYellow: number | null; alarmAcceptGreen: number | null } | undefined): AcceptLimits {
  return {
    red: unit?.alarmAcceptRed ?? DEFAULT_ACCEPT_LIMITS.red,
    yellow: unit?.alarmAcceptYellow ?? DEFAULT_ACCEPT_LIMITS.yellow,
    green: unit?.alarmAcceptGreen ?? DEFAULT_ACCEPT_LIMITS.green,
  };
}

/** Whether an alarm has waited longer than its severity allows without being accepted or closed. */
export function notAcceptedInTime(
  alarm: { severity: Severity; times: HandlingTimes },
  now: Date,
  limits: AcceptLimits = DEFAULT_ACCEPT_LIMITS,
): boolean {
  const { times } = alarm;
  if (times.acceptedAt || times.closedAt || times.handlingAt) return false;
  return now.getTime() - Date.parse(times.reportedAt) > limits[alarm.severity] * 60_000;
}

/** The leader's figures for one unit and severity: no person in them, only counts and medians. */
export interface AlarmFigures {
  severity: Severity;
  alarms: number;
  /** Median seconds from reported to accepted, over the alarms accepted; null when none. */
  medianAcceptSeconds: number | null;
  medianCloseSeconds: number | null;
  escalated: number;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

export function alarmFigures(alarms: readonly { severity: Severity; times: HandlingTimes; escalatedAt: string | null }[]): AlarmFigures[] {
  return (['red', 'yellow', 'green'] as const).map((severity) => {
    const mine = alarms.filter((a) => a.severity === severity);
    return {
      severity,
      alarms: mine.length,
      medianAcceptSeconds: median(mine.map((a) => timeToAccept(a.times)).filter((s): s is number => s !== null)),
      medianCloseSeconds: median(mine.map((a) => timeToClose(a.times)).filter((s): s is number => s !== null)),
      escalated: mine.filter((a) => a.escalatedAt !== null).length,
    };
  });
}
