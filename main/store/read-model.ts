/** Reads a unit's current records from the read-model tables: rows parsed by the field schema, shown as the API's views. */

import { COLLECTION_NAMES, fieldsOf, type CollectionName, type FieldKind, type FieldName, type FieldValue, type RecordOf } from '../../shared/domain/schema.js';
import {
  BED_VIEW,
  stayView,
  TASK_VIEW,
  UNIT_VIEW,
  viewOf,
  type Bed,
  type Stay,
  type Task,
  type Unit,
  type UnitState,
} from '../../shared/domain/types.js';
import type { Db } from './database.js';

export type Row = Record<string, string | number | null>;

export function readUnitState(db: Db, unitId: string): UnitState {
  const unitRow = db.prepare('SELECT * FROM unit WHERE id = ? AND deleted = 0').get(unitId) as Row | undefined;
  const beds = db
    .prepare('SELECT * FROM bed WHERE unit = ? AND deleted = 0 ORDER BY sort, label')
    .all(unitId) as Row[];
  const stays = db
    .prepare("SELECT * FROM stay WHERE unit = ? AND deleted = 0 AND status = 'active' ORDER BY admittedAt")
    .all(unitId) as Row[];
  const tasks = db
    .prepare('SELECT * FROM task WHERE unit = ? AND deleted = 0 ORDER BY due IS NULL, due, createdAt')
    .all(unitId) as Row[];
  return {
    unit: unitRow ? toUnit(unitRow) : null,
    beds: beds.map(toBed),
    stays: stays.map(toStay),
    tasks: tasks.map(toTask),
  };
}

/** One unit's lookups by key, for command handlers that must not read the whole unit. */
export function unitLookups(db: Db, unitId: string) {
  const first = <T>(sql: string, convert: (row: Row) => T, ...params: string[]): T | undefined => {
    const row = db.prepare(sql).get(...params) as Row | undefined;
    return row && convert(row);
  };
  const ACTIVE_STAY = "SELECT * FROM stay WHERE unit = ? AND deleted = 0 AND status = 'active'";
  return {
    unit: () => first('SELECT * FROM unit WHERE id = ? AND deleted = 0', toUnit, unitId),
    bedByLabel: (label: string) => first('SELECT * FROM bed WHERE unit = ? AND label = ? AND deleted = 0', toBed, unitId, label),
    activeStay: (id: string) => first(`${ACTIVE_STAY} AND id = ?`, toStay, unitId, id),
    stayInBed: (bedId: string) => first(`${ACTIVE_STAY} AND bed = ?`, toStay, unitId, bedId),
    task: (id: string) => first('SELECT * FROM task WHERE unit = ? AND id = ? AND deleted = 0', toTask, unitId, id),
  };
}

/** A cell as better-sqlite3 returns it (a column the query did not select is undefined). */
type Cell = string | number | bigint | Buffer | null | undefined;

type Reader = (cell: Cell) => FieldValue;

const READ: Record<FieldKind, Reader> = {
  // SQLite has no booleans: the field store writes them as 0/1 (toColumn in field-store.ts).
  bool: (cell) => (cell === null || cell === undefined ? null : cell === 1),
  int: (cell) => (cell === null || cell === undefined || cell === '' ? null : Number(cell)),
  text: (cell) => (cell === null || cell === undefined ? null : String(cell)),
};

/** Each collection's fields and how each is read from its column (a prototype-less object: the fastest lookup per column). */
const READERS = new Map(
  COLLECTION_NAMES.map((collection) => {
    const readers = Object.create(null) as Record<string, Reader | undefined>;
    for (const [field, check] of fieldsOf(collection)) readers[field] = READ[check.kind];
    return [collection, readers];
  }),
);

/** A record with the fields a query selected (every field for `SELECT *`). */
export type Parsed<C extends CollectionName, K extends FieldName<C> = FieldName<C>> = Pick<RecordOf<C>, 'id' | K>;

/**
 * A row of a collection's read-model table as its record (shared/domain/schema.ts `RecordOf`):
 * booleans from 0/1, integers as numbers, null where a column is unset. Only the columns the row
 * holds are read (name them as `K`), so a query of a few columns costs a few. The store wrote only
 * values the schema accepts, so values are not checked again here.
 */
export function parseRow<C extends CollectionName, K extends FieldName<C> = FieldName<C>>(collection: C, row: Readonly<Record<string, Cell>>): Parsed<C, K> {
  const readers = READERS.get(collection);
  const record: Record<string, FieldValue> = { id: String(row.id) };
  if (readers) {
    for (const column in row) {
      const read = readers[column];
      if (read) record[column] = read(row[column]);
    }
  }
  return record as Parsed<C, K>;
}

export const toUnit = (row: Row): Unit => viewOf<'unit', typeof UNIT_VIEW>(parseRow('unit', row), UNIT_VIEW);
export const toBed = (row: Row): Bed => viewOf<'bed', typeof BED_VIEW>(parseRow('bed', row), BED_VIEW);
export const toStay = (row: Row): Stay => stayView(parseRow('stay', row));
export const toTask = (row: Row): Task => viewOf<'task', typeof TASK_VIEW>(parseRow('task', row), TASK_VIEW);
