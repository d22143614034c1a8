/**
 * Synthetic residents for the demo and tests: invented people from common Norwegian first and last
 * names and invented birth dates, reproducible from a seed. Never a real national identity number.
 */

const FIRST_NAMES = [
  'Anne', 'Inger', 'Kari', 'Marit', 'Ingrid', 'Liv', 'Eva', 'Berit', 'Astrid', 'Bjørg', 'Hilde', 'Randi',
  'Solveig', 'Ragnhild', 'Gerd', 'Jan', 'Per', 'Bjørn', 'Ole', 'Lars', 'Kjell', 'Knut', 'Arne', 'Svein',
  'Hans', 'Odd', 'Terje', 'Rolf', 'Tor', 'Helge', 'Nils', 'Egil', 'Leif', 'Gunnar', 'Harald', 'Magnhild',
];
const LAST_NAMES = [
  'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen',
  'Karlsen', 'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen',
  'Jacobsen', 'Dahl', 'Jørgensen', 'Halvorsen', 'Henriksen', 'Lund', 'Sørensen', 'Moen', 'Strand', 'Bakken',
];

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same demo every time. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticPerson {
  name: string;
  initials: string;
  birthDate: string;
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

export function syntheticPerson(random: () => number): SyntheticPerson {
  const first = pick(random, FIRST_NAMES);
  const last = pick(random, LAST_NAMES);
  const year = 1925 + Math.floor(random() * 35);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { name: `${first} ${last}`, initials: `${first[0]}${last[0]}`, birthDate: `${year}-${pad(month)}-${pad(day)}` };
}
