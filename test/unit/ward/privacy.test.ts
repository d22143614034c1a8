/** Privacy on the board: PINs as slow hashes, lockout, screen-bound sessions, reveal, relock, audit. */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toCorridorState } from '../../../renderer/src/state/corridor-view.js';
import type { EventMap } from '../../../shared/api/contract.js';
import { personalFields } from '../../../shared/domain/schema.js';
import { openTestBoard, seedWard, type TestBoard } from '../../support/ward-board.js';

describe('staff PINs and the PIN pad', () => {
  let board: TestBoard;
  let ward: ReturnType<typeof seedWard>;
  beforeEach(() => {
    board = openTestBoard();
    ward = seedWard(board);
  });
  afterEach(() => board.close());

  it('keeps a PIN only as a salted scrypt hash in the local staff table', () => {
    const row = board.service.db.prepare('SELECT pin_hash, salt, params FROM staff WHERE id = ?').get(ward.nurse) as Record<string, string>;
    expect(row.pin_hash).not.toContain('1357');
    expect(Buffer.from(row.pin_hash, 'base64')).toHaveLength(32);
    expect(Buffer.from(row.salt, 'base64')).toHaveLength(16);
    expect(JSON.parse(row.params)).toMatchObject({ N: 32768, r: 8, p: 1 });
    // Local only: no staff field in the replicated state or the outbox.
    const synced = board.service.db.prepare("SELECT count(*) AS n FROM field_state WHERE value LIKE '%1357%' OR collection = 'staff'").get() as { n: number };
    expect(synced.n).toBe(0);
  });

  it('lets the first unit leader be set up without a session, and nobody else after that', () => {
    expect(board.run('staff.set', { name: 'Mallory', role: 'unit-leader', pin: '0000' })).toMatchObject({ ok: false, code: 'unauthorized' });
    const nurseSession = { token: board.value('session.unlock', { staffId: ward.nurse, pin: '1357', screen: 's2' }).token, screen: 's2' };
    expect(board.run('staff.set', { session: nurseSession, name: 'Mallory', role: 'nurse', pin: '0000' })).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(board.value('staff.list', {}).map((s) => s.name)).toEqual(['Liv Leder', 'Nils Sykepleier']);
  });

  it('refuses a wrong PIN, locks the member it was tried for after five in a row, and keeps the lockout across a restart', () => {
    for (let i = 0; i < 4; i += 1) {
      // The board's guard slows a stream of wrong PINs (a few seconds at most): wait it out.
      board.clock.now = new Date(board.clock.now.getTime() + 5_000);
      expect(board.run('session.unlock', { staffId: ward.nurse, pin: '0000', screen: 's' })).toMatchObject({ ok: false, code: 'unauthorized' });
    }
    board.clock.now = new Date(board.clock.now.getTime() + 5_000);
    expect(board.run('session.unlock', { staffId: ward.nurse, pin: '9999', screen: 's' })).toMatchObject({ ok: false, code: 'locked-out' });
    // Even the right PIN is refused while locked, and a restart does not reset the lockout …
    board.restart();
    board.clock.now = new Date(board.clock.now.getTime() + 5_000);
    expect(board.run('session.unlock', { staffId: ward.nurse, pin: '1357', screen: 's' })).toMatchObject({ ok: false, code: 'locked-out' });
    // … but it is the nurse's alone: the unit leader still gets in.
    expect(board.run('session.unlock', { staffId: ward.leader, pin: '2468', screen: 's' }).ok).toBe(true);
    board.clock.now = new Date(board.clock.now.getTime() + 301_000);
    expect(board.run('session.unlock', { staffId: ward.nurse, pin: '1357', screen: 's' }).ok).toBe(true);
    const actions = board.audit().map((a) => a.action);
    expect(actions.filter((a) => a === 'session.unlock-failed')).toHaveLength(4);
    expect(actions).toContain('session.lockout');
  });
});

