/**
 * Staff sessions and the actor (issue 10, point 5): every clinical edit needs an unlocked session,
 * the actor is always that session's staff member and never the caller's word, a task done on a
 * locked screen is the board's, and wrong PINs lock only the member they were tried for.
 */

import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { boardActor } from '../../main/board/board-service.js';
import { GUARD_MAX_WAIT_SECONDS, guardWaitSeconds } from '../../main/staff/pin-lockout.js';
import { BOARD_ACCESS } from '../../shared/api/commands/access.js';
import type { SessionRef } from '../../shared/api/commands/ward.js';
import { tempDir } from '../support/temp-dir.js';
import { TavlaProcess } from '../support/tavla-process.js';
import { FlowWorld } from '../support/flow-world.js';
import { openTestBoard, seedWard, type TestBoard } from '../support/ward-board.js';

type Rules = typeof BOARD_ACCESS;
type StaffCommand = { [K in keyof Rules]: Rules[K]['session'] extends 'staff' ? K : never }[keyof Rules];

/** Everything the board writes, as one string: a refused call must leave it as it was. */
function written(board: TestBoard): string {
  const db = board.service.db;
  const tables = ['field_state', 'audit', 'staff', 'ward_setting', 'pin_lockout'];
  return JSON.stringify([board.service.store.localChanges, ...tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all())]);
}

const DAY = { date: '2026-11-23', shift: 'day' };

