/**
 * What the leader view reads from the hub's replica, kept in memory between requests so a
 * municipality's history is not re-read on every edit. Temporary triggers on this connection (never
 * in the file, never on a board) note which unit and day each synced write touched; the next request
 * re-reads only those. Rows are parsed by the field schema (store/read-model.ts `parseRow`).
 * Patients' names, birth dates and notes are never selected.
 */

import { addDays, dayStart, instantOf, osloDay } from '../../shared/time/oslo.js';
import { IPLOS_MEASURES, recordsMeasure } from '../../shared/indicators/iplos.js';
import { ON_TIME_GRACE_MINUTES } from '../../shared/indicators/tasks-on-time.js';
import type { Db } from '../store/database.js';
import { pathwayStepFigures } from '../pathway/pathway-figures.js';
import type { NamedStepTiming } from '../../shared/indicators/pathway-on-time.js';
import { parseRow, type Parsed, type Row } from '../store/read-model.js';

export interface UnitRow {
  id: string;
  name: string;
  kind: string;
  capacity: number;
}

/** A stay as the leader view needs it: times and care level, nothing that tells who. */
export interface StayRow {
  id: string;
  admitted: number | null;
  discharged: number | null;
  /** Discharge-ready since; null when not discharge-ready (or withdrawn, whose end is unknown). */
  ready: number | null;
  /** When the discharge-ready wait ended: discharged, or left the hospital (PLO); null while waiting. */
  readyUntil: number | null;
  adl: number | null;
  expectedDischarge: string | null;
}

export interface StaffingRow {
  date: string;
  shift: string;
  planned: number | null;
  present: number | null;
}

export interface TransferRow {
  id: string;
  fromUnit: string | null;
  toUnit: string | null;
  stay: string | null;
  status: string | null;
  requestedAt: string | null;
  acceptedAt: string | null;
  scheduledFor: string | null;
  completedAt: string | null;
  /** The patient's care level as the transfer carries it (patient flow), when it does. */
  adl: number | null;
}

/** Tasks due on one day and how many of them were done by their due time. */
export interface TaskDay {
  due: number;
  onTime: number;
}

/** A done task on a resident that records an IPLOS measure. */
export interface IplosTask {
  stay: string;
  title: string;
  /** The task template's code: one of the measures' (IPLOS_CANDIDATE selects no other). */
  template: string | null;
  doneAt: number;
}

// A trigger must never fail the synced write that fired it: the outer statement's conflict rule
// (the store's upserts) overrides a trigger's OR IGNORE, so the table has no constraint to break
// and each row is added only when it is not there yet (bounded by units × days touched).
const mark = (kind: string, unit: string, day: string) =>
  `INSERT INTO leader_dirty (kind, unit, day) SELECT '${kind}', ${unit}, ${day} WHERE NOT EXISTS ` +
  `(SELECT 1 FROM leader_dirty WHERE kind = '${kind}' AND unit = ${unit} AND day = ${day});`;
const taskDay = (row: string) => [`coalesce(${row}.unit, '')`, `coalesce(substr(${row}.due, 1, 10), '')`] as const;
const unitOf = (row: string) => `coalesce(${row}.unit, '')`;
const on = (name: string, event: 'INSERT' | 'UPDATE', table: string, body: string) =>
  `CREATE TEMP TRIGGER IF NOT EXISTS ${name} AFTER ${event} ON main.${table} BEGIN ${body} END;`;

const PATHWAY_TABLES = ['pathway', 'pathwayStep', 'pathwayTemplate', 'pathwayTemplateStep'] as const;

