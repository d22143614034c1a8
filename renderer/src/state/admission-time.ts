/** When an admission registered afterwards took place: a wall time on the 24-hour picker, in Oslo. */

import { addDays, osloDay, osloWallInstant } from '../../../shared/time/oslo.js';

/**
 * The instant of "HH:MM" today in Oslo, or yesterday when that is still ahead of now (a patient
 * who came at 23:40, registered at 00:15): an admission is never in the future.
 */
export function admittedAt(time: string, now: Date): string {
  const [hour, minute] = time.split(':').map(Number);
  const today = osloDay(now.getTime());
  const at = osloWallInstant(today, hour, minute);
  return new Date(at > now.getTime() ? osloWallInstant(addDays(today, -1), hour, minute) : at).toISOString();
}
