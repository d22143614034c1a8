/** Migration 2: transfers between units, staffing per shift and handovers; task due index. */
export default `
CREATE TABLE transfer (
  id TEXT PRIMARY KEY, fromUnit TEXT, toUnit TEXT, stay TEXT, status TEXT, requestedAt TEXT,
  acceptedAt TEXT, scheduledFor TEXT, completedAt TEXT, cancelledAt TEXT,
  deleted INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE staffing (
  id TEXT PRIMARY KEY, unit TEXT, date TEXT, shift TEXT, planned INTEGER, present INTEGER,
  deleted INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE handover (
  id TEXT PRIMARY KEY, unit TEXT, date TEXT, shift TEXT, notes TEXT, acknowledgedBy TEXT,
  acknowledgedAt TEXT, deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX transfer_from ON transfer(fromUnit);
CREATE INDEX transfer_to ON transfer(toUnit);
CREATE INDEX staffing_unit ON staffing(unit, date);
CREATE INDEX handover_unit ON handover(unit, date);
CREATE INDEX task_due ON task(unit, due);
`;
