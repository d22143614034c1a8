/**
 * The hub's own record of what the warehouse has (migration 29): each hour's capacity reading until
 * it is written, and the last whole day written. PostgreSQL being away costs nothing but these rows.
 */

import type { Db } from '../store/database.js';
import type { HourRow } from './warehouse-rows.js';

/** Written hour readings are kept this long after their hour, then forgotten. */
const KEEP_WRITTEN_MS = 35 * 86_400_000;

/** Keeps the latest reading of each hour; a reading that changed is to be written again. */
export function keepHourRows(db: Db, rows: readonly HourRow[]): void {
  const upsert = db.prepare(
    `INSERT INTO warehouse_hour (unit, hour, indicator, value, written) VALUES (?, ?, ?, ?, 0)
     ON CONFLICT (unit, hour, indicator) DO UPDATE SET value = excluded.value,
       written = CASE WHEN warehouse_hour.value IS excluded.value THEN warehouse_hour.written ELSE 0 END`,
  );
  db.transaction(() => {
    for (const row of rows) upsert.run(row.unit, row.hour, row.indicator, row.value);
  })();
}

/** Hour readings the warehouse does not have yet, oldest first. */
export function unwrittenHourRows(db: Db, limit: number): HourRow[] {
  return db.prepare('SELECT unit, hour, indicator, value FROM warehouse_hour WHERE written = 0 ORDER BY hour, unit, indicator LIMIT ?').all(limit) as HourRow[];
}

/** How many distinct hours wait for the warehouse. */
export function pendingHours(db: Db): number {
  return (db.prepare('SELECT count(DISTINCT hour) AS n FROM warehouse_hour WHERE written = 0').get() as { n: number }).n;
}

/** The rows are in the warehouse: marked written unless a newer reading replaced them meanwhile; old ones forgotten. */
export function markHourRowsWritten(db: Db, rows: readonly HourRow[], now: Date): void {
  const mark = db.prepare('UPDATE warehouse_hour SET written = 1 WHERE unit = ? AND hour = ? AND indicator = ? AND value IS ?');
  db.transaction(() => {
    for (const row of rows) mark.run(row.unit, row.hour, row.indicator, row.value);
    db.prepare('DELETE FROM warehouse_hour WHERE written = 1 AND hour < ?').run(new Date(now.getTime() - KEEP_WRITTEN_MS).toISOString());
  })();
}

/** The last whole day (Oslo) whose rows the warehouse has, or null before the first write. */
export function writtenDay(db: Db): string | null {
  const row = db.prepare("SELECT value FROM warehouse_mark WHERE what = 'day'").get() as { value: string } | undefined;
  return row?.value ?? null;
}

export function markDayWritten(db: Db, day: string): void {
  db.prepare("INSERT INTO warehouse_mark (what, value) VALUES ('day', ?) ON CONFLICT (what) DO UPDATE SET value = excluded.value").run(day);
}
