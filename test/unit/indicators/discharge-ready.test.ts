import { describe, expect, it } from 'vitest';
import { instantOf, osloInstant } from '../../../shared/time/oslo.js';
import { costOfDays, daysWaiting, DEFAULT_DAILY_RATE_NOK, monthlyTotals, rateForDay, waitedDays } from '../../../shared/indicators/discharge-ready.js';

const at = (day: string, hour: number) => osloInstant(day, hour);

describe('discharge-ready days and cost', () => {
  it('counts each midnight waited: ready 1 March 10:00, discharged 4 March 09:00 is 3 days, NOK 17 235', () => {
    const since = at('2024-03-01', 10);
    const until = at('2024-03-04', 9);
    expect(daysWaiting(since, until)).toBe(3);
    expect(waitedDays(since, until)).toEqual(['2024-03-01', '2024-03-02', '2024-03-03']);
    expect(costOfDays(waitedDays(since, until), {})).toBe(3 * 5745);
  });

  it('reads dates without a time as whole days: ready 1 March, discharged 5 March is 4 days', () => {
    expect(daysWaiting(instantOf('2024-03-01') as number, instantOf('2024-03-05') as number)).toBe(4);
  });

  it('is 0 before the first midnight', () => {
    expect(daysWaiting(at('2024-03-01', 10), at('2024-03-01', 23))).toBe(0);
    expect(daysWaiting(at('2024-03-02', 10), at('2024-03-01', 23))).toBe(0);
  });

  it('prices each day at its own year: 30 and 31 Dec at 5 745, 1 Jan at 6 000 = 17 490', () => {
    const days = waitedDays(at('2024-12-30', 12), at('2025-01-02', 12));
    expect(days).toEqual(['2024-12-30', '2024-12-31', '2025-01-01']);
    expect(costOfDays(days, { 2024: 5745, 2025: 6000 })).toBe(17_490);
  });

  it('uses the latest earlier year for a year without a rate, else the default', () => {
    const rates = { 2024: 5745, 2025: 6000 };
    expect(rateForDay('2026-06-01', rates)).toBe(6000);
    expect(rateForDay('2023-06-01', rates)).toBe(DEFAULT_DAILY_RATE_NOK);
    expect(rateForDay('2030-01-01', {})).toBe(5745);
  });

  it('totals per month by the day each midnight ends', () => {
    const totals = monthlyTotals(
      [
        { since: at('2024-01-30', 12), until: at('2024-02-02', 12) }, // 30 Jan, 31 Jan, 1 Feb
        { since: at('2024-02-01', 10), until: at('2024-02-03', 8) }, // 1 Feb, 2 Feb
      ],
      {},
    );
    expect(totals).toEqual([
      { month: '2024-01', days: 2, cost: 2 * 5745, patients: 1 },
      { month: '2024-02', days: 3, cost: 3 * 5745, patients: 2 },
    ]);
  });
});