const TRIGGERS = [
  'CREATE TEMP TABLE IF NOT EXISTS leader_dirty (kind TEXT NOT NULL, unit TEXT NOT NULL, day TEXT NOT NULL);',
  'CREATE INDEX IF NOT EXISTS temp.leader_dirty_key ON leader_dirty (kind, unit, day);',
  on('leader_task_insert', 'INSERT', 'task', mark('task', ...taskDay('NEW'))),
  on('leader_task_update', 'UPDATE', 'task', mark('task', ...taskDay('NEW')) + mark('task', ...taskDay('OLD'))),
  on('leader_stay_insert', 'INSERT', 'stay', mark('stay', unitOf('NEW'), "''")),
  on('leader_stay_update', 'UPDATE', 'stay', mark('stay', unitOf('NEW'), "''") + mark('stay', unitOf('OLD'), "''")),
  on('leader_staffing_insert', 'INSERT', 'staffing', mark('staffing', unitOf('NEW'), "''")),
  on('leader_staffing_update', 'UPDATE', 'staffing', mark('staffing', unitOf('NEW'), "''")),
  on('leader_unit_insert', 'INSERT', 'unit', mark('unit', "coalesce(NEW.id, '')", "''")),
  on('leader_unit_update', 'UPDATE', 'unit', mark('unit', "coalesce(NEW.id, '')", "''")),
  on('leader_transfer_insert', 'INSERT', 'transfer', mark('transfer', "''", "''")),
  // Pathways (issue 16): a step's record, the pathway, or the unit's own templates (deadlines move with them).
  ...PATHWAY_TABLES.flatMap((table) => [
    on(`leader_${table}_insert`, 'INSERT', table, mark('pathway', unitOf('NEW'), "''")),
    on(`leader_${table}_update`, 'UPDATE', table, mark('pathway', unitOf('NEW'), "''")),
  ]),
  on('leader_transfer_update', 'UPDATE', 'transfer', mark('transfer', "''", "''")),
].join('\n');

/**
 * Done tasks that record an IPLOS measure: those made from a measure's template, by their code and
 * never by their title. Written as the partial index task_iplos of migration 14 is (the planner uses
 * it only for this exact condition; a test checks it does).
 */
export const IPLOS_CANDIDATE = `deleted = 0 AND status = 'done' AND template IN (${IPLOS_MEASURES.map((m) => `'${m.template}'`).join(', ')})`;
const NOT_SKIPPED = "deleted = 0 AND due IS NOT NULL AND coalesce(status, '') != 'skipped'";
// The same rule as isDoneOnTime, to the millisecond (unixepoch is cheaper than formatting a time).
const ON_TIME = `sum(status = 'done' AND doneAt IS NOT NULL AND unixepoch(doneAt, 'subsec') - unixepoch(due, 'subsec') <= ${ON_TIME_GRACE_MINUTES * 60})`;

const instant = (value: string | null): number | null => (value === null ? null : (instantOf(value) ?? null));

// Never a personal column. Columns later migrations add (patient flow) are read when they exist.
const STAY_COLUMNS = ['admittedAt', 'dischargedAt', 'dischargeReadySince', 'adl', 'expectedDischarge', 'status', 'hospitalStatus', 'hospitalLeftAt'] as const;
type StayColumn = (typeof STAY_COLUMNS)[number];
const TRANSFER_COLUMNS = ['fromUnit', 'toUnit', 'stay', 'status', 'requestedAt', 'acceptedAt', 'scheduledFor', 'completedAt', 'adl'] as const;
type TransferColumn = (typeof TRANSFER_COLUMNS)[number];

export class LeaderHistory {
  /** Bumped on every change seen: derived figures cached by version stay valid until it moves. */
  version = 0;
  /** Bumped when transfers change (they join two units, so they have a version of their own). */
  transfersVersion = 0;
  private readonly unitVersions = new Map<string, number>();
  private transfersOfUnit: Map<string, TransferRow[]> | null = null;
  private readyRows: { unit: string; stay: StayRow }[] | null = null;
  private unitRows: UnitRow[] | null = null;
  private readonly stayRows = new Map<string, StayRow[]>();
  private readonly staffingRows = new Map<string, StaffingRow[]>();
  private readonly iplosRows = new Map<string, IplosTask[]>();
  private transferRows: TransferRow[] | null = null;
  private readonly taskDays = new Map<string, Map<string, TaskDay>>();
  private readonly pathwayRows = new Map<string, NamedStepTiming[]>();

