/** The days of one month as a date picker draws them: weeks Monday first, blanks before the 1st. */

import { addDays, weekday } from '../../../../shared/time/oslo.js';

/** "YYYY-MM-DD" of each day of the month of `day`, padded with nulls to whole weeks. */
export function monthGrid(day: string): (string | null)[] {
  const first = `${day.slice(0, 7)}-01`;
  const cells: (string | null)[] = Array.from({ length: weekday(first) }, () => null);
  for (let d = first; d.slice(0, 7) === first.slice(0, 7); d = addDays(d, 1)) cells.push(d);
  while (cells.length % 7 !== 0) cells.push(null);
  return cells;
}
