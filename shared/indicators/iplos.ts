/**
 * The IPLOS-based nursing-home indicators: the share of residents with a medication review,
 * nutrition screening, physician or dental assessment in the last 12 months. The board records
 * them as done tasks on the resident made from the measure's task template, recognised by the
 * template code the task carries, never by the words of its title: a task without a code records no
 * measure. (Tasks made before tasks carried a code were given theirs once, as replicated edits, by
 * the board of their unit: main/ward/template-backfill.ts.)
 */

import type { IndicatorId } from './definitions.js';

export interface IplosMeasure {
  indicator: IndicatorId;
  /** The IPLOS register field the indicator corresponds to. */
  iplosField: string;
  /** The task template (main/ward/task-templates.ts) whose done tasks record the measure. */
  template: string;
}

export const IPLOS_MEASURES: readonly IplosMeasure[] = [
  { indicator: 'iplos-medication-review', iplosField: 'poLegeMiddGj', template: 'medication-review' },
  { indicator: 'iplos-nutrition-screening', iplosField: 'poErnKartlagt', template: 'nutrition-screening' },
  { indicator: 'iplos-physician-assessment', iplosField: 'poVurdLege', template: 'physician-assessment' },
  { indicator: 'iplos-dental-assessment', iplosField: 'poVurdTann', template: 'dental-assessment' },
];

/** The look-back of every IPLOS indicator: 12 months, taken as 365 days. */
export const IPLOS_LOOKBACK_MS = 365 * 86_400_000;

/** A done task as the measures read it: its template code (null or absent: none). */
export interface CodedTask {
  template?: string | null;
}

/** Whether a done task records this measure: by its template code alone. */
export function recordsMeasure(task: CodedTask, measure: IplosMeasure): boolean {
  return task.template === measure.template;
}

/** A done task on a resident. */
export interface DoneOnResident extends CodedTask {
  stay: string;
  doneAt: number;
}

/**
 * Residents covered at an instant: those with a done task of the measure in the 12 months before
 * it (inclusive). Returns covered and residents, the numerator and denominator.
 */
export function iplosCoverage(residents: readonly string[], done: readonly DoneOnResident[], measure: IplosMeasure, at: number): { covered: number; residents: number } {
  const from = at - IPLOS_LOOKBACK_MS;
  const covered = new Set(done.filter((task) => task.doneAt > from && task.doneAt <= at && recordsMeasure(task, measure)).map((task) => task.stay));
  return { covered: residents.filter((stay) => covered.has(stay)).length, residents: residents.length };
}
