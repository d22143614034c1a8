/**
 * Migration 29: the hub's marks for the aggregate sink (main/warehouse, docs/leader.md "The
 * warehouse"). Capacity is a reading of now and has no history to recompute later, so each hour's
 * last reading is kept here until PostgreSQL has it; `warehouse_mark` holds the last whole day
 * written, from which a restart or a warehouse back from an outage catches up. Aggregates only.
 */
export default `
CREATE TABLE warehouse_hour (
  unit TEXT NOT NULL, hour TEXT NOT NULL, indicator TEXT NOT NULL, value REAL,
  written INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (unit, hour, indicator)
);
CREATE INDEX warehouse_hour_unwritten ON warehouse_hour(written, hour);
CREATE TABLE warehouse_mark (what TEXT PRIMARY KEY, value TEXT NOT NULL);
`;
