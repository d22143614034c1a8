/**
 * "Mine pasienter": the unlocked nurse's patients first on the overview and their tasks on top. A
 * stay is theirs when its responsible nurse is their name as the staff list spells it (case and
 * spaces aside); the order of everything else is kept.
 */

import type { Bed, Task } from '../../../shared/domain/types.js';
import type { CorridorStay } from './corridor-view.js';
import type { WardIndex } from './ward-index.js';

const same = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLocaleLowerCase() === b.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

export function isMine(stay: CorridorStay | undefined, staffName: string): boolean {
  return stay?.nurse != null && same(stay.nurse, staffName);
}

/** A stable partition: what `mine` says yes to first, each part in its own order. */
function firstThose<T>(items: readonly T[], mine: (item: T) => boolean): T[] {
  return [...items.filter(mine), ...items.filter((item) => !mine(item))];
}

/** The beds with the nurse's patients first. */
export function bedsMineFirst(beds: readonly Bed[], index: WardIndex, staffName: string): Bed[] {
  return firstThose(beds, (bed) => isMine(index.stayByBed.get(bed.id), staffName));
}

/** The tasks with the nurse's patients' first, and an index whose patient order starts with theirs. */
export function tasksMineFirst(tasks: readonly Task[], index: WardIndex, staffName: string): { tasks: Task[]; index: WardIndex } {
  const mine = (stayId: string | null) => stayId !== null && isMine(index.stayById.get(stayId), staffName);
  return {
    tasks: firstThose(tasks, (task) => mine(task.stay)),
    index: { ...index, staysInOrder: firstThose(index.staysInOrder, (stay) => mine(stay.id)) },
  };
}
