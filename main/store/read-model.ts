/** Reads a unit's current records from the field tables into the API's plain-JSON shapes. */

import { RISK_FLAGS } from '../../shared/domain/schema.js';
import type { Bed, RiskFlags, Stay, Task, Unit, UnitState } from '../../shared/domain/types.js';
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

const str = (value: string | number | null | undefined): string | null =>
  value === null || value === undefined ? null : String(value);
const num = (value: string | number | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value);

export function toUnit(row: Row): Unit {
  return {
    id: String(row.id),
    municipality: str(row.municipality) ?? '',
    name: str(row.name) ?? '',
    kind: (str(row.kind) ?? 'nursing-home') as Unit['kind'],
    capacity: num(row.capacity) ?? 0,
  };
}

export function toBed(row: Row): Bed {
  return {
    id: String(row.id),
    unit: String(row.unit),
    label: str(row.label) ?? '',
    room: str(row.room) ?? '',
    status: (str(row.status) ?? 'free') as Bed['status'],
    sort: num(row.sort) ?? 0,
  };
}

export function toStay(row: Row): Stay {
  const flags = Object.fromEntries(RISK_FLAGS.map((flag) => [flag, row[flag] === 1])) as RiskFlags;
  return {
    id: String(row.id),
    unit: String(row.unit),
    bed: str(row.bed),
    initials: str(row.initials) ?? '',
    name: str(row.name),
    birthDate: str(row.birthDate),
    flags,
    adl: num(row.adl),
    nurse: str(row.nurse),
    admittedAt: str(row.admittedAt) ?? '',
    expectedDischarge: str(row.expectedDischarge),
    dischargeReadySince: str(row.dischargeReadySince),
    dischargedAt: str(row.dischargedAt),
    shielded: row.shielded === 1,
    status: (str(row.status) ?? 'active') as Stay['status'],
  };
}

export function toTask(row: Row): Task {
  return {
    id: String(row.id),
    unit: String(row.unit),
    stay: str(row.stay),
    title: str(row.title) ?? '',
    due: str(row.due),
    recurrenceMinutes: num(row.recurrenceMinutes),
    status: (str(row.status) ?? 'open') as Task['status'],
    doneBy: str(row.doneBy),
    doneAt: str(row.doneAt),
    createdAt: str(row.createdAt) ?? '',
  };
}
