/**
 * The one Oslo calendar of Tavla: days as care counts them ("YYYY-MM-DD" in Europe/Oslo, whatever
 * the machine's own zone), the midnight that ends each, weekdays and months, and the shifts of a
 * ward day. Offsets and wall times come from @date-fns/tz (the IANA data in the platform's Intl);
 * shared, main and the renderer's formatters all read it here.
 */

import { TZDate, tzOffset } from '@date-fns/tz';

export const TIME_ZONE = 'Europe/Oslo';
const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

const pad = (n: number) => String(n).padStart(2, '0');

// Oslo's offset is whole hours and changes on whole UTC hours, so the offset, the Oslo date and
// the Oslo hour are the same for every instant of one UTC hour: one lookup per hour serves them,
// and the indicator loops, which ask for millions of instants, hit this cache.
interface HourOnTheWall {
  day: string;
  hour: number;
}
const byHour = new Map<number, HourOnTheWall>();

function onTheWall(ms: number): HourOnTheWall {
  const key = Math.floor(ms / HOUR_MS);
  let found = byHour.get(key);
  if (!found) {
    const offsetMs = tzOffset(TIME_ZONE, new Date(key * HOUR_MS)) * 60_000;
    const w = new Date(key * HOUR_MS + offsetMs);
    found = { day: `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}`, hour: w.getUTCHours() };
    if (byHour.size > 200_000) byHour.clear();
    byHour.set(key, found);
  }
  return found;
}

/** The Oslo date of an instant (epoch ms). */
export function osloDay(ms: number): string {
  return onTheWall(ms).day;
}

/** The Oslo hour (0–23) of an instant. */
export function osloHour(ms: number): number {
  return onTheWall(ms).hour;
}

/** What the Oslo clock shows at an instant: its date and time of day. */
export function osloWall(ms: number): { day: string; hour: number; minute: number; second: number; millisecond: number } {
  const wall = new TZDate(ms, TIME_ZONE);
  return {
    day: `${wall.getFullYear()}-${pad(wall.getMonth() + 1)}-${pad(wall.getDate())}`,
    hour: wall.getHours(),
    minute: wall.getMinutes(),
    second: wall.getSeconds(),
    millisecond: wall.getMilliseconds(),
  };
}

/**
 * The instant the Oslo clock shows this wall time. A time the spring change skips (02:30 on the
 * last Sunday of March) is read as the hour after; one the autumn change repeats, as the later.
 */
export function osloWallInstant(day: string, hour = 0, minute = 0, second = 0, millisecond = 0): number {
  const [y, m, d] = day.split('-').map(Number);
  return new TZDate(y, m - 1, d, hour, minute, second, millisecond, TIME_ZONE).getTime();
}

/** The instant the Oslo clock shows `hour`:00 on `day`. */
export function osloInstant(day: string, hour: number): number {
  return osloWallInstant(day, hour);
}

const startByDay = new Map<string, number>();

/** The instant the Oslo clock shows 00:00 on `day` (23:00 or 22:00 UTC the day before). */
export function dayStart(day: string): number {
  let start = startByDay.get(day);
  if (start === undefined) {
    start = osloWallInstant(day);
    if (startByDay.size > 100_000) startByDay.clear();
    startByDay.set(day, start);
  }
  return start;
}

/** The midnight that ends `day`: the census instant of the midnight count. */
export function midnightAfter(day: string): number {
  return dayStart(addDays(day, 1));
}

// Days repeat endlessly in the indicator loops; parsing each once keeps them cheap.
const utcByDay = new Map<string, number>();
function utcOf(day: string): number {
  let utc = utcByDay.get(day);
  if (utc === undefined) {
    const [y, m, d] = day.split('-').map(Number);
    utc = Date.UTC(y, m - 1, d);
    if (utcByDay.size > 100_000) utcByDay.clear();
    utcByDay.set(day, utc);
  }
  return utc;
}

/** `day` moved by whole calendar days. */
export function addDays(day: string, days: number): string {
  const moved = new Date(utcOf(day) + days * DAY_MS);
  return `${moved.getUTCFullYear()}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}`;
}

/** `day` moved by whole calendar months; the 31st becomes the month's last day where needed. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return `${first.getUTCFullYear()}-${pad(first.getUTCMonth() + 1)}-${pad(Math.min(d, last))}`;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcOf(to) - utcOf(from)) / DAY_MS);
}

/** Every day from `from` to `to`, both included. */
export function dayRange(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** Monday = 0 … Sunday = 6. */
export function weekday(day: string): number {
  // 1 January 1970 was a Thursday (3 with Monday = 0).
  return (((Math.floor(utcOf(day) / DAY_MS) + 3) % 7) + 7) % 7;
}

/** "YYYY-MM" of a day. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** Whether a string is a calendar date "YYYY-MM-DD". */
export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/**
 * The Oslo day a stored date or time falls on: a bare date is taken as that Oslo date, an ISO time
 * as the instant it names. Undefined when it is neither.
 */
export function dayOf(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  if (isDay(value)) return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : osloDay(ms);
}

/** An instant from a stored date or time: a bare date is Oslo midnight that day. */
export function instantOf(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  if (isDay(value)) return dayStart(value);
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The one shift definition: day 07–15, evening 15–22, night 22–07 (dated by the day it starts). */
export const SHIFT_NAMES = ['day', 'evening', 'night'] as const;
export type ShiftName = (typeof SHIFT_NAMES)[number];
export const SHIFT_HOURS: Readonly<Record<ShiftName, { readonly start: number; readonly end: number }>> = {
  day: { start: 7, end: 15 },
  evening: { start: 15, end: 22 },
  night: { start: 22, end: 7 },
};

/** A shift with the instants it starts and ends (ISO, UTC): what the ward commands answer. */
export interface ShiftSpan {
  date: string;
  shift: ShiftName;
  from: string;
  to: string;
}

/** The shift running at an instant: its name and the date it started on (the night after 00:00 belongs to the day before). */
export function shiftAt(ms: number): { date: string; shift: ShiftName } {
  const day = osloDay(ms);
  const hour = osloHour(ms);
  if (hour < SHIFT_HOURS.night.end) return { date: addDays(day, -1), shift: 'night' };
  if (hour < SHIFT_HOURS.day.end) return { date: day, shift: 'day' };
  if (hour < SHIFT_HOURS.evening.end) return { date: day, shift: 'evening' };
  return { date: day, shift: 'night' };
}

/** A shift with its start and end instants. */
export function shiftSpan(date: string, shift: ShiftName): ShiftSpan {
  const { start, end } = SHIFT_HOURS[shift];
  const endDay = end < start ? addDays(date, 1) : date;
  return { date, shift, from: new Date(osloInstant(date, start)).toISOString(), to: new Date(osloInstant(endDay, end)).toISOString() };
}

/** The span of the shift running at an instant. */
export function shiftSpanAt(ms: number): ShiftSpan {
  const { date, shift } = shiftAt(ms);
  return shiftSpan(date, shift);
}

/** The shift before this one. */
export function previousShift(ref: { date: string; shift: ShiftName }): ShiftSpan {
  if (ref.shift === 'night') return shiftSpan(ref.date, 'evening');
  if (ref.shift === 'evening') return shiftSpan(ref.date, 'day');
  return shiftSpan(addDays(ref.date, -1), 'night');
}
