/**
 * Leader figures that agree (issue 13, point 8): one occupancy per unit kind on every tab, no figure
 * rather than 0 % where nothing is registered, heat by kind and by absolute overdue counts, and
 * when each unit's data was last received.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capacityView } from '../../../main/leader/capacity.js';
import { forecastView } from '../../../main/leader/forecast.js';
import { indicatorsView } from '../../../main/leader/indicators.js';
import { leaderHistory } from '../../../main/leader/leader-history.js';
import { HubService } from '../../../main/hub/hub-service.js';
import { UnitReceipts } from '../../../main/hub/unit-receipts.js';
import { tempDir } from '../../support/temp-dir.js';
import { clock, seedMunicipality, type Edit } from '../../support/municipality-fixture.js';

const NOW = new Date('2024-05-15T08:00:00Z');
const { at } = clock(NOW);

/** Two home-care patients on the list for 40 days (synthetic people). */
const HOME_CARE: Edit[] = ['h1', 'h2'].map((id, i) => ({
  c: 'stay',
  id,
  scope: 'hjemme',
  fields: { unit: 'hjemme', initials: ['EL', 'TB'][i], name: ['Eli Lunde', 'Tor Bakke'][i], status: 'active', admittedAt: at(40, 9), adl: 2, deleted: false },
}));

// One hub per test: the small municipality, with two patients on the home-care list.
let dir: ReturnType<typeof tempDir>;
let hub: HubService;
beforeEach(() => {
  dir = tempDir();
  hub = new HubService({ dataDir: dir.path, municipality: 'testvik' });
  seedMunicipality(hub, NOW);
  hub.store.commit({ actor: 'test', action: 'seed' }, HOME_CARE);
});
afterEach(() => {
  hub.close();
  dir.remove();
});

describe('leader figures that agree', () => {

  const indicators = (input: { unit?: string; days?: number }) => {
    const result = indicatorsView(leaderHistory(hub.db), input, NOW, {});
    if (!result.ok) throw new Error(result.message);
    return result.value;
  };

  it('counts home care as patients of places on the tile, the heatmap and the table alike', () => {
    const view = capacityView(hub.db, leaderHistory(hub.db), NOW);
    const unit = view.units.find((u) => u.unit === 'hjemme');
    // 2 patients on the list of 10 places: 20 %, by places, not beds (it has none).
    expect(unit).toMatchObject({ beds: 0, patients: 2, capacity: 10, measure: 'places', occupancyPercent: 20, occupancyHeat: 1 });
    expect(view.byKind.find((k) => k.kind === 'home-care')).toMatchObject({ measure: 'places', occupancyPercent: 20, counted: { patients: 2, places: 10 } });
    // Its one unit drilled down to, over 7 days: 2 × 7 of 10 × 7.
    const drilled = indicators({ unit: 'hjemme', days: 7 }).indicators.find((i) => i.id === 'occupancy');
    expect(drilled).toMatchObject({ numerator: 14, denominator: 70, value: 20 });
    expect(indicators({ days: 7 }).units.find((u) => u.unit === 'hjemme')?.values.occupancy).toBe(20);
  });

  it('gives the municipality one figure on capacity, indicators and forecast: 3 patients in 6 beds at last midnight and now', () => {
    const capacity = capacityView(hub.db, leaderHistory(hub.db), NOW);
    // Solsiden s1 + s3, Fjellro f2 in 4 + 2 beds; home care's list and the office are not beds.
    expect(capacity.totals).toMatchObject({ occupancyPercent: 50, counted: { patients: 3, places: 6 } });
    const trend = indicators({ days: 7 }).indicators.find((i) => i.id === 'occupancy')?.trend ?? [];
    expect(trend.at(-1)?.value).toBe(50);
    const forecast = forecastView(leaderHistory(hub.db), {}, NOW);
    if (!forecast.ok) throw new Error(forecast.message);
    expect(forecast.value.total.capacity).toBe(6);
    expect(forecast.value.total.start.occupancy).toBe(3);
    expect(forecast.value.units.map((u) => u.unit)).toContain('hjemme'); // still forecast on its own
  });

  it('gives no IPLOS figure where nothing is registered, and the figure where something is', () => {
    const view = indicators({ days: 7 });
    const solsiden = view.units.find((u) => u.unit === 'solsiden');
    expect(solsiden?.values['iplos-medication-review']).toBe(50);
    expect(solsiden?.values['iplos-nutrition-screening']).toBeNull();
    expect(view.indicators.find((i) => i.id === 'iplos-nutrition-screening')).toMatchObject({ numerator: 0, denominator: 2, value: null });
  });

  it('heats each unit by its kind’s limits and its overdue tasks by count', () => {
    const view = capacityView(hub.db, leaderHistory(hub.db), NOW);
    const solsiden = view.units.find((u) => u.unit === 'solsiden');
    // A nursing home at 50 % is calm; its one overdue task is heat 1, not the darkest.
    expect(solsiden).toMatchObject({ occupancyPercent: 50, occupancyHeat: 1, tasksOverdue: 1, overdueHeat: 1 });
    expect(view.units.find((u) => u.unit === 'tildeling')).toMatchObject({ measure: 'none', occupancyPercent: null, occupancyHeat: 0 });
  });
});

