/** The demo's pathways (issue 16, point 5): a nursing home and a home-care unit show steps in every state. */

import { afterEach, describe, expect, it } from 'vitest';
import { BoardService } from '../../../main/board/board-service.js';
import { seedUnit, type DemoClock } from '../../../main/demo/seed-unit.js';
import { seededRandom } from '../../../main/demo/synthetic-people.js';
import type { PathwayView } from '../../../shared/api/commands/pathway.js';
import { tempDir } from '../../support/temp-dir.js';

const today = new Date('2026-12-01T10:00:00Z');
const opened: { board: BoardService; dir: ReturnType<typeof tempDir> }[] = [];
afterEach(() => {
  for (const { board, dir } of opened.splice(0)) {
    board.close();
    dir.remove();
  }
});

function seeded(unit: Parameters<typeof seedUnit>[1]): PathwayView[] {
  const dir = tempDir();
  const clock: DemoClock = { now: undefined };
  const board = new BoardService({ dataDir: dir.path, municipality: 'fjordvik', unit: unit.id, now: () => clock.now ?? today });
  opened.push({ board, dir });
  seedUnit(board, unit, seededRandom(7), clock, today);
  const listed = board.dispatch('pathway.list', {});
  if (!listed.ok) throw new Error(listed.message);
  return listed.value as PathwayView[];
}

describe('the demo seeds pathways', () => {
  it('in every state on a home-care unit: planned, due soon, overdue, done and not applicable', () => {
    const pathways = seeded({ id: 'hjemme-nord', name: 'Hjemmetjenesten nord', kind: 'home-care', beds: 0, listSize: 14, turnover: 0.02 });
    const states = new Set(pathways.flatMap((p) => p.steps.map((s) => s.state)));
    expect([...states].sort()).toEqual(['done', 'due-soon', 'not-applicable', 'overdue', 'planned']);
    expect(pathways.some((p) => p.template === 'ex-everyday-rehab' && p.steps.find((s) => s.id === 'evaluation')?.state === 'due-soon')).toBe(true);
  });

  it('on a nursing home: every resident admitted has the long-term nutrition pathway', () => {
    const pathways = seeded({ id: 'solsiden', name: 'Solsiden', kind: 'nursing-home', beds: 12, turnover: 0.02 });
    expect(pathways.length).toBeGreaterThanOrEqual(10);
    expect(new Set(pathways.map((p) => p.template))).toEqual(new Set(['ex-nutrition-long-term']));
  });
});
