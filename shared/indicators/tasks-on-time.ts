/**
 * Tasks on time: tasks done by their due time / tasks due. "By their due time" allows the window
 * care plans give a round (medicines are given within ±30 min), the same window the ward board's
 * own trend uses, so the board and the leader view agree.
 */

import { percent } from './definitions.js';

/** Minutes after the due time a task still counts as done on time. */
export const ON_TIME_GRACE_MINUTES = 30;

/** A task as the formula needs it (ISO instants as stored). */
export interface TaskTiming {
  due: string | null;
  doneAt: string | null;
  status: string;
}

/** Whether a task counts as due in [from, to): it has a due time in it and was not skipped. */
export function isDueBetween(task: TaskTiming, from: number, to: number): boolean {
  if (task.due === null || task.status === 'skipped') return false;
  const due = Date.parse(task.due);
  return due >= from && due < to;
}

/** Whether a task was done no later than its due time (and the grace window). */
export function isDoneOnTime(task: TaskTiming): boolean {
  if (task.status !== 'done' || task.due === null || task.doneAt === null) return false;
  return Date.parse(task.doneAt) <= Date.parse(task.due) + ON_TIME_GRACE_MINUTES * 60_000;
}

/** Counts for tasks due in [from, to): how many were due, how many done on time, and the share. */
export function tasksOnTime(tasks: readonly TaskTiming[], from: number, to: number): { due: number; onTime: number; percent: number | null } {
  const due = tasks.filter((task) => isDueBetween(task, from, to));
  const onTime = due.filter(isDoneOnTime).length;
  return { due: due.length, onTime, percent: percent(onTime, due.length) };
}
