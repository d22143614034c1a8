/**
 * Migration 12: a task carries the code of the template it was made from (`task.template`, a
 * replicated field), so what a task means — an IPLOS measure, the cleaning of a room — is read from
 * the code, never from words in its title. The IPLOS index is rebuilt for the condition that reads
 * the code first; tasks without a code kept the title words as a legacy fallback until migration 14
 * dropped them (the index is now 014's, and old tasks got their codes from template-backfill.ts).
 */
export default `
ALTER TABLE task ADD COLUMN template TEXT;

DROP INDEX IF EXISTS task_iplos;
CREATE INDEX task_iplos ON task(unit) WHERE deleted = 0 AND status = 'done' AND (template IN ('medication-review', 'nutrition-screening', 'physician-assessment', 'dental-assessment') OR (template IS NULL AND (title LIKE '%legemiddelgj%' OR title LIKE '%ringskartlegg%' OR title LIKE '%ringsscreening%' OR title LIKE '%legevurdering%' OR title LIKE '%legeunders%' OR title LIKE '%tannhelse%' OR title LIKE '%tannlege%')));
`;
