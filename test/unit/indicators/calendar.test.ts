import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayOf, dayStart, daysBetween, instantOf, midnightAfter, osloDay, osloInstant, shiftAt, weekday } from '../../../shared/indicators/calendar.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('Oslo calendar', () => {
  it('names the Oslo date of an instant, not the UTC one', () => {
    expect(osloDay(Date.parse('2024-03-01T23:30:00Z'))).toBe('2024-03-02'); // 00:30 in Oslo (UTC+1)
    expect(osloDay(Date.parse('2024-07-01T21:59:59Z'))).toBe('2024-07-01'); // 23:59:59 in Oslo (UTC+2)
    expect(osloDay(Date.parse('2024-07-01T22:00:00Z'))).toBe('2024-07-02');
  });

  it('finds midnight on either side of the clock changes', () => {
    expect(iso(dayStart('2024-03-30'))).toBe('2024-03-29T23:00:00.000Z');
    expect(iso(dayStart('2024-03-31'))).toBe('2024-03-30T23:00:00.000Z'); // summer time begins at 02:00 that day
    expect(iso(dayStart('2024-04-01'))).toBe('2024-03-31T22:00:00.000Z');
    expect(iso(midnightAfter('2024-10-27'))).toBe('2024-10-27T23:00:00.000Z'); // winter time again from 03:00
  });

  it('puts a wall-clock hour right on the days the clocks change', () => {
    expect(iso(osloInstant('2024-03-31', 7))).toBe('2024-03-31T05:00:00.000Z');
    expect(iso(osloInstant('2024-10-27', 7))).toBe('2024-10-27T06:00:00.000Z');
    expect(iso(osloInstant('2024-01-15', 22))).toBe('2024-01-15T21:00:00.000Z');
  });

  it('counts days and months as the calendar does', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2023-12-31', '2024-03-01')).toBe(61);
    expect(addMonths('2023-12-31', 2)).toBe('2024-02-29');
    expect(addMonths('2024-01-15', 2)).toBe('2024-03-15');
    expect(weekday('2024-03-04')).toBe(0); // a Monday
    expect(weekday('2024-03-10')).toBe(6);
    expect(weekday('1969-12-29')).toBe(0); // before the epoch too
  });

  it('reads a bare date as that Oslo day and a time as its instant', () => {
    expect(dayOf('2024-03-01')).toBe('2024-03-01');
    expect(dayOf('2024-02-29T23:30:00.000Z')).toBe('2024-03-01');
    expect(iso(instantOf('2024-03-01') as number)).toBe('2024-02-29T23:00:00.000Z');
    expect(dayOf('not a date')).toBeUndefined();
    expect(instantOf(null)).toBeUndefined();
  });

  it('tells the shift running at an instant, the night dated by its start', () => {
    expect(shiftAt(Date.parse('2024-03-04T05:30:00Z'))).toEqual({ date: '2024-03-03', shift: 'night' }); // 06:30
    expect(shiftAt(Date.parse('2024-03-04T06:00:00Z'))).toEqual({ date: '2024-03-04', shift: 'day' }); // 07:00
    expect(shiftAt(Date.parse('2024-03-04T14:00:00Z'))).toEqual({ date: '2024-03-04', shift: 'evening' }); // 15:00
    expect(shiftAt(Date.parse('2024-03-04T21:00:00Z'))).toEqual({ date: '2024-03-04', shift: 'night' }); // 22:00
  });
});
