/** Benefit definitions, kept on the hub only (leader_benefit, migration 5): a leader's own figures. */

import type { BenefitDefinition } from '../../shared/api/commands/leader.js';
import type { BenefitIndicator } from '../../shared/indicators/benefits.js';
import type { Db } from '../store/database.js';

interface BenefitRow {
  id: string;
  name: string;
  indicator: string;
  baseline_from: string;
  baseline_to: string;
  measure_from: string | null;
  unit_cost: number;
  unit: string | null;
  created_at: string;
}

export function listBenefits(db: Db): BenefitDefinition[] {
  return (db.prepare('SELECT * FROM leader_benefit ORDER BY created_at, id').all() as BenefitRow[]).map((row) => ({
    id: row.id,
    name: row.name,
    indicator: row.indicator as BenefitIndicator,
    baselineFrom: row.baseline_from,
    baselineTo: row.baseline_to,
    measureFrom: row.measure_from,
    unitCost: row.unit_cost,
    unit: row.unit,
    createdAt: row.created_at,
  }));
}

export function saveBenefit(db: Db, benefit: BenefitDefinition, by: string): void {
  db.prepare(
    `INSERT INTO leader_benefit (id, name, indicator, baseline_from, baseline_to, measure_from, unit_cost, unit, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(benefit.id, benefit.name, benefit.indicator, benefit.baselineFrom, benefit.baselineTo, benefit.measureFrom, benefit.unitCost, benefit.unit, benefit.createdAt, by);
}

/** Removes a definition; false when there was none with that id. */
export function removeBenefit(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM leader_benefit WHERE id = ?').run(id).changes > 0;
}
