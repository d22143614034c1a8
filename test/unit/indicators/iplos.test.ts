import { describe, expect, it } from 'vitest';
import { IPLOS_MEASURES, iplosCoverage, legacyTitleRecords, recordsMeasure } from '../../../shared/indicators/iplos.js';
import { taskTemplates } from '../../../main/ward/task-templates.js';

const DAY = 86_400_000;
const NOW = Date.parse('2024-06-01T10:00:00Z');
const measure = (id: string) => {
  const found = IPLOS_MEASURES.find((m) => m.indicator === id);
  if (!found) throw new Error(id);
  return found;
};
const RESIDENTS = ['s1', 's2', 's3', 's4'];
const DONE = [
  { stay: 's1', title: 'Legemiddelgjennomgang', doneAt: NOW - 100 * DAY },
  { stay: 's2', title: 'Årlig legemiddelgjennomgang', doneAt: NOW - 400 * DAY }, // older than 12 months
  { stay: 's3', title: 'ERNÆRINGSSCREENING (MNA)', doneAt: NOW - 10 * DAY },
  { stay: 's9', title: 'Legemiddelgjennomgang', doneAt: NOW - 5 * DAY }, // not a resident now
  { stay: 's4', title: 'Legemiddelgjennomgang', doneAt: NOW + DAY }, // after the count
];

describe('IPLOS nursing-home indicators', () => {
  it('counts residents with a medication review in the last 12 months (1 of 4)', () => {
    expect(iplosCoverage(RESIDENTS, DONE, measure('iplos-medication-review'), NOW)).toEqual({ covered: 1, residents: 4 });
  });

  it('recognises the words in any case, æøå included, on tasks without a template code (legacy fallback)', () => {
    expect(iplosCoverage(RESIDENTS, DONE, measure('iplos-nutrition-screening'), NOW)).toEqual({ covered: 1, residents: 4 });
    expect(legacyTitleRecords('Tannlegetime', measure('iplos-dental-assessment'))).toBe(true);
    expect(legacyTitleRecords('Morgenstell', measure('iplos-physician-assessment'))).toBe(false);
    expect(recordsMeasure({ title: 'Tannlegetime', template: null }, measure('iplos-dental-assessment'))).toBe(true);
  });

  it('reads a task with a template code by its code, never by its title', () => {
    expect(recordsMeasure({ title: 'Gjennomgang av medisinene', template: 'medication-review' }, measure('iplos-medication-review'))).toBe(true);
    expect(recordsMeasure({ title: 'Medication review', template: 'medication-review' }, measure('iplos-medication-review'))).toBe(true);
    // A reminder to book the dentist is not a dental assessment, whatever its title says.
    expect(recordsMeasure({ title: 'Ring tannlegen', template: 'call-family' }, measure('iplos-dental-assessment'))).toBe(false);
    const coded = [{ stay: 's4', title: 'Annual review', template: 'medication-review', doneAt: NOW - DAY }];
    expect(iplosCoverage(RESIDENTS, [...DONE, ...coded], measure('iplos-medication-review'), NOW)).toEqual({ covered: 2, residents: 4 });
  });

  it('has a task template on the board for every measure, for a patient', () => {
    const templates = taskTemplates('nb');
    for (const m of IPLOS_MEASURES) expect(templates.find((t) => t.id === m.template), m.template).toMatchObject({ target: 'stay' });
  });

  it('has a denominator of 0 with no residents', () => {
    expect(iplosCoverage([], DONE, measure('iplos-medication-review'), NOW)).toEqual({ covered: 0, residents: 0 });
  });
});
