/** The handover report's resident lines: every stay on the unit in the shift, changed or not, by bed. */

import type { HandoverItem, HandoverResident, HandoverTask, ShiftRef } from '../../shared/api/commands/ward.js';
import { RISK_FLAGS } from '../../shared/domain/schema.js';
import { shiftSpanAt } from '../../shared/time/oslo.js';
import type { Db } from '../store/database.js';

interface StayRow {
  id: string;
  initials: string | null;
  shielded: number | null;
  label: string | null;
  adl: number | null;
  nurse: string | null;
  [flag: string]: string | number | null;
}

interface TaskRow {
  stay: string;
  title: string;
  due: string;
  status: string;
  doneAt: string | null;
}

/** The instants a report is read against: the shift, up to when it counts (its end or now), and now. */
export interface ReportSpan {
  ref: ShiftRef;
  until: string;
  now: Date;
}

/**
 * One line per resident on the unit at some time in the shift: admitted before it ended and not
 * discharged before it began. Changes are the shift's items for the stay; due runs from now to the
 * end of the shift after the one shown (the receiver's); "overdue in the shift" is a task past due
 * at some moment of the shift (done late, or still open), apart from "overdue now".
 */
export function residentLines(db: Db, unit: string, span: ReportSpan, items: HandoverItem[]): HandoverResident[] {
  const { ref, until, now } = span;
  const stays = db
    .prepare(
      `SELECT s.*, b.label FROM stay s LEFT JOIN bed b ON b.id = s.bed
        WHERE s.unit = ? AND s.deleted = 0 AND s.admittedAt < ? AND (s.dischargedAt IS NULL OR s.dischargedAt >= ?)
        ORDER BY b.sort, b.label, s.admittedAt`,
    )
    .all(unit, until, ref.from) as StayRow[];
  const tasks = db
    .prepare("SELECT stay, title, due, status, doneAt FROM task WHERE unit = ? AND deleted = 0 AND stay IS NOT NULL AND status != 'skipped' ORDER BY due")
    .all(unit) as TaskRow[];
  const nowIso = now.toISOString();
  const dueUntil = shiftSpanAt(new Date(ref.to).getTime()).to;
  const pick = (list: TaskRow[], test: (task: TaskRow) => boolean): HandoverTask[] =>
    list.filter(test).map((task) => ({ title: task.title, due: task.due }));

  return stays.map((stay) => {
    const own = tasks.filter((task) => task.stay === stay.id);
    const open = own.filter((task) => task.status === 'open');
    return {
      stayId: stay.id,
      place: stay.label,
      initials: stay.shielded === 1 ? null : stay.initials,
      flags: RISK_FLAGS.filter((flag) => stay[flag] === 1),
      adl: stay.adl,
      nurse: stay.nurse,
      changes: items.filter((item) => item.stayId === stay.id && item.kind !== 'overdue' && item.kind !== 'overdue-in-shift'),
      due: pick(open, (task) => task.due >= nowIso && task.due < dueUntil),
      overdueNow: pick(open, (task) => task.due < nowIso),
      overdueInShift: pick(own, (task) => overdueInShift(task, ref.from, until)),
    };
  });
}

/** Past due at some moment in [from, until): due before the end and not done before it fell due (nor before the shift). */
export function overdueInShift(task: { due: string; status: string; doneAt: string | null }, from: string, until: string): boolean {
  if (task.due >= until) return false;
  if (task.status === 'open') return true;
  return task.status === 'done' && task.doneAt !== null && task.doneAt > task.due && task.doneAt > from;
}
