/** A visit's agreed window as the planning form holds it (an Oslo day, two wall times) and as `visit.plan` takes it (two instants). */

import { MAX_WINDOW_HOURS } from '../../../shared/api/commands/homecare.js';
import { addDays, osloWallInstant } from '../../../shared/time/oslo.js';

/** "HH:MM" on the 24-hour kiosk clock. */
export type WallTime = string;

/** The instant the Oslo clock shows `time` on `day`, as ISO 8601 (UTC): the offset of that very day, summer or winter. */
export function osloWallIso(day: string, time: WallTime): string {
  const [hour, minute] = time.split(':').map(Number);
  return new Date(osloWallInstant(day, hour, minute)).toISOString();
}

/**
 * The window `from`–`to` starting on the Oslo `day`, as instants. An end the clock shows at or before
 * the start ends on the next day (a night visit 23:30–00:30) when that window is no longer than the
 * longest agreed one; otherwise it stays on the day, so `windowProblem` says the end comes before the
 * start (09:00–08:00 is a slip, not a 23-hour visit).
 */
export function visitWindow(day: string, from: WallTime, to: WallTime): { from: string; to: string } {
  const start = osloWallIso(day, from);
  const end = osloWallIso(day, to);
  if (end > start) return { from: start, to: end };
  const nextDay = osloWallIso(addDays(day, 1), to);
  return Date.parse(nextDay) - Date.parse(start) <= MAX_WINDOW_HOURS * 3_600_000 ? { from: start, to: nextDay } : { from: start, to: end };
}
