/**
 * What a corridor screen is sent: the unit with every personal field blanked in main (so names
 * never cross to the page without an unlocked session), its open tasks up to a horizon and the
 * latest tasks finished in the last hours — not the unit's whole task history.
 */

import { RECENT_DONE_LIMIT, type WardState, type WardTasks } from '../../shared/api/commands/ward.js';
import { personalFields } from '../../shared/domain/schema.js';
import type { Stay, UnitState } from '../../shared/domain/types.js';
import type { Db } from '../store/database.js';
import { toBed, toStay, toTask, toUnit, type Row } from '../store/read-model.js';
import { addDays, dayStart, osloDay } from '../../shared/time/oslo.js';
import { nextPathwaySteps } from '../pathway/pathway-view.js';

/** Finished tasks stay on the board this long (the "recently done" list, and undo), the latest RECENT_DONE_LIMIT of them. */
const RECENT_DONE_HOURS = 12;
/** Open tasks are shown until the end of the Oslo day, and at least this far ahead. */
const MIN_AHEAD_HOURS = 6;

const PERSONAL_STAY_FIELDS = personalFields()
  .filter(({ collection }) => collection === 'stay')
  .map(({ field }) => field);

/** A stay with every field the schema marks personal set to null. */
export function corridorStay(stay: Stay): Stay {
  const copy: Record<string, unknown> = { ...stay };
  for (const field of PERSONAL_STAY_FIELDS) if (field in copy) copy[field] = null;
  return copy as unknown as Stay;
}

/** The unit state with personal data blanked (what `unit.state` may hand out without a session). */
export function corridorUnitState(state: UnitState): UnitState {
  return { ...state, stays: state.stays.map(corridorStay) };
}

/** Which tasks a board shows at `now`: open ones due before `horizon`, finished ones since `recent`. */
function taskWindow(now: Date): { horizon: string; recent: string } {
  const endOfDay = dayStart(addDays(osloDay(now.getTime()), 1));
  return {
    horizon: new Date(Math.max(endOfDay, now.getTime() + MIN_AHEAD_HOURS * 3_600_000)).toISOString(),
    recent: new Date(now.getTime() - RECENT_DONE_HOURS * 3_600_000).toISOString(),
  };
}

function countLater(db: Db, unitId: string, horizon: string): number {
  return (db.prepare("SELECT count(*) AS n FROM task WHERE unit = ? AND deleted = 0 AND status = 'open' AND due >= ?").get(unitId, horizon) as { n: number }).n;
}

/** The board's corridor-safe state at `now`. */
export function readWardState(db: Db, unitId: string, now: Date): WardState {
  const unitRow = db.prepare('SELECT * FROM unit WHERE id = ? AND deleted = 0').get(unitId) as Row | undefined;
  const beds = db.prepare('SELECT * FROM bed WHERE unit = ? AND deleted = 0 ORDER BY sort, label').all(unitId) as Row[];
  const stays = db
    .prepare("SELECT * FROM stay WHERE unit = ? AND deleted = 0 AND status = 'active' ORDER BY admittedAt")
    .all(unitId) as Row[];
  const { horizon, recent } = taskWindow(now);
  // Two index range reads (open tasks; the latest tasks finished lately), so a board with years of
  // finished tasks reads as fast as a new one.
  const tasks = db
    .prepare(
      `SELECT * FROM (
         SELECT * FROM task WHERE unit = ? AND status = 'open' AND (due IS NULL OR due < ?) AND deleted = 0
         UNION ALL
         SELECT * FROM (
           SELECT * FROM task WHERE unit = ? AND doneAt >= ? AND status != 'open' AND deleted = 0
           ORDER BY doneAt DESC LIMIT ?
         )
       ) ORDER BY due IS NULL, due, createdAt`,
    )
    .all(unitId, horizon, unitId, recent, RECENT_DONE_LIMIT) as Row[];
  return {
    unit: unitRow ? toUnit(unitRow) : null,
    beds: beds.map(toBed),
    stays: stays.map((row) => corridorStay(toStay(row))),
    tasks: tasks.map(toTask),
    now: now.toISOString(),
    horizon,
    laterTasks: countLater(db, unitId, horizon),
    pathwaySteps: nextPathwaySteps(db, unitId, now.getTime()),
  };
}

/**
 * The named tasks as the board shows them at `now`, by the rules of readWardState: what a screen
 * reads after a synced change that touched only these, instead of the whole unit. (Which finished
 * tasks are the latest RECENT_DONE_LIMIT is the screen's to keep, from what it holds.)
 */
export function readWardTasks(db: Db, unitId: string, ids: readonly string[], now: Date): WardTasks {
  const { horizon, recent } = taskWindow(now);
  const shown = db
    .prepare(
      `SELECT * FROM task WHERE id IN (SELECT value FROM json_each(?)) AND unit = ? AND deleted = 0
         AND ((status = 'open' AND (due IS NULL OR due < ?)) OR (status != 'open' AND doneAt >= ?))`,
    )
    .all(JSON.stringify(ids), unitId, horizon, recent) as Row[];
  const tasks = shown.map(toTask);
  const kept = new Set(tasks.map((task) => task.id));
  const gone = ids.filter((id) => !kept.has(id));
  const answer: WardTasks = { tasks, gone, laterTasks: countLater(db, unitId, horizon) };
  // Only a task with a template code can close a pathway step by recorded work (pathway-view.ts, workCode).
  const coded = db.prepare('SELECT 1 FROM task WHERE id IN (SELECT value FROM json_each(?)) AND template IS NOT NULL LIMIT 1').get(JSON.stringify(ids));
  return coded ? { ...answer, pathwaySteps: nextPathwaySteps(db, unitId, now.getTime()) } : answer;
}
