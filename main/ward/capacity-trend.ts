/**
 * Trends over the last days from the board's own SQLite history: occupancy at each Oslo midnight
 * (stays' admittedAt/dischargedAt) and tasks on time per day (tasks' due/doneAt, by the rule of
 * shared/indicators/tasks-on-time.ts).
 */

import type { TrendDay } from '../../shared/api/commands/ward.js';
import { isDoneOnTime } from '../../shared/indicators/tasks-on-time.js';
import type { Db } from '../store/database.js';
import { addDays, dayStart, osloDay } from '../../shared/time/oslo.js';

/** One entry per day, oldest first, ending with today (whose tasks count only once due). */
export function capacityTrend(db: Db, unit: string, places: number, now: Date, days: number): TrendDay[] {
  const occupied = db.prepare(
    `SELECT count(*) AS n FROM stay WHERE unit = ? AND deleted = 0 AND admittedAt < ?
       AND (dischargedAt IS NULL OR dischargedAt >= ?)`,
  );
  const tasks = db.prepare(
    // Skipped tasks (deliberately not done) are not counted as due, as in the leader view's formula.
    `SELECT due, status, doneAt FROM task WHERE unit = ? AND deleted = 0 AND status != 'skipped' AND due >= ? AND due < ? AND due <= ?`,
  );
  const today = osloDay(now.getTime());
  const trend: TrendDay[] = [];
  for (let back = days - 1; back >= 0; back -= 1) {
    const date = addDays(today, -back);
    const midnight = new Date(dayStart(date)).toISOString();
    const next = new Date(dayStart(addDays(date, 1))).toISOString();
    const count = (occupied.get(unit, midnight, midnight) as { n: number }).n;
    const due = tasks.all(unit, midnight, next, now.toISOString()) as { due: string; status: string; doneAt: string | null }[];
    // The leader view's rule (shared/indicators), so the board and the leader view agree.
    const onTime = due.filter(isDoneOnTime).length;
    trend.push({
      date,
      occupancy: places > 0 ? Math.round((count / places) * 1000) / 10 : null,
      tasksDue: due.length,
      tasksOnTime: onTime,
      onTimePercent: due.length > 0 ? Math.round((onTime / due.length) * 1000) / 10 : null,
    });
  }
  return trend;
}
