/**
 * Handover as a report: one line per resident (handover-residents.ts) and what changed on the unit
 * during a shift — admissions, discharges, transfers, flags set or cleared, notes — with the tasks
 * overdue in the shift kept apart from those overdue now; the shift leader's notes; the two
 * acknowledgements (giver and receiver). Built from synced data only, so every board shows the same.
 */

import type { HandoverItem, HandoverSide, HandoverView, Shift, ShiftRef } from '../../shared/api/commands/ward.js';
import type { Created } from '../../shared/api/schema-parts.js';
import { fail, ok, type Result } from '../../shared/api/result.js';
import { RISK_FLAGS, type FieldValue } from '../../shared/domain/schema.js';
import { decodeStamp, encodeStamp } from '../../shared/sync/hlc.js';
import type { Db } from '../store/database.js';
import type { CommandContext } from '../replica/command-context.js';
import { previousShift, shiftSpanAt } from '../../shared/time/oslo.js';
import { overdueInShift, residentLines } from './handover-residents.js';
import { shiftRecordId } from './staffing.js';

/** In the first hour of a shift the handover shown is the one just ended: that is what is handed over. */
const HANDOVER_WINDOW_MS = 60 * 60_000;

/**
 * A flag written this soon after the stay's admission fields was set at admission, not changed
 * later (both carry the stamps of one commit, or of the same replicated batch).
 */
const SAME_COMMIT_MS = 1000;

/** The shift whose handover a screen opens by default at `now`. */
export function defaultHandoverShift(now: Date): ShiftRef {
  const running = shiftSpanAt(now.getTime());
  return now.getTime() - new Date(running.from).getTime() < HANDOVER_WINDOW_MS ? previousShift(running) : running;
}

interface StayInfo {
  id: string;
  initials: string | null;
  shielded: number | null;
  label: string | null;
  admittedAt: string | null;
  dischargedAt: string | null;
}

/** The report: the resident lines, and everything that changed during the shift, oldest first, then the overdue tasks. */
export function readHandover(db: Db, unit: string, ref: ShiftRef, now: Date, withNotes: boolean): HandoverView {
  const from = ref.from;
  // Up to the shift's end, or up to now (inclusive) while it runs.
  const until = new Date(Math.min(new Date(ref.to).getTime(), now.getTime() + 1)).toISOString();
  const stays = new Map(
    (
      db
        .prepare(
          'SELECT s.id, s.initials, s.shielded, b.label, s.admittedAt, s.dischargedAt FROM stay s LEFT JOIN bed b ON b.id = s.bed WHERE s.unit = ? AND s.deleted = 0',
        )
        .all(unit) as StayInfo[]
    ).map((s) => [s.id, s]),
  );
  const line = (kind: HandoverItem['kind'], at: string, stayId: string | null, detail: string | null): HandoverItem => {
    const stay = stayId === null ? undefined : stays.get(stayId);
    return {
      kind,
      at,
      stayId: stay ? stay.id : null,
      place: stay?.label ?? null,
      initials: stay && stay.shielded !== 1 ? stay.initials : null,
      detail,
    };
  };
  const inShift = (iso: string | null): iso is string => iso !== null && iso >= from && iso < until;
  const items: HandoverItem[] = [];

  for (const stay of stays.values()) {
    if (inShift(stay.admittedAt)) items.push(line('admission', stay.admittedAt, stay.id, null));
    if (inShift(stay.dischargedAt)) items.push(line('discharge', stay.dischargedAt, stay.id, null));
  }
  items.push(...transferLines(db, unit, inShift, line));
  items.push(...fieldLines(db, unit, from, until, stays, line));
  items.sort((a, b) => a.at.localeCompare(b.at));

  const tasks = db
    .prepare("SELECT stay, title, due, status, doneAt FROM task WHERE unit = ? AND deleted = 0 AND status != 'skipped' AND due < ? ORDER BY due")
    .all(unit, until > now.toISOString() ? until : now.toISOString()) as { stay: string | null; title: string; due: string; status: string; doneAt: string | null }[];
  for (const task of tasks) if (overdueInShift(task, from, until)) items.push(line('overdue-in-shift', task.due, task.stay, task.title));
  for (const task of tasks) if (task.status === 'open' && task.due < now.toISOString()) items.push(line('overdue', task.due, task.stay, task.title));

  const record = db
    .prepare('SELECT notes, givenBy, givenAt, acknowledgedBy, acknowledgedAt FROM handover WHERE id = ? AND deleted = 0')
    .get(shiftRecordId('handover', unit, ref.date, ref.shift)) as HandoverRecord | undefined;
  return {
    ...ref,
    items,
    residents: residentLines(db, unit, { ref, until, now }, items),
    givenBy: record?.givenBy ?? null,
    givenAt: record?.givenAt ?? null,
    acknowledgedBy: record?.acknowledgedBy ?? null,
    acknowledgedAt: record?.acknowledgedAt ?? null,
    notes: withNotes ? (record?.notes ?? null) : null,
  };
}

