import { describe, expect, it } from 'vitest';
import { deadlineOf, nursingHomeWait, placementOf, waitDays } from '../../../shared/indicators/nursing-home-wait.js';

const PLACEMENTS = [
  { decided: '2024-01-10', started: '2024-02-20' }, // 41 days, deadline 10 March: on time
  { decided: '2023-12-01', started: '2024-02-05' }, // 66 days, deadline 1 Feb: late
  { decided: '2023-12-15', started: null }, // waiting, deadline 15 Feb passed
  { decided: '2024-02-01', started: null }, // waiting, deadline 1 April not yet
  { decided: '2023-10-01', started: '2023-11-20' }, // started before the period
];

describe('wait for a nursing-home place', () => {
  it('puts the deadline two calendar months after the decision', () => {
    expect(deadlineOf('2024-01-10')).toBe('2024-03-10');
    expect(deadlineOf('2023-12-31')).toBe('2024-02-29');
  });

  it('over February 2024: 2 started, 107 days in all (mean 53.5), 1 on time, 1 still waiting past the deadline', () => {
    expect(nursingHomeWait(PLACEMENTS, '2024-02-01', '2024-02-29')).toEqual({ started: 2, totalDays: 107, onTime: 1, overdue: 1 });
  });

  it('counts a waiting placement up to today', () => {
    expect(waitDays({ decided: '2024-02-01', started: null }, '2024-02-29')).toBe(28);
  });

  it('reads a placement from a transfer: requested is the decision, completed the start', () => {
    expect(placementOf({ requestedAt: '2024-01-09T23:30:00.000Z', completedAt: null })).toEqual({ decided: '2024-01-10', started: null });
    expect(placementOf({ requestedAt: null, completedAt: null })).toBeUndefined();
  });
});
