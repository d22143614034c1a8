/**
 * Synthetic identity numbers, made by the rule (shared/domain/national-id.ts) so a form takes them,
 * and never a real person's: born in 2038 (year 38 with an individual number of 500 or more, which
 * the century rule reads as 2000–2039; 1838 has no such numbers), so nobody has one yet.
 */

import { withCheckDigits, type NationalIdKind } from '../../shared/domain/national-id.js';

/** A number of `kind` for day/month of 2038: the first individual number from 500 that has check digits. */
export function syntheticNationalId(kind: NationalIdKind, day: number, month: number): string {
  const dd = String(kind === 'DNR' ? day + 40 : day).padStart(2, '0');
  const mm = String(kind === 'HNR' ? month + 40 : month).padStart(2, '0');
  for (let individual = 500; individual <= 999; individual++) {
    const number = withCheckDigits(`${dd}${mm}38${individual}`);
    if (number !== null) return number;
  }
  throw new Error(`no synthetic number for ${kind} ${day}.${month}`);
}

/** The same number with its last check digit changed: a typing slip the form must refuse. */
export const wrongCheckDigit = (number: string): string => `${number.slice(0, 10)}${(Number(number[10]) + 1) % 10}`;
