/**
 * The warehouse's tables in PostgreSQL (docs/leader.md, "The warehouse") and the upserts that fill
 * them: keyed by municipality, unit, day or hour and indicator, so writing the same figures twice
 * leaves one row, and a row is touched only when its figures changed.
 */

import type { PoolClient } from 'pg';
import type { UnitRow } from '../leader/leader-history.js';
import type { DayRow, HourRow } from './warehouse-rows.js';

export const WAREHOUSE_SCHEMA = `
CREATE TABLE IF NOT EXISTS tavla_unit (
  municipality text NOT NULL,
  unit text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL,
  capacity integer NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality, unit)
);
CREATE TABLE IF NOT EXISTS tavla_unit_day (
  municipality text NOT NULL,
  unit text NOT NULL,
  day date NOT NULL,
  indicator text NOT NULL,
  value double precision,
  numerator double precision,
  denominator double precision,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality, unit, day, indicator)
);
CREATE TABLE IF NOT EXISTS tavla_unit_hour (
  municipality text NOT NULL,
  unit text NOT NULL,
  hour timestamptz NOT NULL,
  indicator text NOT NULL,
  value double precision,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality, unit, hour, indicator)
);
CREATE INDEX IF NOT EXISTS tavla_unit_day_by_day ON tavla_unit_day (day, indicator);
CREATE INDEX IF NOT EXISTS tavla_unit_hour_by_hour ON tavla_unit_hour (hour, indicator);
`;

/** Rows per statement: a catch-up of weeks goes in slices the server takes comfortably. */
const SLICE = 5000;

/** Creates the tables when missing; two hubs creating them at once is not an error. */
export async function ensureSchema(client: PoolClient): Promise<void> {
  // A transaction-level lock: the first hub creates, the second finds them made.
  await client.query('BEGIN');
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('tavla_warehouse_schema'))");
    await client.query(WAREHOUSE_SCHEMA);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

export async function upsertUnits(client: PoolClient, municipality: string, units: readonly UnitRow[]): Promise<number> {
  if (units.length === 0) return 0;
  const result = await client.query(
    `INSERT INTO tavla_unit (municipality, unit, name, kind, capacity)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::int[])
     ON CONFLICT (municipality, unit) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, capacity = EXCLUDED.capacity, updated_at = now()
     WHERE (tavla_unit.name, tavla_unit.kind, tavla_unit.capacity) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.kind, EXCLUDED.capacity)`,
    [municipality, units.map((u) => u.id), units.map((u) => u.name), units.map((u) => u.kind), units.map((u) => u.capacity)],
  );
  return result.rowCount ?? 0;
}

/** Upserts day rows; returns how many rows were inserted or changed. */
export async function upsertDayRows(client: PoolClient, municipality: string, rows: readonly DayRow[]): Promise<number> {
  let changed = 0;
  for (let i = 0; i < rows.length; i += SLICE) {
    const slice = rows.slice(i, i + SLICE);
    const result = await client.query(
      `INSERT INTO tavla_unit_day (municipality, unit, day, indicator, value, numerator, denominator)
       SELECT $1, * FROM unnest($2::text[], $3::date[], $4::text[], $5::float8[], $6::float8[], $7::float8[])
       ON CONFLICT (municipality, unit, day, indicator) DO UPDATE
         SET value = EXCLUDED.value, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator, updated_at = now()
       WHERE (tavla_unit_day.value, tavla_unit_day.numerator, tavla_unit_day.denominator)
         IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.numerator, EXCLUDED.denominator)`,
      [
        municipality,
        slice.map((r) => r.unit),
        slice.map((r) => r.day),
        slice.map((r) => r.indicator),
        slice.map((r) => r.value),
        slice.map((r) => r.numerator),
        slice.map((r) => r.denominator),
      ],
    );
    changed += result.rowCount ?? 0;
  }
  return changed;
}

/** Upserts hour rows; returns how many rows were inserted or changed. */
export async function upsertHourRows(client: PoolClient, municipality: string, rows: readonly HourRow[]): Promise<number> {
  let changed = 0;
  for (let i = 0; i < rows.length; i += SLICE) {
    const slice = rows.slice(i, i + SLICE);
    const result = await client.query(
      `INSERT INTO tavla_unit_hour (municipality, unit, hour, indicator, value)
       SELECT $1, * FROM unnest($2::text[], $3::timestamptz[], $4::text[], $5::float8[])
       ON CONFLICT (municipality, unit, hour, indicator) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
       WHERE tavla_unit_hour.value IS DISTINCT FROM EXCLUDED.value`,
      [municipality, slice.map((r) => r.unit), slice.map((r) => r.hour), slice.map((r) => r.indicator), slice.map((r) => r.value)],
    );
    changed += result.rowCount ?? 0;
  }
  return changed;
}
