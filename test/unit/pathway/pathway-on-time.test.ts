/**
 * The leader view's "pathway steps on time" (issue 16, point 4) against a fixture worked out by
 * hand: 27 steps of 12 pathways on two units and three templates, in a real hub store. Every
 * deadline below is computed by hand in Oslo time (CEST, UTC+2, until 25 October 2026 03:00; CET,
 * UTC+1, after) and written as the UTC instant it is.
 *
 * The period: NOW is Sunday 2026-11-15 09:00 Oslo, so the 30 days end yesterday: 2026-10-16 to
 * 2026-11-14, the window [2026-10-16 00:00 Oslo, 2026-11-15 00:00 Oslo) =
 * [2026-10-15T22:00Z, 2026-11-14T23:00Z).
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HubService } from '../../../main/hub/hub-service.js';
import { indicatorsView } from '../../../main/leader/indicators.js';
import { leaderHistory } from '../../../main/leader/leader-history.js';
import { indicatorsCsv } from '../../../main/leader/csv-export.js';
import { measureReportBundle } from '../../../main/leader/fhir-export.js';
import type { RecordEdit } from '../../../main/store/field-store.js';
import type { FieldValue } from '../../../shared/domain/schema.js';
import { isStepDoneOnTime, pathwayStepsOnTime } from '../../../shared/indicators/pathway-on-time.js';
import { tempDir } from '../../support/temp-dir.js';

const NOW = new Date('2026-11-15T08:00:00Z');
const ID = 'pathway-steps-on-time';

const unit = (id: string, name: string, kind: string): RecordEdit => ({ c: 'unit', id, scope: id, fields: { municipality: 'testvik', name, kind, capacity: 10, deleted: false } });
// Initials only: the leader view never needs more, and the test needs no person.
const stay = (u: string, id: string, fields: Record<string, FieldValue> = {}): RecordEdit => ({
  c: 'stay',
  id,
  scope: u,
  fields: { unit: u, initials: id.toUpperCase(), status: 'active', admittedAt: '2026-09-01T08:00:00.000Z', shielded: false, deleted: false, ...fields },
});
const pathway = (u: string, id: string, stayId: string, template: string, startedAt: string): RecordEdit => ({
  c: 'pathway',
  id,
  scope: u,
  fields: { unit: u, stay: stayId, template, startedAt, startedBy: 'Test', trigger: 'manual', deleted: false },
});
const done = (u: string, pathwayId: string, step: string, doneAt: string): RecordEdit => ({
  c: 'pathwayStep',
  id: `${pathwayId}-${step}`,
  scope: u,
  fields: { unit: u, pathway: pathwayId, step, doneAt, doneBy: 'Test', deleted: false },
});
const skipped = (u: string, pathwayId: string, step: string, at: string): RecordEdit => ({
  c: 'pathwayStep',
  id: `${pathwayId}-${step}`,
  scope: u,
  fields: { unit: u, pathway: pathwayId, step, skippedAt: at, skippedBy: 'Test', skipReason: 'Ikke aktuelt', deleted: false },
});
const screeningTask = (u: string, id: string, stayId: string, doneAt: string): RecordEdit => ({
  c: 'task',
  id,
  scope: u,
  fields: { unit: u, stay: stayId, title: 'Ernæringskartlegging', template: 'nutrition-screening', due: doneAt, status: 'done', doneAt, doneBy: 'Test', recurrenceMinutes: null, createdAt: doneAt, deleted: false },
});

const HOME = 'ex-home-after-hospital'; // home-visit P3D working, screening P2W (IPLOS), decision P4W
const REHAB = 'ex-everyday-rehab'; // planning P0D, evaluation P14D, end P4W, follow-up P10W
const SHORT = 'ex-nutrition-short-term'; // screening P1D (IPLOS)

const FIXTURE: RecordEdit[] = [
  unit('hjemme', 'Hjemmetjenesten', 'home-care'),
  unit('fjellro', 'Fjellro korttid', 'short-term'),
  ...['h1', 'h2', 'h3', 'h5'].map((id) => stay('hjemme', id)),
  stay('hjemme', 'h4', { status: 'discharged', dischargedAt: '2026-11-01T10:00:00.000Z' }),
  ...['f1', 'f2', 'f3', 'f4', 'f5', 'f6'].map((id) => stay('fjellro', id)),

  // P1, h1: started Friday 16 Oct 10:00 CEST (08:00Z).
  pathway('hjemme', 'p1', 'h1', HOME, '2026-10-16T08:00:00.000Z'),
  // home-visit: 3 working days from Friday = Wed 21 Oct 10:00 CEST (08:00Z); tapped Tue 20 Oct → early, on time.
  done('hjemme', 'p1', 'home-visit', '2026-10-20T12:00:00.000Z'),
  // screening: 30 Oct 10:00 CET (09:00Z); the screening task done 10:01 CET → ONE MINUTE LATE.
  screeningTask('hjemme', 't-h1', 'h1', '2026-10-30T09:01:00.000Z'),
  // decision: 13 Nov 10:00 CET (09:00Z); tapped 12 Nov → on time.
  done('hjemme', 'p1', 'decision', '2026-11-12T09:00:00.000Z'),

  // P2, h2: started Thursday 15 Oct 10:00 CEST, the day before the period.
  pathway('hjemme', 'p2', 'h2', HOME, '2026-10-15T08:00:00.000Z'),
  // home-visit: Fri 16, Mon 19, Tue 20 Oct 10:00 CEST → NOT DONE and overdue: denominator only.
  // screening: 29 Oct 10:00 CET → SKIPPED: counts nowhere.
  skipped('hjemme', 'p2', 'screening', '2026-10-28T09:00:00.000Z'),
  // decision: 12 Nov 10:00 CET (09:00Z) → skipped on one board AND done on another on 11 Nov: done wins, on time.
  { ...done('hjemme', 'p2', 'decision', '2026-11-11T09:00:00.000Z'), fields: { ...done('hjemme', 'p2', 'decision', '2026-11-11T09:00:00.000Z').fields, skippedAt: '2026-11-11T08:00:00.000Z', skippedBy: 'Test', skipReason: 'Ikke aktuelt' } },

  // P3, h3: started exactly at the window's first instant, 16 Oct 00:00 CEST (15 Oct 22:00Z).
  pathway('hjemme', 'p3', 'h3', REHAB, '2026-10-15T22:00:00.000Z'),
  // planning P0D: due AT THE WINDOW EDGE 16 Oct 00:00 CEST, done at that very instant → counts, on time.
  done('hjemme', 'p3', 'planning', '2026-10-15T22:00:00.000Z'),
  // evaluation P14D: 30 Oct 00:00 CET (29 Oct 23:00Z), done 29 Oct 14:00Z → early, on time.
  done('hjemme', 'p3', 'evaluation', '2026-10-29T14:00:00.000Z'),
  // end P4W: 13 Nov 00:00 CET → NOT DONE: denominator only.
  // follow-up P10W: 25 Dec → NOT YET DUE: counts nowhere.

  // P4, h4 (discharged since: history still counts): started 20 Sep 10:00 CEST.
  pathway('hjemme', 'p4', 'h4', REHAB, '2026-09-20T08:00:00.000Z'),
  // planning 20 Sep and evaluation 4 Oct: BEFORE the period, done or not, count nowhere.
  done('hjemme', 'p4', 'planning', '2026-09-20T09:00:00.000Z'),
  // end P4W: 18 Oct 10:00 CEST (08:00Z), done 12:00 CEST → LATE (denominator only).
  done('hjemme', 'p4', 'end', '2026-10-18T10:00:00.000Z'),
  // follow-up P10W: 29 Nov → not yet due.

  // P5: a pathway for a patient the unit never held (a declined transfer's arrival): none of its 3 steps count.
  pathway('hjemme', 'p5', 'ghost', HOME, '2026-10-20T08:00:00.000Z'),

  // P6, h5: started 15 Nov 00:00 CET (14 Nov 23:00Z) → planning due AT THE WINDOW'S END (today, not in the period); the rest later.
  pathway('hjemme', 'p6', 'h5', REHAB, '2026-11-14T23:00:00.000Z'),

  // Fjellro, one step each (screening P1D by the IPLOS field):
  // F1: started 20 Oct 14:00 CEST, due 21 Oct 14:00 CEST (12:00Z); the task done 21 Oct 09:00 CEST → early, on time.
  pathway('fjellro', 'q1', 'f1', SHORT, '2026-10-20T12:00:00.000Z'),
  screeningTask('fjellro', 't-f1', 'f1', '2026-10-21T07:00:00.000Z'),
  // F2: started 1 Nov 12:00 CET, due 2 Nov 12:00 CET (11:00Z); tapped 12:01 → ONE MINUTE LATE.
  pathway('fjellro', 'q2', 'f2', SHORT, '2026-11-01T11:00:00.000Z'),
  done('fjellro', 'q2', 'screening', '2026-11-02T11:01:00.000Z'),
  // F3: due 6 Nov 08:00 CET, SKIPPED → counts nowhere.
  pathway('fjellro', 'q3', 'f3', SHORT, '2026-11-05T07:00:00.000Z'),
  skipped('fjellro', 'q3', 'screening', '2026-11-05T09:00:00.000Z'),
  // F4: due 11 Nov 08:00 CET, NOT DONE (a screening done the day BEFORE the start does not close it).
  pathway('fjellro', 'q4', 'f4', SHORT, '2026-11-10T07:00:00.000Z'),
  screeningTask('fjellro', 't-f4', 'f4', '2026-11-09T07:00:00.000Z'),
  // F5: started 15 Oct 00:00 CEST, due AT THE WINDOW EDGE 16 Oct 00:00 CEST; the task done 15 Oct 20:00 CEST → on time.
  pathway('fjellro', 'q5', 'f5', SHORT, '2026-10-14T22:00:00.000Z'),
  screeningTask('fjellro', 't-f5', 'f5', '2026-10-15T18:00:00.000Z'),
  // F6: started 14 Nov 00:00 CET, due 15 Nov 00:00 CET = the window's end → not in the period.
  pathway('fjellro', 'q6', 'f6', SHORT, '2026-11-13T23:00:00.000Z'),
];

/*
 * By hand (due = fell due in the period and applicable; on time = done by the deadline):
 *   Hjemmetjenesten, Utskrevet til hjemmetjenesten: P1 3 due / 2 on time, P2 2 / 1 → 5 / 3 = 60 %
 *     home-visit 2 due (1 on time, 1 not done); screening 1 (1 late); decision 2 (2 on time)
 *   Hjemmetjenesten, Hverdagsrehabilitering: P3 3 / 2, P4 1 / 0, P6 0 → 4 / 2 = 50 %
 *     planning 1 (on time); evaluation 1 (on time); end 2 (1 late, 1 not done)
 *   Hjemmetjenesten: 9 / 5 = 55.6 %
 *   Fjellro korttid, Ernæring, korttidsopphold: F1, F5 on time, F2 late, F4 not done → 4 / 2 = 50 %
 *   The municipality: 13 / 7 = 53.8 %
 * Steps in the fixture: P1 3 + P2 3 + P3 4 + P4 4 + P5 3 + P6 4 + F1–F6 6 = 27.
 */

