/**
 * The alarm handling rules (issue 15, point 4): the accept merge rule is a choice from the set of
 * attempts (property-tested: any order, any duplication, any split between two boards ends with the
 * same accepted-by), the not-accepted banner on the manual clock, the leader's figures, and the
 * closing Composition validated by FHIR.js and the R4 JSON schema.
 */

import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alarmFigures, notAcceptedInTime, winningAttempt, type AcceptAttempt, type HandlingTimes } from '../../../shared/alarm/handling.js';
import { exportClosingSummary } from '../../../main/alarm/composition-export.js';
import { fhirProblem } from '../../../main/alarm/fhir-validator.js';
import { ManualTime } from '../../support/manual-time.js';

const attempt = fc.record({
  id: fc.uuid(),
  alarm: fc.constant('a1'),
  by: fc.constantFrom('Kari', 'Ola', 'Nora'),
  at: fc.integer({ min: 0, max: 5_000 }).map((ms) => new Date(Date.UTC(2026, 2, 2, 8, 0, 0, ms)).toISOString()),
  board: fc.constantFrom('board-a', 'board-b'),
});

describe('winningAttempt', () => {
  it('is the same whatever order the attempts arrive in and however they are split between two boards', () => {
    fc.assert(
      fc.property(fc.array(attempt, { minLength: 1, maxLength: 12 }), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), (attempts, split) => {
        // Board A saw some attempts first, board B the others; both end holding all of them.
        const seenByA = [...attempts.filter((_, i) => split[i]), ...attempts.filter((_, i) => !split[i])];
        const seenByB = [...attempts].reverse();
        const a = winningAttempt(seenByA);
        const b = winningAttempt(seenByB);
        expect(a).toEqual(b);
        expect(winningAttempt([...seenByA, ...seenByA])).toEqual(a); // a repeat changes nothing
        // It is the earliest stamp.
        const earliest = Math.min(...attempts.map((x) => Date.parse(x.at)));
        expect(Date.parse(a!.at)).toBe(earliest);
      }),
    );
  });

  it('breaks a tie of the same millisecond by board, so both boards agree', () => {
    const at = '2026-03-02T08:00:00.000Z';
    const fromB: AcceptAttempt = { id: 'x2', alarm: 'a1', by: 'Ola', at, board: 'board-b' };
    const fromA: AcceptAttempt = { id: 'x9', alarm: 'a1', by: 'Kari', at, board: 'board-a' };
    expect(winningAttempt([fromB, fromA])?.by).toBe('Kari');
    expect(winningAttempt([fromA, fromB])?.by).toBe('Kari');
    expect(winningAttempt([])).toBeUndefined();
  });
});

const open = (reportedAt: string): HandlingTimes => ({ reportedAt, handlingAt: null, calloutAt: null, acceptedAt: null, closedAt: null });

describe('notAcceptedInTime', () => {
  it('raises the banner only after the severity limit has passed, and drops it once accepted', async () => {
    const time = new ManualTime(Date.parse('2026-03-02T08:00:00.000Z'));
    const red = { severity: 'red' as const, times: open('2026-03-02T08:00:00.000Z') };
    const green = { severity: 'green' as const, times: open('2026-03-02T08:00:00.000Z') };
    const limits = { red: 5, yellow: 15, green: 60 };
    await time.advance(5 * 60_000);
    expect(notAcceptedInTime(red, new Date(time.now()), limits)).toBe(false); // exactly at the limit: not yet
    await time.advance(1_000);
    expect(notAcceptedInTime(red, new Date(time.now()), limits)).toBe(true);
    expect(notAcceptedInTime(green, new Date(time.now()), limits)).toBe(false);
    expect(notAcceptedInTime({ ...red, times: { ...red.times, acceptedAt: '2026-03-02T08:05:01.000Z' } }, new Date(time.now()), limits)).toBe(false);
  });
});

describe('alarmFigures', () => {
  it('gives per severity the count, the median times to accept and close, and how many were escalated (hand-computed)', () => {
    const at = (s: number) => new Date(Date.UTC(2026, 2, 2, 8, 0, s)).toISOString();
    const figures = alarmFigures([
      { severity: 'red', times: { ...open(at(0)), acceptedAt: at(10), closedAt: at(100) }, escalatedAt: null },
      { severity: 'red', times: { ...open(at(0)), handlingAt: at(20), acceptedAt: at(40), closedAt: at(200) }, escalatedAt: at(30) },
      { severity: 'red', times: open(at(0)), escalatedAt: null },
      { severity: 'green', times: { ...open(at(0)), acceptedAt: at(60) }, escalatedAt: null },
    ]);
    expect(figures.find((f) => f.severity === 'red')).toEqual({ severity: 'red', alarms: 3, medianAcceptSeconds: 15, medianCloseSeconds: 150, escalated: 1 });
    expect(figures.find((f) => f.severity === 'green')).toEqual({ severity: 'green', alarms: 1, medianAcceptSeconds: 60, medianCloseSeconds: null, escalated: 0 });
    expect(figures.find((f) => f.severity === 'yellow')?.alarms).toBe(0);
  });
});

describe('exportClosingSummary', () => {
  it('is a Composition both FHIR.js and the R4 JSON schema accept, carrying the events and the summary', { timeout: 120_000 }, () => {
    const composition = exportClosingSummary(
      {
        id: 'alarm-1',
        identifier: 'urn:vkp:GlobalAlarmId|GA-1001',
        code: '4.1',
        codeText: 'Fall',
        times: { reportedAt: '2026-03-02T08:00:00.000Z', handlingAt: null, calloutAt: '2026-03-02T08:01:00.000Z', acceptedAt: '2026-03-02T08:02:00.000Z', closedAt: '2026-03-02T08:30:00.000Z' },
        acceptedBy: 'Kari',
        closedBy: 'Kari',
        summary: 'Bruker funnet på gulvet, hjulpet opp, ingen skade <sjekket>.',
        escalationReason: 'Sykepleier tilkalt',
      },
      new Date('2026-03-02T08:31:00.000Z'),
    );
    expect(fhirProblem(composition)).toBeUndefined();
    const require = createRequire(import.meta.url);
    const { Fhir } = require('fhir') as { Fhir: new () => { validate(r: unknown): { messages: { severity?: string; message?: string }[] } } };
    const errors = new Fhir().validate(composition).messages.filter((m) => m.severity === 'error');
    expect(errors).toEqual([]);
    const events = composition.event as { code: { coding: { code: string }[] }[]; period: { start: string } }[];
    expect(events.map((e) => e.code[0].coding[0].code)).toEqual(['0', '4', '5', '3']);
    expect(JSON.stringify(composition.section)).toContain('&lt;sjekket&gt;');
    // A Composition missing its required status is what the check is there to catch.
    expect(fhirProblem({ ...composition, status: undefined, unknownThing: 1 })).toBeDefined();
  });
});
