/**
 * Days and shifts as the ward lives them, in Europe/Oslo whatever the machine's own zone: a day
 * starts at Oslo midnight, shifts are day 07–15, evening 15–22 and night 22–07 (dated by its start).
 */

import type { Shift, ShiftRef } from '../../shared/api/commands/ward.js';

export const TIME_ZONE = 'Europe/Oslo';

const wallFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wall(at: Date): Wall {
  const parts = Object.fromEntries(wallFormat.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/** Oslo's offset from UTC at an instant, in ms (+1 h in winter, +2 h in summer). */
function offsetMs(at: Date): number {
  const w = wall(at);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(at.getTime() / 1000) * 1000;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The Oslo calendar date of an instant, "YYYY-MM-DD". */
export function osloDate(at: Date): string {
  const w = wall(at);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** The Oslo hour (0–23) of an instant. */
export function osloHour(at: Date): number {
  return wall(at).hour;
}

/** The instant when the Oslo clock shows `hour`:00 on `date`. */
export function osloInstant(date: string, hour: number): Date {
  const [y, m, d] = date.split('-').map(Number);
  const local = Date.UTC(y, m - 1, d, hour);
  // Two passes settle the offset even on the days the clocks change.
  let guess = local - offsetMs(new Date(local));
  guess = local - offsetMs(new Date(guess));
  return new Date(guess);
}

/** `date` moved by whole calendar days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const moved = new Date(Date.UTC(y, m - 1, d + days));
  return `${moved.getUTCFullYear()}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}`;
}

const SHIFT_HOURS: Record<Shift, { start: number; end: number; nextDay: boolean }> = {
  day: { start: 7, end: 15, nextDay: false },
  evening: { start: 15, end: 22, nextDay: false },
  night: { start: 22, end: 7, nextDay: true },
};

/** A shift with its start and end instants. */
export function shiftRef(date: string, shift: Shift): ShiftRef {
  const hours = SHIFT_HOURS[shift];
  const from = osloInstant(date, hours.start);
  const to = osloInstant(hours.nextDay ? addDays(date, 1) : date, hours.end);
  return { date, shift, from: from.toISOString(), to: to.toISOString() };
}

/** The shift running at an instant (the night after 00:00 belongs to the day before). */
export function shiftAt(at: Date): ShiftRef {
  const date = osloDate(at);
  const hour = osloHour(at);
  if (hour < 7) return shiftRef(addDays(date, -1), 'night');
  if (hour < 15) return shiftRef(date, 'day');
  if (hour < 22) return shiftRef(date, 'evening');
  return shiftRef(date, 'night');
}

/** The shift before this one. */
export function previousShift(ref: ShiftRef): ShiftRef {
  if (ref.shift === 'night') return shiftRef(ref.date, 'evening');
  if (ref.shift === 'evening') return shiftRef(ref.date, 'day');
  return shiftRef(addDays(ref.date, -1), 'night');
}
