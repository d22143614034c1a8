/** The demo's home-care board (issue 15, point 6): its day shows routes in order and a late visit first. */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoardService } from '../../../main/board/board-service.js';
import { seedUnit, type DemoClock } from '../../../main/demo/seed-unit.js';
import { seededRandom } from '../../../main/demo/synthetic-people.js';
import type { HomecareDay } from '../../../shared/api/commands/homecare.js';
import { tempDir } from '../../support/temp-dir.js';

describe('the demo home-care unit', () => {
  let dir: ReturnType<typeof tempDir>;
  let board: BoardService;
  // 11:00 in Oslo: the morning's visits are over, the evening's ahead.
  const today = new Date('2026-12-01T10:00:00Z');
  const clock: DemoClock = { now: undefined };

  beforeEach(() => {
    dir = tempDir();
    board = new BoardService({ dataDir: dir.path, municipality: 'fjordvik', unit: 'hjemme-nord', now: () => clock.now ?? today });
    seedUnit(board, { id: 'hjemme-nord', name: 'Hjemmetjenesten nord', kind: 'home-care', beds: 0, listSize: 14, turnover: 0.02 }, seededRandom(1003), clock, today);
  });
  afterEach(() => {
    board.close();
    dir.remove();
  });

  it('shows three routes, a late visit first on its route, two-carer visits, and the morning done', () => {
    const result = board.dispatch('homecare.day', {});
    expect(result.ok).toBe(true);
    const day = (result as { value: HomecareDay }).value;
    expect(day.routes.map((r) => r.route)).toEqual(['Rute 1', 'Rute 2', 'Rute 3']);
    const all = day.routes.flatMap((r) => r.visits);
    const patients = (board.db.prepare("SELECT count(*) AS n FROM stay WHERE unit = 'hjemme-nord' AND status = 'active' AND deleted = 0").get() as { n: number }).n;
    expect(all).toHaveLength(patients + 1);
    expect(day.routes[0].visits[0]).toMatchObject({ status: 'late', title: 'Insulin og blodsukker', late: true });
    expect(all.some((v) => v.staffCount === 2)).toBe(true);
    expect(all.filter((v) => v.status === 'done').length).toBeGreaterThan(0);
    expect(all.some((v) => v.status === 'not-home')).toBe(true);
    expect(all.some((v) => v.status === 'refused')).toBe(true);
    // Within each route, after the late ones, the route's order.
    for (const route of day.routes) {
      const inOrder = route.visits.filter((v) => v.status !== 'late').map((v) => v.order ?? 0);
      expect(inOrder).toEqual([...inOrder].sort((a, b) => a - b));
    }
    expect(day.capacity).toMatchObject({ patients, visitsPlanned: patients + 1, visitsLate: 1 });
    // Planned daily for the week ahead.
    const ahead = board.dispatch('homecare.day', { date: '2026-12-07' }) as { value: HomecareDay };
    expect(ahead.value.routes.flatMap((r) => r.visits).length).toBeGreaterThanOrEqual(patients - 2);
  });
});
