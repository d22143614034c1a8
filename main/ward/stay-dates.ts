/**
 * The dates of a stay that cannot be, checked against the board's clock before anything is written:
 * a birth date ahead of today, an admission in the future or registered more than a day late, an
 * expected discharge before the day of admission. Each failure names its reason for the screen.
 */

import { fail, type Result } from '../../shared/api/result.js';
import { osloDay } from '../../shared/time/oslo.js';

/** An admission registered afterwards may go back this far (a night's admissions typed in the morning). */
export const ADMITTED_BACK_HOURS = 24;
/** Clocks of screens and board differ a little: an admission this far ahead of the board's clock is "now". */
const AHEAD_GRACE_MS = 2 * 60_000;

export interface StayDates {
  birthDate?: string;
  /** ISO instant of the admission. */
  admittedAt?: string;
  /** YYYY-MM-DD, or null to clear it. */
  expectedDischarge?: string | null;
}

/** Null when an admission's dates can be; else the failure to answer. */
export function refuseAdmissionDates(dates: StayDates, now: Date): Result<never> | null {
  const today = osloDay(now.getTime());
  if (dates.birthDate !== undefined && dates.birthDate > today) {
    return fail('invalid-input', `birthDate ${dates.birthDate} is after today (${today})`, { reason: 'birth-date-future' });
  }
  if (dates.admittedAt !== undefined) {
    const at = Date.parse(dates.admittedAt);
    if (at > now.getTime() + AHEAD_GRACE_MS) return fail('invalid-input', `admittedAt ${dates.admittedAt} is in the future`, { reason: 'admitted-in-future' });
    if (at < now.getTime() - ADMITTED_BACK_HOURS * 3_600_000) {
      return fail('invalid-input', `admittedAt ${dates.admittedAt} is more than ${ADMITTED_BACK_HOURS} h ago`, { reason: 'admitted-too-early', hours: String(ADMITTED_BACK_HOURS) });
    }
  }
  return refuseExpectedDischarge(dates.expectedDischarge, dates.admittedAt ?? now.toISOString());
}

/** An expected discharge (YYYY-MM-DD) before the Oslo day of admission cannot be; null clears it and is fine. */
export function refuseExpectedDischarge(expected: string | null | undefined, admittedAt: string | null): Result<never> | null {
  if (!expected || admittedAt === null) return null;
  const admittedDay = osloDay(Date.parse(admittedAt));
  if (expected < admittedDay) {
    return fail('invalid-input', `expectedDischarge ${expected} is before the day of admission (${admittedDay})`, { reason: 'discharge-before-admission' });
  }
  return null;
}