interface HandoverRecord {
  notes: string | null;
  givenBy: string | null;
  givenAt: string | null;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
}

type Line = (kind: HandoverItem['kind'], at: string, stayId: string | null, detail: string | null) => HandoverItem;

/** Transfers into or out of the unit (the flow issue's table, read only): each step taken in the shift. */
function transferLines(db: Db, unit: string, inShift: (iso: string | null) => iso is string, line: Line): HandoverItem[] {
  const rows = db
    .prepare(
      'SELECT stay, fromUnit, toUnit, requestedAt, acceptedAt, completedAt, cancelledAt FROM transfer WHERE (fromUnit = ? OR toUnit = ?) AND deleted = 0',
    )
    .all(unit, unit) as Record<string, string | null>[];
  const items: HandoverItem[] = [];
  for (const row of rows) {
    const kind = row.toUnit === unit ? 'transfer-in' : 'transfer-out';
    for (const step of ['requested', 'accepted', 'completed', 'cancelled'] as const) {
      const at = row[`${step}At`];
      if (inShift(at)) items.push(line(kind, at, row.stay, step));
    }
  }
  return items;
}

/**
 * Flags and notes changed in the shift, read from the replicated field stamps (the HLC wall time
 * of the write that won), so a change made on another board of the unit shows here too.
 */
function fieldLines(db: Db, unit: string, from: string, until: string, stays: Map<string, StayInfo>, line: Line): HandoverItem[] {
  const low = encodeStamp({ wall: new Date(from).getTime(), counter: 0, node: '' });
  const high = encodeStamp({ wall: new Date(until).getTime(), counter: 0, node: '' });
  const fields = [...RISK_FLAGS, 'note'];
  const rows = db
    .prepare(
      `SELECT f.id, f.field, f.value, f.hlc, a.hlc AS admittedHlc FROM field_state f
         LEFT JOIN field_state a ON a.collection = 'stay' AND a.id = f.id AND a.field = 'initials'
       WHERE f.collection = 'stay' AND f.scope = ? AND f.hlc >= ? AND f.hlc < ?
         AND f.field IN (${fields.map(() => '?').join(', ')})`,
    )
    .all(unit, low, high, ...fields) as { id: string; field: string; value: string; hlc: string; admittedHlc: string | null }[];
  const items: HandoverItem[] = [];
  for (const row of rows) {
    const stay = stays.get(row.id);
    const wall = decodeStamp(row.hlc)?.wall;
    if (!stay || wall === undefined) continue;
    const admittedWall = row.admittedHlc === null ? undefined : decodeStamp(row.admittedHlc)?.wall;
    if (admittedWall !== undefined && wall - admittedWall < SAME_COMMIT_MS) continue;
    const at = new Date(wall).toISOString();
    if (row.field === 'note') items.push(line('note', at, row.id, null));
    else items.push(line(JSON.parse(row.value) === true ? 'flag-set' : 'flag-cleared', at, row.id, row.field));
  }
  return items;
}

/** The shift leader's notes for a shift. */
export function writeHandoverNotes(ctx: CommandContext, input: { date: string; shift: Shift; notes: string }): Created {
  const id = shiftRecordId('handover', ctx.unit, input.date, input.shift);
  ctx.store.commit({ actor: ctx.actor, action: 'handover.setNotes', collection: 'handover', record: id }, [
    { c: 'handover', id, fields: { unit: ctx.unit, date: input.date, shift: input.shift, notes: input.notes, deleted: false } },
  ]);
  return { id };
}

/**
 * One side's acknowledgement: the outgoing leader gave the report (`giver`), the incoming leader
 * received it (`receiver`); who and when, synced and in the audit log. One person cannot be both.
 */
export function acknowledgeHandover(
  ctx: CommandContext,
  input: { date: string; shift: Shift; side?: HandoverSide },
  by: string,
): Result<Created> {
  const side = input.side ?? 'receiver';
  const id = shiftRecordId('handover', ctx.unit, input.date, input.shift);
  const record = ctx.store.db.prepare('SELECT givenBy, acknowledgedBy FROM handover WHERE id = ? AND deleted = 0').get(id) as
    | { givenBy: string | null; acknowledgedBy: string | null }
    | undefined;
  const other = side === 'giver' ? record?.acknowledgedBy : record?.givenBy;
  if (other === by) return fail('conflict', `${by} already acknowledged the other side of this handover`);
  const at = ctx.now().toISOString();
  const fields: Record<string, FieldValue> = side === 'giver' ? { givenBy: by, givenAt: at } : { acknowledgedBy: by, acknowledgedAt: at };
  ctx.store.commit(
    {
      actor: by,
      action: side === 'giver' ? 'handover.give' : 'handover.acknowledge',
      collection: 'handover',
      record: id,
      detail: `${input.date} ${input.shift}`,
    },
    [{ c: 'handover', id, fields: { unit: ctx.unit, date: input.date, shift: input.shift, ...fields, deleted: false } }],
  );
  return ok({ id });
}
