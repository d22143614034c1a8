/**
 * Migration 23: welfare-technology alarms (issue 15, docs/alarms.md). `alarm` and `alarmAccept` are
 * the read model of two synced collections (shared/domain/schema.ts) in the home-care unit's
 * scope. The hub alone keeps the two tables below: which VKP alarm identifiers it imported (a second
 * bundle with the same identifier changes nothing), and the configured patient mapping, keyed by a
 * hash of the sender's patient identifier so no identity number is stored.
 */
export default `
CREATE TABLE alarm (
  id TEXT PRIMARY KEY, unit TEXT, stay TEXT, initials TEXT, route TEXT, code TEXT, codeSystem TEXT, codeText TEXT,
  severity TEXT, kind TEXT, reportedAt TEXT, handlingAt TEXT, calloutAt TEXT, escalatedAt TEXT, escalatedBy TEXT,
  escalationReason TEXT, closedAt TEXT, closedBy TEXT, summary TEXT, deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX alarm_unit ON alarm(unit, closedAt);
CREATE TABLE alarmAccept (
  id TEXT PRIMARY KEY, unit TEXT, alarm TEXT, "by" TEXT, at TEXT, board TEXT, deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX alarmAccept_alarm ON alarmAccept(alarm);

CREATE TABLE vkp_alarm (
  identifier_key TEXT PRIMARY KEY, alarm TEXT NOT NULL, unit TEXT NOT NULL, source TEXT, imported_at TEXT NOT NULL
);
CREATE TABLE vkp_patient (
  patient_key TEXT PRIMARY KEY, unit TEXT NOT NULL, stay TEXT NOT NULL
);
`;
