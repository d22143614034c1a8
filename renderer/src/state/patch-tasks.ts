/**
 * Another board's tap, patched in: the tasks a synced change named, read again, replace their
 * namesakes in what the screen shows — or join it, or leave it — in the order of a full read, with
 * only the latest finished tasks kept. Unchanged tasks keep their objects (keep-unchanged.ts).
 */

import type { Task } from '../../../shared/domain/types.js';
import { keepUnchanged } from './keep-unchanged.js';

/** The order of `ward.state`: by due time (undated last), then by creation. */
function byDue(a: Task, b: Task): number {
  if (a.due !== b.due) {
    if (a.due === null) return 1;
    if (b.due === null) return -1;
    return a.due < b.due ? -1 : 1;
  }
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
}

/** `shown` with `read` patched in and `gone` taken out, keeping at most `doneLimit` finished tasks. */
export function patchTasks(shown: readonly Task[], read: readonly Task[], gone: readonly string[], doneLimit: number): Task[] {
  const replaced = new Set([...gone, ...read.map((task) => task.id)]);
  const next = [...shown.filter((task) => !replaced.has(task.id)), ...read].sort(byDue);
  const latestFirst = (a: Task, b: Task) => (b.doneAt ?? '').localeCompare(a.doneAt ?? '');
  const finished = next.filter((task) => task.status !== 'open').sort(latestFirst);
  const dropped = new Set(finished.slice(doneLimit).map((task) => task.id));
  return keepUnchanged(shown as Task[], dropped.size === 0 ? next : next.filter((task) => !dropped.has(task.id)));
}
