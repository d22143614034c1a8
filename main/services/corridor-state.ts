/**
 * What a corridor screen is sent: the unit with every personal field blanked in main (so names
 * never cross to the page without an unlocked session), its open tasks up to a horizon and the
 * latest tasks finished in the last hours — not the unit's whole task history.
 */

import type { WardState } from '../../shared/api/commands/ward.js';
import { personalFields } from '../../shared/domain/schema.js';
import type { Stay, UnitState } from '../../shared/domain/types.js';
import type { Db } from '../store/database.js';
import { toBed, toStay, toTask, toUnit, type Row } from '../store/read-model.js';
import { addDays, osloDate, osloInstant } from './oslo-time.js';

/** Finished tasks stay on the board this long (the "recently done" list, and undo). */
const RECENT_DONE_HOURS = 12;
/**
 * …and at most this many, the latest: the page lists at most 10 finished tasks, so a busy shift's
 * hundreds of completions would only grow the screen's memory and every read, never be shown.
 */
export const RECENT_DONE_LIMIT = 20;
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

/** The board's corridor-safe state at `now`. */
export function readWardState(db: Db, unitId: string, now: Date): WardState {
  const unitRow = db.prepare('SELECT * FROM unit WHERE id = ? AND deleted = 0').get(unitId) as Row | undefined;
  const beds = db.prepare('SELECT * FROM bed WHERE unit = ? AND deleted = 0 ORDER BY sort, label').all(unitId) as Row[];
  const stays = db
    .prepare("SELECT * FROM stay WHERE unit = ? AND deleted = 0 AND status = 'active' ORDER BY admittedAt")
    .all(unitId) as Row[];
  const endOfDay = osloInstant(addDays(osloDate(now), 1), 0).getTime();
  const horizon = new Date(Math.max(endOfDay, now.getTime() + MIN_AHEAD_HOURS * 3_600_000)).toISOString();
  const recent = new Date(now.getTime() - RECENT_DONE_HOURS * 3_600_000).toISOString();
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
  const later = db
    .prepare("SELECT count(*) AS n FROM task WHERE unit = ? AND deleted = 0 AND status = 'open' AND due >= ?")
    .get(unitId, horizon) as { n: number };
  return {
    unit: unitRow ? toUnit(unitRow) : null,
    beds: beds.map(toBed),
    stays: stays.map((row) => corridorStay(toStay(row))),
    tasks: tasks.map(toTask),
    now: now.toISOString(),
    horizon,
    laterTasks: later.n,
  };
}