describe('names behind an unlocked session', () => {
  let board: TestBoard;
  let ward: ReturnType<typeof seedWard>;
  const unlockNurse = (screen = 'screen-n') => ({ token: board.value('session.unlock', { staffId: ward.nurse, pin: '1357', screen }).token, screen });
  beforeEach(() => {
    board = openTestBoard();
    ward = seedWard(board);
  });
  afterEach(() => board.close());

  it('sends the audit entry of an access at once, though the access changes nothing a screen shows', () => {
    let published = 0;
    const changed: EventMap['state.changed'][] = [];
    // What the sync engine drains its outbox on: each local commit.
    board.service.store.onCommit(({ origin }) => (published += origin === 'local' ? 1 : 0));
    board.service.subscribe((event, data) => {
      if (event === 'state.changed') changed.push(data as EventMap['state.changed']);
    });
    board.value('ward.state', {});
    expect(published).toBe(0);
    const session = unlockNurse();
    board.value('stay.reveal', { session, stayIds: [ward.ingrid] });
    expect(board.run('session.unlock', { staffId: ward.nurse, pin: '0000', screen: 'screen-x' })).toMatchObject({ ok: false });
    expect(published).toBe(3); // unlock, reveal, the refused PIN
    // Told as audit entries only, which no ward screen re-reads for.
    expect(changed).toEqual(Array.from({ length: 3 }, () => ({ collections: ['auditEntry'], origin: 'local' })));
    expect(board.service.syncStatus.outbox).toBe(board.service.store.outboxSize());
  });

  it('never hands out names or birth dates in unit.state or ward.state', () => {
    for (const command of ['unit.state', 'ward.state'] as const) {
      const text = JSON.stringify(board.value(command, {}));
      expect(text).toContain('IH');
      for (const secret of ['Ingrid', 'Haugland', '1938-04-17', 'Skjermet']) expect(text, `${command} holds ${secret}`).not.toContain(secret);
    }
  });

  it('blanks in main, and strips in the renderer, exactly the stay fields the schema marks personal', () => {
    const marked = personalFields()
      .filter(({ collection }) => collection === 'stay')
      .map(({ field }) => field);
    const state = board.value('unit.state', {});
    const stay: Record<string, unknown> = { ...state.stays[0] };
    // The view shows two of them (the note is read only on its own, by an unlocked screen).
    expect(marked.filter((field) => field in stay)).toEqual(['name', 'birthDate']);
    for (const field of marked) if (field in stay) expect(stay[field], field).toBeNull();
    const corridor = toCorridorState(state);
    expect(Object.keys(corridor.stays[0]).sort()).toEqual(Object.keys(stay).filter((field) => !marked.includes(field)).sort());
  });

  it('reveals names only with a session of this screen, and logs every reveal', () => {
    expect(board.run('stay.reveal', { stayIds: [ward.ingrid] })).toMatchObject({ ok: false, code: 'unauthorized' });
    const session = unlockNurse();
    expect(board.run('stay.reveal', { session: { ...session, screen: 'another-screen' }, stayIds: [ward.ingrid] })).toMatchObject({
      ok: false,
      code: 'unauthorized',
    });
    const [ingrid] = board.value('stay.reveal', { session, stayIds: [ward.ingrid] });
    expect(ingrid).toMatchObject({ name: 'Ingrid Haugland', birthDate: '1938-04-17', shielded: false });
    expect(board.audit().filter((a) => a.action === 'stay.reveal')).toEqual([
      { actor: 'Nils Sykepleier', action: 'stay.reveal', record: ward.ingrid, detail: null },
    ]);
  });

  it('needs a deliberate reveal of a shielded patient on its own', () => {
    const session = unlockNurse();
    // A reveal is of one patient (the card tapped); a shielded one stays hidden without its own tap.
    board.value('stay.reveal', { session, stayIds: [ward.ingrid] });
    const plain = board.value('stay.reveal', { session, stayIds: [ward.shielded] });
    expect(plain).toEqual([{ id: ward.shielded, shielded: true, name: null, birthDate: null, note: null }]);
    expect(board.run('stay.reveal', { session, stayIds: [ward.ingrid, ward.shielded], includeShielded: true })).toMatchObject({ ok: false, code: 'invalid-input' });
    const [one] = board.value('stay.reveal', { session, stayIds: [ward.shielded], includeShielded: true });
    expect(one.name).toBe('Per Skjermet');
    expect(board.audit().filter((a) => a.action === 'stay.reveal').map((a) => [a.record, a.detail])).toEqual([
      [ward.ingrid, null],
      [ward.shielded, 'shielded'],
    ]);
  });

  it('lets a session lapse after the relock time without activity, and keeps it alive while used', () => {
    board.value('ward.configure', { session: ward.leaderSession, relockSeconds: 30 });
    const session = unlockNurse();
    board.clock.now = new Date(board.clock.now.getTime() + 40_000);
    expect(board.value('session.touch', { session }).expiresAt).toBeTruthy(); // within relock + grace
    board.clock.now = new Date(board.clock.now.getTime() + 46_000);
    expect(board.run('stay.reveal', { session, stayIds: [ward.ingrid] })).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(board.audit().map((a) => a.action)).toContain('session.expired');
  });

  it('ends a session on lock, and audits unlock and lock', () => {
    const session = unlockNurse();
    board.value('session.lock', { session, reason: 'idle' });
    expect(board.run('stay.reveal', { session, stayIds: [ward.ingrid] })).toMatchObject({ ok: false, code: 'unauthorized' });
    const entries = board.audit().filter((a) => a.actor === 'Nils Sykepleier');
    expect(entries.map((a) => a.action)).toEqual(['session.unlock', 'session.lock']);
    expect(entries[1].detail).toMatch(/^idle, screen screen-n$/);
  });

  it('attributes an edit carrying a session to that staff member, also for the core unit commands', () => {
    const session = unlockNurse();
    board.value('stay.setFlag', { session, stayId: ward.ingrid, flag: 'allergy', value: true });
    board.value('stay.note', { session, stayId: ward.ingrid, note: 'Pårørende kommer kl. 14' });
    const edits = board.audit().filter((a) => a.action === 'stay.setFlag' || a.action === 'stay.note');
    expect(edits.map((a) => a.actor)).toEqual(['Nils Sykepleier', 'Nils Sykepleier']);
    // The note is personal data: not in the corridor state, revealed to an unlocked screen.
    expect(JSON.stringify(board.value('ward.state', {}))).not.toContain('Pårørende');
    expect(board.value('stay.reveal', { session, stayIds: [ward.ingrid] })[0].note).toBe('Pårørende kommer kl. 14');
  });

  it('refuses an edit with a lapsed session rather than filing it under the board', () => {
    const session = unlockNurse();
    board.value('session.lock', { session });
    expect(board.run('stay.setFlag', { session, stayId: ward.ingrid, flag: 'allergy', value: true })).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(board.audit().some((a) => a.action === 'stay.setFlag')).toBe(false);
  });

  it('shows the audit log to a unit leader only', () => {
    expect(board.run('audit.list', { session: unlockNurse() })).toMatchObject({ ok: false, code: 'unauthorized' });
    const log = board.value('audit.list', { session: ward.leaderSession, limit: 500 });
    expect(log[0]).toMatchObject({ action: 'audit.read', actor: 'Liv Leder' });
    const admit = log.find((l) => l.action === 'stay.admit' && l.record === ward.ingrid);
    expect(admit?.place).toBe('101 · IH');
    expect(log.find((l) => l.action === 'stay.admit' && l.record === ward.shielded)?.place).toBe('102');
    // A bed's own edits name the bed; pages go on from the oldest line shown.
    board.value('bed.setStatus', { bed: '103', status: 'blocked' });
    const newest = board.value('audit.list', { session: ward.leaderSession, limit: 3 });
    expect(newest.find((l) => l.action === 'bed.setStatus')).toMatchObject({ place: '103', thisBoard: true });
    const older = board.value('audit.list', { session: ward.leaderSession, limit: 500, before: newest[2].seq });
    expect(older.length).toBeGreaterThan(0);
    expect(older.every((l) => l.at <= newest[2].at && !newest.some((n) => n.seq === l.seq))).toBe(true);
  });
});
