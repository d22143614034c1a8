/**
 * The virtual ward's admit form (docs/virtual-ward.md): what it says is missing before sending,
 * by the command's own start rule, and the `episode.admit` input it sends, parts left out when
 * not chosen, Oslo wall times read with that day's offset.
 */

import { describe, expect, it } from 'vitest';
import { HOMEHOSPITAL_COMMANDS } from '../../../shared/api/commands/homehospital.js';
import { identityProblems } from '../../../renderer/src/state/patient-identity.js';
import { virtualAdmissionInput, virtualAdmissionProblems, type VirtualAdmissionForm } from '../../../renderer/src/state/virtual-admission.js';
import { syntheticNationalId, wrongCheckDigit } from '../../support/synthetic-national-id.js';

// 2026-07-01 12:00 in Oslo (summer time, UTC+2).
const NOW = new Date('2026-07-01T10:00:00.000Z');
const FORM: VirtualAdmissionForm = {
  bed: 'V1',
  name: ' Ida Kristiansen ',
  initials: 'ik',
  birthDate: '1949-05-21',
  nationalId: '',
  plannedEnd: '2026-07-10',
  startDay: null,
  startTime: null,
  homeCareUnit: null,
  visitDay: null,
  visitTime: null,
  visitBy: null,
  note: '',
};
const filled = (form: VirtualAdmissionForm) => ({ ...form, birthDate: form.birthDate ?? '', plannedEnd: form.plannedEnd ?? '' });
const WORDS = { missingName: 'name', badInitials: 'initials', missingBirthDate: 'birth' };

