import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BenefitsView } from '../../../shared/api/commands/leader.js';
import { HubService } from '../../../main/hub/hub-service.js';
import { tempDir } from '../../support/temp-dir.js';
import { clock, seedMunicipality } from '../../support/municipality-fixture.js';

describe('benefits realisation on the hub', () => {
  let dir: ReturnType<typeof tempDir>;
  let hub: HubService;
  const { day } = clock(new Date());
  const benefits = () => {
    const result = hub.dispatch('leader.benefits', {});
    if (!result.ok) throw new Error(result.message);
    return (result.value as BenefitsView).benefits;
  };
  beforeEach(() => {
    dir = tempDir();
    hub = new HubService({ dataDir: dir.path, municipality: 'testvik' });
    seedMunicipality(hub, new Date());
  });
  afterEach(() => {
    hub.close();
    dir.remove();
  });

  it('measures discharge-ready days against the baseline and prices the change, with its assumptions', () => {
    const events: string[] = [];
    hub.subscribe((event) => events.push(event));
    const defined = hub.dispatch('benefit.define', {
      name: 'Færre utskrivningsklare døgn',
      indicator: 'discharge-ready-days',
      baselineFrom: day(20),
      baselineTo: day(11),
      unitCost: 5745,
    });
    expect(defined.ok).toBe(true);
    expect(events).toContain('state.changed');

    const [benefit] = benefits();
    // Baseline (10 days): p2 waited the midnights ending 15 … 11 days ago: 5 days, 15 per 30 days.
    expect(benefit.baseline).toMatchObject({ from: day(20), to: day(11), days: 10, volume: 5, value: 15 });
    // Since (10 days): p2's last day and p1's 6 days: 7 days, 21 per 30 days. Worse by 6 per 30 days.
    expect(benefit.measured).toMatchObject({ from: day(10), to: day(1), days: 10, volume: 7, value: 21 });
    expect(benefit.outcome.improvement).toBeCloseTo(-6);
    expect(benefit.outcome.unitsInPeriod).toBeCloseTo(-2);
    expect(benefit.outcome.valueInPeriod).toBeCloseTo(-11_490);
    expect(benefit.assumptions.join(' ')).toMatch(/Enhetskost 5\s745 kr per unngått utskrivningsklart døgn/);
    expect(benefit.assumptions.some((a) => a.includes('ikke bevist'))).toBe(true);
    expect(benefit.assumptions.some((a) => a.includes('alle enheter'))).toBe(true);
  });

  it('counts transfers arranged on the board for one unit, and says when the baseline predates the data', () => {
    hub.dispatch('benefit.define', { name: 'Overføringer på tavla', indicator: 'transfers-on-board', baselineFrom: day(60), baselineTo: day(31), unitCost: 400, unit: 'solsiden' });
    const [benefit] = benefits();
    expect(benefit.unitName).toBe('Solsiden sykehjem');
    // The transfer from Fjellro completed 20 days ago falls in the measured 30 days.
    expect(benefit.measured).toMatchObject({ days: 30, volume: 1, value: 1 });
    expect(benefit.baseline).toMatchObject({ volume: 0, value: 0 });
    expect(benefit.outcome.valueInPeriod).toBeCloseTo(400);
    expect(benefit.assumptions.some((a) => a.includes('før første registrering'))).toBe(true);
  });

  it('refuses a benefit it cannot measure, and removes one on request', () => {
    expect(hub.dispatch('benefit.define', { name: 'X', indicator: 'tasks-on-time', baselineFrom: day(5), baselineTo: day(10), unitCost: 1 })).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(hub.dispatch('benefit.define', { name: 'X', indicator: 'tasks-on-time', baselineFrom: day(10), baselineTo: day(5), measureFrom: day(6), unitCost: 1 })).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(hub.dispatch('benefit.define', { name: 'X', indicator: 'tasks-on-time', baselineFrom: day(10), baselineTo: day(5), unitCost: 1, unit: 'nowhere' })).toMatchObject({ ok: false, code: 'not-found' });
    expect(hub.dispatch('benefit.define', { name: 'X', indicator: 'no-such', baselineFrom: day(10), baselineTo: day(5), unitCost: 1 })).toMatchObject({ ok: false, code: 'invalid-input' });
    const created = hub.dispatch('benefit.define', { name: 'Oppgaver', indicator: 'tasks-on-time', baselineFrom: day(10), baselineTo: day(5), unitCost: 1 });
    if (!created.ok) throw new Error(created.message);
    const { id } = created.value as { id: string };
    expect(hub.dispatch('benefit.remove', { id })).toEqual({ ok: true, value: { id } });
    expect(benefits()).toEqual([]);
    expect(hub.dispatch('benefit.remove', { id })).toMatchObject({ ok: false, code: 'not-found' });
  });
});
