import { describe, expect, it } from 'vitest';
import { dayStart, midnightAfter, osloInstant } from '../../../shared/time/oslo.js';
import { averageLengthOfStay, dischargesBetween } from '../../../shared/indicators/length-of-stay.js';
import { countAt, dailyFlows, occupancyPercent, presentAt, type StayInterval } from '../../../shared/indicators/occupancy.js';

const at = (day: string, hour: number) => osloInstant(day, hour);
const DAYS = ['2024-03-04', '2024-03-05', '2024-03-06'];
const MIDNIGHTS = DAYS.map(midnightAfter);

// A: in over two midnights (3 and 4 March); B: from 5 March on; C: a day case, never there at midnight.
const A: StayInterval = { admitted: at('2024-03-03', 10), discharged: at('2024-03-05', 9) };
const B: StayInterval = { admitted: at('2024-03-05', 14), discharged: null };
const C: StayInterval = { admitted: at('2024-03-06', 8), discharged: at('2024-03-06', 16) };

describe('occupancy by the midnight count', () => {
  it('counts who is there at each midnight (hand count: 1, 1, 1)', () => {
    expect(countAt([A, B, C], MIDNIGHTS)).toEqual([1, 1, 1]);
  });

  it('gives occupied bed-days / available bed-days × 100 (3 of 2 beds × 3 days = 50 %)', () => {
    const occupied = countAt([A, B, C], MIDNIGHTS).reduce((a, b) => a + b, 0);
    expect(occupancyPercent(occupied, 2 * DAYS.length)).toBe(50);
    expect(occupancyPercent(5, 0)).toBeNull();
  });

  it('keeps level = previous level + inflow − outflow, day by day', () => {
    expect(dailyFlows([A, B, C], DAYS, MIDNIGHTS, dayStart(DAYS[0]))).toEqual([
      { day: '2024-03-04', level: 1, inflow: 0, outflow: 0 },
      { day: '2024-03-05', level: 1, inflow: 1, outflow: 1 },
      { day: '2024-03-06', level: 1, inflow: 0, outflow: 0 },
    ]);
  });

  it('weights stays (ADL points) when asked', () => {
    expect(countAt([{ ...A, weight: 4 }, { ...B, weight: 2 }], MIDNIGHTS)).toEqual([4, 2, 2]);
  });

  it('does not count an arrival at the stroke of midnight, and does count a departure then', () => {
    const midnight = dayStart('2024-03-05');
    expect(presentAt({ admitted: midnight, discharged: null }, midnight)).toBe(false);
    expect(presentAt({ admitted: at('2024-03-04', 9), discharged: midnight }, midnight)).toBe(true);
  });
});

describe('average length of stay', () => {
  it('is inpatient days / discharges (3 bed-days, A and C discharged: 1.5)', () => {
    const discharged = [A, B, C].map((s) => s.discharged);
    const discharges = dischargesBetween(discharged, dayStart(DAYS[0]), midnightAfter(DAYS[2]));
    expect(discharges).toBe(2);
    expect(averageLengthOfStay(3, discharges)).toBe(1.5);
  });

  it('has no value without a discharge', () => {
    expect(averageLengthOfStay(10, 0)).toBeNull();
  });
});
