import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayOf, dayStart, daysBetween, instantOf, midnightAfter, osloDay, osloHour, osloInstant, osloWallInstant, previousShift, SHIFT_HOURS, SHIFT_NAMES, shiftAt, shiftSpan, shiftSpanAt, weekday } from '../../../shared/time/oslo.js';

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

describe('the one Oslo calendar across the clock changes', () => {
  it('gives every shift its wall hours on the days the clocks change', () => {
    // 29 March 2026: 02:00 becomes 03:00, so that night is 8 h; 25 October: 03:00 becomes 02:00, 10 h.
    expect(shiftSpan('2026-03-28', 'night')).toEqual({ date: '2026-03-28', shift: 'night', from: '2026-03-28T21:00:00.000Z', to: '2026-03-29T05:00:00.000Z' });
    expect(shiftSpan('2026-10-24', 'night')).toEqual({ date: '2026-10-24', shift: 'night', from: '2026-10-24T20:00:00.000Z', to: '2026-10-25T06:00:00.000Z' });
    expect(shiftSpan('2026-03-29', 'day')).toMatchObject({ from: '2026-03-29T05:00:00.000Z', to: '2026-03-29T13:00:00.000Z' });
    expect(previousShift({ date: '2026-03-29', shift: 'day' })).toMatchObject({ date: '2026-03-28', shift: 'night' });
    expect(shiftSpanAt(Date.parse('2026-10-25T05:59:59Z'))).toMatchObject({ date: '2026-10-24', shift: 'night' });
    expect(shiftSpanAt(Date.parse('2026-10-25T06:00:00Z'))).toMatchObject({ date: '2026-10-25', shift: 'day' });
  });

  it('reads a wall time the spring change skips as the hour after, and a repeated one as the later', () => {
    expect(iso(osloWallInstant('2026-03-29', 2, 30))).toBe('2026-03-29T01:30:00.000Z'); // 03:30 summer time
    expect(iso(osloWallInstant('2026-10-25', 2, 30))).toBe('2026-10-25T01:30:00.000Z'); // the second 02:30, winter time
    expect(iso(osloWallInstant('2026-03-28', 10))).toBe('2026-03-28T09:00:00.000Z');
    expect(iso(osloWallInstant('2026-04-11', 10))).toBe('2026-04-11T08:00:00.000Z'); // P14D later, the same 10:00 on the wall
  });

  it('has the Oslo date and hour of an instant in any process zone, one UTC hour at a time', () => {
    expect([osloDay(Date.parse('2026-06-30T21:59:59Z')), osloHour(Date.parse('2026-06-30T21:59:59Z'))]).toEqual(['2026-06-30', 23]);
    expect([osloDay(Date.parse('2026-06-30T22:00:00Z')), osloHour(Date.parse('2026-06-30T22:00:00Z'))]).toEqual(['2026-07-01', 0]);
    expect(SHIFT_NAMES).toEqual(['day', 'evening', 'night']);
    expect(Object.keys(SHIFT_HOURS)).toEqual([...SHIFT_NAMES]);
  });
});
