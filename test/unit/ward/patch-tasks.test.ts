/** Patching another board's tap into the tasks a screen shows, instead of re-reading the unit. */

import { describe, expect, it } from 'vitest';
import type { Task } from '../../../shared/domain/types.js';
import { patchTasks } from '../../../renderer/src/state/patch-tasks.js';

const task = (id: string, due: string | null, extra: Partial<Task> = {}): Task => ({
  id,
  unit: 'solsiden',
  stay: null,
  title: `Oppgave ${id}`,
  due,
  recurrenceMinutes: null,
  status: 'open',
  doneBy: null,
  doneAt: null,
  createdAt: '2026-11-23T06:00:00.000Z',
  ...extra,
});

describe('patching tasks in', () => {
  const shown = [task('a', '2026-11-23T08:00:00.000Z'), task('b', '2026-11-23T09:00:00.000Z'), task('c', null)];

  it('replaces a task read again, keeps every other object, and keeps the order of a full read', () => {
    const done = task('b', '2026-11-23T09:00:00.000Z', { status: 'done', doneBy: 'Kari', doneAt: '2026-11-23T09:01:00.000Z' });
    const next = patchTasks(shown, [done], [], 20);
    expect(next.map((t) => t.id)).toEqual(['a', 'b', 'c']);
    expect(next[1]).toBe(done);
    expect(next[0]).toBe(shown[0]);
    expect(next[2]).toBe(shown[2]);
  });

  it('adds a new task in due order, drops one no longer shown, and returns the same array when nothing changed', () => {
    const next = patchTasks(shown, [task('d', '2026-11-23T08:30:00.000Z', { createdAt: '2026-11-23T08:10:00.000Z' })], ['a'], 20);
    expect(next.map((t) => t.id)).toEqual(['d', 'b', 'c']);
    expect(patchTasks(shown, [{ ...shown[1] }], [], 20)).toBe(shown);
  });

  it('orders tasks due at the same time by creation, undated last', () => {
    const early = task('e', '2026-11-23T09:00:00.000Z', { createdAt: '2026-11-23T05:00:00.000Z' });
    expect(patchTasks(shown, [early, task('f', null, { createdAt: '2026-11-23T05:00:00.000Z' })], [], 20).map((t) => t.id)).toEqual(['a', 'e', 'b', 'f', 'c']);
  });

  it('keeps only the latest finished tasks, so a screen patched all shift does not grow', () => {
    let tasks: Task[] = [];
    for (let i = 0; i < 30; i += 1) {
      const at = new Date(Date.parse('2026-11-23T08:00:00.000Z') + i * 60_000).toISOString();
      tasks = patchTasks(tasks, [task(`t${i}`, at, { status: 'done', doneAt: at, doneBy: 'Kari' })], [], 20);
    }
    expect(tasks).toHaveLength(20);
    expect(tasks.map((t) => t.id)).toEqual(Array.from({ length: 20 }, (_, i) => `t${i + 10}`));
  });
});
