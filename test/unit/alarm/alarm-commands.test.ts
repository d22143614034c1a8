/**
 * The alarm strip's commands on two real home-care boards (issue 15, point 4): the list in the
 * corridor form, accept / escalate / close needing an unlocked session and audited, and two boards
 * accepting the same alarm at once ending with one accepted-by on both and both attempts in the
 * audit log once their changes have crossed (FieldStore.unsent → applyRemote, as sync carries them).
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoardService } from '../../../main/board/board-service.js';
import type { FieldStore } from '../../../main/store/field-store.js';
import type { CommandName, CommandOutput } from '../../../shared/api/contract.js';
import type { Result } from '../../../shared/api/result.js';
import { tempDir } from '../../support/temp-dir.js';

const UNIT = 'hjemme';

interface Board {
  service: BoardService;
  clock: { now: Date };
  run<K extends CommandName>(command: K, input: object): Result<CommandOutput<K>>;
  value<K extends CommandName>(command: K, input: object): CommandOutput<K>;
  remove(): void;
}

function openBoard(name: string): Board {
  const dir = tempDir(`tavla-alarm-${name}-`);
  const clock = { now: new Date('2026-03-02T08:00:00.000Z') };
  const service = new BoardService({ dataDir: dir.path, municipality: 'testvik', unit: UNIT, now: () => clock.now });
  const run = <K extends CommandName>(command: K, input: object) => service.dispatch(command, input) as Result<CommandOutput<K>>;
  return {
    service,
    clock,
    run,
    value(command, input) {
      const result = run(command, input);
      if (!result.ok) throw new Error(`${command}: ${result.message}`);
      return result.value;
    },
    remove: () => {
      service.close();
      dir.remove();
    },
  };
}

/** Carries every change `from` has not sent yet into `to`, as the broker would. */
function carry(from: FieldStore, to: FieldStore): void {
  for (const { change, scope } of from.unsent(10_000)) to.applyRemote([change], scope);
}

/** The alarm as the hub writes it into the unit's scope. */
function hubAlarm(store: FieldStore, id: string, severity = 'red', reportedAt = '2026-03-02T07:59:00.000Z', kind = 'patient') {
  store.commit({ actor: 'vkp-import', action: 'alarm.import' }, [
    { c: 'alarm', id, scope: UNIT, fields: { unit: UNIT, stay: null, initials: null, code: '4.1', codeText: 'Fall', severity, kind, reportedAt, deleted: false } },
  ]);
}

