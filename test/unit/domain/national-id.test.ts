/**
 * The identity-number check a form and a command make before a number keys anything
 * (shared/domain/national-id.ts): 11 digits, both mod-11 check digits, the century told by the
 * individual number (Skatteetaten's table), a real birth date no later than today; the kind told
 * by the number (D: day + 40, H: month + 40). Numbers that are taken are synthetic (the test
 * registers' month + 80, shared/domain/synthetic-national-id.ts); the refused ones name nobody.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nationalIdKind, nationalIdMatchesBirthDate, withCheckDigits } from '../../../shared/domain/national-id.js';
import { syntheticNationalId, wrongCheckDigit } from '../../support/synthetic-national-id.js';

const TODAY = '2026-12-04';

/** The first whole number on `six` date digits with an individual number in from..to that has check digits. */
function numberOn(six: string, from: number, to = from + 99): string {
  for (let individual = from; individual <= to; individual++) {
    const number = withCheckDigits(`${six}${String(individual).padStart(3, '0')}`);
    if (number !== null) return number;
  }
  throw new Error(`no number on ${six} in ${from}-${to}`);
}

describe('Norwegian identity numbers', () => {
  it('computes both check digits as the rule does, worked by hand for 1 January 2038, individual number 500', () => {
    // K1: 11 − (3·0 + 7·1 + 6·0 + 1·1 + 8·3 + 9·8 + 4·5 + 5·0 + 2·0 = 124; 124 mod 11 = 3) = 8.
    // K2: 11 − (5·0 + 4·1 + 3·0 + 2·1 + 7·3 + 6·8 + 5·5 + 4·0 + 3·0 + 2·8 = 116; 116 mod 11 = 6) = 5.
    expect(withCheckDigits('010138500')).toBe('01013850085');
    // 500-999 with year 00-39: born 2038, so a number only from that day on.
    expect(nationalIdKind('01013850085', '2038-01-01')).toEqual({ kind: 'FNR', birthDate: '2038-01-01' });
  });

  it('has no number where a check digit would be 10', () => {
    // 010138501: K1 sum 126, 126 mod 11 = 5, K1 = 6; K2 sum 115 (2·6 for K1 in it), 115 mod 11 = 5, K2 = 6.
    // Among 500–599 some nine-digit starts have none: each such start yields null, and no 11 digits on it pass.
    expect(withCheckDigits('010138501')).toBe('01013850166');
    const starts = Array.from({ length: 100 }, (_, i) => `010138${500 + i}`);
    const none = starts.filter((nine) => withCheckDigits(nine) === null);
    expect(none.length).toBeGreaterThan(0);
    for (const nine of none) for (let k = 0; k < 100; k++) expect(nationalIdKind(`${nine}${String(k).padStart(2, '0')}`, '2039-12-31')).toEqual({ problem: 'check-digits' });
  });

  describe('the century, by the individual number (Skatteetaten)', () => {
    // Day 1, month 1 + 80 (the test registers' form): only the year and the individual number vary.
    const read = (yy: string, from: number, to?: number) => nationalIdKind(numberOn(`0181${yy}`, from, to), TODAY);
    it('reads 000–499 as 1900–1999, whatever the year', () => {
      expect(read('00', 0)).toEqual({ kind: 'FNR', birthDate: '1900-01-01' });
      expect(read('39', 400, 499)).toEqual({ kind: 'FNR', birthDate: '1939-01-01' });
      expect(read('99', 400, 499)).toEqual({ kind: 'FNR', birthDate: '1999-01-01' });
    });
    it('reads 500–999 with year 00–39 as 2000–2039 (a date after today refused)', () => {
      for (const from of [500, 750, 900]) expect(read('10', from)).toEqual({ kind: 'FNR', birthDate: '2010-01-01' });
      expect(read('26', 500)).toEqual({ kind: 'FNR', birthDate: '2026-01-01' });
      expect(read('27', 500)).toEqual({ problem: 'future' });
      expect(read('39', 900)).toEqual({ problem: 'future' });
    });
    it('reads 500–749 with year 54–99 as 1854–1899', () => {
      expect(read('54', 500)).toEqual({ kind: 'FNR', birthDate: '1854-01-01' });
      expect(read('99', 650, 749)).toEqual({ kind: 'FNR', birthDate: '1899-01-01' });
    });
    it('reads 900–999 with year 40–99 as 1940–1999', () => {
      expect(read('40', 900)).toEqual({ kind: 'FNR', birthDate: '1940-01-01' });
      expect(read('70', 900)).toEqual({ kind: 'FNR', birthDate: '1970-01-01' });
    });
    it('gives 500–749 with year 40–53 and 750–899 with year 40–99 no century: refused', () => {
      expect(read('40', 500)).toEqual({ problem: 'century' });
      expect(read('53', 650, 749)).toEqual({ problem: 'century' });
      expect(read('40', 750)).toEqual({ problem: 'century' });
      expect(read('70', 800, 899)).toEqual({ problem: 'century' });
      expect(read('99', 750)).toEqual({ problem: 'century' });
    });
    it('applies the same to a D-number and an H-number once their offsets are taken off', () => {
      expect(nationalIdKind(numberOn('418199', 500), TODAY)).toEqual({ kind: 'DNR', birthDate: '1899-01-01' });
      expect(nationalIdKind(numberOn('014199', 500), TODAY)).toEqual({ kind: 'HNR', birthDate: '1899-01-01' });
      expect(nationalIdKind(numberOn('014110', 900), TODAY)).toEqual({ kind: 'HNR', birthDate: '2010-01-01' });
      expect(nationalIdKind(numberOn('418170', 800), TODAY)).toEqual({ problem: 'century' });
      expect(nationalIdKind(numberOn('014170', 800), TODAY)).toEqual({ problem: 'century' });
      expect(nationalIdKind(numberOn('418127', 500), TODAY)).toEqual({ problem: 'future' });
    });
  });

  it('refuses numbers it took before the century was read', () => {
    // Born 1 January 2038: after today.
    expect(nationalIdKind('01013850085', TODAY)).toEqual({ problem: 'future' });
    // 1970 with individual number 800: nobody is given one.
    expect(nationalIdKind(numberOn('018170', 800), TODAY)).toEqual({ problem: 'century' });
    // 29 February of year 00 with an individual number below 500 is 1900, no leap year (2000 was one).
    expect(nationalIdKind(numberOn('298200', 0), TODAY)).toEqual({ problem: 'check-digits' });
    expect(nationalIdKind(numberOn('298200', 500), TODAY)).toEqual({ kind: 'FNR', birthDate: '2000-02-29' });
  });

  it('refuses a birth date after today, and takes one on today', () => {
    const born = syntheticNationalId('FNR', '2026-12-04');
    expect(nationalIdKind(born, '2026-12-03')).toEqual({ problem: 'future' });
    expect(nationalIdKind(born, '2026-12-04')).toEqual({ kind: 'FNR', birthDate: '2026-12-04' });
  });

  it('tells a fødselsnummer, a D-number (day + 40) and an H-number (month + 40) by the number alone', () => {
    expect(nationalIdKind(syntheticNationalId('FNR', '1962-04-17'), TODAY)).toEqual({ kind: 'FNR', birthDate: '1962-04-17' });
    expect(nationalIdKind(syntheticNationalId('DNR', '1962-04-17'), TODAY)).toEqual({ kind: 'DNR', birthDate: '1962-04-17' });
    expect(nationalIdKind(syntheticNationalId('HNR', '1962-04-17'), TODAY)).toEqual({ kind: 'HNR', birthDate: '1962-04-17' });
    expect(syntheticNationalId('DNR', '1962-04-17').slice(0, 4)).toBe('5784');
    expect(syntheticNationalId('HNR', '1962-04-17').slice(0, 4)).toBe('1744');
  });

  it("makes synthetic numbers in the test registers' form (month + 80), each its own for one birth date", () => {
    const fnr = syntheticNationalId('FNR', '1938-04-17');
    const dnr = syntheticNationalId('DNR', '1938-04-17');
    expect(fnr.slice(0, 6)).toBe('178438');
    expect(dnr.slice(0, 6)).toBe('578438');
    const five = [0, 1, 2, 3, 4].map((nth) => syntheticNationalId('FNR', '1938-04-17', nth));
    expect(new Set(five).size).toBe(5);
    for (const number of five) expect(nationalIdKind(number, TODAY, '1938-04-17')).toEqual({ kind: 'FNR', birthDate: '1938-04-17' });
    // Month 80 (+80 on month 0) and 93 (+80 on 13) are no months.
    for (const six of ['178038', '179338']) expect(nationalIdKind(numberOn(six, 500), '2039-12-31'), six).toEqual({ problem: 'check-digits' });
  });

  it('compares the whole birth date, century included; an H-number not at all', () => {
    const old = syntheticNationalId('FNR', '1854-04-17');
    expect(nationalIdMatchesBirthDate(old, '1854-04-17')).toBe(true);
    expect(nationalIdMatchesBirthDate(old, '1954-04-17')).toBe(false);
    expect(nationalIdKind(old, TODAY, '1954-04-17')).toEqual({ problem: 'birth-date' });
    expect(nationalIdKind(syntheticNationalId('DNR', '1954-04-17'), TODAY, '1954-04-18')).toEqual({ problem: 'birth-date' });
    expect(nationalIdKind(syntheticNationalId('HNR', '1954-04-17'), TODAY, '1980-01-01')).toEqual({ kind: 'HNR', birthDate: '1954-04-17' });
  });

  it('refuses a wrong length, anything but digits, a day that does not exist, and a changed digit', () => {
    const good = syntheticNationalId('FNR', '1962-05-21');
    for (const value of ['', good.slice(0, 10), `${good}0`, `${good.slice(0, 10)} `, good.replace(/^./, 'x')]) expect(nationalIdKind(value, TODAY), value).toEqual({ problem: 'length' });
    expect(nationalIdKind(wrongCheckDigit(good), TODAY)).toEqual({ problem: 'check-digits' });
    // 30 February, month 13, day 0, day 72 (a D-number past 31), month 53 (an H-number's 13): check digits right, the date still wrong.
    for (const six of ['300238', '011338', '000138', '720138', '015338']) expect(nationalIdKind(numberOn(six, 500), '2039-12-31'), six).toEqual({ problem: 'check-digits' });
    // 29 February is a day in a leap year (1936 by the individual number).
    expect(nationalIdKind(numberOn('298236', 0), TODAY)).toEqual({ kind: 'FNR', birthDate: '1936-02-29' });
  });

  it('catches every single changed digit and every swap of two neighbouring different digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom('FNR' as const, 'DNR' as const, 'HNR' as const), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), (day, month, kind, at, by) => {
        const number = syntheticNationalId(kind, `1962-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
        const changed = `${number.slice(0, at)}${(Number(number[at]) + by) % 10}${number.slice(at + 1)}`;
        expect(nationalIdKind(changed, TODAY)).toEqual({ problem: 'check-digits' });
        if (at < 10 && number[at] !== number[at + 1]) {
          const swapped = `${number.slice(0, at)}${number[at + 1]}${number[at]}${number.slice(at + 2)}`;
          expect(nationalIdKind(swapped, TODAY), swapped).toEqual({ problem: 'check-digits' });
        }
      }),
    );
  });
});
