import { describe, expect, it } from 'vitest';
import { benefitOutcome, per30Days } from '../../../shared/indicators/benefits.js';

describe('benefits realisation', () => {
  it('prices discharge-ready days avoided: 60 → 45 per 30 days over 60 days = 30 days × 5 745', () => {
    const outcome = benefitOutcome('discharge-ready-days', { days: 30, value: 60, volume: 60 }, { days: 60, value: 45, volume: 90 }, 5745);
    expect(outcome).toEqual({ improvement: 15, unitsInPeriod: 30, valueInPeriod: 172_350, valuePer30Days: 86_175 });
  });

  it('prices tasks on time: 80 % → 90 % of 1 000 tasks = 100 tasks × 50', () => {
    const outcome = benefitOutcome('tasks-on-time', { days: 30, value: 80, volume: 900 }, { days: 20, value: 90, volume: 1000 }, 50);
    expect(outcome.improvement).toBe(10);
    expect(outcome.unitsInPeriod).toBeCloseTo(100);
    expect(outcome.valueInPeriod).toBeCloseTo(5000);
    expect(outcome.valuePer30Days).toBeCloseTo(7500);
  });

  it('prices a shorter stay: 20 → 18 days over 10 discharges = 20 bed-days × 3 000', () => {
    const outcome = benefitOutcome('length-of-stay', { days: 90, value: 20, volume: 12 }, { days: 90, value: 18, volume: 10 }, 3000);
    expect(outcome.unitsInPeriod).toBe(20);
    expect(outcome.valueInPeriod).toBe(60_000);
  });

  it('prices transfers arranged on the board: 0 → 6 per 30 days over 15 days = 3 × 400', () => {
    const outcome = benefitOutcome('transfers-on-board', { days: 30, value: 0, volume: 0 }, { days: 15, value: 6, volume: 3 }, 400);
    expect(outcome.unitsInPeriod).toBe(3);
    expect(outcome.valueInPeriod).toBe(1200);
  });

  it('shows a loss as a negative benefit', () => {
    expect(benefitOutcome('discharge-ready-days', { days: 30, value: 10, volume: 10 }, { days: 30, value: 20, volume: 20 }, 100).valueInPeriod).toBe(-1000);
  });

  it('gives no figure without data in both periods', () => {
    expect(benefitOutcome('tasks-on-time', { days: 30, value: null, volume: 0 }, { days: 30, value: 90, volume: 10 }, 50).valueInPeriod).toBeNull();
    expect(per30Days(12, 0)).toBeNull();
    expect(per30Days(12, 60)).toBe(6);
  });
});
