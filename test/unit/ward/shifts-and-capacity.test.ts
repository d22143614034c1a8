/** Shifts in Oslo time, staffing and workload, the 14-day trends, and the handover list. */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shiftSpan as shiftRef, shiftSpanAt } from '../../../shared/time/oslo.js';

const shiftAt = (at: Date) => shiftSpanAt(at.getTime());
import { openTestBoard, seedWard, type TestBoard } from '../../support/ward-board.js';

describe('shifts in Europe/Oslo', () => {
  it('dates the night by its start and follows the clock change', () => {
    expect(shiftAt(new Date('2026-11-23T05:30:00Z'))).toEqual({ date: '2026-11-22', shift: 'night', from: '2026-11-22T21:00:00.000Z', to: '2026-11-23T06:00:00.000Z' });
    expect(shiftAt(new Date('2026-11-23T06:00:00Z')).shift).toBe('day');
    expect(shiftAt(new Date('2026-07-01T13:30:00Z'))).toMatchObject({ shift: 'evening', from: '2026-07-01T13:00:00.000Z' });
    // Summer time ends in the night to 25 October 2026: that night is nine hours long.
    const night = shiftRef('2026-10-24', 'night');
    expect([night.from, night.to]).toEqual(['2026-10-24T20:00:00.000Z', '2026-10-25T06:00:00.000Z']);
  });
});

