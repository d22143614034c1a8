import { describe, expect, it } from 'vitest';
import {
  countsMunicipalOccupancy,
  municipalOccupancy,
  occupancyHeat,
  occupancyNorm,
  overdueHeat,
  summedOccupancy,
  unitOccupancy,
} from '../../../shared/indicators/occupancy.js';

// A hand-computed municipality: every kind once.
const UNITS = [
  { kind: 'hospital-ward', capacity: 20, patients: 19 }, // 95 %
  { kind: 'nursing-home', capacity: 16, patients: 15 }, // 93.75 %
  { kind: 'short-term', capacity: 8, patients: 6 }, // 75 %
  { kind: 'home-care', capacity: 50, patients: 42 }, // 84 %: patients of places
  { kind: 'home-hospital', capacity: 4, patients: 1 }, // 25 %
  { kind: 'allocation-office', capacity: 0, patients: 7 }, // none
];

describe('one occupancy per unit kind', () => {
  it('counts every kind as patients over its places, and the allocation office not at all', () => {
    expect(UNITS.map((u) => unitOccupancy(u, u.patients))).toEqual([95, 93.75, 75, 84, 25, null]);
    expect(UNITS.map((u) => occupancyNorm(u.kind).measure)).toEqual(['beds', 'beds', 'beds', 'places', 'places', 'none']);
    // An allocation office given places is still not occupied.
    expect(unitOccupancy({ kind: 'allocation-office', capacity: 10 }, 5)).toBeNull();
  });

  it('counts the municipality over its units with beds only: 40 patients in 44 beds', () => {
    expect(UNITS.filter(countsMunicipalOccupancy).map((u) => u.kind)).toEqual(['hospital-ward', 'nursing-home', 'short-term']);
    const whole = municipalOccupancy(UNITS);
    expect(whole).toEqual({ patients: 40, places: 44, value: (40 / 44) * 100 });
    // A unit leader's one unit (home care) counts by its own kind, as its tile does.
    expect(municipalOccupancy([UNITS[3]])).toEqual({ patients: 42, places: 50, value: 84 });
    // A kind's tile sums its units the same way: two home-care districts, 42 + 18 of 50 + 30.
    expect(summedOccupancy([UNITS[3], { kind: 'home-care', capacity: 30, patients: 18 }])).toEqual({ patients: 60, places: 80, value: 75 });
  });

  it('judges each kind by its own norm: 96 % is very high in a hospital ward and calm in a nursing home', () => {
    expect(occupancyHeat('hospital-ward', 96)).toBe(4);
    expect(occupancyHeat('nursing-home', 96)).toBe(1);
    expect(occupancyHeat('nursing-home', 100)).toBe(3); // full: no place for the next resident
    expect(occupancyHeat('short-term', 88)).toBe(2);
    expect(occupancyHeat('home-care', 84)).toBe(1);
    expect(occupancyHeat('home-care', 110)).toBe(4);
    expect(occupancyHeat('allocation-office', null)).toBe(0);
    expect(occupancyHeat('hospital-ward', 0)).toBe(0);
  });

  it('heats overdue tasks by absolute counts: one overdue task is low, not dark red', () => {
    expect([0, 1, 2, 3, 5, 6, 9, 10, 40].map(overdueHeat)).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });
});
