import { describe, expect, it } from 'vitest';
import { isDoneOnTime, ON_TIME_GRACE_MINUTES, tasksOnTime, type TaskTiming } from '../../../shared/indicators/tasks-on-time.js';

const day = (time: string) => `2024-03-04T${time}:00.000Z`;
const TASKS: TaskTiming[] = [
  { due: day('07:00'), doneAt: day('06:50'), status: 'done' }, // early: on time
  { due: day('08:00'), doneAt: day('08:00'), status: 'done' }, // at the due minute: on time
  { due: day('09:00'), doneAt: day('09:31'), status: 'done' }, // 31 minutes late: outside the window
  { due: day('09:30'), doneAt: day('10:00'), status: 'done' }, // 30 minutes late: still within it
  { due: day('10:00'), doneAt: null, status: 'open' }, // never done: late
  { due: day('11:00'), doneAt: null, status: 'skipped' }, // skipped: not counted
  { due: null, doneAt: day('12:00'), status: 'done' }, // no due time: not counted
  { due: '2024-03-05T07:00:00.000Z', doneAt: null, status: 'open' }, // another day
];

describe('tasks on time', () => {
  it('divides tasks done by their due time (and its 30-minute window) by tasks due (3 of 5 = 60 %)', () => {
    const result = tasksOnTime(TASKS, Date.parse('2024-03-03T23:00:00Z'), Date.parse('2024-03-04T23:00:00Z'));
    expect(result).toEqual({ due: 5, onTime: 3, percent: 60 });
  });

  it('counts a task done up to 30 minutes after its due time as on time, and an open one as not', () => {
    expect(ON_TIME_GRACE_MINUTES).toBe(30);
    expect(isDoneOnTime(TASKS[1])).toBe(true);
    expect(isDoneOnTime(TASKS[2])).toBe(false);
    expect(isDoneOnTime(TASKS[3])).toBe(true);
    expect(isDoneOnTime(TASKS[4])).toBe(false);
  });

  it('has no value when nothing was due', () => {
    expect(tasksOnTime([], 0, 1).percent).toBeNull();
  });
});