describe('the virtual ward admit form', () => {
  it('sends only what was chosen: no start (main takes now), no home care, no next visit, no empty note', () => {
    const input = virtualAdmissionInput(filled(FORM), NOW);
    expect(input).toEqual({ bed: 'V1', name: 'Ida Kristiansen', initials: 'ik', birthDate: '1949-05-21', plannedEnd: '2026-07-10' });
    expect(HOMEHOSPITAL_COMMANDS['episode.admit'].input.safeParse(input).success).toBe(true);
    expect(virtualAdmissionProblems(FORM, NOW)).toEqual({ nationalId: null, plannedEnd: null, start: null, nextVisit: null });
  });

  it('sends the start, the home care, the next visit by whom and the note, each on the Oslo clock of its day', () => {
    const form = { ...FORM, startDay: '2026-06-28', startTime: '08:30', homeCareUnit: 'hjemmetjenesten-nord', visitDay: '2026-07-02', visitTime: '09:00', visitBy: 'municipality' as const, note: ' Antibiotika ' };
    const input = virtualAdmissionInput(filled(form), NOW);
    expect(input).toMatchObject({
      startedAt: '2026-06-28T06:30:00.000Z',
      homeCareUnit: 'hjemmetjenesten-nord',
      nextVisit: { at: '2026-07-02T07:00:00.000Z', by: 'municipality' },
      note: 'Antibiotika',
    });
    expect(HOMEHOSPITAL_COMMANDS['episode.admit'].input.safeParse(input).success).toBe(true);
    // A start time without a day is today's.
    expect(virtualAdmissionInput(filled({ ...FORM, startTime: '07:00' }), NOW).startedAt).toBe('2026-07-01T05:00:00.000Z');
  });

  it('says a missing planned end, and one before the start', () => {
    expect(virtualAdmissionProblems({ ...FORM, plannedEnd: null }, NOW).plannedEnd).toBe('missing');
    expect(virtualAdmissionProblems({ ...FORM, plannedEnd: '2026-06-30' }, NOW).plannedEnd).toBe('end-before-start');
    expect(virtualAdmissionProblems({ ...FORM, plannedEnd: '2026-06-30', startDay: '2026-06-29', startTime: '10:00' }, NOW).plannedEnd).toBeNull();
  });

  it('holds the start to the command\'s bounds: at most 60 days back, not ahead, and a day needs its time', () => {
    expect(virtualAdmissionProblems({ ...FORM, startDay: '2026-06-28' }, NOW).start).toBe('time-missing');
    expect(virtualAdmissionProblems({ ...FORM, startDay: '2026-05-02', startTime: '13:00' }, NOW).start).toBeNull();
    expect(virtualAdmissionProblems({ ...FORM, startDay: '2026-05-02', startTime: '11:00' }, NOW).start).toBe('start-out-of-range');
    expect(virtualAdmissionProblems({ ...FORM, startTime: '12:05' }, NOW).start).toBe('start-out-of-range');
  });

  it('sends an identity number with the kind it tells, and none when left empty; a short one or a wrong check digit is said, not sent', () => {
    // Ida's own birth date in the test registers' form (month + 80); an H-number's date is not compared.
    const numbers = { FNR: syntheticNationalId('FNR', FORM.birthDate as string), DNR: syntheticNationalId('DNR', FORM.birthDate as string), HNR: syntheticNationalId('HNR', '1962-05-21') };
    for (const kind of ['FNR', 'DNR', 'HNR'] as const) {
      const nationalId = numbers[kind];
      const input = virtualAdmissionInput(filled({ ...FORM, nationalId }), NOW);
      expect(input).toMatchObject({ nationalId, idType: kind });
      expect(HOMEHOSPITAL_COMMANDS['episode.admit'].input.safeParse(input).success).toBe(true);
      expect(virtualAdmissionProblems({ ...FORM, nationalId }, NOW).nationalId).toBeNull();
    }
    expect(virtualAdmissionInput(filled(FORM), NOW)).not.toHaveProperty('nationalId');
    const good = numbers.FNR;
    expect(virtualAdmissionProblems({ ...FORM, nationalId: good.slice(0, 7) }, NOW).nationalId).toBe('length');
    expect(virtualAdmissionProblems({ ...FORM, nationalId: wrongCheckDigit(good) }, NOW).nationalId).toBe('check-digits');
    // The command's own check: no century for 1970 with individual number 800; born 2038, after today.
    expect(virtualAdmissionProblems({ ...FORM, nationalId: '01017080039' }, NOW).nationalId).toBe('century');
    expect(virtualAdmissionProblems({ ...FORM, nationalId: '01013850085' }, NOW).nationalId).toBe('future');
  });

  it("says a right number whose date is not the birth date chosen (another patient's papers), century included", () => {
    const ida = syntheticNationalId('FNR', '1949-05-21');
    expect(virtualAdmissionProblems({ ...FORM, nationalId: ida }, NOW).nationalId).toBeNull();
    for (const birthDate of ['1949-05-22', '1949-06-21', '1950-05-21']) expect(virtualAdmissionProblems({ ...FORM, birthDate, nationalId: ida }, NOW).nationalId, birthDate).toBe('birth-date');
    // A century apart the two digits agree, but the individual number tells the century: 1949 is not 1849.
    expect(virtualAdmissionProblems({ ...FORM, birthDate: '1849-05-21', nationalId: ida }, NOW).nationalId).toBe('birth-date');
    expect(virtualAdmissionProblems({ ...FORM, birthDate: '1949-05-22', nationalId: syntheticNationalId('DNR', '1949-05-21') }, NOW).nationalId).toBe('birth-date');
    // Born 1962 beside a 1949 birth date: said; with no birth date chosen yet, only the birth date is missing.
    expect(virtualAdmissionProblems({ ...FORM, nationalId: syntheticNationalId('FNR', '1962-05-21') }, NOW).nationalId).toBe('birth-date');
    expect(virtualAdmissionProblems({ ...FORM, birthDate: null, nationalId: ida }, NOW).nationalId).toBeNull();
  });

  it('says a next visit with a time but nobody to make it, and the other way round', () => {
    expect(virtualAdmissionProblems({ ...FORM, visitTime: '09:00' }, NOW).nextVisit).toBe('maker-missing');
    expect(virtualAdmissionProblems({ ...FORM, visitBy: 'hospital' }, NOW).nextVisit).toBe('time-missing');
    expect(virtualAdmissionProblems({ ...FORM, visitTime: '09:00', visitBy: 'hospital' }, NOW).nextVisit).toBeNull();
  });
});

describe('who is admitted', () => {
  it('says a missing name, initials that are not one to four letters, and a missing birth date', () => {
    expect(identityProblems({ name: ' ', initials: 'IK5', birthDate: null }, WORDS)).toEqual({ name: 'name', initials: 'initials', birthDate: 'birth' });
    expect(identityProblems({ name: 'Ida Kristiansen', initials: 'ØÅ', birthDate: '1949-05-21' }, WORDS)).toEqual({ name: null, initials: null, birthDate: null });
    expect(identityProblems({ name: 'Ida', initials: 'ABCDE', birthDate: '1949-05-21' }, WORDS).initials).toBe('initials');
  });
});
