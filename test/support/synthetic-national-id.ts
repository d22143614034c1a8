/**
 * Synthetic identity numbers, made by the rule (shared/domain/national-id.ts) so a form takes them,
 * and never a real person's: born in 2038 (year 38 with an individual number of 500 or more, which
 * the century rule reads as 2000–2039; 1838 has no such numbers), so nobody has one yet; or, for a
 * synthetic patient's own birth date, in the national test registers' form (Tenor: month + 80),
 * which no real number has.
 */

import { withCheckDigits, type NationalIdKind } from '../../shared/domain/national-id.js';

const two = (n: number) => String(n).padStart(2, '0');

/** The first number on `start` (date digits) with an individual number from `from` that has check digits. */
function firstWithCheckDigits(start: string, from: number, to: number, what: string): string {
  for (let individual = from; individual <= to; individual++) {
    const number = withCheckDigits(`${start}${String(individual).padStart(3, '0')}`);
    if (number !== null) return number;
  }
  throw new Error(`no synthetic number for ${what}`);
}

/** A number of `kind` for day/month of 2038: the first individual number from 500 that has check digits. */
export function syntheticNationalId(kind: NationalIdKind, day: number, month: number): string {
  const dd = two(kind === 'DNR' ? day + 40 : day);
  const mm = two(kind === 'HNR' ? month + 40 : month);
  return firstWithCheckDigits(`${dd}${mm}38`, 500, 999, `${kind} ${day}.${month}`);
}

/** A test-register number (month + 80) of a fødselsnummer or D-number for a synthetic patient's birth date (ISO day). */
export function testRegisterNationalId(kind: 'FNR' | 'DNR', birthDate: string): string {
  const [year, month, day] = birthDate.split('-').map(Number);
  // The individual number's century rule: 000–499 for 1900–1999, 500–999 for 2000–2039.
  const [from, to] = year < 2000 ? [100, 499] : [500, 999];
  return firstWithCheckDigits(`${two(kind === 'DNR' ? day + 40 : day)}${two(month + 80)}${two(year % 100)}`, from, to, `${kind} ${birthDate}`);
}

/** The same number with its last check digit changed: a typing slip the form must refuse. */
export const wrongCheckDigit = (number: string): string => `${number.slice(0, 10)}${(Number(number[10]) + 1) % 10}`;