describe('clinical edits need an unlocked session', () => {
  let board: TestBoard;
  let ward: ReturnType<typeof seedWard>;
  let nurse: SessionRef;
  beforeEach(() => {
    board = openTestBoard();
    ward = seedWard(board);
    nurse = { token: board.value('session.unlock', { staffId: ward.nurse, pin: '1357', screen: 'n' }).token, screen: 'n' };
  });
  afterEach(() => board.close());

  /** A well-formed input for every command that needs a session: the type makes the list complete. */
  const inputs = (): Record<StaffCommand, object> => ({
    'unit.configure': { name: 'Solsiden', kind: 'nursing-home', beds: [{ label: '101' }] },
    'stay.admit': { bed: '103', name: 'Astrid Prøve', initials: 'AP', birthDate: '1940-01-01' },
    'stay.setFlag': { stayId: ward.ingrid, flag: 'hlrMinus', value: true },
    'stay.discharge': { stayId: ward.ingrid },
    'ward.configure': { relockSeconds: 60 },
    'staff.set': { name: 'Mallory', role: 'unit-leader', pin: '0000' },
    'staff.remove': { id: ward.nurse },
    'staff.release': { id: ward.nurse },
    'stay.reveal': { stayIds: [ward.ingrid] },
    'stay.note': { stayId: ward.ingrid, note: 'Skrevet uten økt' },
    'stay.plan': { stayId: ward.ingrid, adl: 1, nurse: 'Mallory' },
    'staffing.set': { ...DAY, present: 9 },
    'handover.setNotes': { ...DAY, notes: 'Skrevet uten økt' },
    'handover.acknowledge': DAY,
    'audit.list': {},
    'flow.setRate': { dailyRate: 1 },
    'transfer.request': { stayId: ward.ingrid, toUnit: 'fjellro' },
    'transfer.cancel': { id: 't1' },
    'transfer.accept': { id: 't1', bed: '103' },
    'transfer.decline': { id: 't1', reason: 'no-bed' },
    'transfer.schedule': { id: 't1', scheduledFor: '2026-11-24T10:00:00+01:00' },
    'transfer.complete': { id: 't1' },
    'transfer.place': { id: 't1', bed: '103' },
    'visit.plan': { stayId: ward.ingrid, from: '2026-11-23T08:00:00+01:00', to: '2026-11-23T09:00:00+01:00', title: 'Besøk' },
    'visit.start': { id: 'v1' },
    'visit.complete': { id: 'v1', outcome: 'done' },
    'visit.assign': { id: 'v1', route: 'Rute 1' },
    'homecare.access': { stayId: ward.ingrid },
    'homecare.setAccess': { stayId: ward.ingrid, keyBox: '1234' },
    'pathway.saveTemplate': { name: 'Eget forløp', trigger: 'manual', steps: [{ title: 'Samtale', offset: 'P1D', days: 'calendar', role: 'nurse', completes: 'tap' }] },
    'pathway.removeTemplate': { id: 'p1' },
    'pathway.start': { stayId: ward.ingrid, template: 'ex-nutrition-long-term' },
    'pathway.completeStep': { pathwayId: 'p1', stepId: 'screening' },
    'pathway.skipStep': { pathwayId: 'p1', stepId: 'screening', reason: 'Uten økt' },
    'alarm.accept': { id: 'al1' },
    'alarm.escalate': { id: 'al1', reason: 'Skrevet uten økt' },
    'alarm.close': { id: 'al1', summary: 'Skrevet uten økt' },
    'episode.admit': { bed: 'V1', name: 'Astrid Prøve', initials: 'AP', birthDate: '1940-01-01', plannedEnd: '2026-11-30', note: 'Skrevet uten økt' },
    'episode.recordRound': { id: 'e1', mode: 'video', note: 'Skrevet uten økt' },
    'episode.planVisit': { id: 'e1', at: '2026-11-24T10:00:00+01:00', by: 'municipality' },
    'episode.escalate': { id: 'e1', to: 'Medisinsk sengepost' },
    'episode.end': { id: 'e1', outcome: 'died' },
    'episode.settings': { amber: '09:00', red: '11:00' },
    'alarm.assign': { id: 'al1', route: 'Rute 1' },
    'encounter.arrive': { label: 'M-1', name: 'Skrevet uten økt' },
    'encounter.triage': { id: 'e1', colour: 'red' },
    'encounter.assess': { id: 'e1' },
    'encounter.note': { id: 'e1', note: 'Skrevet uten økt' },
    'encounter.handover': { id: 'e1', to: 'sykehus' },
    'encounter.dispose': { id: 'e1', disposition: 'home' },
  });

  it('declares a session for admission, discharge, flags, notes, plan, every transfer step and staff changes', () => {
    const clinical = ['stay.admit', 'stay.discharge', 'stay.setFlag', 'stay.note', 'stay.plan', 'stay.reveal', 'staff.set', 'staff.remove', 'staff.release'];
    const transfers = ['request', 'accept', 'decline', 'schedule', 'complete', 'cancel', 'place'].map((step) => `transfer.${step}`);
    for (const command of [...clinical, ...transfers]) expect(BOARD_ACCESS[command as StaffCommand].session, command).toBe('staff');
    // What a locked screen may still do is a short, deliberate list, each with its reason.
    const locked = Object.entries(BOARD_ACCESS).filter(([, rule]) => rule.session === 'locked');
    expect(locked.map(([name]) => name).sort()).toEqual(
      ['alarm.list', 'app.info', 'bed.setStatus', 'capacity.view', 'flow.allocation', 'flow.state', 'handover.view', 'pathway.list', 'pathway.templates', 'session.unlock', 'staff.list', 'sync.state',
        'task.complete', 'task.create', 'task.fromTemplate', 'task.reopen', 'task.templates', 'unit.state', 'ward.settings', 'ward.state', 'ward.tasks',
        'homecare.day', 'visit.templates', 'episode.board', 'episode.shared', 'encounter.list'].sort(),
    );
    for (const [, rule] of locked) expect('why' in rule && rule.why.length).toBeGreaterThan(10);
  });

  it('refuses every such command on a locked screen as unauthorized, and writes nothing', () => {
    for (const [command, input] of Object.entries(inputs())) {
      const before = written(board);
      expect(board.run(command as StaffCommand, input), command).toMatchObject({ ok: false, code: 'unauthorized' });
      expect(written(board), command).toBe(before);
    }
  });

  it('refuses a lapsed or forged session the same way, and a role the command does not allow', () => {
    const forged = { token: 'A'.repeat(43), screen: 'n' };
    const stolen = { token: nurse.token, screen: 'another-screen' };
    for (const session of [forged, stolen]) {
      const before = written(board);
      expect(board.run('stay.setFlag', { session, stayId: ward.ingrid, flag: 'hlrMinus', value: true })).toMatchObject({ ok: false, code: 'unauthorized' });
      expect(written(board)).toBe(before);
    }
    const leaderOnly = Object.entries(BOARD_ACCESS).filter(([, rule]) => rule.session === 'staff' && 'roles' in rule && rule.roles !== undefined);
    expect(leaderOnly.length).toBeGreaterThan(5);
    for (const [command] of leaderOnly) {
      const before = written(board);
      const result = board.run(command as StaffCommand, { ...inputs()[command as StaffCommand], session: nurse });
      expect(result, command).toMatchObject({ ok: false, code: 'unauthorized', message: expect.stringMatching(/needs the role/) });
      expect(written(board), command).toBe(before);
    }
  });

  it('files each edit under the session’s staff member, in the record and in the audit log', () => {
    const session = nurse;
    const stay = board.value('stay.admit', { session, bed: '103', name: 'Astrid Prøve', initials: 'AP', birthDate: '1940-01-01' }).id;
    board.value('stay.setFlag', { session, stayId: stay, flag: 'hlrMinus', value: true });
    board.value('stay.note', { session, stayId: stay, note: 'Pårørende ringer i kveld' });
    board.value('stay.plan', { session, stayId: stay, adl: 3, expectedDischarge: '2026-12-01' });
    const task = board.value('task.create', { session, title: 'Mål blodtrykk', stayId: stay }).id;
    board.value('task.complete', { session, id: task });
    board.value('stay.discharge', { session, stayId: stay });
    const done = board.service.state().tasks.find((t) => t.id === task);
    expect(done).toMatchObject({ status: 'done', doneBy: 'Nils Sykepleier' });
    const edits = board.audit().filter((a) => a.record === stay || a.record === task);
    expect(edits.map((a) => a.action)).toEqual(['stay.admit', 'stay.setFlag', 'stay.note', 'stay.plan', 'task.create', 'task.complete', 'stay.discharge']);
    expect(new Set(edits.map((a) => a.actor))).toEqual(new Set(['Nils Sykepleier']));
    // The unit's synced copy of the log says the same, so every board and the hub read the same actor.
    const synced = board.service.db.prepare('SELECT entry FROM auditEntry').all() as { entry: string }[];
    const shared = synced.map((row) => JSON.parse(row.entry) as { actor: string; record: string | null }).filter((e) => e.record === stay);
    expect(shared.length).toBeGreaterThanOrEqual(5);
    expect(new Set(shared.map((e) => e.actor))).toEqual(new Set(['Nils Sykepleier']));
  });

  it('takes no actor from the caller: a `by` or `actor` field is unknown input, and nothing is written', () => {
    const task = board.value('task.create', { title: 'Snu pasienten', stayId: ward.ingrid }).id;
    for (const [command, input] of [
      ['task.complete', { id: task, by: 'Kari Nordmann' }],
      ['task.complete', { session: nurse, id: task, by: 'Kari Nordmann' }],
      ['stay.setFlag', { session: nurse, stayId: ward.ingrid, flag: 'fall', value: false, actor: 'Kari Nordmann' }],
    ] as const) {
      const before = written(board);
      const result = board.run(command, input);
      expect(result).toMatchObject({ ok: false, code: 'invalid-input' });
      expect(!result.ok && result.message).toMatch(/by|actor/);
      expect(written(board)).toBe(before);
    }
  });

  it('records a task completed on a locked screen as done on this board, under no person’s name', () => {
    const task = board.value('task.create', { title: 'Snu pasienten', stayId: ward.ingrid }).id;
    board.value('task.complete', { id: task });
    const shown = board.value('ward.state', {}).tasks.find((t) => t.id === task);
    expect(shown).toMatchObject({ status: 'done', doneBy: null });
    expect(shown?.doneAt).toBe(board.clock.now.toISOString());
    const entry = board.audit().find((a) => a.action === 'task.complete' && a.record === task);
    expect(entry?.actor).toBe(boardActor(board.service.nodeId));
    expect(entry?.actor).toMatch(/^tavla b[0-9a-f]{12}$/);
  });

  it('refuses the transfer steps without a session and files them under the staff member with one', () => {
    const dir = tempDir('tavla-sec-flow-');
    const world = new FlowWorld(dir.path);
    try {
      world.add('a', 'solsiden');
      world.add('b', 'fjellro');
      world.id('a', 'unit.configure', { name: 'Solsiden sykehjem', kind: 'nursing-home', beds: [{ label: '101' }] });
      world.id('b', 'unit.configure', { name: 'Fjellro korttid', kind: 'short-term', beds: [{ label: '201' }] });
      const stay = world.id('a', 'stay.admit', { bed: '101', name: 'Ingrid Haugland', initials: 'IH', birthDate: '1938-04-17' });
      world.relay();
      const before = world.get('a').store.localChanges;
      expect(world.get('a').dispatch('transfer.request', { stayId: stay, toUnit: 'fjellro' })).toMatchObject({ ok: false, code: 'unauthorized' });
      expect(world.get('a').store.localChanges).toBe(before);
      const id = world.id('a', 'transfer.request', { stayId: stay, toUnit: 'fjellro' });
      world.relay();
      expect(world.get('b').dispatch('transfer.accept', { id, bed: '201' })).toMatchObject({ ok: false, code: 'unauthorized' });
      world.id('b', 'transfer.accept', { id, bed: '201' });
      const actor = (name: string, action: string) =>
        (world.get(name).db.prepare('SELECT actor FROM audit WHERE action = ? AND record = ?').get(action, id) as { actor: string }).actor;
      expect([actor('a', 'transfer.request'), actor('b', 'transfer.accept')]).toEqual(['staff@a', 'staff@b']);
    } finally {
      world.close();
      dir.remove();
    }
  });
});

