/**
 * The identity-number check a form makes before sending (shared/domain/national-id.ts): 11 digits,
 * a real birth date, both mod-11 check digits; the kind told by the number (D: day + 40, H: month
 * + 40). Synthetic numbers only, born in 2038 (test/support/synthetic-national-id.ts).
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nationalIdKind, withCheckDigits } from '../../../shared/domain/national-id.js';
import { syntheticNationalId, testRegisterNationalId, wrongCheckDigit } from '../../support/synthetic-national-id.js';

describe('Norwegian identity numbers', () => {
  it('computes both check digits as the rule does, worked by hand for 1 January 2038, individual number 500', () => {
    // K1: 11 − (3·0 + 7·1 + 6·0 + 1·1 + 8·3 + 9·8 + 4·5 + 5·0 + 2·0 = 124; 124 mod 11 = 3) = 8.
    // K2: 11 − (5·0 + 4·1 + 3·0 + 2·1 + 7·3 + 6·8 + 5·5 + 4·0 + 3·0 + 2·8 = 116; 116 mod 11 = 6) = 5.
    expect(withCheckDigits('010138500')).toBe('01013850085');
    expect(nationalIdKind('01013850085')).toEqual({ kind: 'FNR' });
  });

  it('has no number where a check digit would be 10', () => {
    // 010138501: K1 sum 126, 126 mod 11 = 5, K1 = 6; K2 sum 115 (2·6 for K1 in it), 115 mod 11 = 5, K2 = 6.
    // Among 500–599 some nine-digit starts have none: each such start yields null, and no 11 digits on it pass.
    expect(withCheckDigits('010138501')).toBe('01013850166');
    const starts = Array.from({ length: 100 }, (_, i) => `010138${500 + i}`);
    const none = starts.filter((nine) => withCheckDigits(nine) === null);
    expect(none.length).toBeGreaterThan(0);
    for (const nine of none) for (let k = 0; k < 100; k++) expect(nationalIdKind(`${nine}${String(k).padStart(2, '0')}`)).toEqual({ problem: 'check-digits' });
  });

  it('tells a fødselsnummer, a D-number (day + 40) and an H-number (month + 40) by the number alone', () => {
    expect(nationalIdKind(syntheticNationalId('FNR', 17, 4))).toEqual({ kind: 'FNR' });
    expect(nationalIdKind(syntheticNationalId('DNR', 17, 4))).toEqual({ kind: 'DNR' });
    expect(nationalIdKind(syntheticNationalId('HNR', 17, 4))).toEqual({ kind: 'HNR' });
    expect(syntheticNationalId('DNR', 17, 4).slice(0, 4)).toBe('5704');
    expect(syntheticNationalId('HNR', 17, 4).slice(0, 4)).toBe('1744');
  });

  it("takes the national test registers' synthetic numbers (Tenor: month + 80) as the kind they stand for", () => {
    const fnr = testRegisterNationalId('FNR', '1938-04-17');
    const dnr = testRegisterNationalId('DNR', '1938-04-17');
    expect(fnr.slice(0, 4)).toBe('1784');
    expect(dnr.slice(0, 4)).toBe('5784');
    expect(nationalIdKind(fnr)).toEqual({ kind: 'FNR' });
    expect(nationalIdKind(dnr)).toEqual({ kind: 'DNR' });
    // Month 80 (+80 on month 0) and 93 (+80 on 13) are no months.
    for (const nine of ['178038500', '179338500']) {
      const number = withCheckDigits(nine) ?? withCheckDigits(`${nine.slice(0, 6)}501`) ?? withCheckDigits(`${nine.slice(0, 6)}502`);
      expect(nationalIdKind(number as string), nine).toEqual({ problem: 'check-digits' });
    }
  });

  it('refuses a wrong length, anything but digits, a day that does not exist, and a changed digit', () => {
    const good = syntheticNationalId('FNR', 21, 5);
    for (const value of ['', good.slice(0, 10), `${good}0`, `${good.slice(0, 10)} `, good.replace(/^./, 'x')]) expect(nationalIdKind(value), value).toEqual({ problem: 'length' });
    expect(nationalIdKind(wrongCheckDigit(good))).toEqual({ problem: 'check-digits' });
    // 30 February, month 13, day 0, day 72 (a D-number past 31): check digits made right, the date still wrong.
    for (const nine of ['300238500', '011338500', '000138500', '720138500', '015338500']) {
      const number = withCheckDigits(nine) ?? withCheckDigits(`${nine.slice(0, 6)}501`) ?? withCheckDigits(`${nine.slice(0, 6)}502`);
      expect(number, nine).not.toBeNull();
      expect(nationalIdKind(number as string), nine).toEqual({ problem: 'check-digits' });
    }
    // 29 February is a day in a leap year (2036 by the century rule; 1936 too).
    expect(nationalIdKind(withCheckDigits('290236500') ?? withCheckDigits('290236501') ?? '')).toEqual({ kind: 'FNR' });
  });

  it('catches every single changed digit and every swap of two neighbouring different digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom('FNR' as const, 'DNR' as const, 'HNR' as const), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), (day, month, kind, at, by) => {
        const number = syntheticNationalId(kind, day, month);
        const changed = `${number.slice(0, at)}${(Number(number[at]) + by) % 10}${number.slice(at + 1)}`;
        expect(nationalIdKind(changed)).toEqual({ problem: 'check-digits' });
        if (at < 10 && number[at] !== number[at + 1]) {
          const swapped = `${number.slice(0, at)}${number[at + 1]}${number[at]}${number.slice(at + 2)}`;
          expect(nationalIdKind(swapped), swapped).toEqual({ problem: 'check-digits' });
        }
      }),
    );
  });
});
