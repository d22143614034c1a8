/**
 * Migration 3: the ward board. A note per stay (synced, personal data); and three local-only
 * tables that never sync: staff with their PIN hashes, the PIN pad's lockout, and screen settings.
 */
export default `
ALTER TABLE stay ADD COLUMN note TEXT;

-- Staff who may unlock this screen. The PIN is kept only as a slow hash (scrypt, parameters stored
-- beside it so they can be raised later); it never leaves this board's SQLite file.
CREATE TABLE staff (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL,
  pin_hash TEXT, salt TEXT, params TEXT,
  created_at TEXT NOT NULL, removed_at TEXT
);

-- Wrong PINs in a row on this board (whichever staff member was tried) and, once too many, until
-- when the PIN pad is locked. On disk, so that restarting the board does not reset the count.
CREATE TABLE pin_lockout (
  key TEXT PRIMARY KEY, failures INTEGER NOT NULL DEFAULT 0, locked_until TEXT
);

CREATE TABLE ward_setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE INDEX stay_admitted ON stay(unit, admittedAt);
CREATE INDEX stay_discharged ON stay(unit, dischargedAt);
CREATE INDEX task_done ON task(unit, doneAt);
`;
