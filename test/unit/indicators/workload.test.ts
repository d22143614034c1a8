import { describe, expect, it } from 'vitest';
import { adlPoints, isAdlAssessed, workloadPerStaff } from '../../../shared/indicators/workload.js';

describe('staff vs workload', () => {
  it('sums ADL points 1–5 and leaves out 9 (not assessed) and missing levels', () => {
    const levels = [3, 5, 9, null, 1];
    expect(levels.reduce<number>((sum, adl) => sum + adlPoints(adl), 0)).toBe(9);
    expect(levels.filter(isAdlAssessed)).toHaveLength(3);
    expect(adlPoints(6)).toBe(0);
    expect(adlPoints(2.5)).toBe(0);
  });

  it('divides the points by staff present (9 points, 3 present: 3 per staff member)', () => {
    expect(workloadPerStaff(9, 3)).toBe(3);
    expect(workloadPerStaff(9, 0)).toBeNull();
  });
});
