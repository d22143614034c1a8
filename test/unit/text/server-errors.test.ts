/** Errors main sends a screen carry a reason and its facts, and the screen says them in its language. */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/api/result.js';
import { en } from '../../../renderer/src/text/en.js';
import { nb } from '../../../renderer/src/text/nb.js';
import { openTestBoard, seedWard, type TestBoard } from '../../support/ward-board.js';

/** The failure of a result that must have failed. */
function failure(result: Result<unknown>) {
  if (result.ok) throw new Error('expected a failure');
  return result;
}

describe('server errors on a screen', () => {
  let board: TestBoard;
  let ward: ReturnType<typeof seedWard>;
  beforeEach(() => {
    board = openTestBoard('2026-11-23T09:02:00Z');
    ward = seedWard(board);
  });
  afterEach(() => board.close());

  it('admitting into a bed being cleaned names the bed and its state, worded in bokmål', () => {
    board.value('bed.setStatus', { bed: '103', status: 'cleaning' });
    const refused = failure(board.run('stay.admit', { session: ward.leaderSession, bed: '103', name: 'Kari Nordmann', initials: 'KN', birthDate: '1940-02-02' }));
    expect(refused).toMatchObject({ code: 'conflict', message: 'bed 103 is cleaning, not free', params: { reason: 'bed-not-free', bed: '103', status: 'cleaning' } });
    expect(nb.failure(refused)).toBe('seng 103 er til rengjøring, ikke ledig');
    expect(en.failure(refused)).toBe('bed 103 is being cleaned, not free');
  });

  it('a bed that holds a patient, an unknown task and a template for the unit each have their own words', () => {
    const holds = failure(board.run('bed.setStatus', { bed: '101', status: 'cleaning' }));
    expect(holds.params).toEqual({ reason: 'bed-holds-patient', bed: '101' });
    expect(nb.failure(holds)).toBe('det ligger en pasient i seng 101; skriv ut eller flytt pasienten først');
    expect(nb.failure(failure(board.run('task.complete', { id: 'nothing' })))).toBe('oppgaven finnes ikke lenger');
    expect(nb.failure(failure(board.run('task.fromTemplate', { template: 'medicine-room', stayId: ward.ingrid })))).toBe('oppgaven gjelder enheten, ikke en pasient');
  });

  it('a wrong PIN and a locked pad say so, the pad with the time it opens again', () => {
    const wrong = () => board.run('session.unlock', { staffId: ward.nurse, pin: '0000', screen: ward.screen });
    expect(nb.failure(failure(wrong()))).toBe('feil PIN');
    let last = wrong();
    for (let i = 0; i < 10 && (last.ok || last.code !== 'locked-out'); i += 1) last = wrong();
    const locked = failure(last);
    expect(locked.code).toBe('locked-out');
    expect(locked.params?.reason).toBe('pin-locked');
    expect(nb.failure(locked)).toMatch(/^for mange feil PIN; prøv igjen (\d+\. \S+ )?kl\. \d\d:\d\d$/);
  });

  it('a nurse asking for a leader’s edit is told which role it needs, in staff words', () => {
    const nurse = { token: board.value('session.unlock', { staffId: ward.nurse, pin: '1357', screen: ward.screen }).token, screen: ward.screen };
    const refused = failure(board.run('staff.set', { session: nurse, name: 'Ny Ansatt', role: 'nurse', pin: '9999' }));
    expect(refused.code).toBe('unauthorized');
    expect(nb.failure(refused)).toMatch(/^dette krever (vaktleder|avdelingsleder)/);
    expect(nb.failure(refused)).not.toMatch(/[a-z]+-leader/);
  });
});
