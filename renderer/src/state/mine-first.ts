/**
 * "Mine pasienter": the unlocked nurse's patients first on the overview and their tasks on top. A
 * stay is theirs when its responsible nurse is their name as the staff list spells it, or written
 * short ("Ola N." for Ola Nilsen), case and spaces aside; the order of everything else is kept.
 */

import type { Bed, Task } from '../../../shared/domain/types.js';
import type { CorridorStay } from './corridor-view.js';
import type { WardIndex } from './ward-index.js';

const plain = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/** "Ola N." for "Ola Nilsen": how a board writes a nurse short (first name, the last name's initial). */
function short(name: string): string | null {
  const words = plain(name).split(' ');
  return words.length < 2 ? null : `${words[0]} ${[...words.at(-1)!][0]}.`;
}

export function isMine(stay: CorridorStay | undefined, staffName: string): boolean {
  if (stay?.nurse == null) return false;
  const nurse = plain(stay.nurse);
  return nurse === plain(staffName) || nurse === short(staffName);
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
