/** A visit's agreed window as the planning form holds it (an Oslo day, two wall times) and as `visit.plan` takes it (two instants). */

import { MAX_WINDOW_HOURS } from '../../../shared/api/commands/homecare.js';
import { osloWallInstant } from '../../../shared/time/oslo.js';

/** "HH:MM" on the 24-hour kiosk clock. */
export type WallTime = string;

/** The instant the Oslo clock shows `time` on `day`, as ISO 8601 (UTC): the offset of that very day, summer or winter. */
export function osloWallIso(day: string, time: WallTime): string {
  const [hour, minute] = time.split(':').map(Number);
  return new Date(osloWallInstant(day, hour, minute)).toISOString();
}

/** The window `from`–`to` on the Oslo `day`, as instants; both on the same day (a window ends after it starts). */
export function visitWindow(day: string, from: WallTime, to: WallTime): { from: string; to: string } {
  return { from: osloWallIso(day, from), to: osloWallIso(day, to) };
}

/** Why a window cannot be planned (it ends before it starts, or lasts longer than the longest agreed window), or null. */
export function windowProblem(window: { from: string; to: string }): 'end-before-start' | 'too-long' | null {
  const length = Date.parse(window.to) - Date.parse(window.from);
  if (length <= 0) return 'end-before-start';
  return length > MAX_WINDOW_HOURS * 3_600_000 ? 'too-long' : null;
}
