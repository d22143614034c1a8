/** Names per patient: an unlock names nobody, a tapped card names one patient and is logged once per session, a staff-room screen may show all. */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBoard, seedWard, type TestBoard } from '../../support/ward-board.js';

describe('names revealed one patient at a time', () => {
  let board: TestBoard;
  let ward: ReturnType<typeof seedWard>;
  const unlockNurse = (screen = 'screen-n') => ({ token: board.value('session.unlock', { staffId: ward.nurse, pin: '1357', screen }).token, screen });
  const reveals = () => board.audit().filter((a) => a.action.startsWith('stay.reveal'));
  let third: string;
  beforeEach(() => {
    board = openTestBoard();
    ward = seedWard(board);
    third = board.edit('stay.admit', { bed: '103', name: 'Kari Nordmann', initials: 'KN', birthDate: '1945-06-02' }).id;
  });
  afterEach(() => board.close());

  it('writes no per-patient entry when a screen unlocks and reads the ward', () => {
    const session = unlockNurse();
    const state = board.value('ward.state', { session });
    expect(JSON.stringify(state)).not.toContain('Ingrid');
    expect(reveals()).toEqual([]);
    expect(board.audit().filter((a) => a.actor === 'Nils Sykepleier').map((a) => a.action)).toEqual(['session.unlock']);
  });

  it('answers the reveal of one stay with that one name only, and writes one audit entry', () => {
    const session = unlockNurse();
    const answer = board.value('stay.reveal', { session, stayIds: [ward.ingrid] });
    expect(answer).toEqual([{ id: ward.ingrid, shielded: false, name: 'Ingrid Haugland', birthDate: '1938-04-17', note: null }]);
    const text = JSON.stringify(answer);
    for (const other of ['Kari', 'Nordmann', 'Per Skjermet']) expect(text).not.toContain(other);
    expect(reveals()).toEqual([{ actor: 'Nils Sykepleier', action: 'stay.reveal', record: ward.ingrid, detail: null }]);
  });

  it('refuses a reveal of several patients on a corridor screen, naming no one and logging nothing', () => {
    const session = unlockNurse();
    const refused = board.run('stay.reveal', { session, stayIds: [ward.ingrid, third] });
    expect(refused).toMatchObject({ ok: false, code: 'invalid-input', params: { reason: 'reveal-one-at-a-time' } });
    expect(JSON.stringify(refused)).not.toContain('Ingrid');
    expect(board.run('stay.reveal', { session, stayIds: [ward.ingrid, third], overview: true })).toMatchObject({
      ok: false,
      code: 'forbidden',
      params: { reason: 'reveal-all-off' },
    });
    expect(reveals()).toEqual([]);
  });

  it('logs a repeated reveal of the same patient within the session once, and again in the next session', () => {
    const session = unlockNurse();
    for (let i = 0; i < 3; i += 1) expect(board.value('stay.reveal', { session, stayIds: [ward.ingrid] })[0].name).toBe('Ingrid Haugland');
    board.value('stay.reveal', { session, stayIds: [third] });
    expect(reveals().map((a) => a.record)).toEqual([ward.ingrid, third]);
    board.value('session.lock', { session });
    const next = unlockNurse();
    board.value('stay.reveal', { session: next, stayIds: [ward.ingrid] });
    expect(reveals().map((a) => a.record)).toEqual([ward.ingrid, third, ward.ingrid]);
  });

  it('logs every deliberate second tap on a shielded patient', () => {
    const session = unlockNurse();
    for (let i = 0; i < 2; i += 1) board.value('stay.reveal', { session, stayIds: [ward.shielded], includeShielded: true });
    expect(reveals().map((a) => [a.record, a.detail])).toEqual([
      [ward.shielded, 'shielded'],
      [ward.shielded, 'shielded'],
    ]);
  });
});

describe('a staff-room screen that shows every name (revealAll)', () => {
  let board: TestBoard;
  let ward: ReturnType<typeof seedWard>;
  let third: string;
  beforeEach(() => {
    board = openTestBoard();
    ward = seedWard(board);
    third = board.edit('stay.admit', { bed: '103', name: 'Kari Nordmann', initials: 'KN', birthDate: '1945-06-02' }).id;
    board.edit('stay.note', { stayId: third, note: 'Ring datter' });
  });
  afterEach(() => board.close());

  it('is off by default, kept per board across a restart, and its change is audited', () => {
    expect(board.value('ward.settings', {}).revealAll).toBe(false);
    expect(board.value('ward.configure', { session: ward.leaderSession, revealAll: true })).toMatchObject({ revealAll: true, relockSeconds: 90 });
    expect(board.run('ward.configure', { session: ward.leaderSession, revealAll: 'yes' })).toMatchObject({ ok: false, code: 'invalid-input' });
    board.restart();
    expect(board.value('ward.settings', {}).revealAll).toBe(true);
    expect(board.audit().filter((a) => a.action === 'ward.configure').map((a) => a.detail)).toEqual(['{"revealAll":true}']);
  });

  it('names every patient but the shielded on the overview, without birth date or note, under one audit entry', () => {
    board.value('ward.configure', { session: ward.leaderSession, revealAll: true });
    const session = { token: board.value('session.unlock', { staffId: ward.nurse, pin: '1357', screen: 'staff-room' }).token, screen: 'staff-room' };
    const all = board.value('stay.reveal', { session, stayIds: [ward.ingrid, ward.shielded, third], overview: true });
    expect(all).toEqual([
      { id: ward.ingrid, shielded: false, name: 'Ingrid Haugland', birthDate: null, note: null },
      { id: ward.shielded, shielded: true, name: null, birthDate: null, note: null },
      { id: third, shielded: false, name: 'Kari Nordmann', birthDate: null, note: null },
    ]);
    expect(JSON.stringify(all)).not.toContain('Ring datter');
    const entries = board.audit().filter((a) => a.action.startsWith('stay.reveal'));
    expect(entries).toEqual([{ actor: 'Nils Sykepleier', action: 'stay.reveal-overview', record: null, detail: '2' }]);
    // The card a nurse then taps is a look of its own: its details, logged once.
    expect(board.value('stay.reveal', { session, stayIds: [third] })[0].note).toBe('Ring datter');
    board.value('stay.reveal', { session, stayIds: [third] });
    expect(board.audit().filter((a) => a.action === 'stay.reveal').map((a) => a.record)).toEqual([third]);
  });
});