describe('wrong PINs lock the member they were tried for, and a stream cannot lock the board', () => {
  const NURSES = 14;
  let board: TestBoard;
  let ward: ReturnType<typeof seedWard>;
  let nurses: { id: string; pin: string }[];
  const later = (seconds: number) => (board.clock.now = new Date(board.clock.now.getTime() + seconds * 1000));
  const unlock = (staffId: string, pin: string) => board.run('session.unlock', { staffId, pin, screen: 'pad' });

  beforeEach(() => {
    board = openTestBoard();
    ward = seedWard(board);
    nurses = Array.from({ length: NURSES }, (_, i) => {
      const pin = String(4000 + i * 7);
      const id = board.value('staff.set', { session: ward.leaderSession, name: `Sykepleier ${i + 1}`, role: 'nurse', pin }).id;
      return { id, pin };
    });
  });
  afterEach(() => board.close());

  it('five wrong PINs for each of 13 of 14 nurses: the 14th still gets in, the guessed ones are locked until released or the lockout ends', () => {
    // The whole stream takes over five minutes of patient guessing: a lockout longer than that.
    board.value('ward.configure', { session: ward.leaderSession, pinLockoutSeconds: 900 });
    for (const nurse of nurses.slice(0, NURSES - 1)) {
      for (let i = 0; i < 5; i += 1) {
        later(GUARD_MAX_WAIT_SECONDS); // a patient guesser: never waits less than the guard asks
        expect(unlock(nurse.id, '0000').ok).toBe(false);
      }
    }
    later(GUARD_MAX_WAIT_SECONDS);
    const last = nurses[NURSES - 1];
    expect(unlock(last.id, last.pin)).toMatchObject({ ok: true, value: { staff: { id: last.id } } });
    // Her own PIN was not guessed at; the others' were, and even their right PIN is refused now.
    const guessed = nurses[2];
    expect(unlock(guessed.id, guessed.pin)).toMatchObject({ ok: false, code: 'locked-out' });
    const listed = board.value('staff.list', {});
    expect(listed.filter((s) => s.lockedUntil !== null)).toHaveLength(NURSES - 1);
    // A unit leader's session releases one; she gets in at once.
    later(GUARD_MAX_WAIT_SECONDS);
    const leader = { token: board.value('session.unlock', { staffId: ward.leader, pin: '2468', screen: 'pad' }).token, screen: 'pad' };
    board.value('staff.release', { session: leader, id: guessed.id });
    expect(unlock(guessed.id, guessed.pin).ok).toBe(true);
    expect(board.audit().filter((a) => a.action === 'session.lockout')).toHaveLength(NURSES - 1);
    expect(board.audit().find((a) => a.action === 'staff.release')).toMatchObject({ actor: 'Liv Leder', record: guessed.id });
    // The rest open again when their lockout ends.
    later(900);
    expect(unlock(nurses[0].id, nurses[0].pin).ok).toBe(true);
  });

  it('slows a fast stream with a wait that grows to a few seconds and no more, without counting the waits against anyone', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map(guardWaitSeconds)).toEqual([0, 0, 0, 1, 2, 4, 5, 5]);
    // Three wrong PINs pass at once (a tired thumb); the fourth makes the pad wait.
    for (let i = 0; i < 4; i += 1) expect(unlock(nurses[i].id, '0000')).toMatchObject({ ok: false, code: 'unauthorized' });
    const waited = unlock(nurses[5].id, nurses[5].pin);
    expect(waited).toMatchObject({ ok: false, code: 'locked-out', message: expect.stringMatching(/try again in 1 s/) });
    // Hammering during the wait is refused unchecked: nobody's count grows, nobody is locked.
    for (let i = 0; i < 20; i += 1) expect(unlock(nurses[6].id, '0000')).toMatchObject({ code: 'locked-out' });
    expect(board.value('staff.list', {}).every((s) => s.lockedUntil === null)).toBe(true);
    // A long stream never makes anyone wait more than the cap, and survives a restart.
    for (let i = 0; i < 12; i += 1) {
      later(GUARD_MAX_WAIT_SECONDS);
      expect(unlock(nurses[i % 10].id, '0000').ok).toBe(false);
    }
    board.restart();
    const capped = unlock(nurses[11].id, nurses[11].pin);
    expect(capped).toMatchObject({ code: 'locked-out', message: expect.stringMatching(new RegExp(`try again in ${GUARD_MAX_WAIT_SECONDS} s`)) });
    later(GUARD_MAX_WAIT_SECONDS);
    expect(unlock(nurses[11].id, nurses[11].pin).ok).toBe(true);
  });

  it('counts a PIN tried for an unknown member on the board, and locks nobody with it', () => {
    for (let i = 0; i < 10; i += 1) {
      later(GUARD_MAX_WAIT_SECONDS);
      expect(unlock('no-such-nurse', '0000')).toMatchObject({ ok: false, code: 'unauthorized' });
    }
    expect(board.audit().filter((a) => a.actor === 'unknown' && a.action === 'session.unlock-failed')).toHaveLength(10);
    later(GUARD_MAX_WAIT_SECONDS);
    expect(unlock(nurses[0].id, nurses[0].pin).ok).toBe(true);
  });
});

