/** Staff vs workload: care-level (ADL) points per staff member present on the shift. */

import { ratio } from './definitions.js';

/** ADL points of one patient: the care level 1–5; 9 (not assessed) or nothing counts 0. */
export function adlPoints(adl: number | null | undefined): number {
  return typeof adl === 'number' && Number.isInteger(adl) && adl >= 1 && adl <= 5 ? adl : 0;
}

/** Whether a patient has an ADL assessment that counts. */
export function isAdlAssessed(adl: number | null | undefined): boolean {
  return adlPoints(adl) > 0;
}

/** ADL points per staff member present; null when nobody is registered present. */
export function workloadPerStaff(points: number, present: number): number | null {
  return ratio(points, present);
}
