/** Capacity now for every unit the hub holds: counts only, never a personal field. */

import type { UnitOverview } from '../../shared/api/contract.js';
import type { Db } from '../store/database.js';

export function unitOverviews(db: Db, now: Date): UnitOverview[] {
  const rows = db
    .prepare(
      `SELECT u.id AS unit, u.name, u.kind,
        (SELECT count(*) FROM bed b WHERE b.unit = u.id AND b.deleted = 0) AS beds,
        (SELECT count(*) FROM bed b WHERE b.unit = u.id AND b.deleted = 0 AND b.status = 'occupied') AS occupied,
        (SELECT count(*) FROM bed b WHERE b.unit = u.id AND b.deleted = 0 AND b.status = 'free') AS free,
        (SELECT count(*) FROM bed b WHERE b.unit = u.id AND b.deleted = 0 AND b.status = 'blocked') AS blocked,
        (SELECT count(*) FROM bed b WHERE b.unit = u.id AND b.deleted = 0 AND b.status = 'cleaning') AS cleaning,
        (SELECT count(*) FROM stay s WHERE s.unit = u.id AND s.deleted = 0 AND s.status = 'active') AS patients,
        (SELECT count(*) FROM stay s WHERE s.unit = u.id AND s.deleted = 0 AND s.status = 'active'
           AND s.dischargeReadySince IS NOT NULL) AS dischargeReady,
        (SELECT count(*) FROM task t WHERE t.unit = u.id AND t.deleted = 0 AND t.status = 'open') AS tasksOpen,
        (SELECT count(*) FROM task t WHERE t.unit = u.id AND t.deleted = 0 AND t.status = 'open'
           AND t.due IS NOT NULL AND t.due < ?) AS tasksOverdue
      FROM unit u WHERE u.deleted = 0 ORDER BY u.name`,
    )
    .all(now.toISOString()) as UnitOverview[];
  return rows.map((row) => ({ ...row, name: row.name ?? row.unit, kind: row.kind ?? 'unknown' }));
}