describe('capacity and handover', () => {
  let board: TestBoard;
  let ward: ReturnType<typeof seedWard>;
  beforeEach(() => {
    board = openTestBoard('2026-11-23T09:00:00Z'); // 10:00 in Oslo, day shift
    ward = seedWard(board);
  });
  afterEach(() => board.close());

  it('counts beds, staffing and ADL points per staff member present, for the shift running now', () => {
    const before = board.value('capacity.view', {});
    expect(before).toMatchObject({ places: 3, patients: 2, beds: { occupied: 2, free: 1 }, adlPoints: 6, workload: { perStaff: null, level: 'unknown' } });
    const nurse = { token: board.value('session.unlock', { staffId: ward.nurse, pin: '1357', screen: 'n' }).token, screen: 'n' };
    expect(board.run('staffing.set', { session: nurse, date: '2026-11-23', shift: 'day', present: 2 })).toMatchObject({ ok: false, code: 'unauthorized' });
    board.value('staffing.set', { session: ward.leaderSession, date: '2026-11-23', shift: 'day', planned: 3, present: 1 });
    const after = board.value('capacity.view', {});
    expect(after.shift).toMatchObject({ date: '2026-11-23', shift: 'day' });
    expect(after.staffing).toEqual({ planned: 3, present: 1 });
    expect(after.workload).toEqual({ perStaff: 6, level: 'normal' });
    board.edit('stay.admit', { bed: '103', name: 'Kari Tung', initials: 'KT', birthDate: '1930-02-02', adl: 5 });
    board.value('stay.plan', { session: ward.leaderSession, stayId: ward.ingrid, adl: 5, expectedDischarge: '2026-11-23' });
    const busy = board.value('capacity.view', {});
    expect(busy.workload).toEqual({ perStaff: 12, level: 'normal' });
    expect(busy.expectedDischargesToday).toBe(1);
  });

  it('draws occupancy at each Oslo midnight and tasks done on time per day from the history', () => {
    board.clock.now = new Date('2026-11-24T09:00:00Z');
    // 23 Nov: two tasks due, one done 10 min late (on time within the grace), one 2 h late.
    const a = board.value('task.create', { title: 'A', due: '2026-11-23T10:00:00Z' }).id;
    const b = board.value('task.create', { title: 'B', due: '2026-11-23T11:00:00Z' }).id;
    board.clock.now = new Date('2026-11-23T10:10:00Z');
    board.value('task.complete', { id: a });
    board.clock.now = new Date('2026-11-23T13:00:00Z');
    board.value('task.complete', { id: b });
    board.clock.now = new Date('2026-11-24T09:00:00Z');
    const trend = board.value('capacity.view', { days: 3 }).trend;
    expect(trend.map((d) => d.date)).toEqual(['2026-11-22', '2026-11-23', '2026-11-24']);
    // Admitted 23 Nov 10:00 Oslo: not in at midnight before, both in at midnight after.
    expect(trend.map((d) => d.occupancy)).toEqual([0, 0, 66.7]);
    expect(trend[1]).toMatchObject({ tasksDue: 2, tasksOnTime: 1, onTimePercent: 50 });
    expect(trend[2]).toMatchObject({ tasksDue: 0, onTimePercent: null });
  });

  it('lists what changed in the shift: admissions, later flags, notes, discharges, overdue tasks', () => {
    // Flag and note changes are read from the replicated stamps, which carry the real clock: this
    // test runs on it (a fresh board, the shift running now).
    board.close();
    board = openTestBoard(new Date().toISOString());
    ward = seedWard(board);
    const shift = shiftAt(board.clock.now);
    const nurse = { token: board.value('session.unlock', { staffId: ward.nurse, pin: '1357', screen: 'n' }).token, screen: 'n' };
    // A flag written within a second of admission is part of it: move the admission a minute back.
    const earlier = (hlc: string) => {
      const [wall, ...rest] = hlc.split(':');
      return [(parseInt(wall, 36) - 60_000).toString(36).padStart(wall.length, '0'), ...rest].join(':');
    };
    const fields = board.service.db.prepare("SELECT field, hlc FROM field_state WHERE collection = 'stay' AND id = ?").all(ward.ingrid) as { field: string; hlc: string }[];
    const restamp = board.service.db.prepare("UPDATE field_state SET hlc = ? WHERE collection = 'stay' AND id = ? AND field = ?");
    for (const { field, hlc } of fields) restamp.run(earlier(hlc), ward.ingrid, field);
    board.value('stay.setFlag', { session: nurse, stayId: ward.ingrid, flag: 'nutrition', value: true });
    board.value('stay.note', { session: nurse, stayId: ward.ingrid, note: 'Spiser lite' });
    board.value('task.create', { title: 'Blodprøve', stayId: ward.ingrid, due: new Date(board.clock.now.getTime() - 60_000).toISOString() });
    board.edit('stay.discharge', { stayId: ward.shielded });
    board.clock.now = new Date();
    const view = board.value('handover.view', { date: shift.date, shift: shift.shift });
    const kinds = view.items.map((i) => `${i.kind}:${i.place ?? '-'}:${i.initials ?? '-'}:${i.detail ?? ''}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'admission:101:IH:',
        'admission:102:-:',
        'flag-set:101:IH:nutrition',
        'note:101:IH:',
        'discharge:102:-:',
        'overdue:101:IH:Blodprøve',
      ]),
    );
    // The fall flag was set at admission: part of the admission, not a change of its own.
    expect(kinds.some((k) => k.includes(':fall'))).toBe(false);
    expect(JSON.stringify(view)).not.toContain('Spiser lite');
  });

  it('logs the acknowledgement and shows the notes only to an unlocked screen', () => {
    const nurse = { token: board.value('session.unlock', { staffId: ward.nurse, pin: '1357', screen: 'n' }).token, screen: 'n' };
    expect(board.run('handover.acknowledge', { session: nurse, date: '2026-11-23', shift: 'day' })).toMatchObject({ ok: false, code: 'unauthorized' });
    board.value('handover.setNotes', { session: ward.leaderSession, date: '2026-11-23', shift: 'day', notes: 'Rolig vakt' });
    board.value('handover.acknowledge', { session: ward.leaderSession, date: '2026-11-23', shift: 'day' });
    const locked = board.value('handover.view', { date: '2026-11-23', shift: 'day' });
    expect(locked).toMatchObject({ acknowledgedBy: 'Liv Leder', acknowledgedAt: '2026-11-23T09:00:00.000Z', notes: null });
    expect(board.value('handover.view', { session: nurse, date: '2026-11-23', shift: 'day' }).notes).toBe('Rolig vakt');
    expect(board.audit().find((a) => a.action === 'handover.acknowledge')).toMatchObject({ actor: 'Liv Leder', detail: '2026-11-23 day' });
    // In the first hour of a shift the default is the shift just ended.
    board.clock.now = new Date('2026-11-23T14:20:00Z'); // 15:20 Oslo
    expect(board.value('handover.view', {})).toMatchObject({ date: '2026-11-23', shift: 'day', acknowledgedBy: 'Liv Leder' });
  });
});
