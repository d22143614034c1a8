/**
 * Migration 5: the leader view on the hub. Two local tables that never sync (benefit definitions and
 * the discharge-ready daily rate per year), and partial indexes that keep the leader's queries cheap
 * at municipality scale: open tasks, active stays, discharge-ready stays and IPLOS work are few among
 * many, so their indexes stay small on every replica. (The IPLOS index below, on title words, was
 * rebuilt by migration 12 and again by migration 14, which reads the template code alone.)
 */
export default `
CREATE TABLE leader_benefit (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, indicator TEXT NOT NULL,
  baseline_from TEXT NOT NULL, baseline_to TEXT NOT NULL, measure_from TEXT,
  unit_cost REAL NOT NULL, unit TEXT, created_at TEXT NOT NULL, created_by TEXT NOT NULL
);
CREATE TABLE leader_rate (year INTEGER PRIMARY KEY, nok INTEGER NOT NULL, set_at TEXT NOT NULL);

CREATE INDEX task_open ON task(unit, due) WHERE status = 'open' AND deleted = 0;
CREATE INDEX stay_active ON stay(unit) WHERE status = 'active' AND deleted = 0;
CREATE INDEX stay_discharge_ready ON stay(dischargeReadySince) WHERE dischargeReadySince IS NOT NULL AND deleted = 0;

-- Done tasks that may record an IPLOS measure (medication review, nutrition, physician, dental):
-- a few per resident a year among millions of tasks. The condition is IPLOS_CANDIDATE in
-- main/leader/leader-history.ts, word for word (a test checks the planner uses this index).
CREATE INDEX task_iplos ON task(unit) WHERE deleted = 0 AND status = 'done' AND (title LIKE '%legemiddelgj%' OR title LIKE '%ringskartlegg%' OR title LIKE '%ringsscreening%' OR title LIKE '%legevurdering%' OR title LIKE '%legeunders%' OR title LIKE '%tannhelse%' OR title LIKE '%tannlege%');
`;