  private readonly stayColumns: string;
  private readonly transferColumns: string;

  constructor(private readonly db: Db) {
    db.exec(TRIGGERS);
    db.exec('DELETE FROM temp.leader_dirty');
    this.stayColumns = this.existing('stay', ['id', ...STAY_COLUMNS]);
    this.transferColumns = this.existing('transfer', ['id', ...TRANSFER_COLUMNS]);
  }

  private existing(table: string, wanted: readonly string[]): string {
    const present = new Set((this.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
    return wanted.filter((column) => present.has(column)).map((column) => `"${column}"`).join(', ');
  }

  /** Takes in what changed since the last call; cheap when nothing did. */
  refresh(): void {
    const dirty = this.db.prepare('SELECT kind, unit, day FROM temp.leader_dirty').all() as { kind: string; unit: string; day: string }[];
    if (dirty.length === 0) return;
    this.db.exec('DELETE FROM temp.leader_dirty');
    this.version += 1;
    const taskDays = new Set<string>();
    for (const { kind, unit, day } of dirty) {
      if (kind === 'transfer') {
        this.transferRows = null;
        this.transfersOfUnit = null;
        this.transfersVersion += 1;
        continue;
      }
      this.unitVersions.set(unit, (this.unitVersions.get(unit) ?? 0) + 1);
      if (kind === 'unit') this.unitRows = null;
      else if (kind === 'stay') {
        this.stayRows.delete(unit);
        this.pathwayRows.delete(unit);
        this.readyRows = null;
      }
      else if (kind === 'staffing') this.staffingRows.delete(unit);
      else if (kind === 'pathway') this.pathwayRows.delete(unit);
      else if (kind === 'task') {
        this.iplosRows.delete(unit);
        this.pathwayRows.delete(unit); // a done task may close a step by recorded work
        // A UTC date reaches into two Oslo days (Oslo is 1–2 hours ahead).
        if (/^\d{4}-\d{2}-\d{2}$/.test(day)) for (const d of [day, addDays(day, 1)]) taskDays.add(`${unit}\n${d}`);
      }
    }
    for (const key of taskDays) this.recountTaskDay(...(key.split('\n') as [string, string]));
  }

  /** Every unit the hub holds, by name. */
  units(): UnitRow[] {
    this.unitRows ??= (this.db.prepare('SELECT id, name, kind, capacity FROM unit WHERE deleted = 0 ORDER BY name, id').all() as Row[]).map((row) => {
      const unit = parseRow<'unit', 'name' | 'kind' | 'capacity'>('unit', row);
      return { id: unit.id, name: unit.name ?? unit.id, kind: unit.kind ?? 'unknown', capacity: unit.capacity ?? 0 };
    });
    return this.unitRows;
  }

  /** Moves whenever anything of the unit changes (its record, stays, staffing or tasks). */
  unitVersion(unit: string): number {
    return this.unitVersions.get(unit) ?? 0;
  }

  /** The transfers from or to a unit. */
  transfersOf(unit: string): TransferRow[] {
    if (!this.transfersOfUnit) {
      const byUnit = new Map<string, TransferRow[]>();
      for (const t of this.transfers()) {
        for (const u of new Set([t.fromUnit, t.toUnit])) {
          if (u === null) continue;
          const list = byUnit.get(u) ?? [];
          list.push(t);
          byUnit.set(u, list);
        }
      }
      this.transfersOfUnit = byUnit;
    }
    return this.transfersOfUnit.get(unit) ?? [];
  }

  unit(id: string): UnitRow | undefined {
    return this.units().find((unit) => unit.id === id);
  }

  stays(unit: string): StayRow[] {
    let rows = this.stayRows.get(unit);
    if (!rows) {
      rows = (this.db.prepare(`SELECT ${this.stayColumns} FROM stay WHERE unit = ? AND deleted = 0`).all(unit) as Row[]).map((row) => toStayRow(parseRow<'stay', StayColumn>('stay', row)));
      this.stayRows.set(unit, rows);
    }
    return rows;
  }

  staffing(unit: string): StaffingRow[] {
    let rows = this.staffingRows.get(unit);
    if (!rows) {
      rows = (this.db.prepare('SELECT id, date, shift, planned, present FROM staffing WHERE unit = ? AND deleted = 0').all(unit) as Row[])
        .map((row) => parseRow<'staffing', 'date' | 'shift' | 'planned' | 'present'>('staffing', row))
        .flatMap(({ date, shift, planned, present }) => (date === null ? [] : [{ date: date.slice(0, 10), shift: shift ?? '', planned, present }]));
      this.staffingRows.set(unit, rows);
    }
    return rows;
  }

  /** Every stay that is or was discharge-ready, on any unit (through the partial index of migration 5). */
  readyStays(): { unit: string; stay: StayRow }[] {
    this.readyRows ??= (
      this.db.prepare(`SELECT unit, ${this.stayColumns} FROM stay WHERE dischargeReadySince IS NOT NULL AND deleted = 0`).all() as Row[]
    ).flatMap((row) => {
      const stay = parseRow<'stay', StayColumn | 'unit'>('stay', row);
      return stay.unit === null ? [] : [{ unit: stay.unit, stay: toStayRow(stay) }];
    });
    return this.readyRows;
  }

  /** Done tasks on residents of a unit that record an IPLOS measure. */
  iplosTasks(unit: string): IplosTask[] {
    let rows = this.iplosRows.get(unit);
    if (!rows) {
      rows = (this.db.prepare(`SELECT id, stay, title, template, doneAt FROM task WHERE unit = ? AND ${IPLOS_CANDIDATE}`).all(unit) as Row[])
        .map((row) => parseRow<'task', 'stay' | 'title' | 'template' | 'doneAt'>('task', row))
        .flatMap(({ stay, title, template, doneAt }) => (stay === null ? [] : [{ stay, title: title ?? '', template, doneAt: instant(doneAt) ?? NaN }]))
        .filter((task) => !Number.isNaN(task.doneAt) && IPLOS_MEASURES.some((m) => recordsMeasure(task, m)));
      this.iplosRows.set(unit, rows);
    }
    return rows;
  }

  /** Every pathway step of the unit's patients, with deadline and when done (main/pathway/pathway-figures.ts). */
  pathwaySteps(unit: string): NamedStepTiming[] {
    let rows = this.pathwayRows.get(unit);
    if (!rows) {
      rows = pathwayStepFigures(this.db, unit, this.unit(unit)?.kind ?? 'unknown');
      this.pathwayRows.set(unit, rows);
    }
    return rows;
  }

  transfers(): TransferRow[] {
    this.transferRows ??= (this.db.prepare(`SELECT ${this.transferColumns} FROM transfer WHERE deleted = 0`).all() as Row[]).map((row) => {
      const { id, fromUnit, toUnit, stay, status, requestedAt, acceptedAt, scheduledFor, completedAt, adl } = parseRow<'transfer', TransferColumn>('transfer', row);
      return { id, fromUnit, toUnit, stay, status, requestedAt, acceptedAt, scheduledFor, completedAt, adl };
    });
    return this.transferRows;
  }

  /** Tasks due on an Oslo day on a unit, and done on time. */
  taskDay(unit: string, day: string): TaskDay {
    return this.unitTaskDays(unit).get(day) ?? { due: 0, onTime: 0 };
  }

  /**
   * A unit's tasks due and on time per Oslo day, read in one pass the first time they are asked for:
   * grouped by UTC hour, as an Oslo day is a run of whole UTC hours.
   */
  private unitTaskDays(unit: string): Map<string, TaskDay> {
    let days = this.taskDays.get(unit);
    if (days) return days;
    days = new Map<string, TaskDay>();
    const rows = this.db
      .prepare(`SELECT substr(due, 1, 13) AS hour, count(*) AS due, ${ON_TIME} AS onTime FROM task WHERE unit = ? AND ${NOT_SKIPPED} GROUP BY hour`)
      .raw()
      .all(unit) as [string, number, number | null][];
    for (const [hour, due, onTime] of rows) {
      const day = dayOfHour(hour);
      if (day === undefined) continue;
      const sum = days.get(day) ?? { due: 0, onTime: 0 };
      sum.due += due;
      sum.onTime += onTime ?? 0;
      days.set(day, sum);
    }
    this.taskDays.set(unit, days);
    return days;
  }

  private recountTaskDay(unit: string, day: string): void {
    const days = this.taskDays.get(unit);
    if (!days) return; // not read yet: it will be read whole, edit included
    const from = new Date(dayStart(day)).toISOString();
    const to = new Date(dayStart(addDays(day, 1))).toISOString();
    const row = this.db
      .prepare(`SELECT count(*) AS due, ${ON_TIME} AS onTime FROM task WHERE unit = ? AND ${NOT_SKIPPED} AND due >= ? AND due < ?`)
      .get(unit, from, to) as { due: number; onTime: number | null };
    if (row.due === 0) days.delete(day);
    else days.set(day, { due: row.due, onTime: row.onTime ?? 0 });
  }

  /**
   * Reads what the leader view will ask for, one unit at a time with a pause between units, so the
   * first figures a leader opens after a hub start are ready and the hub stays responsive meanwhile.
   * `more` computes a unit's derived figures once its rows are in.
   */
  warmUp(more: (unit: UnitRow) => void = () => undefined): void {
    const queue = this.units().map((u) => u.id);
    const step = () => {
      if (!this.db.open) return;
      const id = queue.shift();
      if (id === undefined) return;
      this.refresh();
      const unit = this.unit(id);
      if (unit) {
        this.unitTaskDays(id);
        this.stays(id);
        this.staffing(id);
        if (unit.kind === 'nursing-home') this.iplosTasks(id);
        more(unit);
      }
      setTimeout(step, 0).unref();
    };
    setTimeout(step, 0).unref();
  }
}

/** The Oslo day of a UTC hour "YYYY-MM-DDTHH" (memoised: a few thousand hours recur). */
const hourDays = new Map<string, string | undefined>();
function dayOfHour(hour: string): string | undefined {
  if (!hourDays.has(hour)) {
    const ms = Date.parse(`${hour}:00:00Z`);
    if (hourDays.size > 100_000) hourDays.clear();
    hourDays.set(hour, Number.isNaN(ms) ? undefined : osloDay(ms));
  }
  return hourDays.get(hour);
}

/** PLO states after which a patient no longer waits in hospital. */
const LEFT_HOSPITAL = new Set<string>(['discharged', 'dead']);

function toStayRow(stay: Parsed<'stay', StayColumn>): StayRow {
  const admitted = instant(stay.admittedAt);
  // A stay marked discharged without a time has left; when is unknown, so it counts nowhere.
  const discharged = instant(stay.dischargedAt) ?? (stay.status === 'discharged' ? (admitted ?? 0) : null);
  const left = instant(stay.hospitalLeftAt);
  const ends = [discharged, left].filter((at): at is number => at !== null);
  const readyUntil = ends.length > 0 ? Math.min(...ends) : stay.hospitalStatus !== null && LEFT_HOSPITAL.has(stay.hospitalStatus) ? (admitted ?? 0) : null;
  // Withdrawn as discharge-ready (PLO "avmelding") without an end time: its days cannot be counted.
  const withdrawn = stay.hospitalStatus === 'withdrawn' && readyUntil === null;
  return {
    id: stay.id,
    admitted,
    discharged,
    ready: withdrawn ? null : instant(stay.dischargeReadySince),
    readyUntil,
    adl: stay.adl,
    expectedDischarge: stay.expectedDischarge,
  };
}

const histories = new WeakMap<Db, LeaderHistory>();

/** The one history of a hub's database connection, made on first use (then `made` runs once). */
export function leaderHistory(db: Db, made: (history: LeaderHistory) => void = () => undefined): LeaderHistory {
  let history = histories.get(db);
  if (!history) {
    history = new LeaderHistory(db);
    histories.set(db, history);
    made(history);
  }
  history.refresh();
  return history;
}
