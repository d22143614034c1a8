import { describe, expect, it } from 'vitest';
import { addDays, weekday } from '../../../shared/time/oslo.js';
import { backtest, forecastLevels, meanAbsoluteError, seasonalNaive, weekdayProfile } from '../../../shared/indicators/forecast.js';
import type { DayFlow } from '../../../shared/indicators/occupancy.js';

const MONDAY = '2024-03-04';
const days = (n: number) => Array.from({ length: n }, (_, i) => addDays(MONDAY, i));

/** A history from a level per day, with inflow/outflow as the day-to-day change. */
function history(levels: number[]): DayFlow[] {
  return levels.map((level, i) => {
    const change = i === 0 ? 0 : level - levels[i - 1];
    return { day: addDays(MONDAY, i), level, inflow: Math.max(0, change), outflow: Math.max(0, -change) };
  });
}

describe('weekday profile', () => {
  it('averages inflow and outflow per weekday (Mondays 2 and 4: 3)', () => {
    const h = days(14).map((day, i) => ({ day, level: 0, inflow: i === 0 ? 2 : i === 7 ? 4 : 0, outflow: weekday(day) === 5 ? 1 : 0 }));
    const profile = weekdayProfile(h);
    expect(profile.inflow[0]).toBe(3);
    expect(profile.outflow[5]).toBe(1);
    expect(profile.inflow[1]).toBe(0);
    expect(profile.days).toBe(14);
  });
});

describe('forecast levels', () => {
  it('adds the usual inflow, subtracts the larger of known and usual outflow, within 0 and capacity', () => {
    const profile = { inflow: Array(7).fill(1), outflow: Array(7).fill(0.5), days: 56 };
    const known = [undefined, { inflow: 0, outflow: 3 }, undefined];
    // 10 + 1 − 0.5 = 10.5, capped at 10; 10 + 1 − 3 = 8; 8 + 1 − 0.5 = 8.5
    expect(forecastLevels(10, days(3), profile, known, 10)).toEqual([10, 8, 8.5]);
    expect(forecastLevels(0, days(2), { inflow: Array(7).fill(0), outflow: Array(7).fill(2), days: 7 }, [], null)).toEqual([0, 0]);
  });

  it('takes more known admissions than usual as they are', () => {
    const profile = { inflow: Array(7).fill(1), outflow: Array(7).fill(0), days: 56 };
    expect(forecastLevels(5, days(1), profile, [{ inflow: 3, outflow: 0 }], null)).toEqual([8]);
  });
});

describe('seasonal-naive baseline and error', () => {
  it('repeats the same weekday last week', () => {
    expect(seasonalNaive([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14])).toEqual([8, 9, 10, 11, 12, 13, 14]);
  });

  it('measures mean absolute error', () => {
    expect(meanAbsoluteError([{ forecast: 3, actual: 5 }, { forecast: 5, actual: 4 }])).toBe(1.5);
    expect(meanAbsoluteError([])).toBeNull();
  });
});

describe('backtest against the seasonal-naive forecast', () => {
  it('beats the baseline on a steady rise (error 0 against 7 patients)', () => {
    const rise = days(30).map((day, i) => ({ day, level: 10 + i, inflow: 1, outflow: 0 }));
    const result = backtest(rise, { capacity: null });
    expect(result.mae).toBe(0);
    expect(result.baselineMae).toBe(7);
    expect(result.beatsBaseline).toBe(true);
    expect(result.origins).toBe(10); // origins on days 14..23 of 30, each with 7 days after it
  });

  it('does not beat the baseline on a purely weekly pattern, where both are exact', () => {
    const weekly = Array.from({ length: 35 }, (_, i) => (weekday(addDays(MONDAY, i)) >= 5 ? 5 : 10));
    const result = backtest(history(weekly), { capacity: null });
    expect(result.baselineMae).toBe(0);
    expect(result.beatsBaseline).toBe(false);
  });

  it('scores nothing on too short a history', () => {
    expect(backtest(history([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), { capacity: null })).toEqual({ mae: null, baselineMae: null, beatsBaseline: null, origins: 0 });
  });

  it('uses only what was known at each origin', () => {
    const flat = history(Array(30).fill(5));
    const seen: string[] = [];
    backtest(flat, { capacity: null, known: (origin, day) => (seen.push(`${origin}>${day}`), undefined) });
    expect(seen.every((pair) => pair.split('>')[0] < pair.split('>')[1])).toBe(true);
  });
});