let dir: ReturnType<typeof tempDir>;
let hub: HubService;
beforeEach(() => {
  dir = tempDir();
  hub = new HubService({ dataDir: dir.path, municipality: 'testvik' });
  hub.store.commit({ actor: 'test', action: 'seed' }, FIXTURE);
});
afterEach(() => {
  hub.close();
  dir.remove();
});

const view = (input: { unit?: string; days?: number } = {}) => {
  const result = indicatorsView(leaderHistory(hub.db), input, NOW, {});
  if (!result.ok) throw new Error(result.message);
  return result.value;
};

describe('pathway steps on time', () => {
  it('counts a step done at its deadline as on time and one a minute after as late; a skipped step counts nowhere', () => {
    const due = Date.parse('2026-11-02T11:00:00Z');
    expect(isStepDoneOnTime({ due, doneAt: due, notApplicable: false })).toBe(true);
    expect(isStepDoneOnTime({ due, doneAt: due + 60_000, notApplicable: false })).toBe(false);
    expect(pathwayStepsOnTime([{ due, doneAt: null, notApplicable: true }, { due, doneAt: null, notApplicable: false }], due, due + 1)).toEqual({ due: 1, onTime: 0, percent: 0 });
    expect(pathwayStepsOnTime([], due, due + 1).percent).toBeNull();
  });

  it('gives the municipality 7 of 13 steps on time over the last 30 days, and each unit its own share', () => {
    const v = view();
    expect([v.from, v.to]).toEqual(['2026-10-16', '2026-11-14']);
    expect(v.indicators.find((i) => i.id === ID)).toMatchObject({ numerator: 7, denominator: 13, value: 53.8 });
    expect(Object.fromEntries(v.units.map((u) => [u.unit, u.values[ID]]))).toEqual({ fjellro: 50, hjemme: 55.6 });
    expect(view({ unit: 'hjemme' }).indicators.find((i) => i.id === ID)).toMatchObject({ numerator: 5, denominator: 9, value: 55.6 });
  });

  it('drills down per unit and template to each step that fell due: how many on time, late and not done', () => {
    expect(view().pathways).toEqual([
      {
        unit: 'fjellro',
        unitName: 'Fjellro korttid',
        template: SHORT,
        name: 'Ernæring, korttidsopphold',
        due: 4,
        onTime: 2,
        value: 50,
        steps: [{ step: 'screening', title: 'Ernæringskartlegging', due: 4, onTime: 2, late: 1, notDone: 1 }],
      },
      {
        unit: 'hjemme',
        unitName: 'Hjemmetjenesten',
        template: REHAB,
        name: 'Hverdagsrehabilitering',
        due: 4,
        onTime: 2,
        value: 50,
        steps: [
          expect.objectContaining({ step: 'planning', due: 1, onTime: 1, late: 0, notDone: 0 }),
          { step: 'evaluation', title: 'Midtveisevaluering', due: 1, onTime: 1, late: 0, notDone: 0 },
          { step: 'end', title: 'Avslutningsmøte', due: 2, onTime: 0, late: 1, notDone: 1 },
        ],
      },
      {
        unit: 'hjemme',
        unitName: 'Hjemmetjenesten',
        template: HOME,
        name: 'Utskrevet til hjemmetjenesten',
        due: 5,
        onTime: 3,
        value: 60,
        steps: [
          { step: 'home-visit', title: 'Kartleggingsbesøk hjemme', due: 2, onTime: 1, late: 0, notDone: 1 },
          { step: 'screening', title: 'Ernæringskartlegging', due: 1, onTime: 0, late: 1, notDone: 0 },
          { step: 'decision', title: 'Vedtak om tjenester fattet', due: 2, onTime: 2, late: 0, notDone: 0 },
        ],
      },
    ]);
    // Drilled down to one unit, only its templates.
    expect(view({ unit: 'fjellro' }).pathways.map((row) => row.template)).toEqual([SHORT]);
  });

  it('draws the daily trend from the steps due that day: both edge steps on 16 Oct, and 1 of 2 on 13 Nov', () => {
    const trend = view().indicators.find((i) => i.id === ID)?.trend ?? [];
    const on = (day: string) => trend.find((p) => p.day === day)?.value;
    expect(on('2026-10-16')).toBe(100); // P3 planning and F5 screening, both at 00:00
    expect(on('2026-10-18')).toBe(0); // P4 end, late
    expect(on('2026-10-20')).toBe(0); // P2 home visit, not done
    expect(on('2026-11-13')).toBe(50); // P1 decision on time, P3 end not done
    expect(on('2026-11-06')).toBeNull(); // F3 skipped: nothing due that counts
  });

  it('moves with the records: a late step done on time elsewhere is read again after the edit', () => {
    expect(view().indicators.find((i) => i.id === ID)?.numerator).toBe(7);
    // F4 tapped done on 10 Nov (before its deadline of 11 Nov 08:00 CET), as a board's sync would write it.
    hub.store.commit({ actor: 'test', action: 'sync' }, [done('fjellro', 'q4', 'screening', '2026-11-10T12:00:00.000Z')]);
    expect(view().indicators.find((i) => i.id === ID)).toMatchObject({ numerator: 8, denominator: 13 });
  });

  it('goes out with the other indicators in the CSV and the FHIR export, without a patient', () => {
    const v = view();
    const [header, whole] = indicatorsCsv(v).replace('\uFEFF', '').split('\r\n').map((line) => line.split(','));
    expect(whole[header.indexOf(ID)]).toBe('53.8');
    const bundle = measureReportBundle(v, 'testvik', NOW) as { entry: { resource: { id: string; group: { population: { count: number }[] }[] } }[] };
    const report = bundle.entry.find((e) => e.resource.id.startsWith(ID))?.resource;
    expect(report?.group[0].population.map((p) => p.count)).toEqual([7, 13]);
    const text = JSON.stringify(v);
    for (const stayId of ['h1', 'h2', 'f1', 'ghost']) expect(text).not.toContain(`"${stayId}"`);
  });
});
