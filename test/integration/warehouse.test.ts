/**
 * The hub's aggregate sink against a real PostgreSQL (127.0.0.1:5432, a database of the test's own):
 * the seeded municipality's figures arrive as the leader view computes them, a restart writes
 * nothing twice, and a warehouse cut off (a TCP hop that stops every byte) is caught up once it is
 * back — hours read meanwhile and the day that passed — while the hub carries on.
 */

import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INDICATOR_IDS } from '../../shared/indicators/definitions.js';
import { addDays, osloDay } from '../../shared/time/oslo.js';
import { HubService } from '../../main/hub/hub-service.js';
import { indicatorsView } from '../../main/leader/indicators.js';
import { leaderHistory } from '../../main/leader/leader-history.js';
import { startHub, type HubRuntime } from '../../main/runtime/hub-runtime.js';
import { BACKFILL_DAYS, WarehouseSink } from '../../main/warehouse/warehouse-sink.js';
import type { DayRow } from '../../main/warehouse/warehouse-rows.js';
import { CutProxy } from '../support/cut-proxy.js';
import { clock, PEOPLE, seedMunicipality } from '../support/municipality-fixture.js';
import { POSTGRES_PORT, postgresAnswers, query, testDatabase } from '../support/postgres.js';
import { tempDir } from '../support/temp-dir.js';
import { waitFor } from '../support/wait.js';

const available = await postgresAnswers();
if (!available) console.warn(`warehouse tests skipped: no PostgreSQL server answers on 127.0.0.1:${POSTGRES_PORT}`);

const HOUR = 3_600_000;
const RETRY = { baseMs: 50, capMs: 100 };

