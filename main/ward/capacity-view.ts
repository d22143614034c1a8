/**
 * The capacity panel: beds by status, patients, expected admissions and discharges today, staffing
 * of the shift running now, workload as ADL points per staff member present, and the trends.
 */

import type { CapacityView, WorkloadLevel } from '../../shared/api/commands/ward.js';
import { LIST_UNIT_KINDS, type UnitKind } from '../../shared/domain/types.js';
import type { Db } from '../store/database.js';
import { reservedBedCounts } from '../unit/reserved-beds.js';
import { capacityTrend } from './capacity-trend.js';
import { dayOf, osloDay, shiftSpanAt } from '../../shared/time/oslo.js';
import { readStaffing } from './staffing.js';

/**
 * ADL points per staff member present: up to 12 is a normal load, up to 18 high, above that very
 * high. A starting point for a nursing-home day shift; docs/board.md says how to read it.
 */
export const WORKLOAD_LIMITS = { normal: 12, high: 18 };

export function workloadLevel(perStaff: number | null): WorkloadLevel {
  if (perStaff === null) return 'unknown';
  if (perStaff <= WORKLOAD_LIMITS.normal) return 'normal';
  if (perStaff <= WORKLOAD_LIMITS.high) return 'high';
  return 'very-high';
}

const FINAL_TRANSFER = ['completed', 'cancelled'];

export function readCapacity(db: Db, unit: string, now: Date, days = 14): CapacityView {
  const unitRow = db.prepare('SELECT kind, capacity FROM unit WHERE id = ? AND deleted = 0').get(unit) as
    | { kind: UnitKind; capacity: number | null }
    | undefined;
  const bedRows = db.prepare('SELECT status, count(*) AS n FROM bed WHERE unit = ? AND deleted = 0 GROUP BY status').all(unit) as {
    status: string;
    n: number;
  }[];
  const beds = { free: 0, occupied: 0, blocked: 0, cleaning: 0, reserved: 0 };
  for (const row of bedRows) if (row.status in beds) beds[row.status as keyof typeof beds] = row.n;
  const bedCount = beds.free + beds.occupied + beds.blocked + beds.cleaning;
  // A free bed promised to an incoming transfer is reserved, not free.
  beds.reserved = reservedBedCounts(db, unit).get(unit) ?? 0;
  beds.free -= beds.reserved;
  const listUnit = unitRow !== undefined && LIST_UNIT_KINDS.includes(unitRow.kind);
  const places = listUnit ? (unitRow?.capacity ?? 0) : bedCount;

  const stays = db
    .prepare("SELECT id, adl, expectedDischarge FROM stay WHERE unit = ? AND deleted = 0 AND status = 'active'")
    .all(unit) as { id: string; adl: number | null; expectedDischarge: string | null }[];
  const today = osloDay(now.getTime());
  const onToday = (value: string | null) => dayOf(value) === today;

  const transfers = db
    .prepare('SELECT stay, fromUnit, toUnit, status, scheduledFor FROM transfer WHERE (fromUnit = ? OR toUnit = ?) AND deleted = 0')
    .all(unit, unit) as { stay: string | null; fromUnit: string; toUnit: string; status: string | null; scheduledFor: string | null }[];
  const pending = transfers.filter((t) => !FINAL_TRANSFER.includes(t.status ?? '') && onToday(t.scheduledFor));
  const admissions = pending.filter((t) => t.toUnit === unit).length;
  const leaving = new Set(stays.filter((s) => onToday(s.expectedDischarge)).map((s) => s.id));
  for (const t of pending) if (t.fromUnit === unit && t.stay) leaving.add(t.stay);

  const shift = shiftSpanAt(now.getTime());
  const staffing = readStaffing(db, unit, shift.date, shift.shift);
  const adlPoints = stays.reduce((sum, s) => sum + (s.adl ?? 0), 0);
  const perStaff = staffing.present ? Math.round((adlPoints / staffing.present) * 10) / 10 : null;

  return {
    shift,
    places,
    beds,
    patients: stays.length,
    expectedAdmissionsToday: admissions,
    expectedDischargesToday: leaving.size,
    staffing,
    adlPoints,
    workload: { perStaff, level: workloadLevel(perStaff) },
    trend: capacityTrend(db, unit, places, now, days),
  };
}
