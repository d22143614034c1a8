/**
 * The shared reception's commands on two boards, one per organisation (issue 17, points 4 and 6):
 * the queue re-sorts on a triage change and keeps the first triage time; private fields stay on the
 * owner's board; a handover changes the responsible organisation on both and is logged once in
 * each organisation's log; a disposition empties the bay.
 */

import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EncounterList } from '../../../shared/api/commands/encounter.js';
import { privateScope } from '../../../shared/reception/reception-kinds.js';
import { openReception, RECEPTION, type ReceptionWorld } from '../../support/reception-boards.js';
import { syntheticNationalId, wrongCheckDigit } from '../../support/synthetic-national-id.js';

const INGRID_ID = syntheticNationalId('FNR', '1970-01-01');

describe('a shared reception of legevakt and sykehus', () => {
  let world: ReceptionWorld;
  beforeEach(() => {
    world = openReception();
    const [legevakt, sykehus] = world.boards;
    legevakt.edit('unit.configure', RECEPTION);
    world.relay();
    expect(sykehus.locked('unit.state').unit?.kind).toBe('shared-reception');
  });
  afterEach(() => world.close());

  const later = (minutes: number) => (world.clock.now = new Date(world.clock.now.getTime() + minutes * 60_000));
  const list = (n: number) => world.boards[n].edit('encounter.list', {}) as EncounterList;

  it('re-sorts the queue when a colour changes and keeps the time of the first triage', () => {
    const [legevakt, sykehus] = world.boards;
    const a = legevakt.edit('encounter.arrive', { label: 'L-1', name: 'Kari Nordmann', reason: 'Brystsmerter' }).id;
    later(2);
    const b = sykehus.edit('encounter.arrive', { label: 'S-1', name: 'Per Hansen', reason: 'Fall' }).id;
    later(3);
    legevakt.edit('encounter.triage', { id: a, colour: 'yellow' });
    const firstTriage = world.clock.now.toISOString();
    sykehus.edit('encounter.triage', { id: b, colour: 'orange' });
    world.relay();
    expect(list(0).queue.map((e) => e.id)).toEqual([b, a]);
    later(5);
    legevakt.edit('encounter.triage', { id: a, colour: 'red' });
    world.relay();
    for (const n of [0, 1]) {
      const queue = list(n).queue;
      expect(queue.map((e) => e.id), `board ${n}`).toEqual([a, b]);
      expect(queue[0]).toMatchObject({ colour: 'red', status: 'triaged', triagedAt: firstTriage, colourSetAt: world.clock.now.toISOString(), minutesSinceArrival: 10, minutesSinceTriage: 5 });
      expect(queue[0].triage.map((mark) => mark.colour)).toEqual(['yellow', 'red']);
    }
  });

  it("shows each organisation's private fields on its own board only, and never stores them in the unit's scope", () => {
    const [legevakt, sykehus] = world.boards;
    const id = legevakt.edit('encounter.arrive', { label: 'L-7', bay: 'R1', name: 'Ingrid Berg', nationalId: INGRID_ID, reason: 'Feber', note: 'Kjent astma' }).id;
    world.relay();
    expect(list(0).queue[0].private).toEqual({ name: 'Ingrid Berg', reason: 'Feber', note: 'Kjent astma', identified: true });
    expect(list(1).queue[0]).toMatchObject({ id, label: 'L-7', bay: 'R1', owner: 'legevakt', private: null });
    // The other organisation's board holds none of it, not even in its store.
    expect(sykehus.service.db.prepare('SELECT COUNT(*) FROM encounterPrivate').pluck().get()).toBe(0);
    expect(JSON.stringify(sykehus.service.db.prepare('SELECT value FROM field_state').pluck().all())).not.toMatch(new RegExp(`Ingrid|Feber|astma|${INGRID_ID}`));
    // On the owner's board, the private record sits in the organisation's scope, its audit line too.
    const scopes = legevakt.service.db.prepare("SELECT DISTINCT collection, scope FROM field_state WHERE collection IN ('encounter', 'encounterPrivate')").all();
    expect(scopes).toEqual(expect.arrayContaining([{ collection: 'encounter', scope: 'mottak' }, { collection: 'encounterPrivate', scope: privateScope('mottak', 'legevakt') }]));
    // A locked screen sees the shared fields only, even on the owner's board.
    expect(legevakt.locked('encounter.list').queue[0].private).toBeNull();
  });

  it('hands an encounter over: the responsible organisation changes on both boards, and each log holds the handover once', () => {
    const [legevakt, sykehus] = world.boards;
    const id = legevakt.edit('encounter.arrive', { label: 'L-2', name: 'Ola Normann' }).id;
    world.relay();
    expect(sykehus.run('encounter.handover', { id, to: 'legevakt' })).toMatchObject({ ok: false, code: 'forbidden' });
    legevakt.edit('encounter.handover', { id, to: 'sykehus' });
    world.relay();
    world.relay();
    for (const n of [0, 1]) expect(list(n).queue[0]).toMatchObject({ owner: 'legevakt', responsible: 'sykehus' });
    const handovers = (n: number) =>
      world.boards[n].service.db.prepare("SELECT entry FROM auditEntry WHERE json_extract(entry, '$.action') = 'encounter.handover'").pluck().all() as string[];
    expect(handovers(0)).toHaveLength(1);
    expect(handovers(1)).toHaveLength(1);
    expect(JSON.parse(handovers(1)[0])).toMatchObject({ detail: 'legevakt → sykehus', actor: 'Leder legevakt 0' });
    // The receiving line lives in sykehus' own scope: legevakt never holds it.
    const scopeOf = (n: number) => world.boards[n].service.db.prepare("SELECT scope FROM field_state WHERE collection = 'auditEntry' AND id LIKE 'handover-%'").pluck().all();
    expect(scopeOf(1)).toEqual([privateScope('mottak', 'sykehus')]);
    expect(scopeOf(0)).toEqual([]);
    // Now sykehus decides; legevakt cannot dispose of it any more.
    expect(legevakt.run('encounter.dispose', { id, disposition: 'home' })).toMatchObject({ ok: false, code: 'forbidden' });
    sykehus.edit('encounter.dispose', { id, disposition: 'admitted' });
  });

  it('logs a handover once even when two boards of the receiving organisation both write the line', () => {
    world.close();
    world = openReception(['legevakt', 'sykehus', 'sykehus']);
    const [legevakt, , sykehus2] = world.boards;
    legevakt.edit('unit.configure', RECEPTION);
    world.relay();
    const id = legevakt.edit('encounter.arrive', { label: 'L-3' }).id;
    legevakt.edit('encounter.handover', { id, to: 'sykehus' });
    world.relay();
    world.relay();
    world.relay();
    const lines = sykehus2.service.db.prepare("SELECT id FROM field_state WHERE collection = 'auditEntry' AND id LIKE 'handover-%'").pluck().all();
    expect(lines).toHaveLength(1);
  });

  it('keys an identity number alike on every board of the organisation, differently for the other one, and never as the bare hash', () => {
    world.close();
    world = openReception(['legevakt', 'legevakt', 'sykehus']);
    const [first, second, sykehus] = world.boards;
    first.edit('unit.configure', RECEPTION);
    world.relay();
    const nationalId = syntheticNationalId('DNR', '1988-03-14');
    const ids = [first, second, sykehus].map((board, n) => board.edit('encounter.arrive', { label: `P-${n}`, nationalId }).id);
    world.relay();
    const keyOf = (board: (typeof world.boards)[number], id: string) => board.service.db.prepare('SELECT idKey FROM encounterPrivate WHERE id = ?').pluck().get(id) as string;
    // The second legevakt board holds both of its organisation's arrivals, keyed alike.
    expect(keyOf(second, ids[0])).toBe(keyOf(second, ids[1]));
    expect(keyOf(sykehus, ids[2])).not.toBe(keyOf(second, ids[0]));
    const bare = ['legevakt', 'sykehus'].map((organisation) => createHash('sha256').update(`reception-id:fjordvik:${organisation}:${nationalId}`).digest('hex'));
    for (const key of [keyOf(second, ids[0]), keyOf(sykehus, ids[2])]) {
      expect(key).toMatch(/^[0-9a-f]{64}$/);
      expect([...bare, createHash('sha256').update(nationalId).digest('hex')]).not.toContain(key);
    }
  });

  it('refuses an identity number that is not one, storing nothing, and takes a right one or none', () => {
    const [legevakt] = world.boards;
    const db = legevakt.service.db;
    const rows = () => ({
      encounters: db.prepare('SELECT COUNT(*) FROM encounter').pluck().get(),
      private: db.prepare('SELECT COUNT(*) FROM encounterPrivate').pluck().get(),
      fields: db.prepare('SELECT COUNT(*) FROM field_state').pluck().get(),
    });
    const before = rows();
    // Born 2038, and a 750-899 individual number in 1970 (no century): both taken before the century was read.
    const malformed = {
      'national-id-check-digits': wrongCheckDigit(INGRID_ID),
      'national-id-future': '01013850085',
      'national-id-century': '01017080039',
    };
    for (const [reason, nationalId] of Object.entries(malformed)) {
      expect(legevakt.run('encounter.arrive', { label: 'L-9', nationalId }), nationalId).toMatchObject({ ok: false, code: 'invalid-input', params: { reason } });
    }
    expect(legevakt.run('encounter.arrive', { label: 'L-9', nationalId: '1234' })).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(rows()).toEqual(before);
    legevakt.edit('encounter.arrive', { label: 'L-9', nationalId: INGRID_ID });
    legevakt.edit('encounter.arrive', { label: 'L-10' });
    expect(rows().encounters).toBe((before.encounters as number) + 2);
    expect(list(0).queue.map((e) => e.private?.identified)).toEqual([true, false]);
  });

  it('empties the bay on a disposition, and refuses a taken or unknown bay', () => {
    const [legevakt] = world.boards;
    const id = legevakt.edit('encounter.arrive', { label: 'L-4', bay: 'R2' }).id;
    expect(legevakt.run('encounter.arrive', { label: 'L-5', bay: 'R2' })).toMatchObject({ ok: false, params: { reason: 'bay-taken', bay: 'R2' } });
    expect(legevakt.run('encounter.arrive', { label: 'L-5', bay: 'X9' })).toMatchObject({ ok: false, params: { reason: 'bay-unknown' } });
    expect(list(0).bays.find((bay) => bay.label === 'R2')).toEqual({ label: 'R2', encounter: id });
    legevakt.edit('encounter.dispose', { id, disposition: 'kad' });
    const after = list(0);
    expect(after.bays.find((bay) => bay.label === 'R2')).toEqual({ label: 'R2', encounter: null });
    expect(after.queue).toEqual([]);
    expect(after.recent[0]).toMatchObject({ id, status: 'kad', disposition: 'kad', bay: null });
    expect(legevakt.run('encounter.triage', { id, colour: 'red' })).toMatchObject({ ok: false, params: { reason: 'encounter-disposed' } });
  });

  it("refuses another organisation's arrival, a board without an organisation, and a reception without two organisations", () => {
    const [legevakt] = world.boards;
    expect(legevakt.run('encounter.arrive', { organisation: 'sykehus', label: 'X' })).toMatchObject({ ok: false, code: 'forbidden', params: { reason: 'organisation-not-own' } });
    expect(legevakt.run('unit.configure', { ...RECEPTION, organisations: undefined })).toMatchObject({ ok: false, params: { reason: 'organisations-kind' } });
    expect(legevakt.run('unit.configure', { ...RECEPTION, organisations: ['legevakt'] })).toMatchObject({ ok: false, code: 'invalid-input' });
  });
});