describe('when each unit last reported', () => {
  // Receipts read by the hub's clock: after the seed's commit (its stored stamps), so what is heard is newer.
  const T = Date.now() + 60_000;

  it('marks a unit stale after three sync periods without a word, once the hub was connected that long', () => {
    const receipts = new UnitReceipts(10_000);
    receipts.status({ broker: 'connected' }, T);
    receipts.heard('solsiden', T + 25_000);
    receipts.heard('fjellro', T + 5_000);
    // 35 s after connecting: Fjellro quiet for 30 s (not more), Solsiden for 10 s.
    let read = receipts.read(hub.db, T + 35_000);
    expect(read.reporting).toMatchObject({ live: true, staleAfterMs: 30_000 });
    expect(read.unit('fjellro')).toEqual({ lastReceivedAt: new Date(T + 5_000).toISOString(), stale: false });
    read = receipts.read(hub.db, T + 35_001);
    expect(read.unit('fjellro').stale).toBe(true);
    expect(read.unit('solsiden').stale).toBe(false);
    expect(read.reporting.lastReceivedAt).toBe(new Date(T + 25_000).toISOString());
  });

  it('does not judge a unit before the hub has been connected for three periods', () => {
    const receipts = new UnitReceipts(10_000);
    receipts.status({ broker: 'connected' }, T);
    expect(receipts.read(hub.db, T + 29_000).unit('fjellro').stale).toBe(false);
  });

  it('counts every figure as stale while the hub’s broker is down, with the last time data came', () => {
    const receipts = new UnitReceipts(10_000);
    receipts.status({ broker: 'connected' }, T);
    receipts.heard('solsiden', T + 1_000);
    receipts.status({ broker: 'offline' }, T + 2_000);
    const read = receipts.read(hub.db, T + 3_000);
    expect(read.reporting.live).toBe(false);
    expect(read.unit('solsiden')).toEqual({ lastReceivedAt: new Date(T + 1_000).toISOString(), stale: true });
    const view = capacityView(hub.db, leaderHistory(hub.db), NOW, read);
    expect(view.reporting.live).toBe(false);
    expect(view.units.every((u) => u.stale)).toBe(true);
  });

  it('after a restart, takes when the hub last heard a unit before it (kept hub-local), not a scan of the field state', () => {
    const before = new UnitReceipts(10_000);
    before.status({ broker: 'connected' }, T);
    before.heard('solsiden', T + 1_000);
    before.read(hub.db, T + 2_000); // what was heard is kept in meta
    const read = new UnitReceipts(10_000).read(hub.db, T + 5_000); // the hub restarted
    expect(read.unit('solsiden').lastReceivedAt).toBe(new Date(T + 1_000).toISOString());
    expect(read.unit('nowhere')).toEqual({ lastReceivedAt: null, stale: true });
    // A unit heard again soon after is kept at most once a minute; what is heard is still shown at once.
    before.heard('solsiden', T + 3_000);
    expect(before.read(hub.db, T + 4_000).unit('solsiden').lastReceivedAt).toBe(new Date(T + 3_000).toISOString());
    expect(new UnitReceipts(10_000).read(hub.db, T + 5_000).unit('solsiden').lastReceivedAt).toBe(new Date(T + 1_000).toISOString());
  });
});
