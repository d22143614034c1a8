import { describe, expect, it } from 'vitest';
import type { Bed, Task } from '../../../shared/domain/types.js';
import { admittedAt } from '../../../renderer/src/state/admission-time.js';
import type { CorridorStay } from '../../../renderer/src/state/corridor-view.js';
import { bedsMineFirst, isMine, tasksMineFirst } from '../../../renderer/src/state/mine-first.js';
import type { WardIndex } from '../../../renderer/src/state/ward-index.js';

const bed = (id: string) => ({ id, label: id }) as Bed;
const stay = (id: string, bedId: string, nurse: string | null) => ({ id, bed: bedId, nurse }) as CorridorStay;
const task = (id: string, stayId: string | null) => ({ id, stay: stayId }) as Task;

describe('Mine pasienter', () => {
  const stays = [stay('a', '101', 'Liv Leder'), stay('b', '102', ' nora  sykepleier '), stay('c', '103', null), stay('d', '104', 'Nora Sykepleier')];
  const index = {
    stayById: new Map(stays.map((s) => [s.id, s])),
    stayByBed: new Map(stays.map((s) => [s.bed as string, s])),
    staysInOrder: stays,
  } as unknown as WardIndex;

  it('a stay is mine when its responsible nurse is my name, case and spaces aside, never when it has none', () => {
    expect(stays.map((s) => isMine(s, 'Nora Sykepleier'))).toEqual([false, true, false, true]);
    expect(isMine(undefined, 'Nora Sykepleier')).toBe(false);
    // Written short on the board, as the demo and many wards do: first name and the last name's initial.
    expect(isMine(stay('e', '105', 'Ola N.'), 'Ola Nilsen')).toBe(true);
    expect(isMine(stay('e', '105', 'Ola B.'), 'Ola Nilsen')).toBe(false);
    expect(isMine(stay('e', '105', 'Ola'), 'Ola Nilsen')).toBe(false);
  });

  it('puts my beds first and keeps the order of the rest', () => {
    expect(bedsMineFirst(['101', '102', '103', '104', '105'].map(bed), index, 'Nora Sykepleier').map((b) => b.id)).toEqual(['102', '104', '101', '103', '105']);
  });

  it('puts my patients\' tasks on top, then the others and the unit\'s, and my patients first in the patient order', () => {
    const tasks = [task('t1', 'c'), task('t2', null), task('t3', 'd'), task('t4', 'a'), task('t5', 'b')];
    const mine = tasksMineFirst(tasks, index, 'Nora Sykepleier');
    expect(mine.tasks.map((t) => t.id)).toEqual(['t3', 't5', 't1', 't2', 't4']);
    expect(mine.index.staysInOrder.map((s) => s.id)).toEqual(['b', 'd', 'a', 'c']);
  });
});

describe('the time a patient came, on the 24-hour clock', () => {
  it('is today in Oslo, or yesterday while that time is still ahead (an admission registered after midnight)', () => {
    const now = new Date('2026-11-23T09:00:00Z'); // 10:00 in Oslo
    expect(admittedAt('07:30', now)).toBe('2026-11-23T06:30:00.000Z');
    expect(admittedAt('23:40', now)).toBe('2026-11-22T22:40:00.000Z');
    // Summer time: Oslo is UTC+2.
    expect(admittedAt('07:30', new Date('2026-06-10T09:00:00Z'))).toBe('2026-06-10T05:30:00.000Z');
  });
});
