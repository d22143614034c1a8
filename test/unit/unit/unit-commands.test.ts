import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoardService } from '../../../main/board/board-service.js';
import { dispatchAs } from '../../../main/board/in-process-session.js';
import type { StaffMember } from '../../../shared/api/commands/ward.js';
import type { UnitState } from '../../../shared/domain/types.js';
import { tempDir } from '../../support/temp-dir.js';

const KARI: StaffMember = { id: 'kari', name: 'Kari', role: 'unit-leader' };

describe('unit commands', () => {
  let dir: ReturnType<typeof tempDir>;
  let board: BoardService;
  let now = new Date('2026-11-23T08:00:00Z');

  // Kari works under a session of her own; the actor is never the caller's to say.
  const run = (command: string, input: object) => dispatchAs(board, KARI, command, input);
  const id = (command: string, input: object): string => {
    const result = run(command, input);
    if (!result.ok) throw new Error(`${command}: ${result.message}`);
    return (result.value as { id: string }).id;
  };
  const state = () => board.state() as UnitState;
  const auditCount = () => (board.db.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n;

  beforeEach(() => {
    dir = tempDir();
    board = new BoardService({ dataDir: dir.path, municipality: 'fjordvik', unit: 'solsiden', now: () => now });
    id('unit.configure', { name: 'Solsiden', kind: 'nursing-home', beds: [{ label: '101' }, { label: '102' }] });
  });
  afterEach(() => {
    board.close();
    dir.remove();
  });

  it('starts an empty data folder with an empty unit', () => {
    const fresh = new BoardService({ dataDir: `${dir.path}/fresh`, municipality: 'fjordvik', unit: 'x' });
    expect(fresh.state()).toEqual({ unit: null, beds: [], stays: [], tasks: [] });
    fresh.close();
  });

  it('configures a unit with its beds, free, in the order given', () => {
    expect(state().unit).toMatchObject({ name: 'Solsiden', kind: 'nursing-home', capacity: 2 });
    expect(state().beds.map((b) => [b.label, b.status])).toEqual([['101', 'free'], ['102', 'free']]);
  });

  it('admits a patient to a free bed and refuses an occupied or unknown one', () => {
    const stay = id('stay.admit', { bed: '101', name: 'Ola Hansen', initials: 'oh', birthDate: '1938-04-12', flags: { fall: true } });
    expect(state().stays[0]).toMatchObject({ id: stay, initials: 'OH', flags: expect.objectContaining({ fall: true, allergy: false }) });
    expect(state().beds[0].status).toBe('occupied');
    expect(run('stay.admit', { bed: '101', name: 'Per Berg', initials: 'PB', birthDate: '1940-01-01' })).toMatchObject({ ok: false, code: 'conflict' });
    expect(run('stay.admit', { bed: '999', name: 'Per Berg', initials: 'PB', birthDate: '1940-01-01' })).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('rejects invalid input with a clear message and writes nothing', () => {
    const before = auditCount();
    const result = run('stay.admit', { bed: '101', name: '', initials: 'TOOLONG', birthDate: '12.04.1938', extra: 1 });
    expect(result).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(!result.ok && result.message).toMatch(/birthDate/);
    expect(auditCount()).toBe(before);
    expect(board.dispatch('task.create', 'not an object')).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(run('no.such', {})).toMatchObject({ ok: false, code: 'unknown-command' });
  });

  it('sets and clears a risk flag', () => {
    const stay = id('stay.admit', { bed: '102', name: 'Ola Hansen', initials: 'OH', birthDate: '1938-04-12' });
    id('stay.setFlag', { stayId: stay, flag: 'hlrMinus', value: true });
    expect(state().stays[0].flags.hlrMinus).toBe(true);
    id('stay.setFlag', { stayId: stay, flag: 'hlrMinus', value: false });
    expect(state().stays[0].flags.hlrMinus).toBe(false);
  });

  it('discharging frees the patient, puts the bed to cleaning and creates the cleaning task', () => {
    const stay = id('stay.admit', { bed: '101', name: 'Ola Hansen', initials: 'OH', birthDate: '1938-04-12' });
    id('stay.discharge', { stayId: stay });
    expect(state().stays).toHaveLength(0);
    expect(state().beds[0].status).toBe('cleaning');
    expect(state().tasks.map((t) => t.title)).toEqual(['Rengjør rom 101']);
    expect(run('bed.setStatus', { bed: '101', status: 'free' })).toMatchObject({ ok: true });
    expect(run('bed.setStatus', { bed: '101', status: 'occupied' })).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('closes the bed loop: the cleaning task falls due after the unit\'s cleaning time, and doing it frees the bed', () => {
    const first = id('stay.admit', { bed: '101', name: 'Ola Hansen', initials: 'OH', birthDate: '1938-04-12' });
    id('stay.discharge', { stayId: first });
    const [cleaning] = state().tasks;
    // Not due the minute the patient leaves (overdue at once in handover): 60 minutes later by default.
    expect(cleaning).toMatchObject({ title: 'Rengjør rom 101', status: 'open', due: '2026-11-23T09:00:00.000Z' });
    id('task.complete', { id: cleaning.id });
    expect(state().beds[0].status).toBe('free');

    // A unit sets its own cleaning time; a bed blocked while it waited stays blocked when the task is done.
    id('unit.configure', { name: 'Solsiden', kind: 'nursing-home', cleaningMinutes: 30, beds: [{ label: '101' }, { label: '102' }] });
    const second = id('stay.admit', { bed: '102', name: 'Per Berg', initials: 'PB', birthDate: '1940-01-01' });
    id('stay.discharge', { stayId: second });
    const waiting = state().tasks.find((t) => t.status === 'open');
    expect(waiting).toMatchObject({ title: 'Rengjør rom 102', due: '2026-11-23T08:30:00.000Z' });
    id('bed.setStatus', { bed: '102', status: 'blocked' });
    id('task.complete', { id: waiting?.id ?? '' });
    expect(state().beds.map((b) => [b.label, b.status])).toEqual([['101', 'free'], ['102', 'blocked']]);

    // An ordinary task frees nothing, even one titled like a cleaning task.
    id('bed.setStatus', { bed: '102', status: 'cleaning' });
    id('task.complete', { id: id('task.create', { title: 'Rengjør rom 102' }) });
    expect(state().beds[1].status).toBe('cleaning');
  });

  it('completes a task once, by whom and when, and schedules the next of a recurring one', () => {
    const task = id('task.create', { title: 'Snu pasient', due: '2026-11-23T10:00:00+01:00', recurrenceMinutes: 120 });
    now = new Date('2026-11-23T09:05:00Z');
    id('task.complete', { id: task });
    const [done, next] = state().tasks;
    expect(done).toMatchObject({ id: task, status: 'done', doneBy: 'Kari', doneAt: '2026-11-23T09:05:00.000Z' });
    expect(next).toMatchObject({ title: 'Snu pasient', status: 'open', due: '2026-11-23T11:00:00.000Z' });
    expect(run('task.complete', { id: task })).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('refuses to remove an occupied bed when the unit is reconfigured', () => {
    id('stay.admit', { bed: '101', name: 'Ola Hansen', initials: 'OH', birthDate: '1938-04-12' });
    expect(run('unit.configure', { name: 'Solsiden', kind: 'nursing-home', beds: [{ label: '102' }] })).toMatchObject({ ok: false, code: 'conflict' });
    expect(run('unit.configure', { name: 'Solsiden', kind: 'nursing-home', beds: [{ label: '101' }, { label: '103' }] })).toMatchObject({ ok: true });
    expect(state().beds.map((b) => b.label)).toEqual(['101', '103']);
  });
});
