/**
 * The IPLOS-based nursing-home indicators: the share of residents with a medication review,
 * nutrition screening, physician or dental assessment in the last 12 months. The board records
 * them as done tasks on the resident, recognised by words in the task title.
 */

import type { IndicatorId } from './definitions.js';

export interface IplosMeasure {
  indicator: IndicatorId;
  /** The IPLOS register field the indicator corresponds to. */
  iplosField: string;
  /** Lower-case words of which one must appear in a done task's title. */
  words: readonly string[];
}

export const IPLOS_MEASURES: readonly IplosMeasure[] = [
  { indicator: 'iplos-medication-review', iplosField: 'poLegeMiddGj', words: ['legemiddelgjennomgang'] },
  { indicator: 'iplos-nutrition-screening', iplosField: 'poErnKartlagt', words: ['ernæringskartlegging', 'ernæringsscreening'] },
  { indicator: 'iplos-physician-assessment', iplosField: 'poVurdLege', words: ['legevurdering', 'legeundersøkelse'] },
  { indicator: 'iplos-dental-assessment', iplosField: 'poVurdTann', words: ['tannhelse', 'tannlege'] },
];

/** The look-back of every IPLOS indicator: 12 months, taken as 365 days. */
export const IPLOS_LOOKBACK_MS = 365 * 86_400_000;

/** Whether a task title records this measure. */
export function recordsMeasure(title: string, measure: IplosMeasure): boolean {
  const lower = title.toLowerCase();
  return measure.words.some((word) => lower.includes(word));
}

/** A done task on a resident. */
export interface DoneOnResident {
  stay: string;
  title: string;
  doneAt: number;
}

/**
 * Residents covered at an instant: those with a done task of the measure in the 12 months before
 * it (inclusive). Returns covered and residents, the numerator and denominator.
 */
export function iplosCoverage(residents: readonly string[], done: readonly DoneOnResident[], measure: IplosMeasure, at: number): { covered: number; residents: number } {
  const from = at - IPLOS_LOOKBACK_MS;
  const covered = new Set(done.filter((task) => task.doneAt > from && task.doneAt <= at && recordsMeasure(task.title, measure)).map((task) => task.stay));
  return { covered: residents.filter((stay) => covered.has(stay)).length, residents: residents.length };
}
