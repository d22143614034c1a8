/** A visit's agreed window as the planning form holds it (an Oslo day, two wall times) and as `visit.plan` takes it (two instants). */

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
