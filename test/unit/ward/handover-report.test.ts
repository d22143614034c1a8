/** Handover as a report (issue 13, point 7): a line per resident, overdue in the shift apart from overdue now, giver and receiver. */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandoverResident } from '../../../shared/api/commands/ward.js';
import { openTestBoard, seedWard, type TestBoard } from '../../support/ward-board.js';

const DAY = { date: '2026-11-23', shift: 'day' } as const; // 06:00–14:00 UTC (07–15 in Oslo)

describe('the handover report', () => {
  let board: TestBoard;
  let ward: ReturnType<typeof seedWard>;
  beforeEach(() => {
    board = openTestBoard('2026-11-23T04:00:00Z'); // the night before: both residents were in before the day shift
    ward = seedWard(board);
    board.clock.now = new Date('2026-11-23T09:00:00Z');
  });
  afterEach(() => board.close());

  const line = (residents: HandoverResident[], stayId: string) => {
    const found = residents.find((r) => r.stayId === stayId);
    if (!found) throw new Error(`no line for ${stayId}`);
    return found;
  };

  it('has a line for every resident, changed or not, with the situation, what changed and what is due', () => {
    const task = (title: string, stayId: string, due: string) => board.value('task.create', { title, stayId, due }).id;
    const late = task('Blodtrykk', ward.ingrid, '2026-11-23T07:00:00Z');
    task('Stell', ward.ingrid, '2026-11-23T08:30:00Z');
    task('Medisiner', ward.ingrid, '2026-11-23T12:00:00Z');
    task('Tannlege', ward.shielded, '2026-11-24T10:00:00Z'); // after the receiver's shift ends: not due in this report
    board.clock.now = new Date('2026-11-23T08:00:00Z');
    board.value('task.complete', { id: late }); // an hour late, in the shift
    board.clock.now = new Date('2026-11-23T09:00:00Z');
    const newcomer = board.edit('stay.admit', { bed: '103', name: 'Kari Tung', initials: 'KT', birthDate: '1930-02-02', adl: 3 }).id;

    const view = board.value('handover.view', DAY);
    expect(view.residents.map((r) => `${r.place}:${r.initials ?? '-'}`)).toEqual(['101:IH', '102:-', '103:KT']);
    const ingrid = line(view.residents, ward.ingrid);
    expect(ingrid).toMatchObject({ flags: ['fall'], adl: 4, changes: [] });
    expect(ingrid.due.map((t) => t.title)).toEqual(['Medisiner']);
    expect(ingrid.overdueNow.map((t) => t.title)).toEqual(['Stell']);
    expect(ingrid.overdueInShift.map((t) => t.title)).toEqual(['Blodtrykk', 'Stell']);
    // The shielded resident has a line too, with nothing changed and nothing due: no initials.
    expect(line(view.residents, ward.shielded)).toMatchObject({ initials: null, changes: [], due: [], overdueNow: [], overdueInShift: [] });
    expect(line(view.residents, newcomer).changes.map((c) => c.kind)).toEqual(['admission']);
    // The unit's lists keep the two overdue kinds apart.
    const of = (kind: string) => view.items.filter((i) => i.kind === kind).map((i) => i.detail);
    expect(of('overdue-in-shift')).toEqual(['Blodtrykk', 'Stell']);
    expect(of('overdue')).toEqual(['Stell']);
  });

  it('reads a past shift: overdue now is not overdue in the shift, and a resident discharged in it is still reported', () => {
    board.value('task.create', { title: 'Stell', stayId: ward.ingrid, due: '2026-11-23T13:00:00Z' });
    board.value('task.create', { title: 'Kveldsmat', stayId: ward.ingrid, due: '2026-11-23T14:30:00Z' });
    board.edit('stay.discharge', { stayId: ward.shielded });
    board.clock.now = new Date('2026-11-23T15:00:00Z'); // the evening shift
    const view = board.value('handover.view', DAY);
    const ingrid = line(view.residents, ward.ingrid);
    expect(ingrid.overdueInShift.map((t) => t.title)).toEqual(['Stell']);
    expect(ingrid.overdueNow.map((t) => t.title)).toEqual(['Stell', 'Kveldsmat']);
    expect(line(view.residents, ward.shielded).changes.map((c) => c.kind)).toEqual(['discharge']);
    // A shift later the discharged resident is no longer on the unit's report.
    board.clock.now = new Date('2026-11-23T22:00:00Z');
    const evening = board.value('handover.view', { date: '2026-11-23', shift: 'evening' });
    expect(evening.residents.map((r) => r.stayId)).toEqual([ward.ingrid]);
  });

  it('takes two acknowledgements, giver and receiver, by two people, each in the audit log', () => {
    // The clock has moved on since the seed: each session is unlocked just before it is used.
    const unlock = (staffId: string, pin: string, screen: string) => ({ token: board.value('session.unlock', { staffId, pin, screen }).token, screen });
    const siri = board.edit('staff.set', { name: 'Siri Skift', role: 'shift-leader', pin: '9753' }).id;
    const nurse = unlock(ward.nurse, '1357', 'n');
    expect(board.run('handover.acknowledge', { session: nurse, ...DAY, side: 'giver' })).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(board.run('handover.acknowledge', { ...DAY, side: 'giver' })).toMatchObject({ ok: false, code: 'unauthorized' });

    board.clock.now = new Date('2026-11-23T13:50:00Z');
    const outgoing = unlock(ward.leader, '2468', ward.screen);
    board.value('handover.acknowledge', { session: outgoing, ...DAY, side: 'giver' });
    const given = board.value('handover.view', DAY);
    expect(given).toMatchObject({ givenBy: 'Liv Leder', givenAt: '2026-11-23T13:50:00.000Z', acknowledgedBy: null, acknowledgedAt: null });
    // Whoever gave the report cannot also receive it.
    expect(board.run('handover.acknowledge', { session: outgoing, ...DAY, side: 'receiver' })).toMatchObject({ ok: false, code: 'conflict' });

    board.clock.now = new Date('2026-11-23T14:05:00Z');
    board.value('handover.acknowledge', { session: unlock(siri, '9753', 's'), ...DAY, side: 'receiver' });
    board.restart(); // both survive a restart (migration 12's columns)
    expect(board.value('handover.view', DAY)).toMatchObject({
      givenBy: 'Liv Leder',
      givenAt: '2026-11-23T13:50:00.000Z',
      acknowledgedBy: 'Siri Skift',
      acknowledgedAt: '2026-11-23T14:05:00.000Z',
    });
    const log = board.audit().filter((a) => a.action.startsWith('handover.'));
    expect(log.map((a) => `${a.action} ${a.actor} ${a.detail ?? ''}`)).toEqual([
      'handover.give Liv Leder 2026-11-23 day',
      'handover.acknowledge Siri Skift 2026-11-23 day',
    ]);
  });
});
