/**
 * The allocation office's view: each hospital patient the PLO messages told it about, how long a
 * discharge-ready patient has waited and what that has cost, beside the units with free capacity.
 * Days are counted the way the leader view counts them (shared/indicators/discharge-ready.ts).
 */

import type { AllocationState, HospitalPatient, HospitalStatus, TransferView } from '../../shared/api/commands/flow.js';
import { DEFAULT_DAILY_RATE_NOK, daysWaiting } from '../../shared/indicators/discharge-ready.js';
import type { Db } from '../store/database.js';
import { targetUnits, transferView, unitNames } from './flow-view.js';
import { idProblemOf, type StayRow, type TransferRow } from './transfer-records.js';
import { isOpen } from './transfer-steps.js';

/** The daily rate the office has set on its unit, else the national default. */
export function dailyRateOf(db: Db, unit: string): number {
  const row = db.prepare('SELECT dailyRate FROM unit WHERE id = ? AND deleted = 0').get(unit) as { dailyRate: number | null } | undefined;
  return row?.dailyRate ?? DEFAULT_DAILY_RATE_NOK;
}

/** The waiting that counts: from discharge-ready until the patient left hospital, else until now. */
export function waitOf(stay: Pick<StayRow, 'dischargeReadySince' | 'hospitalLeftAt'>, now: Date, rate: number): { days: number; cost: number } {
  if (!stay.dischargeReadySince) return { days: 0, cost: 0 };
  const since = Date.parse(stay.dischargeReadySince);
  const until = stay.hospitalLeftAt ? Date.parse(stay.hospitalLeftAt) : now.getTime();
  if (Number.isNaN(since) || Number.isNaN(until)) return { days: 0, cost: 0 };
  const days = daysWaiting(since, until);
  return { days, cost: days * rate };
}

function hospitalStatusOf(stay: StayRow): HospitalStatus {
  const known: readonly string[] = ['admitted', 'discharge-ready', 'withdrawn', 'discharged', 'dead'];
  if (stay.hospitalStatus && known.includes(stay.hospitalStatus)) return stay.hospitalStatus as HospitalStatus;
  return stay.dischargeReadySince ? 'discharge-ready' : 'admitted';
}

export function readAllocation(db: Db, unit: string, now: Date, withPersonal = false): AllocationState {
  const rate = dailyRateOf(db, unit);
  const names = unitNames(db);
  const stays = db
    .prepare("SELECT * FROM stay WHERE unit = ? AND deleted = 0 AND status = 'active' ORDER BY dischargeReadySince IS NULL, dischargeReadySince, admittedAt")
    .all(unit) as StayRow[];
  const transfersOfStay = db.prepare('SELECT * FROM transfer WHERE fromUnit = ? AND stay = ? AND deleted = 0 ORDER BY requestedAt');
  const patients: HospitalPatient[] = stays.map((stay) => {
    const rows = transfersOfStay.all(unit, stay.id) as TransferRow[];
    const chosen = rows.filter(isOpen).at(-1) ?? rows.at(-1);
    const transfer: TransferView | null = chosen ? transferView(db, chosen, unit, names, withPersonal) : null;
    const wait = waitOf(stay, now, rate);
    return {
      stayId: stay.id,
      initials: stay.shielded === 1 ? null : stay.initials,
      hospital: stay.hospital,
      hospitalStatus: hospitalStatusOf(stay),
      admittedAt: stay.admittedAt,
      dischargeReadySince: stay.dischargeReadySince,
      hospitalLeftAt: stay.hospitalLeftAt,
      daysWaiting: wait.days,
      costAccrued: wait.cost,
      transfer,
      idProblem: idProblemOf(stay.idProblem),
    };
  });
  const ready = patients.filter((p) => p.dischargeReadySince !== null);
  return {
    unit,
    now: now.toISOString(),
    dailyRate: rate,
    patients,
    totals: {
      dischargeReady: ready.length,
      days: ready.reduce((sum, p) => sum + p.daysWaiting, 0),
      cost: ready.reduce((sum, p) => sum + p.costAccrued, 0),
    },
    units: targetUnits(db, unit).filter((u) => u.kind !== 'allocation-office'),
  };
}