describe.skipIf(!available)('the warehouse (PostgreSQL aggregate sink)', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let dir: ReturnType<typeof tempDir>;
  let hub: HubService;
  let now: Date;
  const sinks: WarehouseSink[] = [];
  const sink = (url: string, extra: Partial<ConstructorParameters<typeof WarehouseSink>[0]> = {}) => {
    const made = new WarehouseSink({ url, db: hub.db, municipality: 'testvik', now: () => now, retry: RETRY, timeoutMs: 1000, ...extra });
    sinks.push(made);
    return made;
  };
  const dayRows = (where = 'TRUE') =>
    query<DayRow>(db.url(), `SELECT unit, day::text AS day, indicator, value, numerator, denominator FROM tavla_unit_day WHERE ${where} ORDER BY unit, day, indicator`);

  beforeAll(async () => {
    db = await testDatabase('tavla_warehouse');
  });
  afterAll(async () => {
    await db.drop();
  });
  beforeEach(async () => {
    await query(db.url(), 'DROP TABLE IF EXISTS tavla_unit, tavla_unit_day, tavla_unit_hour');
    dir = tempDir('tavla-warehouse-');
    now = new Date();
    hub = new HubService({ dataDir: dir.path, municipality: 'testvik' });
    seedMunicipality(hub, now);
  });
  afterEach(async () => {
    await Promise.all(sinks.splice(0).map((s) => s.stop()));
    hub.close();
    dir.remove();
  });

  it('writes one row per unit, day and indicator with the leader view’s figures, and each hour’s capacity', async () => {
    const { day } = clock(now);
    const warehouse = sink(db.url());
    await warehouse.runRound();
    expect(warehouse.status()).toMatchObject({ state: 'up', writtenDay: day(1), pendingHours: 0, failures: 0 });

    const rows = await dayRows();
    // Four units, BACKFILL_DAYS whole days, the indicators and three flow figures; home care adds its three visit figures.
    const perDay = INDICATOR_IDS.length + 3;
    expect(rows).toHaveLength(4 * BACKFILL_DAYS * perDay + BACKFILL_DAYS * 3);
    expect(new Set(rows.map((r) => r.day))).toEqual(new Set(Array.from({ length: BACKFILL_DAYS }, (_, i) => day(i + 1))));
    const at = (unit: string, daysAgo: number, indicator: string) => rows.find((r) => r.unit === unit && r.day === day(daysAgo) && r.indicator === indicator);
    // By hand from the fixture: s3 came to Solsiden 3 days ago, s2 left it 5 days ago; s1 and s3 are there at yesterday's midnight.
    expect(at('solsiden', 3, 'admissions')?.value).toBe(1);
    expect(at('solsiden', 5, 'discharges')?.value).toBe(1);
    expect(at('solsiden', 1, 'census')?.value).toBe(2);
    // Occupancy yesterday: 2 patients at midnight of 4 places, with its numerator and denominator for regional sums.
    expect(at('solsiden', 1, 'occupancy')).toMatchObject({ value: 50, numerator: 2, denominator: 4 });
    // p1 has been discharge-ready at the allocation office since 6 days ago.
    expect(at('tildeling', 1, 'discharge-ready-days')?.value).toBe(1);

    // Every indicator's daily value is the leader view's own trend point for that unit.
    for (const unit of ['solsiden', 'fjellro', 'hjemme', 'tildeling']) {
      const view = indicatorsView(leaderHistory(hub.db), { unit, days: BACKFILL_DAYS }, now, {});
      if (!view.ok) throw new Error(view.message);
      for (const indicator of view.value.indicators) {
        for (const point of indicator.trend) {
          const stored = rows.find((r) => r.unit === unit && r.day === point.day && r.indicator === indicator.id);
          expect(stored?.value === null || stored?.value === undefined ? null : Math.round(stored.value * 10) / 10, `${unit} ${point.day} ${indicator.id}`).toBe(point.value);
        }
      }
    }

    const hour = await query<{ unit: string; indicator: string; value: number }>(db.url(), "SELECT unit, indicator, value FROM tavla_unit_hour WHERE unit = 'solsiden'");
    const reading = Object.fromEntries(hour.map((r) => [r.indicator, r.value]));
    expect(reading).toMatchObject({ capacity: 4, beds: 4, occupied: 2, free: 1, blocked: 1, cleaning: 0, patients: 2, occupancy: 50, 'tasks-open': 2, 'tasks-overdue': 1 });
    const units = await query<{ unit: string; name: string; kind: string }>(db.url(), 'SELECT unit, name, kind FROM tavla_unit ORDER BY unit');
    expect(units.map((u) => u.unit)).toEqual(['fjellro', 'hjemme', 'solsiden', 'tildeling']);

    // Aggregates only: no name, birth date or note of a patient anywhere in the warehouse.
    const everything = JSON.stringify([rows, hour, await query(db.url(), 'SELECT * FROM tavla_unit')]);
    for (const person of Object.values(PEOPLE)) {
      for (const secret of [person.name, person.birthDate, person.note]) expect(everything).not.toContain(secret);
    }
  });

  it('writes nothing twice after a restart: same rows, none touched', async () => {
    const first = sink(db.url());
    await first.runRound();
    await first.stop();
    sinks.splice(sinks.indexOf(first), 1);
    const before = await query<{ n: string; touched: Date }>(db.url(), 'SELECT count(*) AS n, max(updated_at) AS touched FROM tavla_unit_day');

    const again = sink(db.url());
    await again.runRound();
    expect(again.status()).toMatchObject({ state: 'up', rowsWritten: 0 });
    const after = await query<{ n: string; touched: Date }>(db.url(), 'SELECT count(*) AS n, max(updated_at) AS touched FROM tavla_unit_day');
    expect(after).toEqual(before);
    const hours = await query<{ n: string }>(db.url(), 'SELECT count(*) AS n FROM tavla_unit_hour');
    expect(Number(hours[0].n)).toBe(4 * 15);
  });

  it('keeps the hours and the day it could not write while PostgreSQL was cut off, and writes them once it is back', async () => {
    const proxy = await CutProxy.start(POSTGRES_PORT);
    try {
      const warehouse = sink(db.url(proxy.port));
      const start = now;
      await warehouse.runRound();
      expect(warehouse.status().state).toBe('up');

      proxy.cutOff();
      // A bed freed while the warehouse is away: the next hour's reading differs.
      hub.store.commit({ actor: 'test', action: 'seed' }, [{ c: 'bed', id: 'solsiden-bed-101', scope: 'solsiden', fields: { status: 'free' } }]);
      now = new Date(start.getTime() + HOUR);
      const cutAt = Date.now();
      await warehouse.runRound();
      // The round gave up within its timeout; the hub answered all along.
      expect(Date.now() - cutAt).toBeLessThan(5000);
      expect(warehouse.status()).toMatchObject({ state: 'down', failures: 1, pendingHours: 1 });
      expect(hub.health().ok).toBe(true);
      now = new Date(start.getTime() + 24 * HOUR);
      await warehouse.runRound();
      expect(warehouse.status()).toMatchObject({ state: 'down', failures: 2, pendingHours: 2, writtenDay: addDays(osloDay(start.getTime()), -1) });

      proxy.restore();
      now = new Date(start.getTime() + 25 * HOUR);
      await warehouse.runRound();
      const yesterday = addDays(osloDay(now.getTime()), -1);
      expect(warehouse.status()).toMatchObject({ state: 'up', failures: 0, pendingHours: 0, writtenDay: yesterday, lastError: null });

      const hours = await query<{ hour: Date; value: number }>(
        db.url(),
        "SELECT hour, value FROM tavla_unit_hour WHERE unit = 'solsiden' AND indicator = 'free' ORDER BY hour",
      );
      const startHour = Math.floor(start.getTime() / HOUR) * HOUR;
      expect(hours.map((h) => [h.hour.getTime() - startHour, h.value])).toEqual([
        [0, 1],
        [HOUR, 2],
        [24 * HOUR, 2],
        [25 * HOUR, 2],
      ]);
      expect((await dayRows(`day = '${yesterday}' AND unit = 'solsiden' AND indicator = 'census'`))[0]?.value).toBe(2);
    } finally {
      await proxy.close();
    }
  });

  it('runs the BI query of docs/leader.md', async () => {
    const warehouse = sink(db.url());
    await warehouse.runRound();
    const doc = readFileSync(new URL('../../docs/leader.md', import.meta.url), 'utf8');
    const sql = /<!-- bi-query -->\s*```sql\n([\s\S]+?)```/.exec(doc)?.[1];
    expect(sql, 'docs/leader.md holds a ```sql block after <!-- bi-query -->').toBeDefined();
    const rows = await query<{ kind: string; week: string; occupancy_percent: string | null }>(db.url(), sql as string);
    const [{ today }] = await query<{ today: string }>(db.url(), 'SELECT current_date::text AS today');
    const since = addDays(today, -28);
    // Nursing homes are Solsiden alone: each week's figure is its midnight patients over its places, summed over the week's days.
    const homes = rows.filter((r) => r.kind === 'nursing-home');
    expect(homes.length).toBeGreaterThanOrEqual(4);
    const solsiden = await dayRows(`unit = 'solsiden' AND indicator = 'occupancy'`);
    for (const week of homes) {
      const days = solsiden.filter((r) => r.day >= since && r.day >= week.week && r.day <= addDays(week.week, 6));
      const numerator = days.reduce((n, r) => n + (r.numerator ?? 0), 0);
      const denominator = days.reduce((n, r) => n + (r.denominator ?? 0), 0);
      expect(Number(week.occupancy_percent), week.week).toBe(Math.round((1000 * numerator) / denominator) / 10);
    }
    // Every kind with places appears; the allocation office has none and shows no figure.
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['nursing-home', 'short-term', 'home-care', 'allocation-office']));
    expect(rows.filter((r) => r.kind === 'allocation-office').every((r) => r.occupancy_percent === null)).toBe(true);
  });
});

