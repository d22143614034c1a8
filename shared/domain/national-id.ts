/**
 * Norwegian person identity numbers (fødselsnummer, D-nummer, H-nummer), as a form checks one
 * before it is sent and a command before it keys anything: 11 digits DDMMYY III K1 K2, the
 * century told by the individual number III, the birth date a real day no later than today, the
 * two mod-11 check digits right. The kind is told by the number itself: a D-number's first digit is
 * raised by 4 (day + 40), an H-number's third by 4 (month + 40). The synthetic numbers of the
 * national test registers (Skatteetaten's Tenor: month + 80, with a D-number's day + 40 as well)
 * pass too, so a health trust's test environment can type its test patients. Only the check; the
 * number is never kept (main turns it into a keyed pseudonym, main/privacy/pseudonym.ts).
 */

/** The kinds, as `episode.admit`'s `idType` and PLO's TypeId name them. */
export type NationalIdKind = 'FNR' | 'DNR' | 'HNR';

/**
 * Why a typed number is not one: not 11 digits; its date or check digits do not hold; its
 * individual number gives its year no century; its date is after today; or (a fødselsnummer or
 * D-number checked beside a birth date) its date is another day.
 */
export const NATIONAL_ID_PROBLEMS = ['length', 'check-digits', 'century', 'future', 'birth-date'] as const;
export type NationalIdProblem = (typeof NATIONAL_ID_PROBLEMS)[number];

/** A number that holds: its kind and the birth date it tells (ISO day). */
export interface NationalIdReading {
  kind: NationalIdKind;
  birthDate: string;
}

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

/**
 * The century of the two-digit year `yy` by the individual number, or null where the rule gives none.
 * Skatteetaten, «Fødselsnummer» (Folkeregisteret, «Oppbygging av fødselsnummeret»): the individual
 * numbers are given, within each birth date, for people born
 *   1854–1899 from the series 749–500,
 *   1900–1999 from the series 499–000,
 *   1940–1999 also from the series 999–900,
 *   2000–2039 from the series 999–500.
 * So 000–499 → 1900s; 500–999 with year 00–39 → 2000s; 900–999 with year 40–99 → 1900s; 500–749
 * with year 54–99 → 1800s; and 500–749 with year 40–53, 750–899 with year 40–99 name no one.
 * (From 2032 Skatteetaten gives numbers by a changed rule, without the sex digit; not read here.)
 */
function centuryOf(individual: number, yy: number): number | null {
  if (individual <= 499) return 1900;
  if (yy <= 39) return 2000;
  if (individual >= 900) return 1900;
  if (individual <= 749 && yy >= 54) return 1800;
  return null;
}

/** The kind, the birth day and month, the two-digit year and the individual number a number names, before any check. */
function parts(value: string): { kind: NationalIdKind; day: number; month: number; yy: number; individual: number } {
  const dd = Number(value.slice(0, 2));
  const mm = Number(value.slice(2, 4));
  const synthetic = mm > 80;
  const kind: NationalIdKind = dd > 40 ? 'DNR' : mm > 40 && !synthetic ? 'HNR' : 'FNR';
  return {
    kind,
    day: kind === 'DNR' ? dd - 40 : dd,
    month: synthetic ? mm - 80 : kind === 'HNR' ? mm - 40 : mm,
    yy: Number(value.slice(4, 6)),
    individual: Number(value.slice(6, 9)),
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/** The whole birth date (ISO day) the number tells, or why it tells none: no century, or no such day. */
function birthDateOf(value: string): string | 'century' | 'check-digits' {
  const { day, month, yy, individual } = parts(value);
  const century = centuryOf(individual, yy);
  if (century === null) return 'century';
  const year = century + yy;
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return 'check-digits';
  return `${year}-${two(month)}-${two(day)}`;
}

/**
 * The number's kind and birth date, or why it is not one, on the day `today` (an ISO day, Oslo):
 * a birth date after it is refused. With `birthDate` (an ISO day) a fødselsnummer or D-number must
 * tell that day too (nationalIdMatchesBirthDate). The one check of the screen, the commands and PLO.
 */
export function nationalIdKind(value: string, today: string, birthDate?: string): NationalIdReading | { problem: NationalIdProblem } {
  if (!ALL_DIGITS.test(value)) return { problem: 'length' };
  if (withCheckDigits(value.slice(0, 9)) !== value) return { problem: 'check-digits' };
  const told = birthDateOf(value);
  if (told === 'century' || told === 'check-digits') return { problem: told };
  if (told > today) return { problem: 'future' };
  if (birthDate !== undefined && !nationalIdMatchesBirthDate(value, birthDate)) return { problem: 'birth-date' };
  return { kind: parts(value).kind, birthDate: told };
}

/**
 * Whether a fødselsnummer's or D-number's birth date, century included, is the birth date (an ISO
 * day) chosen beside it: a number typed from another patient's papers is caught before it keys the
 * episode to them. False where the number tells no date. An H-number is not compared: it is given
 * where the identity is uncertain, and its date with it.
 */
export function nationalIdMatchesBirthDate(value: string, birthDate: string): boolean {
  if (parts(value).kind === 'HNR') return true;
  return birthDateOf(value) === birthDate;
}