describe('over HTTP, a board process takes no actor from its callers', () => {
  const dir = tempDir('tavla-sec-http-');
  let board: TavlaProcess;
  beforeAll(async () => {
    board = await TavlaProcess.start({ role: 'board', municipality: 'fjordvik', unit: 'solsiden', data: join(dir.path, 'board') });
    await board.id('unit.configure', { name: 'Solsiden', kind: 'nursing-home', beds: [{ label: '101' }] });
  });
  afterAll(async () => {
    await board.stop();
    dir.remove();
  });

  const post = (command: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${board.url}api/${command}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('answers 401 to a clinical edit without a session, whatever actor header it carries', async () => {
    const response = await post('stay.admit', { bed: '101', name: 'Astrid Prøve', initials: 'AP', birthDate: '1940-01-01' }, { 'x-tavla-actor': 'Marit Solberg' });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, code: 'unauthorized' });
    expect((await board.state<{ stays: unknown[] }>()).stays).toHaveLength(0);
  });

  it('files a locked screen’s task under the board, never the name a header or field claims', async () => {
    const task = await board.id('task.create', { title: 'Sjekk medisinrommet' });
    const claimed = await post('task.complete', { id: task, by: 'Marit Solberg' });
    expect(claimed.status).toBe(400);
    const done = await post('task.complete', { id: task }, { 'x-tavla-actor': 'Marit Solberg' });
    expect(await done.json()).toMatchObject({ ok: true });
    const session = await board.script.signIn();
    const log = await board.call<{ action: string; actor: string; record: string | null }[]>('audit.list', { session, limit: 50 });
    const entry = log.value?.find((e) => e.action === 'task.complete' && e.record === task);
    expect(entry?.actor).toMatch(/^tavla b[0-9a-f]{12}$/);
    const state = await board.state<{ tasks: { id: string; doneBy: string | null }[] }>();
    expect(state.tasks.find((t) => t.id === task)?.doneBy).toBeNull();
  });
});
