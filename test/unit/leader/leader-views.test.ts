import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IndicatorsView } from '../../../shared/api/commands/leader.js';
import type { IndicatorId } from '../../../shared/indicators/definitions.js';
import { capacityView } from '../../../main/leader/capacity.js';
import { rateTable, setRate } from '../../../main/leader/daily-rates.js';
import { flowView } from '../../../main/leader/flow.js';
import { forecastView } from '../../../main/leader/forecast.js';
import { indicatorsView } from '../../../main/leader/indicators.js';
import { leaderHistory } from '../../../main/leader/leader-history.js';
import { HubService } from '../../../main/hub/hub-service.js';
import { tempDir } from '../../support/temp-dir.js';
import { clock, seedMunicipality } from '../../support/municipality-fixture.js';

// 10:00 in Oslo on a Wednesday in May: the day shift is running.
const NOW = new Date('2024-05-15T08:00:00Z');
const { day } = clock(NOW);

describe('the leader view over a small municipality', () => {
  let dir: ReturnType<typeof tempDir>;
  let hub: HubService;
  beforeEach(() => {
    dir = tempDir();
    hub = new HubService({ dataDir: dir.path, municipality: 'testvik' });
    seedMunicipality(hub, NOW);
  });
  afterEach(() => {
    hub.close();
    dir.remove();
  });

  const indicators = (input: { unit?: string; days?: number } = {}) => {
    const result = indicatorsView(leaderHistory(hub.db), input, NOW, {});
    if (!result.ok) throw new Error(result.message);
    return result.value;
  };
  const value = (view: IndicatorsView, id: IndicatorId) => view.indicators.find((i) => i.id === id);

  it('shows every unit’s capacity now, with the shift’s staffing against ADL points', () => {
    const view = capacityView(hub.db, leaderHistory(hub.db), NOW);
    expect(view.shift).toEqual({ date: day(0), shift: 'day' });
    const solsiden = view.units.find((u) => u.unit === 'solsiden');
    expect(solsiden).toMatchObject({
      beds: 4,
      occupied: 2,
      free: 1,
      blocked: 1,
      cleaning: 0,
      patients: 2,
      occupancyPercent: 50,
      staffPlanned: 3,
      staffPresent: 2,
      adlPoints: 3, // s1 is 3; s3 is 9 (not assessed) and counts 0
      adlUnassessed: 1,
      workloadPerStaff: 1.5,
      tasksOpen: 2,
      tasksOverdue: 1,
    });
    expect(view.units.find((u) => u.unit === 'tildeling')).toMatchObject({ patients: 1, dischargeReady: 1, occupancyPercent: null });
    expect(view.byKind.find((k) => k.kind === 'short-term')).toMatchObject({ units: 1, beds: 2, occupied: 1, cleaning: 1, free: 0 });
    expect(view.totals).toMatchObject({ units: 4, beds: 6, occupied: 3, free: 1, blocked: 1, cleaning: 1, occupancyPercent: 50 });
  });

  it('computes the last 7 days’ indicators as worked out by hand', () => {
    const view = indicators({ days: 7 });
    expect(view.from).toBe(day(7));
    expect(view.to).toBe(day(1));
    // Midnight counts: Solsiden 2,2,1,1,2,2,2 = 12; Fjellro 1,1,1,1,1,1,1 = 7; the municipality counts its
    // units with beds only (home care's 10 list places are not beds): 6 beds × 7 = 42; 19 / 42 = 45.2 %.
    expect(value(view, 'occupancy')).toMatchObject({ numerator: 19, denominator: 42, value: 45.2 });
    // 19 inpatient days at the nursing home and short-term unit, s2 and f1 discharged.
    expect(value(view, 'length-of-stay')).toMatchObject({ numerator: 19, denominator: 2, value: 9.5 });
    // Due in the week: the morning care (45 min late) and the medicine-room check (5 min early).
    expect(value(view, 'tasks-on-time')).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    // Yesterday's day shift: 3 ADL points at 07:00, 2 staff present.
    expect(value(view, 'workload-per-staff')).toMatchObject({ numerator: 3, denominator: 2, value: 1.5 });
    // p1 discharge-ready since 6 days ago 10:00: the midnights ending 6 … 1 days ago.
    expect(value(view, 'discharge-ready-days')).toMatchObject({ numerator: 6, value: 6 });
    expect(view.dischargeReadyCost).toBe(6 * 5745);
    // Residents at the last midnight: s1 (reviewed 10 days ago) and s3 (not).
    expect(value(view, 'iplos-medication-review')).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    // No resident has a dental assessment: no figure ("ingen registreringer"), not 0 %.
    expect(value(view, 'iplos-dental-assessment')).toMatchObject({ numerator: 0, denominator: 2, value: null });
  });

  it('draws a daily trend with the definition’s counting rule', () => {
    const view = indicators({ days: 7 });
    const occupancy = value(view, 'occupancy');
    expect(occupancy?.trend.map((p) => p.day)).toEqual([7, 6, 5, 4, 3, 2, 1].map(day));
    // Solsiden + Fjellro each midnight, over their 6 beds: 3,3,2,2,3,3,3.
    expect(occupancy?.trend.map((p) => p.value)).toEqual([50, 50, 33.3, 33.3, 50, 50, 50]);
    expect(value(view, 'discharge-ready-days')?.trend.map((p) => p.value)).toEqual([0, 1, 1, 1, 1, 1, 1]);
  });

  it('measures the wait for a nursing-home place against the 2-month deadline', () => {
    const view = indicators({ days: 30 });
    // Placed from Fjellro: decided 30 days ago, started 20 days ago.
    expect(value(view, 'nursing-home-wait')).toMatchObject({ numerator: 10, denominator: 1, value: 10 });
    expect(value(view, 'nursing-home-deadline')).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
  });

  it('drills down to one unit and lists every unit’s value', () => {
    const view = indicators({ unit: 'fjellro', days: 7 });
    expect(view.unit).toEqual({ unit: 'fjellro', name: 'Fjellro korttid', kind: 'short-term' });
    expect(value(view, 'occupancy')).toMatchObject({ numerator: 7, denominator: 14, value: 50 });
    const all = indicators({ days: 7 });
    expect(all.units.find((u) => u.unit === 'solsiden')?.values.occupancy).toBe(42.9); // 12 / 28
    expect(indicatorsView(leaderHistory(hub.db), { unit: 'nowhere' }, NOW, {})).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('lists discharge-ready patients with days and cost, totals per month and transfers in flight', () => {
    const view = flowView(leaderHistory(hub.db), NOW, rateTable(hub.db, NOW));
    expect(view.rate).toEqual({ year: 2024, nok: 5745, source: 'default' });
    expect(view.waiting).toEqual([{ unit: 'tildeling', unitName: 'Tildelingskontoret', unitKind: 'allocation-office', since: day(6), days: 6, cost: 34_470 }]);
    expect(view.totals).toEqual({ patients: 1, days: 6, cost: 34_470 });
    // p1's 6 days and p2's 6 (15 days ago until 9 days ago) fall in April and May.
    expect(view.months.reduce((sum, m) => sum + m.days, 0)).toBe(12);
    expect(view.months.reduce((sum, m) => sum + m.cost, 0)).toBe(12 * 5745);
    expect(view.transfers).toHaveLength(1);
    expect(view.transfers[0]).toMatchObject({ fromName: 'Tildelingskontoret', toName: 'Solsiden sykehjem', status: 'accepted' });
    expect(view.transfers[0].ageDays).toBeCloseTo(1.9, 1); // requested two days ago at 12:00, now 10:00
  });

  it('prices the days at the rate a leader sets for the year', () => {
    setRate(hub.db, 2024, 6000, NOW);
    const view = flowView(leaderHistory(hub.db), NOW, rateTable(hub.db, NOW));
    expect(view.rate).toEqual({ year: 2024, nok: 6000, source: 'hub' });
    expect(view.waiting[0].cost).toBe(36_000);
  });

  it('forecasts 7 days per unit from last night’s count, with the known admissions and discharges', () => {
    const result = forecastView(leaderHistory(hub.db), {}, NOW);
    if (!result.ok) throw new Error(result.message);
    const solsiden = result.value.units.find((u) => u.unit === 'solsiden');
    expect(solsiden?.start).toEqual({ day: day(1), occupancy: 2, workload: 3 });
    expect(solsiden?.days.map((d) => d.day)).toEqual([0, -1, -2, -3, -4, -5, -6].map(day));
    expect(solsiden?.days[1]).toMatchObject({ knownAdmissions: 1, knownDischarges: 0 }); // the accepted transfer
    expect(solsiden?.days[2]).toMatchObject({ knownAdmissions: 0, knownDischarges: 1 }); // s3's expected discharge
    expect(solsiden?.days.every((d) => d.occupancy >= 0 && d.occupancy <= 4)).toBe(true);
    expect(solsiden?.backtest.occupancy.origins).toBeGreaterThan(0);
    expect(result.value.units.map((u) => u.unit).sort()).toEqual(['fjellro', 'hjemme', 'solsiden']);
    expect(result.value.total.unit).toBe('all');
  });
});
