/**
 * Norwegian person identity numbers (fødselsnummer, D-nummer, H-nummer), as a form checks one
 * before it is sent: 11 digits DDMMYY III K1 K2, the birth date a real day, the two mod-11 check
 * digits right. The kind is told by the number itself: a D-number's first digit is raised by 4
 * (day + 40), an H-number's third by 4 (month + 40). The synthetic numbers of the national test
 * registers (Skatteetaten's Tenor: month + 80, with a D-number's day + 40 as well) pass too, so a
 * health trust's test environment can type its test patients. Only the check; the number is never
 * kept (main turns it into a keyed pseudonym, main/privacy/pseudonym.ts).
 */

/** The kinds, as `episode.admit`'s `idType` and PLO's TypeId name them. */
export type NationalIdKind = 'FNR' | 'DNR' | 'HNR';

/** Why a typed number is not one: not 11 digits, or its date or check digits do not hold. */
export type NationalIdProblem = 'length' | 'check-digits';

export const NATIONAL_ID_LENGTH = 11;
const ALL_DIGITS = new RegExp(`^\\d{${NATIONAL_ID_LENGTH}}$`);

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** One mod-11 check digit of `digits` by `weights`, or null where the rule gives 10 (no number has it). */
function checkDigit(digits: readonly number[], weights: readonly number[]): number | null {
  const sum = weights.reduce((total, weight, i) => total + weight * digits[i], 0);
  const digit = (11 - (sum % 11)) % 11;
  return digit === 10 ? null : digit;
}

/** The whole number for its first nine digits (date and individual number), or null where no check digits exist. */
export function withCheckDigits(nine: string): string | null {
  if (!/^\d{9}$/.test(nine)) return null;
  const digits = [...nine].map(Number);
  const k1 = checkDigit(digits, K1_WEIGHTS);
  if (k1 === null) return null;
  const k2 = checkDigit([...digits, k1], K2_WEIGHTS);
  return k2 === null ? null : `${nine}${k1}${k2}`;
}

/** Whether day/month/yy is a day in some century (the individual number's century rule changes in 2032: not relied on). */
function isDay(day: number, month: number, yy: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return [1800, 1900, 2000].some((century) => day <= new Date(Date.UTC(century + yy, month, 0)).getUTCDate());
}

/** The kind and the birth date a number names (the year as two digits), before any check. */
function parts(value: string): { kind: NationalIdKind; day: number; month: number; yy: number } {
  const dd = Number(value.slice(0, 2));
  const mm = Number(value.slice(2, 4));
  const synthetic = mm > 80;
  const kind: NationalIdKind = dd > 40 ? 'DNR' : mm > 40 && !synthetic ? 'HNR' : 'FNR';
  return { kind, day: kind === 'DNR' ? dd - 40 : dd, month: synthetic ? mm - 80 : kind === 'HNR' ? mm - 40 : mm, yy: Number(value.slice(4, 6)) };
}

/** The number's kind, or why it is not one. */
export function nationalIdKind(value: string): { kind: NationalIdKind } | { problem: NationalIdProblem } {
  if (!ALL_DIGITS.test(value)) return { problem: 'length' };
  const { kind, day, month, yy } = parts(value);
  if (!isDay(day, month, yy) || withCheckDigits(value.slice(0, 9)) !== value) return { problem: 'check-digits' };
  return { kind };
}

/**
 * Whether a fødselsnummer's or D-number's date is the birth date (an ISO day) chosen beside it, to
 * the two digits of the year: a number typed from another patient's papers is caught before it
 * keys the episode to them. An H-number is not compared: it is given where the identity is
 * uncertain, and its date with it.
 */
export function nationalIdMatchesBirthDate(value: string, birthDate: string): boolean {
  const { kind, day, month, yy } = parts(value);
  if (kind === 'HNR') return true;
  const [year, mm, dd] = birthDate.split('-').map(Number);
  return day === dd && month === mm && yy === year % 100;
}
