/**
 * Synthetic identity numbers for synthetic people (the demo, the tests), made and checked by the
 * rule itself (national-id.ts), never a real person's: a fødselsnummer or D-number in the national
 * test registers' form (Skatteetaten's Tenor: month + 80), which no real number has; an H-number
 * (month + 40), a help number a health service makes up for a patient of unknown identity, names
 * nobody outside it.
 */

import { nationalIdKind, withCheckDigits, type NationalIdKind } from './national-id.js';

const two = (n: number) => String(n).padStart(2, '0');

/**
 * The `nth` (from 0) number of `kind` for a person born on `birthDate` (an ISO day, not after
 * today): the individual numbers whose century is the birth year's and that have check digits,
 * taken in order, so people born on one day get numbers of their own.
 */
export function syntheticNationalId(kind: NationalIdKind, birthDate: string, nth = 0): string {
  const [year, month, day] = birthDate.split('-').map(Number);
  const start = `${two(kind === 'DNR' ? day + 40 : day)}${two(kind === 'HNR' ? month + 40 : month + 80)}${two(year % 100)}`;
  let found = 0;
  for (let individual = 0; individual <= 999; individual++) {
    const number = withCheckDigits(`${start}${String(individual).padStart(3, '0')}`);
    if (number === null) continue;
    const read = nationalIdKind(number, birthDate);
    if ('kind' in read && read.birthDate === birthDate && found++ === nth) return number;
  }
  throw new Error(`no synthetic ${kind} number ${nth} for ${birthDate}`);
}