describe.skipIf(!available)('a hub with --warehouse', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let dir: ReturnType<typeof tempDir>;
  let hub: HubRuntime | undefined;
  beforeEach(async () => {
    db = await testDatabase('tavla_warehouse_hub');
    dir = tempDir('tavla-warehouse-hub-');
  });
  afterEach(async () => {
    await hub?.stop();
    await db.drop();
    dir.remove();
  });

  it('starts and serves while its warehouse is missing, says so on /healthz, and writes once the database is there', async () => {
    await db.drop();
    hub = await startHub({ municipality: 'testvik', dataDir: dir.path, port: 0, brokerPort: 0, warehouse: db.url(), warehousePeriodMs: 200 });
    seedMunicipality(hub.service, new Date());
    const health = async () => ((await (await fetch(`${hub?.host.url}healthz`)).json()) as { ok: boolean; warehouse: { state: string; lastError: string | null } });
    const down = await waitFor(health, (h) => h.warehouse.state === 'down', { timeout: 10_000, what: 'warehouse down on /healthz' });
    expect(down.warehouse.lastError).toContain(db.name);
    expect(down.ok).toBe(true);

    await db.create();
    // The first retries come within seconds (shared/time/backoff.ts, 5 s doubling).
    await waitFor(health, (h) => h.warehouse.state === 'up', { timeout: 30_000, what: 'warehouse up on /healthz' });
    const rows = await query<{ n: string }>(db.url(), 'SELECT count(*) AS n FROM tavla_unit_day');
    expect(Number(rows[0].n)).toBeGreaterThan(0);
  }, 45_000);
});
