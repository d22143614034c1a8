/**
 * Migration 30: fewer pages written and synced by the commits every tap and every merged batch
 * make (docs/protocol.md, "Where a commit's time goes"). `task_unit` goes: every query of tasks by
 * unit is served by the prefix of `task_due` (unit, due), so a new task is one index insert fewer.
 * The outbox index holds only what is unsent (a partial index on seq): it stays a page or two
 * however long the change log is, where the index on (sent, seq) held every row and was split
 * where the unsent rows meet the sent ones.
 */
export default `
DROP INDEX task_unit;
DROP INDEX change_log_unsent;
CREATE INDEX change_log_unsent ON change_log(seq) WHERE sent = 0;
`;
