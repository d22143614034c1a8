/**
 * Migration 28: the shared emergency reception (issue 17, docs/shared-reception.md). The read
 * models of the encounter collections: the shared encounter, its triage history and its
 * handovers in the unit's scope; `encounterPrivate` in an organisation's own scope
 * (`<unit>~<organisation>`). The unit gains its member organisations and the leader view's targets.
 */
export default `
ALTER TABLE unit ADD COLUMN organisations TEXT;
ALTER TABLE unit ADD COLUMN receptionTargets TEXT;
CREATE TABLE encounter (
  id TEXT PRIMARY KEY, unit TEXT, owner TEXT, responsible TEXT, label TEXT, bay TEXT, colour TEXT, triagedAt TEXT,
  colourSetAt TEXT, status TEXT, arrivedAt TEXT, assessedAt TEXT, disposition TEXT, disposedAt TEXT,
  deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX encounter_unit ON encounter(unit, disposedAt);
CREATE TABLE encounterTriage (id TEXT PRIMARY KEY, unit TEXT, encounter TEXT, colour TEXT, at TEXT, deleted INTEGER NOT NULL DEFAULT 0);
CREATE INDEX encounterTriage_encounter ON encounterTriage(encounter);
CREATE TABLE encounterHandover (
  id TEXT PRIMARY KEY, unit TEXT, encounter TEXT, "from" TEXT, "to" TEXT, at TEXT, "by" TEXT, board TEXT,
  deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX encounterHandover_encounter ON encounterHandover(encounter);
CREATE TABLE encounterPrivate (
  id TEXT PRIMARY KEY, unit TEXT, organisation TEXT, name TEXT, idKey TEXT, reason TEXT, note TEXT,
  deleted INTEGER NOT NULL DEFAULT 0
);
`;
