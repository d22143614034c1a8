/**
 * Days as care counts them: Oslo calendar dates ("YYYY-MM-DD"), the midnight that ends each one,
 * weekdays, months and the shifts of a day. Pure ECMAScript (Intl), so both processes agree.
 */

export const TIME_ZONE = 'Europe/Oslo';
const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
});

const pad = (n: number) => String(n).padStart(2, '0');

// Oslo's offset is always whole hours, so one lookup per UTC hour serves every instant in it.
const byHour = new Map<number, { day: string; hour: number }>();
function wall(ms: number): { day: string; hour: number } {
  const key = Math.floor(ms / HOUR_MS);
  let found = byHour.get(key);
  if (!found) {
    const p = Object.fromEntries(parts.formatToParts(new Date(key * HOUR_MS)).map((x) => [x.type, x.value]));
    found = { day: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour) };
    if (byHour.size > 200_000) byHour.clear();
    byHour.set(key, found);
  }
  return found;
}

/** The Oslo date of an instant (epoch ms). */
export function osloDay(ms: number): string {
  return wall(ms).day;
}

/** The Oslo hour (0–23) of an instant. */
export function osloHour(ms: number): number {
  return wall(ms).hour;
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

/** The instant the Oslo clock shows 00:00 on `day` (23:00 or 22:00 UTC the day before). */
export function dayStart(day: string): number {
  const utc = utcOf(day);
  // Oslo is UTC+2 in summer, UTC+1 in winter; midnight never falls in a clock change.
  for (const offset of [2, 1]) {
    const at = utc - offset * HOUR_MS;
    if (osloDay(at) === day && osloDay(at - 1) !== day) return at;
  }
  return utc - HOUR_MS;
}

/** The instant the Oslo clock shows `hour`:00 on `day`. */
export function osloInstant(day: string, hour: number): number {
  const start = dayStart(day);
  const guess = start + hour * HOUR_MS;
  // On the two days a year the clocks change, the wall hour is an hour off from the guess.
  const shift = osloHour(guess) - hour;
  return osloDay(guess) === day ? guess - shift * HOUR_MS : guess;
}

/** The midnight that ends `day`: the census instant of the midnight count. */
export function midnightAfter(day: string): number {
  return dayStart(addDays(day, 1));
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

/** The shifts of a ward day in Oslo: day 07–15, evening 15–22, night 22–07 (dated by its start). */
export const SHIFT_START_HOURS = { day: 7, evening: 15, night: 22 } as const;
export type ShiftName = keyof typeof SHIFT_START_HOURS;

/** The shift running at an instant: its name and the date it started on. */
export function shiftAt(ms: number): { date: string; shift: ShiftName } {
  const day = osloDay(ms);
  const hour = osloHour(ms);
  if (hour < 7) return { date: addDays(day, -1), shift: 'night' };
  if (hour < 15) return { date: day, shift: 'day' };
  if (hour < 22) return { date: day, shift: 'evening' };
  return { date: day, shift: 'night' };
}
