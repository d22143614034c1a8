/**
 * Beds promised to an incoming transfer that has not ended (accepted or scheduled, not completed,
 * cancelled or declined): free on the floor, reserved in fact. Counted as reserved, not free, in
 * capacity everywhere — the board's own, the leader view's and the hub's overview.
 */

import type { Db } from '../store/database.js';

/** The free beds of each unit (or one) that an open transfer has been given. */
export function reservedBedCounts(db: Db, unit?: string): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT b.unit AS unit, count(DISTINCT b.id) AS n FROM bed b JOIN transfer t ON t.toBed = b.id AND t.toUnit = b.unit
       WHERE b.deleted = 0 AND b.status = 'free' AND t.deleted = 0
         AND t.completedAt IS NULL AND t.cancelledAt IS NULL AND t.declinedAt IS NULL
         ${unit === undefined ? '' : 'AND b.unit = ?'}
       GROUP BY b.unit`,
    )
    .all(...(unit === undefined ? [] : [unit])) as { unit: string; n: number }[];
  return new Map(rows.map((row) => [row.unit, row.n]));
}
