/** Tasks on the board: templates in few taps, undo of a completion, and what the corridor state holds. */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RECENT_DONE_LIMIT } from '../../../shared/api/commands/ward.js';
import { openTestBoard, seedWard, type TestBoard } from '../../support/ward-board.js';

describe('tasks on the ward board', () => {
  let board: TestBoard;
  let ward: ReturnType<typeof seedWard>;
  const task = (id: string) => board.service.state().tasks.find((t) => t.id === id);
  beforeEach(() => {
    board = openTestBoard('2026-11-23T09:02:00Z');
    ward = seedWard(board);
  });
  afterEach(() => board.close());

  it('creates a task from a template for a patient, titled in the screen language, due on a round time', () => {
    const id = board.value('task.fromTemplate', { template: 'turn', stayId: ward.ingrid, language: 'en' }).id;
    expect(task(id)).toMatchObject({ title: 'Reposition the patient', stay: ward.ingrid, recurrenceMinutes: 120, due: '2026-11-23T09:35:00.000Z', status: 'open' });
    expect(board.run('task.fromTemplate', { template: 'turn' })).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(board.run('task.fromTemplate', { template: 'medicine-room', stayId: ward.ingrid })).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(board.value('task.templates', {}).find((t) => t.id === 'medicine-room')).toMatchObject({ title: 'Sjekk medisinrommet', target: 'unit' });
  });

  it('undoes a completion of a recurring task: open again, and the next round withdrawn', () => {
    const id = board.value('task.fromTemplate', { template: 'turn', stayId: ward.ingrid }).id;
    board.value('task.complete', { id });
    const open = () => board.service.state().tasks.filter((t) => t.status === 'open' && t.title === 'Snu pasienten');
    expect(open()).toHaveLength(1);
    expect(open()[0].id).not.toBe(id);
    board.value('task.reopen', { id });
    expect(open().map((t) => t.id)).toEqual([id]);
    expect(task(id)).toMatchObject({ doneBy: null, doneAt: null });
    expect(board.run('task.reopen', { id })).toMatchObject({ ok: false, code: 'conflict' });
    expect(board.audit().map((a) => a.action)).toContain('task.reopen');
  });

  it('sends open tasks up to the horizon and finished ones of the last hours, not the whole history', () => {
    const at = (iso: string) => {
      board.clock.now = new Date(iso);
    };
    at('2026-11-20T08:00:00Z');
    const old = board.value('task.create', { title: 'Gammel', stayId: ward.ingrid, due: '2026-11-20T09:00:00Z' }).id;
    board.value('task.complete', { id: old });
    at('2026-11-23T09:02:00Z');
    const overdue = board.value('task.create', { title: 'Forfalt', due: '2026-11-23T07:00:00Z' }).id;
    const later = board.value('task.create', { title: 'Neste uke', due: '2026-11-30T07:00:00Z' }).id;
    const recent = board.value('task.create', { title: 'Nettopp', due: '2026-11-23T08:00:00Z' }).id;
    board.value('task.complete', { id: recent });
    const state = board.value('ward.state', {});
    const ids = state.tasks.map((t) => t.id);
    expect(ids).toContain(overdue);
    expect(ids).toContain(recent);
    expect(ids).not.toContain(old);
    expect(ids).not.toContain(later);
    expect(state.laterTasks).toBe(1);
    expect(state.now).toBe('2026-11-23T09:02:00.000Z');
  });

  it('sends only the latest finished tasks, so a busy shift does not grow every read and the screen', () => {
    const finished: string[] = [];
    for (let i = 0; i < RECENT_DONE_LIMIT + 5; i++) {
      board.clock.now = new Date(Date.parse('2026-11-23T09:02:00Z') + i * 60_000);
      const id = board.value('task.create', { title: `Runde ${i}`, due: '2026-11-23T09:00:00Z' }).id;
      board.value('task.complete', { id });
      finished.push(id);
    }
    const open = board.value('task.create', { title: 'Åpen', due: '2026-11-23T10:00:00Z' }).id;
    const ids = board.value('ward.state', {}).tasks.map((t) => t.id);
    expect(ids.filter((id) => finished.includes(id))).toEqual(finished.slice(-RECENT_DONE_LIMIT));
    expect(ids).toContain(open);
  });

  it('reads named tasks again by the same rules as the whole state: shown ones, and the ids no longer shown', () => {
    board.clock.now = new Date('2026-11-20T08:00:00Z');
    const old = board.value('task.create', { title: 'Gammel', due: '2026-11-20T09:00:00Z' }).id;
    board.value('task.complete', { id: old });
    board.clock.now = new Date('2026-11-23T09:02:00Z');
    const open = board.value('task.create', { title: 'Åpen', due: '2026-11-23T10:00:00Z' }).id;
    const later = board.value('task.create', { title: 'Neste uke', due: '2026-11-30T07:00:00Z' }).id;
    const done = board.value('task.create', { title: 'Ferdig', due: '2026-11-23T08:00:00Z' }).id;
    board.value('task.complete', { id: done });
    const read = board.value('ward.tasks', { ids: [open, later, done, old, 'no-such-task'] });
    expect(read.tasks.map((t) => t.id).sort()).toEqual([open, done].sort());
    expect(read.gone.sort()).toEqual([later, old, 'no-such-task'].sort());
    expect(read.laterTasks).toBe(board.value('ward.state', {}).laterTasks);
    expect(board.run('ward.tasks', { ids: [] })).toMatchObject({ ok: false, code: 'invalid-input' });
  });

  it('announces no state change after a read, so screens never loop on their own reloads', () => {
    const events: string[] = [];
    board.service.subscribe((event) => events.push(event));
    for (const command of ['ward.state', 'capacity.view', 'handover.view', 'staff.list', 'task.templates', 'sync.state'] as const) board.value(command, {});
    expect(events).toEqual([]);
    board.value('task.fromTemplate', { template: 'medicine-room' });
    expect(events).toContain('state.changed');
  });
});
