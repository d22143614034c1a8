/** Average length of stay: inpatient days (the midnight count) / discharges, over the same period. */

import { ratio } from './definitions.js';

/** Inpatient days per discharge; null when nobody was discharged. */
export function averageLengthOfStay(inpatientDays: number, discharges: number): number | null {
  return ratio(inpatientDays, discharges);
}

/** Discharges whose instant falls in [from, to). */
export function dischargesBetween(discharged: readonly (number | null)[], from: number, to: number): number {
  return discharged.filter((at) => at !== null && at >= from && at < to).length;
}
