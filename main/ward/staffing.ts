/**
 * Staffing per shift: planned and present. One record per unit and shift with an id every board
 * derives the same way, so two screens editing the same shift merge field by field.
 */

import type { Shift } from '../../shared/api/commands/ward.js';
import type { Created } from '../../shared/api/schema-parts.js';
import type { FieldValue } from '../../shared/domain/schema.js';
import type { Db } from '../store/database.js';
import type { CommandContext } from '../replica/command-context.js';

/** The record id of a unit's shift (staffing, handover): the same on every replica. */
export function shiftRecordId(prefix: 'staffing' | 'handover', unit: string, date: string, shift: Shift): string {
  return `${prefix}-${unit}-${date}-${shift}`;
}

export interface Staffing {
  planned: number | null;
  present: number | null;
}

/** Planned and present staff of one shift, null where nobody has said. */
export function readStaffing(db: Db, unit: string, date: string, shift: Shift): Staffing {
  const row = db
    .prepare('SELECT planned, present FROM staffing WHERE unit = ? AND date = ? AND shift = ? AND deleted = 0 ORDER BY id LIMIT 1')
    .get(unit, date, shift) as Staffing | undefined;
  return row ?? { planned: null, present: null };
}

/** Sets planned and/or present staff of a shift. */
export function writeStaffing(
  ctx: CommandContext,
  input: { date: string; shift: Shift; planned?: number; present?: number },
): Created {
  const id = shiftRecordId('staffing', ctx.unit, input.date, input.shift);
  const fields: Record<string, FieldValue> = { unit: ctx.unit, date: input.date, shift: input.shift, deleted: false };
  if (input.planned !== undefined) fields.planned = input.planned;
  if (input.present !== undefined) fields.present = input.present;
  const detail = [input.planned === undefined ? '' : `planned=${input.planned}`, input.present === undefined ? '' : `present=${input.present}`]
    .filter(Boolean)
    .join(' ');
  ctx.store.commit({ actor: ctx.actor, action: 'staffing.set', collection: 'staffing', record: id, detail }, [{ c: 'staffing', id, fields }]);
  return { id };
}
