/**
 * When a pathway step falls due: its offset from the pathway's start, counted in Europe/Oslo wall
 * time. Calendar days keep the clock time across a DST change (P14D from 2026-03-28 10:00 is
 * 2026-04-11 10:00 local, 13 days and 23 hours later); working days skip Saturdays, Sundays and
 * Norwegian public holidays (from date-holidays, type `public`: New Year, Easter, 1 and 17 May,
 * Ascension, Whitsun, Christmas), so three working days from a Friday fall due on the Wednesday.
 */

import Holidays from 'date-holidays';
import { offsetDays, type DayKind } from '../../shared/pathway/pathway-templates.js';
import { addDays, osloWall, osloWallInstant, weekday } from '../../shared/time/oslo.js';

const norway = new Holidays('NO');
const publicHolidays = new Map<number, ReadonlySet<string>>();

/** The public holidays of a year as Oslo dates (cached per year). */
function holidaysOf(year: number): ReadonlySet<string> {
  let days = publicHolidays.get(year);
  if (!days) {
    days = new Set(norway.getHolidays(year).filter((holiday) => holiday.type === 'public').map((holiday) => holiday.date.slice(0, 10)));
    publicHolidays.set(year, days);
  }
  return days;
}

/** Whether a date is a Norwegian public holiday. */
export function isPublicHoliday(day: string): boolean {
  return holidaysOf(Number(day.slice(0, 4))).has(day);
}

/** Whether a date is a working day: Monday to Friday and not a public holiday. */
export function isWorkingDay(day: string): boolean {
  return weekday(day) < 5 && !isPublicHoliday(day);
}

/** The date `n` days after `day`, counting calendar days or working days. */
export function daysAfter(day: string, n: number, kind: DayKind): string {
  if (kind === 'calendar') return addDays(day, n);
  let at = day;
  for (let left = n; left > 0; ) {
    at = addDays(at, 1);
    if (isWorkingDay(at)) left -= 1;
  }
  return at;
}

/** Deadlines already worked out (a pure function of its arguments): the board reads every patient's steps with each overview read. */
const dueCache = new Map<string, number | undefined>();
const DUE_CACHE_SIZE = 10_000;

/** The instant a step with this offset falls due for a pathway started at `startedAt` (epoch ms); undefined for an offset not taken. */
export function stepDue(startedAt: number, offset: string, kind: DayKind): number | undefined {
  const key = `${startedAt}|${offset}|${kind}`;
  if (dueCache.has(key)) return dueCache.get(key);
  if (dueCache.size >= DUE_CACHE_SIZE) dueCache.clear();
  const due = dueOf(startedAt, offset, kind);
  dueCache.set(key, due);
  return due;
}

function dueOf(startedAt: number, offset: string, kind: DayKind): number | undefined {
  const days = offsetDays(offset);
  if (days === undefined) return undefined;
  const start = osloWall(startedAt);
  return osloWallInstant(daysAfter(start.day, days, kind), start.hour, start.minute, start.second, start.millisecond);
}
