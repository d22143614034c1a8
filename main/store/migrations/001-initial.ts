/** Migration 1: the unit, its beds, stays and tasks; the replicated field state, the change log and the audit log. */
export default `
CREATE TABLE unit (
  id TEXT PRIMARY KEY, municipality TEXT, name TEXT, kind TEXT, capacity INTEGER,
  deleted INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE bed (
  id TEXT PRIMARY KEY, unit TEXT, label TEXT, room TEXT, status TEXT, sort INTEGER,
  deleted INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE stay (
  id TEXT PRIMARY KEY, unit TEXT, bed TEXT, initials TEXT, name TEXT, birthDate TEXT,
  fall INTEGER, pressureUlcer INTEGER, urinaryInfection INTEGER, news2 INTEGER, medicines INTEGER,
  nutrition INTEGER, infection INTEGER, allergy INTEGER, twoCarers INTEGER, hlrMinus INTEGER,
  adl INTEGER, nurse TEXT, admittedAt TEXT, expectedDischarge TEXT, dischargeReadySince TEXT,
  dischargedAt TEXT, shielded INTEGER, status TEXT, deleted INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE task (
  id TEXT PRIMARY KEY, unit TEXT, stay TEXT, title TEXT, due TEXT, recurrenceMinutes INTEGER,
  status TEXT, doneBy TEXT, doneAt TEXT, createdAt TEXT, deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX bed_unit ON bed(unit);
CREATE INDEX stay_unit ON stay(unit);
CREATE INDEX task_unit ON task(unit);

-- The replicated state: every field's current value (JSON) and the stamp it won with, and the
-- unit whose scope it syncs in. The typed tables above are its materialised read model.
CREATE TABLE field_state (
  collection TEXT NOT NULL, id TEXT NOT NULL, field TEXT NOT NULL, value TEXT,
  hlc TEXT NOT NULL, scope TEXT NOT NULL,
  PRIMARY KEY (collection, id, field)
) WITHOUT ROWID;
CREATE INDEX field_state_scope ON field_state(scope);

-- The change log is the outbox: local changes not yet acknowledged by the broker have sent = 0.
CREATE TABLE change_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, collection TEXT NOT NULL, id TEXT NOT NULL,
  field TEXT NOT NULL, value TEXT, hlc TEXT NOT NULL, scope TEXT NOT NULL,
  sent INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX change_log_unsent ON change_log(sent, seq);

-- Append-only access and edit log.
CREATE TABLE audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL,
  action TEXT NOT NULL, collection TEXT, record TEXT, board TEXT NOT NULL, detail TEXT
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;

CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;
