/**
 * Every unit's capacity now: beds by status, patients, occupancy by the one definition per kind
 * (shared/indicators/occupancy.ts) with its heat, discharge-ready, staffing of the shift running now
 * against the ADL points of the patients present, open and overdue tasks, and when the unit last
 * reported. Counts only; the queries group by unit and never select a patient's field.
 */

import type { CapacityView, KindCapacity, Reporting, UnitCapacity } from '../../shared/api/commands/leader.js';
import { shiftAt } from '../../shared/time/oslo.js';
import { roundOrNull } from '../../shared/indicators/definitions.js';
import { municipalOccupancy, occupancyHeat, occupancyNorm, overdueHeat, summedOccupancy, unitOccupancy } from '../../shared/indicators/occupancy.js';
import { workloadPerStaff } from '../../shared/indicators/workload.js';
import { UNIT_KINDS } from '../../shared/domain/types.js';
import type { Db } from '../store/database.js';
import { reservedBedCounts } from '../unit/reserved-beds.js';
import type { LeaderHistory } from './leader-history.js';

/** How current the figures are (main/hub/unit-receipts.ts); without one, every figure counts as live. */
export interface ReportingRead {
  reporting: Reporting;
  unit: (unit: string) => { lastReceivedAt: string | null; stale: boolean };
}

const ALWAYS_LIVE: ReportingRead = {
  reporting: { live: true, lastReceivedAt: null, staleAfterMs: 0 },
  unit: () => ({ lastReceivedAt: null, stale: false }),
};

type Counts = Record<string, number>;

function byUnit<T extends { unit: string | null }>(rows: T[]): Map<string, T> {
  return new Map(rows.filter((row) => row.unit !== null).map((row) => [row.unit as string, row]));
}

export function capacityView(db: Db, history: LeaderHistory, now: Date, received: ReportingRead = ALWAYS_LIVE): CapacityView {
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
    const occupied = b.occupied ?? 0;
    const occupancy = roundOrNull(unitOccupancy(unit, patients));
    const overdue = t?.overdue ?? 0;
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
      occupancyPercent: occupancy,
      measure: occupancyNorm(unit.kind).measure,
      occupancyHeat: occupancyHeat(unit.kind, occupancy),
      overdueHeat: overdueHeat(overdue),
      ...received.unit(unit.id),
      dischargeReady: s?.ready ?? 0,
      staffPlanned: shiftStaff?.planned ?? null,
      staffPresent: present,
      adlPoints: points,
      adlUnassessed: s?.unassessed ?? 0,
      workloadPerStaff: present === null ? null : roundOrNull(workloadPerStaff(points, present)),
      tasksOpen: t?.open ?? 0,
      tasksOverdue: overdue,
    };
  });

  const kinds = [...UNIT_KINDS, ...new Set(units.map((u) => u.kind).filter((k) => !(UNIT_KINDS as readonly string[]).includes(k)))];
  const byKind = kinds.map((kind) => summed(kind, units.filter((u) => u.kind === kind))).filter((k) => k.units > 0);
  return { asOf: now.toISOString(), shift, units, byKind, totals: summed('all', units), reporting: received.reporting };
}

/** Capacity summed over some units: one kind's occupancy by its definition, the municipality's over the units with beds. */
function summed(kind: string, units: readonly UnitCapacity[]): KindCapacity {
  const total = (pick: (u: UnitCapacity) => number) => units.reduce((sum, u) => sum + pick(u), 0);
  const occupancy = kind === 'all' ? municipalOccupancy(units) : summedOccupancy(units);
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
    occupancyPercent: roundOrNull(occupancy.value),
    measure: kind === 'all' ? 'beds' : occupancyNorm(kind).measure,
    counted: { patients: occupancy.patients, places: occupancy.places },
  };
}
