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
});
