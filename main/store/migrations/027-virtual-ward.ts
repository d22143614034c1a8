/**
 * Migration 27: the virtual ward, hospital at home (issue 17). The read model of episodes (a
 * patient in a virtual bed: planned end, next visit, escalation, outcome), their rounds and
 * visits, and what a municipal home-care unit sees of a shared patient; and on a unit the Oslo
 * wall times a round not recorded turns amber and red.
 */
export default `
ALTER TABLE unit ADD COLUMN episodeRoundAmber TEXT;
ALTER TABLE unit ADD COLUMN episodeRoundRed TEXT;

CREATE TABLE episode (
  id TEXT PRIMARY KEY, unit TEXT, stay TEXT, bed TEXT, initials TEXT, startedAt TEXT, plannedEnd TEXT,
  nextVisitAt TEXT, nextVisitBy TEXT, homeCareUnit TEXT, escalatedAt TEXT, escalatedTo TEXT,
  endedAt TEXT, outcome TEXT, note TEXT, patientKey TEXT, deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX episode_unit ON episode(unit, startedAt);

CREATE TABLE episodeRound (
  id TEXT PRIMARY KEY, unit TEXT, episode TEXT, kind TEXT, mode TEXT, day TEXT, at TEXT, by TEXT,
  note TEXT, deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX episodeRound_episode ON episodeRound(episode, day);

CREATE TABLE episodeShare (
  id TEXT PRIMARY KEY, unit TEXT, fromUnit TEXT, fromName TEXT, initials TEXT, plannedEnd TEXT,
  nextMunicipalVisit TEXT, handedOverAt TEXT, status TEXT, deleted INTEGER NOT NULL DEFAULT 0
);
`;
