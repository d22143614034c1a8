/**
 * Migration 9: stamps this replica refused as too far ahead. A refused stamp stays refused: once
 * real time catches up with it, it would otherwise be accepted and beat edits made after it.
 */
export default `
CREATE TABLE refused_stamp (hlc TEXT PRIMARY KEY, at INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX refused_stamp_at ON refused_stamp(at);
`;
