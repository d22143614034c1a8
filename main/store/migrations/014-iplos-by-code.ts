/**
 * Migration 14: IPLOS work is found by the task's template code alone. The partial index task_iplos
 * is rebuilt without the title words of migrations 5 and 12 (IPLOS_CANDIDATE in
 * main/leader/leader-history.ts, word for word). Tasks made before tasks carried a code get theirs
 * from their unit's board, once, as replicated edits (main/ward/template-backfill.ts): a migration
 * here would change the read model only, which a start-over rebuilds and other replicas never see.
 */
export default `
DROP INDEX IF EXISTS task_iplos;
CREATE INDEX task_iplos ON task(unit) WHERE deleted = 0 AND status = 'done' AND template IN ('medication-review', 'nutrition-screening', 'physician-assessment', 'dental-assessment');
`;
