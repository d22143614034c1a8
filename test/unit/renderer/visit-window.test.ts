/** The planning form's window: Oslo wall times on a day become the instants `visit.plan` takes, with that day's offset. */

import { describe, expect, it } from 'vitest';
import { windowProblem } from '../../../shared/api/commands/homecare.js';
import { osloWallIso, visitWindow } from '../../../renderer/src/state/visit-window.js';

describe('a visit window from Oslo wall times', () => {
  it('reads a summer day at UTC+2 and a winter day at UTC+1', () => {
    expect(visitWindow('2026-07-01', '08:00', '09:00')).toEqual({ from: '2026-07-01T06:00:00.000Z', to: '2026-07-01T07:00:00.000Z' });
    expect(visitWindow('2026-01-15', '08:00', '09:30')).toEqual({ from: '2026-01-15T07:00:00.000Z', to: '2026-01-15T08:30:00.000Z' });
  });

  it('on the day of the spring change: the morning is summer time, and a window across 02:00 is an hour shorter', () => {
    expect(visitWindow('2026-03-29', '08:00', '09:00')).toEqual({ from: '2026-03-29T06:00:00.000Z', to: '2026-03-29T07:00:00.000Z' });
    const night = visitWindow('2026-03-29', '01:00', '04:00');
    expect(night).toEqual({ from: '2026-03-29T00:00:00.000Z', to: '2026-03-29T02:00:00.000Z' });
    // 02:30 does not exist that night: it is read as the hour after, like every Oslo wall time in Tavla.
    expect(osloWallIso('2026-03-29', '02:30')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('on the day of the autumn change: the morning is winter time, and a window across 03:00 is an hour longer', () => {
    expect(visitWindow('2026-10-25', '08:00', '09:00')).toEqual({ from: '2026-10-25T07:00:00.000Z', to: '2026-10-25T08:00:00.000Z' });
    expect(visitWindow('2026-10-25', '01:00', '04:00')).toEqual({ from: '2026-10-24T23:00:00.000Z', to: '2026-10-25T03:00:00.000Z' });
  });

  it('says when a window ends before it starts or runs past the longest agreed window', () => {
    expect(windowProblem(visitWindow('2026-07-01', '09:00', '08:00'))).toBe('end-before-start');
    expect(windowProblem(visitWindow('2026-07-01', '09:00', '09:00'))).toBe('end-before-start');
    expect(windowProblem(visitWindow('2026-07-01', '07:00', '19:05'))).toBe('too-long');
    expect(windowProblem(visitWindow('2026-07-01', '07:00', '19:00'))).toBeNull();
  });

  it('ends a night window on the next day when its end is on the clock before its start, up to the longest agreed window', () => {
    expect(visitWindow('2026-07-01', '23:30', '00:30')).toEqual({ from: '2026-07-01T21:30:00.000Z', to: '2026-07-01T22:30:00.000Z' });
    expect(visitWindow('2026-12-31', '22:00', '06:00')).toEqual({ from: '2026-12-31T21:00:00.000Z', to: '2027-01-01T05:00:00.000Z' });
    expect(windowProblem(visitWindow('2026-12-31', '22:00', '06:00'))).toBeNull();
    // Twelve hours is the longest window: 20:00–08:00 is one, 19:00–08:00 is a slip on the clock.
    expect(windowProblem(visitWindow('2026-07-01', '20:00', '08:00'))).toBeNull();
    expect(windowProblem(visitWindow('2026-07-01', '19:00', '08:00'))).toBe('end-before-start');
    // The night of the autumn change is an hour longer: 22:00–06:00 lasts nine hours.
    const autumn = visitWindow('2026-10-24', '22:00', '06:00');
    expect(Date.parse(autumn.to) - Date.parse(autumn.from)).toBe(9 * 3_600_000);
  });
});
