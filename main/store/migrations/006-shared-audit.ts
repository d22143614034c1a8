/**
 * Migration 6: the unit's audit log, shared by its boards. `auditEntry` is the read model of the
 * synced collection of that name: one row per entry, written once (a later write to a row is
 * ignored, so no replica can rewrite what another logged). The board's own append-only `audit`
 * table stays as it is; its entries from before this migration are copied in, unsynced, so the
 * log on the board keeps its history.
 */
export default `
CREATE TABLE auditEntry (id TEXT PRIMARY KEY, entry TEXT);
CREATE TRIGGER auditEntry_write_once BEFORE UPDATE ON auditEntry WHEN OLD.entry IS NOT NULL
BEGIN SELECT RAISE(IGNORE); END;
CREATE INDEX auditEntry_at ON auditEntry(json_extract(entry, '$.at'));

INSERT INTO auditEntry (id, entry)
SELECT board || '-' || seq, json_object('at', at, 'actor', actor, 'action', action, 'collection', collection,
  'record', record, 'board', board, 'detail', detail)
FROM audit;
`;
