/**
 * The discharge-ready daily rate per year. A leader may set a year's rate on the hub (leader_rate,
 * migration 5, never synced); the allocation office sets the current rate on its board (a synced
 * unit field, patient flow). A year set on the hub wins; the current year otherwise takes the
 * allocation office's rate; any other year the latest earlier one; else NOK 5 745.
 */

import type { DailyRate } from '../../shared/api/commands/leader.js';
import { osloDay } from '../../shared/time/oslo.js';
import { rateForDay, type DailyRates } from '../../shared/indicators/discharge-ready.js';
import type { Db } from '../store/database.js';

/** The rates in force: the hub's years, and the allocation office's rate for the current year. */
export interface RateTable {
  rates: DailyRates;
  sources: Record<number, DailyRate['source']>;
}

/** The allocation office's current rate, when its board has set one (the column may not exist yet). */
function allocationOfficeRate(db: Db): number | undefined {
  try {
    const row = db
      .prepare("SELECT dailyRate FROM unit WHERE kind = 'allocation-office' AND deleted = 0 AND dailyRate IS NOT NULL ORDER BY id LIMIT 1")
      .get() as { dailyRate: number } | undefined;
    return row?.dailyRate;
  } catch {
    return undefined;
  }
}

export function rateTable(db: Db, now: Date): RateTable {
  const rows = db.prepare('SELECT year, nok FROM leader_rate ORDER BY year').all() as { year: number; nok: number }[];
  const rates: Record<number, number> = Object.fromEntries(rows.map((row) => [row.year, row.nok]));
  const sources: Record<number, DailyRate['source']> = Object.fromEntries(rows.map((row) => [row.year, 'hub' as const]));
  const year = Number(osloDay(now.getTime()).slice(0, 4));
  const office = allocationOfficeRate(db);
  if (rates[year] === undefined && office !== undefined) {
    rates[year] = office;
    sources[year] = 'allocation-office';
  }
  return { rates, sources };
}

/** The rate that applies in a year, and where it comes from. */
export function rateOfYear(table: RateTable, year: number): DailyRate {
  const nok = rateForDay(`${year}-01-01`, table.rates);
  const own = table.sources[year];
  if (own) return { year, nok, source: own };
  return { year, nok, source: Object.keys(table.rates).some((y) => Number(y) < year) ? 'earlier-year' : 'default' };
}

/** Sets a year's rate (replacing an earlier setting of the same year). */
export function setRate(db: Db, year: number, nok: number, at: Date): DailyRate {
  db.prepare(
    'INSERT INTO leader_rate (year, nok, set_at) VALUES (?, ?, ?) ON CONFLICT (year) DO UPDATE SET nok = excluded.nok, set_at = excluded.set_at',
  ).run(year, nok, at.toISOString());
  return { year, nok, source: 'hub' };
}