describe('alarm commands on two home-care boards', () => {
  let a: Board;
  let b: Board;
  let sessionA: { token: string; screen: string };
  let sessionB: { token: string; screen: string };

  beforeEach(() => {
    a = openBoard('a');
    b = openBoard('b');
    // Each board set up by IT on its own: its unit and its first unit leader (PINs stay on their board).
    a.value('unit.configure', { name: 'Hjemmetjenesten sør', kind: 'home-care', beds: [] });
    b.value('unit.configure', { name: 'Hjemmetjenesten sør', kind: 'home-care', beds: [] });
    const kari = a.value('staff.set', { name: 'Kari Hansen', role: 'unit-leader', pin: '2468' }).id;
    const ola = b.value('staff.set', { name: 'Ola Berg', role: 'unit-leader', pin: '1357' }).id;
    sessionA = { token: a.value('session.unlock', { staffId: kari, pin: '2468', screen: 'sa' }).token, screen: 'sa' };
    sessionB = { token: b.value('session.unlock', { staffId: ola, pin: '1357', screen: 'sb' }).token, screen: 'sb' };
    carry(a.service.store, b.service.store);
    carry(b.service.store, a.service.store);
    hubAlarm(a.service.store, 'al1');
    carry(a.service.store, b.service.store);
  });
  afterEach(() => {
    a.remove();
    b.remove();
  });

  it('lists the open alarm in the corridor form, and refuses accept, escalate and close on a locked screen', () => {
    const list = a.value('alarm.list', {});
    expect(list.open).toHaveLength(1);
    expect(list.open[0]).toMatchObject({ id: 'al1', code: '4.1', severity: 'red', state: 'reported', initials: null, acceptedBy: null, overdue: false });
    expect(list.banner).toBe(false);
    for (const [command, input] of [
      ['alarm.accept', { id: 'al1' }],
      ['alarm.escalate', { id: 'al1', reason: 'Trenger sykepleier' }],
      ['alarm.close', { id: 'al1', summary: 'OK' }],
    ] as const) {
      const result = a.run(command, input);
      expect(result.ok).toBe(false);
    }
    expect(a.run('alarm.accept', { session: sessionA, id: 'nope' })).toMatchObject({ ok: false, params: { reason: 'alarm-unknown' } });
  });

  it('two boards accepting at once end with one accepted-by on both and both attempts in the audit log', () => {
    a.clock.now = new Date('2026-03-02T08:00:01.000Z');
    b.clock.now = new Date('2026-03-02T08:00:01.500Z');
    a.value('alarm.accept', { session: sessionA, id: 'al1' });
    b.value('alarm.accept', { session: sessionB, id: 'al1' });
    // Before the changes cross, each board believes its own tap.
    expect(b.value('alarm.list', {}).open[0].acceptedBy).toBe('Ola Berg');
    carry(a.service.store, b.service.store);
    carry(b.service.store, a.service.store);
    for (const board of [a, b]) {
      const [alarm] = board.value('alarm.list', {}).open;
      expect(alarm).toMatchObject({ acceptedBy: 'Kari Hansen', acceptedAt: '2026-03-02T08:00:01.000Z', acceptAttempts: 2, state: 'accepted' });
      const audit = board.service.db.prepare("SELECT json_extract(entry, '$.actor') AS actor FROM auditEntry WHERE json_extract(entry, '$.action') = 'alarm.accept'").all() as { actor: string }[];
      expect(audit.map((line) => line.actor).sort()).toEqual(['Kari Hansen', 'Ola Berg']);
    }
  });

  it('shows an alarm without a route to every route as "no route", and gives it a route by a tap with a session, on both boards', () => {
    a.service.store.commit({ actor: 'test', action: 'visit.plan' }, [
      { c: 'visit', id: 'v1', fields: { unit: UNIT, stay: null, windowStart: '2026-03-02T08:30:00.000Z', windowEnd: '2026-03-02T09:00:00.000Z', title: 'Tilsyn', route: 'Rute 2', deleted: false } },
      { c: 'visit', id: 'v2', fields: { unit: UNIT, stay: null, windowStart: '2026-03-01T08:30:00.000Z', windowEnd: '2026-03-01T09:00:00.000Z', title: 'Tilsyn', route: 'Rute 9', deleted: false } },
    ]);
    const before = a.value('alarm.list', {});
    expect(before.open[0].route).toBeNull();
    expect(before.routes).toEqual(['Rute 2']); // yesterday's route 9 is not offered
    expect(a.run('alarm.assign', { id: 'al1', route: 'Rute 2' }).ok).toBe(false); // a locked screen
    a.value('alarm.assign', { session: sessionA, id: 'al1', route: 'Rute 2' });
    carry(a.service.store, b.service.store);
    expect(b.value('alarm.list', {}).open[0].route).toBe('Rute 2');
    const audit = a.service.db.prepare("SELECT actor, detail FROM audit WHERE action = 'alarm.assign'").all();
    expect(audit).toEqual([{ actor: 'Kari Hansen', detail: 'Rute 2' }]);
    a.value('alarm.assign', { session: sessionA, id: 'al1', route: null });
    expect(a.value('alarm.list', {}).open[0].route).toBeNull();
  });

  it('escalates with a reason and closes with a summary; a closed alarm leaves the strip and takes no more steps', () => {
    a.value('alarm.escalate', { session: sessionA, id: 'al1', reason: 'Tilkalt sykepleier' });
    a.value('alarm.close', { session: sessionA, id: 'al1', summary: 'Hjulpet opp, ingen skade' });
    const row = a.service.db.prepare('SELECT escalatedBy, escalationReason, closedBy, summary, closedAt FROM alarm WHERE id = ?').get('al1');
    expect(row).toEqual({ escalatedBy: 'Kari Hansen', escalationReason: 'Tilkalt sykepleier', closedBy: 'Kari Hansen', summary: 'Hjulpet opp, ingen skade', closedAt: '2026-03-02T08:00:00.000Z' });
    expect(a.value('alarm.list', {}).open).toEqual([]);
    expect(a.run('alarm.accept', { session: sessionA, id: 'al1' })).toMatchObject({ ok: false, params: { reason: 'alarm-closed' } });
    const actions = (a.service.db.prepare('SELECT action FROM audit ORDER BY seq').all() as { action: string }[]).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['alarm.escalate', 'alarm.close']));
  });

  it('raises the banner on every board once a red alarm waited past its limit, and keeps technical events apart', () => {
    hubAlarm(a.service.store, 'tech1', 'green', '2026-03-02T07:00:00.000Z', 'technical');
    carry(a.service.store, b.service.store);
    for (const board of [a, b]) board.clock.now = new Date('2026-03-02T08:04:01.000Z');
    expect(b.value('alarm.list', {}).banner).toBe(true); // 5 min 1 s after the report
    const list = a.value('alarm.list', {});
    expect(list.banner).toBe(true);
    expect(list.technical.map((t) => t.id)).toEqual(['tech1']);
    expect(list.open.map((t) => t.id)).toEqual(['al1']);
    // The idle screen locked meanwhile: unlock again, then take it.
    const kari = a.service.db.prepare("SELECT id FROM staff WHERE name = 'Kari Hansen'").get() as { id: string };
    const again = { token: a.value('session.unlock', { staffId: kari.id, pin: '2468', screen: 'sa' }).token, screen: 'sa' };
    a.value('alarm.accept', { session: again, id: 'al1' });
    expect(a.value('alarm.list', {}).banner).toBe(false);
  });

  it("takes the unit leader's own limits per severity, set on the unit and so the same on every board", () => {
    a.value('unit.configure', { session: sessionA, name: 'Hjemmetjenesten sør', kind: 'home-care', beds: [], alarmAcceptMinutes: { red: 2, yellow: 10, green: 30 } });
    carry(a.service.store, b.service.store);
    for (const board of [a, b]) board.clock.now = new Date('2026-03-02T08:00:30.000Z'); // 1 min 30 s after the report
    expect(b.value('alarm.list', {}).banner).toBe(false);
    for (const board of [a, b]) board.clock.now = new Date('2026-03-02T08:01:01.000Z'); // 2 min 1 s
    expect(a.value('alarm.list', {}).banner).toBe(true);
    expect(b.value('alarm.list', {}).banner).toBe(true); // the default (5 min) would not have raised it yet
    expect(a.run('unit.configure', { session: sessionA, name: 'Hjemmetjenesten sør', kind: 'home-care', beds: [], alarmAcceptMinutes: { red: 0, yellow: 10, green: 30 } })).toMatchObject({ ok: false, code: 'invalid-input' });
  });
});
