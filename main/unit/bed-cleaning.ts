/**
 * The bed loop: a bed a patient leaves goes to cleaning with a task that names the bed, due after
 * the unit's cleaning time (`unit.cleaningMinutes`, 60 by default), and completing that task frees
 * the bed. The link is the task's `bed` field, never the words of its title.
 */

import type { FieldValue } from '../../shared/domain/schema.js';
import type { Db } from '../store/database.js';
import type { RecordEdit } from '../store/field-store.js';
import { CLEANING_TEMPLATE } from '../ward/task-templates.js';

/** How long after a discharge the cleaning task falls due when the unit has not said. */
export const DEFAULT_CLEANING_MINUTES = 60;

/** The unit's cleaning time in minutes. */
export function cleaningMinutes(db: Db, unit: string): number {
  const row = db.prepare('SELECT cleaningMinutes FROM unit WHERE id = ? AND deleted = 0').get(unit) as { cleaningMinutes: number | null } | undefined;
  return row?.cleaningMinutes ?? DEFAULT_CLEANING_MINUTES;
}

/** The bed to cleaning and its task, for a patient who left `bed` at `at` (ISO). */
export function cleaningEdits(
  db: Db,
  place: { unit: string; bed: { id: string; label: string }; at: string; taskId: string; scope?: string },
): RecordEdit[] {
  const { unit, bed, at, taskId, scope } = place;
  const due = new Date(Date.parse(at) + cleaningMinutes(db, unit) * 60_000).toISOString();
  const task: Record<string, FieldValue> = {
    unit,
    stay: null,
    bed: bed.id,
    title: `Rengjør rom ${bed.label}`,
    template: CLEANING_TEMPLATE,
    due,
    recurrenceMinutes: null,
    status: 'open',
    createdAt: at,
    deleted: false,
  };
  return [
    { c: 'bed', id: bed.id, scope, fields: { status: 'cleaning' } },
    { c: 'task', id: taskId, scope, fields: task },
  ];
}

/**
 * The edit that frees the bed a completed task cleaned: only while that bed is still in cleaning and
 * holds no patient (someone may have blocked it, or admitted to it, in the meantime).
 */
export function bedFreedBy(db: Db, taskId: string): RecordEdit | undefined {
  const bed = db
    .prepare(
      `SELECT b.id FROM task t JOIN bed b ON b.id = t.bed AND b.unit = t.unit
       WHERE t.id = ? AND b.deleted = 0 AND b.status = 'cleaning'
         AND NOT EXISTS (SELECT 1 FROM stay s WHERE s.bed = b.id AND s.deleted = 0 AND s.status = 'active')`,
    )
    .get(taskId) as { id: string } | undefined;
  return bed ? { c: 'bed', id: bed.id, fields: { status: 'free' } } : undefined;
}
