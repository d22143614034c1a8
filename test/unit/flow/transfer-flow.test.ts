import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { arrivalStayId } from '../../../main/flow/transfer-records.js';
import { capacityView } from '../../../main/leader/capacity.js';
import { leaderData } from '../../../main/leader/leader-data.js';
import type { TransferView } from '../../../shared/api/commands/flow.js';
import { tempDir } from '../../support/temp-dir.js';
import { FlowWorld } from '../../support/flow-world.js';

describe('transfers between two units', () => {
  let dir: ReturnType<typeof tempDir>;
  let world: FlowWorld;
  let stay: string;

  const transferOn = (name: string, id: string): TransferView => {
    const found = world.flow(name).transfers.find((t) => t.id === id);
    if (!found) throw new Error(`transfer ${id} not on ${name}`);
    return found;
  };
  const rows = (name: string, sql: string, ...params: unknown[]) => world.get(name).db.prepare(sql).all(...params) as Record<string, unknown>[];
  const run = (name: string, command: string, input: object) => world.run(name, command, input);

  beforeEach(() => {
    dir = tempDir('tavla-flow-');
    world = new FlowWorld(dir.path);
    world.add('a', 'solsiden');
    world.add('b', 'fjellro');
    world.id('a', 'unit.configure', { name: 'Solsiden sykehjem', kind: 'nursing-home', beds: [{ label: '101' }, { label: '102' }] });
    world.id('b', 'unit.configure', { name: 'Fjellro korttid', kind: 'short-term', beds: [{ label: '201' }, { label: '202' }] });
    stay = world.id('a', 'stay.admit', { bed: '101', name: 'Ingrid Haugland', initials: 'IH', birthDate: '1938-04-17', flags: { fall: true }, adl: 3 });
    world.relay();
  });
  afterEach(() => {
    world.close();
    dir.remove();
  });

  it('shows each board the other units with their free capacity, from the hub', () => {
    expect(world.flow('a').units).toEqual([expect.objectContaining({ unit: 'fjellro', name: 'Fjellro korttid', kind: 'short-term', beds: 2, free: 2, incoming: 0 })]);
    expect(world.flow('b').units).toEqual([expect.objectContaining({ unit: 'solsiden', beds: 2, free: 1 })]);
  });

  it('runs request, accept, schedule and complete, each on the board whose turn it is, and moves the patient', () => {
    const id = world.id('a', 'transfer.request', { stayId: stay, toUnit: 'fjellro' });
    expect(transferOn('a', id)).toMatchObject({ direction: 'out', state: 'requested', steps: ['cancel'], initials: 'IH' });
    world.relay();
    // The receiving board gets initials, flags and care level to prepare with, never the name.
    expect(transferOn('b', id)).toMatchObject({ direction: 'in', state: 'requested', steps: ['accept', 'decline', 'schedule'], initials: 'IH', flags: ['fall'], adl: 3, fromName: 'Solsiden sykehjem' });
    expect(rows('b', "SELECT * FROM stay WHERE unit = 'solsiden'")).toEqual([]);

    expect(run('b', 'transfer.accept', { id })).toMatchObject({ ok: false, code: 'invalid-input' });
    world.id('b', 'transfer.accept', { id, bed: '201' });
    world.id('b', 'transfer.schedule', { id, scheduledFor: '2026-11-24T10:00:00+01:00' });
    world.relay();
    expect(transferOn('a', id)).toMatchObject({ state: 'scheduled', toBed: '201', scheduledFor: '2026-11-24T09:00:00.000Z', steps: ['cancel', 'complete'] });
    expect(world.flow('b').freeBeds.map((bed) => bed.label)).toEqual(['202']);

    world.now = new Date('2026-11-24T09:05:00Z');
    world.id('b', 'transfer.complete', { id });
    const arrival = arrivalStayId(id);
    // On B at once, before any sync: the patient is in bed 201 with initials and flags, no name yet.
    expect(rows('b', 'SELECT unit, initials, name, fall, adl, status, admittedAt FROM stay WHERE id = ?', arrival)).toEqual([
      { unit: 'fjellro', initials: 'IH', name: null, fall: 1, adl: 3, status: 'active', admittedAt: '2026-11-24T09:05:00.000Z' },
    ]);
    expect(rows('b', "SELECT status FROM bed WHERE label = '201'")).toEqual([{ status: 'occupied' }]);
    world.relay();
    // The hub wrote A's side and the arrival's personal fields.
    expect(rows('a', 'SELECT status, dischargedAt FROM stay WHERE id = ?', stay)).toEqual([{ status: 'discharged', dischargedAt: '2026-11-24T09:05:00.000Z' }]);
    expect(rows('a', "SELECT status FROM bed WHERE label = '101'")).toEqual([{ status: 'cleaning' }]);
    expect(rows('a', "SELECT title, status FROM task WHERE title LIKE 'Rengjør%'")).toEqual([{ title: 'Rengjør rom 101', status: 'open' }]);
    expect(rows('b', 'SELECT name, birthDate FROM stay WHERE id = ?', arrival)).toEqual([{ name: 'Ingrid Haugland', birthDate: '1938-04-17' }]);
    expect(transferOn('a', id)).toMatchObject({ state: 'completed', conflict: null, steps: [] });
    expect(transferOn('b', id)).toMatchObject({ state: 'completed', stayId: arrival });
    // Neither board holds a stay of the other unit.
    expect(rows('a', "SELECT id FROM stay WHERE unit != 'solsiden'")).toEqual([]);
    expect(rows('b', "SELECT id FROM stay WHERE unit != 'fjellro'")).toEqual([]);
  });

  it('never offers or takes a bed in cleaning or blocked for a transfer, and a transfer\'s cleaning task falls due after the cleaning time', () => {
    world.id('b', 'bed.setStatus', { bed: '201', status: 'cleaning' });
    world.id('b', 'bed.setStatus', { bed: '202', status: 'blocked' });
    const id = world.id('a', 'transfer.request', { stayId: stay, toUnit: 'fjellro' });
    world.relay();
    expect(world.flow('b').freeBeds).toEqual([]);
    expect(run('b', 'transfer.accept', { id, bed: '201' })).toMatchObject({ ok: false, code: 'conflict' });
    expect(run('b', 'transfer.schedule', { id, bed: '202', scheduledFor: '2026-11-24T10:00:00+01:00' })).toMatchObject({ ok: false, code: 'conflict' });
    world.id('b', 'bed.setStatus', { bed: '202', status: 'free' });
    expect(world.flow('b').freeBeds.map((bed) => bed.label)).toEqual(['202']);
    world.id('b', 'transfer.accept', { id, bed: '202' });
    // Promised, the bed counts as reserved, not free, on the board and in the leader view alike.
    expect(world.run('b', 'capacity.view', {})).toMatchObject({ ok: true, value: { beds: { free: 0, reserved: 1, cleaning: 1, blocked: 0 } } });
    world.relay();
    const fjellro = capacityView(world.hub.db, leaderData(world.hub.db), world.now).units.find((u) => u.unit === 'fjellro');
    expect(fjellro).toMatchObject({ beds: 2, free: 0, reserved: 1, cleaning: 1 });
    world.now = new Date('2026-11-24T09:05:00Z');
    world.id('b', 'transfer.complete', { id });
    world.relay();
    expect(rows('a', "SELECT title, due, bed FROM task WHERE title LIKE 'Rengjør%'")).toEqual([
      { title: 'Rengjør rom 101', due: '2026-11-24T10:05:00.000Z', bed: rows('a', "SELECT id FROM bed WHERE label = '101'")[0].id },
    ]);
  });

  it('refuses a step out of turn or out of order, and writes nothing', () => {
    const id = world.id('a', 'transfer.request', { stayId: stay, toUnit: 'fjellro' });
    world.relay();
    const before = rows('a', 'SELECT count(*) AS n FROM change_log')[0].n;
    expect(run('a', 'transfer.accept', { id, bed: '102' })).toMatchObject({ ok: false, code: 'conflict', message: expect.stringMatching(/receiving unit/) });
    expect(run('b', 'transfer.cancel', { id })).toMatchObject({ ok: false, code: 'conflict', message: expect.stringMatching(/sending unit/) });
    expect(run('a', 'transfer.complete', { id })).toMatchObject({ ok: false, code: 'conflict', message: 'cannot complete a transfer that is requested' });
    expect(run('a', 'transfer.request', { stayId: stay, toUnit: 'fjellro' })).toMatchObject({ ok: false, code: 'conflict' });
    expect(run('a', 'transfer.request', { stayId: stay, toUnit: 'nowhere' })).toMatchObject({ ok: false, code: 'not-found' });
    expect(rows('a', 'SELECT count(*) AS n FROM change_log')[0].n).toBe(before);
    world.id('b', 'transfer.decline', { id, reason: 'no-bed' });
    expect(run('b', 'transfer.accept', { id, bed: '201' })).toMatchObject({ ok: false, message: 'cannot accept a transfer that is declined' });
    world.relay();
    expect(transferOn('a', id)).toMatchObject({ state: 'declined', declineReason: 'no-bed', steps: [] });
    // Declined is final: a new request is a new transfer.
    expect(world.id('a', 'transfer.request', { stayId: stay, toUnit: 'fjellro' })).not.toBe(id);
  });

  it('completes from the sending side: the hub writes the arrival into the promised bed, with the name, once', () => {
    const id = world.id('a', 'transfer.request', { stayId: stay, toUnit: 'fjellro' });
    world.relay();
    world.id('b', 'transfer.accept', { id, bed: '202' });
    world.relay();
    world.id('a', 'transfer.complete', { id });
    // A's side is done on A at once.
    expect(rows('a', 'SELECT status FROM stay WHERE id = ?', stay)).toEqual([{ status: 'discharged' }]);
    world.relay();
    world.relay();
    expect(rows('b', "SELECT s.initials, s.name, b.label FROM stay s JOIN bed b ON b.id = s.bed WHERE s.unit = 'fjellro' AND s.status = 'active'")).toEqual([
      { initials: 'IH', name: 'Ingrid Haugland', label: '202' },
    ]);
    expect(rows('a', "SELECT count(*) AS n FROM task WHERE title = 'Rengjør rom 101'")).toEqual([{ n: 1 }]);
    expect(world.flow('b').units.find((u) => u.unit === 'solsiden')).toMatchObject({ free: 1 });
  });

  it('does not write a side again that a board already wrote: a bed cleaned meanwhile stays free', () => {
    const id = world.id('a', 'transfer.request', { stayId: stay, toUnit: 'fjellro' });
    world.relay();
    world.id('b', 'transfer.accept', { id, bed: '201' });
    world.relay();
    // A, offline, completes and has the room cleaned before the hub hears of either.
    world.id('a', 'transfer.complete', { id });
    world.id('a', 'bed.setStatus', { bed: '101', status: 'free' });
    world.relay();
    world.relay();
    expect(rows('a', "SELECT status FROM bed WHERE label = '101'")).toEqual([{ status: 'free' }]);
  });

  it('loses and duplicates nothing when each board is offline for the other\'s steps', () => {
    const id = world.id('a', 'transfer.request', { stayId: stay, toUnit: 'fjellro' });
    world.relay('a'); // B is offline
    world.relay('b'); // A is offline; B catches up
    world.id('b', 'transfer.accept', { id, bed: '201' });
    world.id('b', 'transfer.complete', { id });
    world.relay('b');
    expect(transferOn('a', id).state).toBe('requested'); // A has not heard yet
    world.relay('a');
    expect(transferOn('a', id)).toMatchObject({ state: 'completed', toBed: '201' });
    expect(rows('a', 'SELECT status FROM stay WHERE id = ?', stay)).toEqual([{ status: 'discharged' }]);
    world.relay();
    expect(rows('b', "SELECT count(*) AS n FROM stay WHERE unit = 'fjellro' AND status = 'active'")).toEqual([{ n: 1 }]);
    expect(rows('a', "SELECT count(*) AS n FROM task WHERE title LIKE 'Rengjør%'")).toEqual([{ n: 1 }]);
    expect(rows('b', 'SELECT name FROM stay WHERE id = ?', arrivalStayId(id))).toEqual([{ name: 'Ingrid Haugland' }]);
  });

  it('merges a cancel on A and a completion on B made at once into "completed", shown as a conflict on both', () => {
    const id = world.id('a', 'transfer.request', { stayId: stay, toUnit: 'fjellro' });
    world.relay();
    world.id('b', 'transfer.accept', { id, bed: '201' });
    world.relay();
    world.id('a', 'transfer.cancel', { id });
    world.id('b', 'transfer.complete', { id });
    world.relay();
    for (const name of ['a', 'b']) {
      expect(transferOn(name, id)).toMatchObject({ state: 'completed', conflict: 'completed-and-cancelled', steps: [] });
      // The hub set the stored status to what the steps say, whichever write came last.
      expect(rows(name, 'SELECT status FROM transfer WHERE id = ?', id)).toEqual([{ status: 'completed' }]);
    }
    expect(rows('a', 'SELECT status FROM stay WHERE id = ?', stay)).toEqual([{ status: 'discharged' }]);
  });

  it('merges an accept on B and a cancel on A made at once into "cancelled", with no conflict', () => {
    const id = world.id('a', 'transfer.request', { stayId: stay, toUnit: 'fjellro' });
    world.relay();
    world.id('b', 'transfer.accept', { id, bed: '201' });
    world.id('a', 'transfer.cancel', { id });
    world.relay();
    for (const name of ['a', 'b']) expect(transferOn(name, id)).toMatchObject({ state: 'cancelled', conflict: null });
    expect(world.flow('b').freeBeds.map((bed) => bed.label)).toEqual(['201', '202']);
  });

  it('shows two requests made at once on two screens of A as a conflict', () => {
    world.add('a2', 'solsiden');
    world.relay();
    const first = world.id('a', 'transfer.request', { stayId: stay, toUnit: 'fjellro' });
    const second = world.id('a2', 'transfer.request', { stayId: stay, toUnit: 'fjellro' });
    world.relay();
    expect([transferOn('a', first).conflict, transferOn('a', second).conflict]).toEqual(['duplicate-request', 'duplicate-request']);
    world.id('a', 'transfer.cancel', { id: second });
    world.relay();
    expect(transferOn('a', first).conflict).toBeNull();
  });

  it('sends a patient home to a home-care list: no bed to choose, no bed to place', () => {
    world.add('hc', 'hjemme-nord');
    world.id('hc', 'unit.configure', { name: 'Hjemmetjenesten nord', kind: 'home-care', capacity: 3, beds: [] });
    world.relay();
    expect(world.flow('a').units.find((u) => u.unit === 'hjemme-nord')).toMatchObject({ beds: 3, free: 3 });
    const id = world.id('a', 'transfer.request', { stayId: stay, toUnit: 'hjemme-nord' });
    world.relay();
    world.id('hc', 'transfer.accept', { id });
    world.relay();
    expect(world.flow('a').units.find((u) => u.unit === 'hjemme-nord')).toMatchObject({ free: 2, incoming: 1 });
    world.id('a', 'transfer.complete', { id });
    world.relay();
    expect(transferOn('hc', id)).toMatchObject({ state: 'completed', steps: [] });
    expect(rows('hc', 'SELECT bed, status, name FROM stay WHERE id = ?', arrivalStayId(id))).toEqual([{ bed: null, status: 'active', name: 'Ingrid Haugland' }]);
    expect(world.flow('a').units.find((u) => u.unit === 'hjemme-nord')).toMatchObject({ free: 2, incoming: 0 });
  });

  it('places an arrival whose promised bed was taken meanwhile', () => {
    const id = world.id('a', 'transfer.request', { stayId: stay, toUnit: 'fjellro' });
    world.relay();
    world.id('b', 'transfer.accept', { id, bed: '201' });
    world.relay();
    // B, offline, fills bed 201 with someone else; A completes meanwhile.
    world.id('b', 'stay.admit', { bed: '201', name: 'Per Berg', initials: 'PB', birthDate: '1940-01-01' });
    world.id('a', 'transfer.complete', { id });
    world.relay();
    const arrived = transferOn('b', id);
    expect(arrived.steps).toEqual(['place']);
    expect(rows('b', 'SELECT bed FROM stay WHERE id = ?', arrivalStayId(id))).toEqual([{ bed: null }]);
    world.id('b', 'transfer.place', { id, bed: '202' });
    expect(transferOn('b', id)).toMatchObject({ steps: [], toBed: '202' });
    expect(rows('b', "SELECT status FROM bed WHERE label = '202'")).toEqual([{ status: 'occupied' }]);
  });
});
