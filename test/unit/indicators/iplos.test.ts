import { describe, expect, it } from 'vitest';
import { IPLOS_MEASURES, iplosCoverage, recordsMeasure } from '../../../shared/indicators/iplos.js';
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
  { stay: 's1', title: 'Legemiddelgjennomgang', template: 'medication-review', doneAt: NOW - 100 * DAY },
  { stay: 's2', title: 'Årlig legemiddelgjennomgang', template: 'medication-review', doneAt: NOW - 400 * DAY }, // older than 12 months
  { stay: 's3', title: 'Ernæringskartlegging', template: 'nutrition-screening', doneAt: NOW - 10 * DAY },
  { stay: 's9', title: 'Legemiddelgjennomgang', template: 'medication-review', doneAt: NOW - 5 * DAY }, // not a resident now
  { stay: 's4', title: 'Legemiddelgjennomgang', template: 'medication-review', doneAt: NOW + DAY }, // after the count
];

describe('IPLOS nursing-home indicators', () => {
  it('counts residents with a medication review in the last 12 months (1 of 4)', () => {
    expect(iplosCoverage(RESIDENTS, DONE, measure('iplos-medication-review'), NOW)).toEqual({ covered: 1, residents: 4 });
  });

  it('counts each measure by its own template code only', () => {
    expect(iplosCoverage(RESIDENTS, DONE, measure('iplos-nutrition-screening'), NOW)).toEqual({ covered: 1, residents: 4 });
    expect(iplosCoverage(RESIDENTS, DONE, measure('iplos-dental-assessment'), NOW)).toEqual({ covered: 0, residents: 4 });
    expect(recordsMeasure({ template: 'medication-review' }, measure('iplos-medication-review'))).toBe(true);
    expect(recordsMeasure({ template: 'medication-review' }, measure('iplos-nutrition-screening'))).toBe(false);
    // A reminder to book the dentist is not a dental assessment, whatever its title says.
    expect(recordsMeasure({ template: 'call-family' }, measure('iplos-dental-assessment'))).toBe(false);
  });

  it('never reads a measure from title words: a task without a code records none', () => {
    for (const m of IPLOS_MEASURES) {
      expect(recordsMeasure({ template: null }, m), m.indicator).toBe(false);
      expect(recordsMeasure({}, m), m.indicator).toBe(false);
    }
    const titled = [
      { stay: 's3', title: 'Legemiddelgjennomgang', template: null, doneAt: NOW - DAY },
      { stay: 's4', title: 'ERNÆRINGSSCREENING (MNA)', doneAt: NOW - DAY },
    ];
    expect(iplosCoverage(RESIDENTS, [...DONE, ...titled], measure('iplos-medication-review'), NOW)).toEqual({ covered: 1, residents: 4 });
    expect(iplosCoverage(RESIDENTS, [...DONE, ...titled], measure('iplos-nutrition-screening'), NOW)).toEqual({ covered: 1, residents: 4 });
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
