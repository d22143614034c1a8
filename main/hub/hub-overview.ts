/** Capacity now for every unit the hub holds: counts only, never a personal field. */

import type { UnitOverview } from '../../shared/api/contract.js';
import { capacityView } from '../leader/capacity.js';
import { leaderData } from '../leader/leader-data.js';
import type { Db } from '../store/database.js';

/** The first cut of the leader view's table, now a projection of leader.capacity (one set of queries). */
export function unitOverviews(db: Db, now: Date): UnitOverview[] {
  return capacityView(db, leaderData(db), now).units.map((u) => ({
    unit: u.unit,
    name: u.name,
    kind: u.kind,
    beds: u.beds,
    occupied: u.occupied,
    free: u.free,
    reserved: u.reserved,
    blocked: u.blocked,
    cleaning: u.cleaning,
    patients: u.patients,
    dischargeReady: u.dischargeReady,
    tasksOpen: u.tasksOpen,
    tasksOverdue: u.tasksOverdue,
  }));
}
