/**
 * Running the unit from the screen (issue 13, point 2): an admission with its plan, the plan
 * changed later, and the dates that cannot be refused with a reason the screen words — nothing
 * written when refused.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UnitState } from '../../../shared/domain/types.js';
import { openTestBoard, seedWard, type TestBoard } from '../../support/ward-board.js';

describe('admission and plan from the screen', () => {
  let board: TestBoard;
  let ward: ReturnType<typeof seedWard>;
  const stays = () => (board.service.state() as UnitState).stays;
  const audits = () => board.audit().length;

  beforeEach(() => {
    board = openTestBoard('2026-11-23T09:00:00Z');
    ward = seedWard(board);
  });
  afterEach(() => board.close());

  it('admits with the nurse, ADL, expected discharge, flags and the time the patient came, when registered afterwards', () => {
    const admit = { session: ward.leaderSession, bed: '103', name: 'Kari Nordmann', initials: 'kn', birthDate: '1941-03-02' };
    const id = board.value('stay.admit', { ...admit, nurse: 'Nils Sykepleier', adl: 3, expectedDischarge: '2026-11-30', flags: { fall: true }, admittedAt: '2026-11-23T07:30:00+01:00' }).id;
    expect(stays().find((s) => s.id === id)).toMatchObject({
      initials: 'KN',
      nurse: 'Nils Sykepleier',
      adl: 3,
      expectedDischarge: '2026-11-30',
      admittedAt: '2026-11-23T06:30:00.000Z',
      flags: expect.objectContaining({ fall: true }),
    });
  });

  it.each([
    ['a birth date after today', { birthDate: '2026-11-24' }, 'birth-date-future'],
    ['an admission in the future', { admittedAt: '2026-11-23T09:10:00Z' }, 'admitted-in-future'],
    ['an admission more than a day back', { admittedAt: '2026-11-22T08:59:00Z' }, 'admitted-too-early'],
    ['an expected discharge before the day of admission', { expectedDischarge: '2026-11-22' }, 'discharge-before-admission'],
    ['an expected discharge before the Oslo day of an admission registered afterwards', { admittedAt: '2026-11-22T23:30:00Z', expectedDischarge: '2026-11-22' }, 'discharge-before-admission'],
  ])('refuses %s with its reason and writes nothing', (_what, dates, reason) => {
    const before = { audits: audits(), stays: stays().length };
    const result = board.run('stay.admit', { session: ward.leaderSession, bed: '103', name: 'Kari Nordmann', initials: 'KN', birthDate: '1941-03-02', ...dates });
    expect(result).toMatchObject({ ok: false, code: 'invalid-input', params: { reason } });
    expect({ audits: audits(), stays: stays().length }).toEqual(before);
    expect((board.service.state() as UnitState).beds.find((b) => b.label === '103')?.status).toBe('free');
  });

  it('an admission two minutes ahead of the board clock is a screen clock a little fast, not the future', () => {
    expect(board.run('stay.admit', { session: ward.leaderSession, bed: '103', name: 'Kari Nordmann', initials: 'KN', birthDate: '1941-03-02', admittedAt: '2026-11-23T09:01:30Z' })).toMatchObject({ ok: true });
  });

  it('changes the plan field by field and clears a field with null', () => {
    board.value('stay.plan', { session: ward.leaderSession, stayId: ward.ingrid, nurse: 'Nils Sykepleier' });
    board.value('stay.plan', { session: ward.leaderSession, stayId: ward.ingrid, adl: 2, expectedDischarge: '2026-11-28' });
    expect(stays().find((s) => s.id === ward.ingrid)).toMatchObject({ nurse: 'Nils Sykepleier', adl: 2, expectedDischarge: '2026-11-28' });
    board.value('stay.plan', { session: ward.leaderSession, stayId: ward.ingrid, nurse: null, expectedDischarge: null, adl: null });
    expect(stays().find((s) => s.id === ward.ingrid)).toMatchObject({ nurse: null, adl: null, expectedDischarge: null });
    expect(board.audit().filter((a) => a.action === 'stay.plan').map((a) => a.detail)).toEqual(['nurse', 'expectedDischarge,adl', 'nurse,expectedDischarge,adl']);
  });

  it('refuses an expected discharge before the admission day, and a plan on a locked screen, writing nothing', () => {
    const before = audits();
    expect(board.run('stay.plan', { session: ward.leaderSession, stayId: ward.ingrid, expectedDischarge: '2026-11-22', adl: 1 })).toMatchObject({
      ok: false,
      code: 'invalid-input',
      params: { reason: 'discharge-before-admission' },
    });
    expect(board.run('stay.plan', { stayId: ward.ingrid, adl: 1 })).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(board.run('stay.admit', { bed: '103', name: 'Kari Nordmann', initials: 'KN', birthDate: '1941-03-02' })).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(stays().find((s) => s.id === ward.ingrid)).toMatchObject({ adl: 4, expectedDischarge: null });
    expect(board.audit().slice(before).map((a) => a.action)).not.toContain('stay.plan');
  });
});
