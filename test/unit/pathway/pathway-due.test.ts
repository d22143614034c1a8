import { describe, expect, it } from 'vitest';
import { daysAfter, isPublicHoliday, isWorkingDay, stepDue } from '../../../main/pathway/pathway-due.js';
import { offsetDays } from '../../../shared/pathway/pathway-templates.js';

const at = (iso: string): number => Date.parse(iso);

describe('pathway step deadlines in Europe/Oslo', () => {
  it('keeps the wall time across the spring DST change: P14D from 2026-03-28 10:00 is 2026-04-11 10:00 local', () => {
    const due = stepDue(at('2026-03-28T10:00:00+01:00'), 'P14D', 'calendar');
    expect(new Date(due!).toISOString()).toBe('2026-04-11T08:00:00.000Z'); // 10:00 CEST
    expect((due! - at('2026-03-28T10:00:00+01:00')) / 3_600_000).toBe(14 * 24 - 1);
  });

  it('keeps the wall time across the autumn change too', () => {
    const due = stepDue(at('2026-10-20T14:30:00+02:00'), 'P2W', 'calendar');
    expect(new Date(due!).toISOString()).toBe('2026-11-03T13:30:00.000Z'); // 14:30 CET
  });

  it('counts three working days from a Friday to the Wednesday', () => {
    expect(daysAfter('2026-11-27', 3, 'working')).toBe('2026-12-02');
    const due = stepDue(at('2026-11-27T09:15:00+01:00'), 'P3D', 'working');
    expect(new Date(due!).toISOString()).toBe('2026-12-02T08:15:00.000Z');
  });

  it('skips Norwegian public holidays: Easter 2026 and 17 May', () => {
    expect(isPublicHoliday('2026-04-02')).toBe(true); // Skjærtorsdag
    expect(isPublicHoliday('2026-04-06')).toBe(true); // Andre påskedag
    expect(isPublicHoliday('2026-05-17')).toBe(true);
    expect(isPublicHoliday('2026-12-24')).toBe(false); // Julaften is not a public holiday
    expect(isWorkingDay('2026-04-03')).toBe(false);
    // From Wednesday 1 April: Thursday to Monday are holidays or weekend; Tue 7, Wed 8 April.
    expect(daysAfter('2026-04-01', 2, 'working')).toBe('2026-04-08');
    // Working days cross a year: from Tuesday 29 December 2026 (1 January is a holiday).
    expect(daysAfter('2026-12-29', 3, 'working')).toBe('2027-01-04');
  });

  it('takes days and weeks only, and P0D is the start', () => {
    expect(offsetDays('P0D')).toBe(0);
    expect(offsetDays('P2W')).toBe(14);
    expect(offsetDays('PT4H')).toBeUndefined();
    expect(offsetDays('P1M')).toBeUndefined();
    expect(stepDue(0, 'P1Y', 'calendar')).toBeUndefined();
    expect(stepDue(at('2026-06-01T08:00:00+02:00'), 'P0D', 'calendar')).toBe(at('2026-06-01T08:00:00+02:00'));
  });
});
