/**
 * Synthetic identity numbers for the tests: the generator the demo uses too
 * (shared/domain/synthetic-national-id.ts), and the typing slips a check must catch.
 */

export { syntheticNationalId } from '../../shared/domain/synthetic-national-id.js';

/** The same number with its last check digit changed: a typing slip the form must refuse. */
export const wrongCheckDigit = (number: string): string => `${number.slice(0, 10)}${(Number(number[10]) + 1) % 10}`;
