import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capacityView } from '../../../main/leader/capacity.js';
import { flowView } from '../../../main/leader/flow.js';
import { forecastView } from '../../../main/leader/forecast.js';
import { indicatorsView } from '../../../main/leader/indicators.js';
import { IPLOS_CANDIDATE, LeaderHistory, leaderHistory } from '../../../main/leader/leader-history.js';
import { HubService } from '../../../main/hub/hub-service.js';
import { HybridLogicalClock } from '../../../shared/sync/hlc.js';
import { tasksOnTime } from '../../../shared/indicators/tasks-on-time.js';
import type { Change } from '../../../shared/sync/change.js';
import { tempDir } from '../../support/temp-dir.js';
import { clock, seedMunicipality } from '../../support/municipality-fixture.js';

const NOW = new Date('2024-05-15T08:00:00Z');
const { at, day } = clock(NOW);

describe('the leader history kept between requests', () => {
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

  /** Everything the leader view shows, as read through a given history. */
  const everything = (history: LeaderHistory) => ({
    indicators: indicatorsView(history, { days: 30 }, NOW, {}),
    flow: flowView(history, NOW, { rates: {}, sources: {} }),
    forecast: forecastView(history, {}, NOW),
    capacity: capacityView(hub.db, history, NOW),
  });

  /** Changes as a board would publish them, merged the way the hub's sync merges them. */
  function synced(scope: string, records: { c: Change['c']; id: string; fields: Record<string, Change['v']> }[]): void {
    const board = new HybridLogicalClock('bboard');
    const changes: Change[] = records.flatMap((r) => Object.entries(r.fields).map(([f, v]) => ({ c: r.c, id: r.id, f, v, s: board.tick() })));
    const outcome = hub.store.applyRemote(changes, scope);
    expect(outcome.applied).toHaveLength(changes.length);
  }

  it('after synced edits, answers exactly as a history read afresh', () => {
    const kept = leaderHistory(hub.db);
    const before = everything(kept);

    synced('solsiden', [
      // The late morning care is corrected to on time; a new task is done late; staffing changes.
      { c: 'task', id: 't2', fields: { doneAt: at(2, 7, 45) } },
      { c: 'task', id: 't6', fields: { unit: 'solsiden', title: 'Ernæringskartlegging', template: 'nutrition-screening', stay: 's3', due: at(1, 12), status: 'done', doneAt: at(1, 13), deleted: false } },
      { c: 'staffing', id: 'st1', fields: { present: 3 } },
    ]);
    synced('fjellro', [
      { c: 'stay', id: 'f3', fields: { unit: 'fjellro', admittedAt: at(3, 9), adl: 2, status: 'active', deleted: false } },
      { c: 'bed', id: 'fjellro-bed-202', fields: { status: 'occupied' } },
    ]);
    synced('tildeling', [{ c: 'transfer', id: 'tr1', fields: { status: 'cancelled' } }]);

    const after = everything(leaderHistory(hub.db));
    expect(after).toEqual(everything(new LeaderHistory(hub.db)));
    expect(after).not.toEqual(before);
    const onTime = after.indicators.ok ? after.indicators.value.indicators.find((i) => i.id === 'tasks-on-time') : undefined;
    // Over 30 days: the medication review, the corrected morning care and the medicine room on time; the new task late.
    expect(onTime).toMatchObject({ numerator: 3, denominator: 4 });
  });

  it('re-reads only when something changed', () => {
    const history = leaderHistory(hub.db);
    const version = history.version;
    leaderHistory(hub.db);
    expect(history.version).toBe(version);
    synced('solsiden', [{ c: 'task', id: 't5', fields: { status: 'done', doneAt: NOW.toISOString() } }]);
    leaderHistory(hub.db);
    expect(history.version).toBe(version + 1);
  });

  it('counts tasks on time in SQL exactly as the formula does, at the edge of the 30-minute window', () => {
    const due = at(3, 8);
    const late = (ms: number) => new Date(Date.parse(due) + ms).toISOString();
    const edge = [
      { id: 'e1', doneAt: late(30 * 60_000) }, // on the edge: on time
      { id: 'e2', doneAt: late(30 * 60_000 + 1) }, // a millisecond past it: late
      { id: 'e3', doneAt: late(-60_000) },
    ];
    synced('fjellro', edge.map((t) => ({ c: 'task' as const, id: t.id, fields: { unit: 'fjellro', title: 'Medisiner', due, status: 'done', doneAt: t.doneAt, deleted: false } })));
    const tasks = edge.map((t) => ({ due, doneAt: t.doneAt, status: 'done' }));
    const formula = tasksOnTime(tasks, Date.parse(at(3, 0)), Date.parse(at(2, 0)));
    expect(formula).toMatchObject({ due: 3, onTime: 2 });
    expect(leaderHistory(hub.db).taskDay('fjellro', day(3))).toEqual({ due: formula.due, onTime: formula.onTime });
    expect(new LeaderHistory(hub.db).taskDay('fjellro', day(3))).toEqual({ due: formula.due, onTime: formula.onTime });
  });

  it('moves a task to the right Oslo day when its due time is edited across midnight', () => {
    const history = leaderHistory(hub.db);
    expect(history.taskDay('solsiden', day(2))).toEqual({ due: 2, onTime: 1 });
    // 23:30 Oslo two days ago is 21:30 UTC the same day; 00:30 Oslo is the next Oslo day.
    synced('solsiden', [{ c: 'task', id: 't3', fields: { due: at(1, 0, 30) } }]);
    leaderHistory(hub.db);
    expect(history.taskDay('solsiden', day(2))).toEqual({ due: 1, onTime: 0 });
    expect(history.taskDay('solsiden', day(1))).toEqual({ due: 1, onTime: 1 });
  });
});

describe('the leader’s queries at municipality scale', () => {
  it('find IPLOS work through its partial index, not by reading every task of a unit', () => {
    const dir = tempDir();
    const hub = new HubService({ dataDir: dir.path, municipality: 'testvik' });
    try {
      const plan = hub.db.prepare(`EXPLAIN QUERY PLAN SELECT stay, title, doneAt FROM task WHERE unit = ? AND ${IPLOS_CANDIDATE}`).all('x') as { detail: string }[];
      expect(plan.map((row) => row.detail).join(' ')).toContain('task_iplos');
      // Found by the template code alone: no title word is left in the index (migration 14).
      const index = hub.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'task_iplos'").pluck().get() as string;
      expect(index).toContain("template IN ('medication-review'");
      expect(index).not.toMatch(/title/i);
    } finally {
      hub.close();
      dir.remove();
    }
  });
});
