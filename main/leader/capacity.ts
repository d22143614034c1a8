/**
 * Every unit's capacity now: beds by status, patients, discharge-ready, staffing of the shift
 * running now against the ADL points of the patients present, open and overdue tasks. Counts only;
 * the queries group by unit and never select a patient's field.
 */

import type { CapacityView, KindCapacity, UnitCapacity } from '../../shared/api/commands/leader.js';
import { shiftAt } from '../../shared/time/oslo.js';
import { roundOrNull } from '../../shared/indicators/definitions.js';
import { occupancyPercent } from '../../shared/indicators/occupancy.js';
import { workloadPerStaff } from '../../shared/indicators/workload.js';
import { LIST_UNIT_KINDS, UNIT_KINDS, type UnitKind } from '../../shared/domain/types.js';
import type { Db } from '../store/database.js';
import { reservedBedCounts } from '../unit/reserved-beds.js';
import type { LeaderHistory } from './leader-history.js';

type Counts = Record<string, number>;

function byUnit<T extends { unit: string | null }>(rows: T[]): Map<string, T> {
  return new Map(rows.filter((row) => row.unit !== null).map((row) => [row.unit as string, row]));
}

export function capacityView(db: Db, history: LeaderHistory, now: Date): CapacityView {
  const shift = shiftAt(now.getTime());
  const beds = new Map<string, Counts>();
  const bedRows = db.prepare('SELECT unit, status, count(*) AS n FROM bed WHERE deleted = 0 GROUP BY unit, status').all() as { unit: string | null; status: string | null; n: number }[];
  for (const row of bedRows) {
    if (row.unit === null) continue;
    const counts = beds.get(row.unit) ?? {};
    counts[row.status ?? 'free'] = (counts[row.status ?? 'free'] ?? 0) + row.n;
    beds.set(row.unit, counts);
  }
  const stays = byUnit(
    db
      .prepare(
        `SELECT unit, count(*) AS patients, sum(dischargeReadySince IS NOT NULL) AS ready,
           sum(CASE WHEN adl BETWEEN 1 AND 5 THEN adl ELSE 0 END) AS points,
           sum(adl IS NULL OR adl NOT BETWEEN 1 AND 5) AS unassessed
         FROM stay WHERE status = 'active' AND deleted = 0 GROUP BY unit`,
      )
      .all() as { unit: string | null; patients: number; ready: number; points: number; unassessed: number }[],
  );
  const tasks = byUnit(
    db
      .prepare("SELECT unit, count(*) AS open, sum(due IS NOT NULL AND due < ?) AS overdue FROM task WHERE status = 'open' AND deleted = 0 GROUP BY unit")
      .all(now.toISOString()) as { unit: string | null; open: number; overdue: number }[],
  );

  const staffing = byUnit(
    db.prepare('SELECT unit, planned, present FROM staffing WHERE deleted = 0 AND date = ? AND shift = ?').all(shift.date, shift.shift) as {
      unit: string | null;
      planned: number | null;
      present: number | null;
    }[],
  );

  const reserved = reservedBedCounts(db);
  const units: UnitCapacity[] = history.units().map((unit) => {
    const b = beds.get(unit.id) ?? {};
    const bedCount = Object.values(b).reduce((total, n) => total + n, 0);
    const promised = reserved.get(unit.id) ?? 0;
    const s = stays.get(unit.id);
    const t = tasks.get(unit.id);
    const shiftStaff = staffing.get(unit.id);
    const patients = s?.patients ?? 0;
    const listUnit = LIST_UNIT_KINDS.includes(unit.kind as UnitKind) || bedCount === 0;
    const occupied = b.occupied ?? 0;
    const occupancy = listUnit ? occupancyPercent(patients, unit.kind === 'allocation-office' ? 0 : unit.capacity) : occupancyPercent(occupied, bedCount);
    const points = s?.points ?? 0;
    const present = shiftStaff?.present ?? null;
    return {
      unit: unit.id,
      name: unit.name,
      kind: unit.kind,
      capacity: unit.capacity,
      beds: bedCount,
      occupied,
      free: (b.free ?? 0) - promised,
      reserved: promised,
      blocked: b.blocked ?? 0,
      cleaning: b.cleaning ?? 0,
      patients,
      occupancyPercent: roundOrNull(occupancy),
      dischargeReady: s?.ready ?? 0,
      staffPlanned: shiftStaff?.planned ?? null,
      staffPresent: present,
      adlPoints: points,
      adlUnassessed: s?.unassessed ?? 0,
      workloadPerStaff: present === null ? null : roundOrNull(workloadPerStaff(points, present)),
      tasksOpen: t?.open ?? 0,
      tasksOverdue: t?.overdue ?? 0,
    };
  });

  const kinds = [...UNIT_KINDS, ...new Set(units.map((u) => u.kind).filter((k) => !(UNIT_KINDS as readonly string[]).includes(k)))];
  const byKind = kinds.map((kind) => summed(kind, units.filter((u) => u.kind === kind))).filter((k) => k.units > 0);
  return { asOf: now.toISOString(), shift, units, byKind, totals: summed('all', units) };
}

/** Capacity summed over some units; occupancy over the units with beds, by beds. */
function summed(kind: string, units: readonly UnitCapacity[]): KindCapacity {
  const total = (pick: (u: UnitCapacity) => number) => units.reduce((sum, u) => sum + pick(u), 0);
  const withBeds = units.filter((u) => u.beds > 0);
  const occupancy = occupancyPercent(
    withBeds.reduce((sum, u) => sum + u.occupied, 0),
    withBeds.reduce((sum, u) => sum + u.beds, 0),
  );
  return {
    kind,
    units: units.length,
    capacity: total((u) => u.capacity),
    beds: total((u) => u.beds),
    occupied: total((u) => u.occupied),
    free: total((u) => u.free),
    reserved: total((u) => u.reserved),
    blocked: total((u) => u.blocked),
    cleaning: total((u) => u.cleaning),
    patients: total((u) => u.patients),
    dischargeReady: total((u) => u.dischargeReady),
    occupancyPercent: roundOrNull(occupancy),
  };
}
