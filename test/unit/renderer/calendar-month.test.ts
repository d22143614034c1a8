import { describe, expect, it } from 'vitest';
import { monthGrid } from '../../../renderer/src/components/kiosk/calendar-month.js';

describe('the month a date picker draws', () => {
  it('starts on Monday with blanks before the 1st and fills whole weeks', () => {
    // 1 December 2026 is a Tuesday; 31 days; ends on a Thursday.
    const cells = monthGrid('2026-12-17');
    expect(cells.slice(0, 2)).toEqual([null, '2026-12-01']);
    expect(cells.filter(Boolean)).toHaveLength(31);
    expect(cells.length % 7).toBe(0);
    expect(cells.at(-4)).toBe('2026-12-31');
  });

  it('knows leap years (29 February 1940) and a month that starts on Monday', () => {
    expect(monthGrid('1940-02-01').filter(Boolean).at(-1)).toBe('1940-02-29');
    expect(monthGrid('2027-02-01')[0]).toBe('2027-02-01');
  });
});
