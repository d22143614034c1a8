/** The demo's virtual ward (issue 17, point 6): V1..V8 with patients in every state of today's round, and a month of ended episodes. */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoardService } from '../../../main/board/board-service.js';
import { demoRoundTimes } from '../../../main/demo/seed-virtual-ward.js';
import { seedUnit, type DemoClock } from '../../../main/demo/seed-unit.js';
import { seededRandom } from '../../../main/demo/synthetic-people.js';
import type { VirtualWardBoard } from '../../../shared/api/commands/homehospital.js';
import { osloWallInstant } from '../../../shared/time/oslo.js';
import { tempDir } from '../../support/temp-dir.js';

describe('the demo virtual ward', () => {
  let dir: ReturnType<typeof tempDir>;
  let board: BoardService;
  const today = new Date('2026-12-01T10:00:00Z');
  const clock: DemoClock = { now: undefined };

  beforeEach(() => {
    dir = tempDir();
    board = new BoardService({ dataDir: dir.path, municipality: 'fjordvik', unit: 'hjemmesykehus', now: () => clock.now ?? today });
    seedUnit(board, { id: 'hjemmesykehus', name: 'Hjemmesykehuset', kind: 'home-hospital', beds: 8, turnover: 0, sharesWith: 'hjemme-nord' }, seededRandom(1004), clock, today);
  });
  afterEach(() => {
    board.close();
    dir.remove();
  });

  it('shows a round done, one not yet and amber, a home visit, an escalation and an ended episode', () => {
    const result = board.dispatch('episode.board', {});
    expect(result.ok).toBe(true);
    const ward = (result as { value: VirtualWardBoard }).value;
    expect(ward.beds.map((b) => b.label)).toEqual(['V1', 'V2', 'V3', 'V4', 'V5', 'V6', 'V7', 'V8']);
    const byLabel = Object.fromEntries(ward.beds.map((b) => [b.label, b.episode]));
    expect(byLabel.V1).toMatchObject({ day: 3, plannedDays: 10, round: 'done', roundMode: 'video', colour: 'none' });
    expect(byLabel.V2).toMatchObject({ day: 4, round: 'not-yet', colour: 'amber', homeCareUnit: 'hjemme-nord', nextVisit: { by: 'municipality' } });
    expect(byLabel.V3).toMatchObject({ round: 'done', roundMode: 'home' });
    expect(byLabel.V4).toBeNull();
    expect(ward.leftToday.map((e) => [e.bed, e.round, e.outcome])).toEqual(expect.arrayContaining([['V4', 'escalated', 'back-to-ward'], ['V5', 'done', 'home-care']]));
    const ended = board.db.prepare('SELECT outcome, count(*) AS n FROM episode WHERE endedAt IS NOT NULL GROUP BY outcome').all() as { outcome: string; n: number }[];
    expect(ended.map((row) => row.outcome).sort()).toEqual(['back-to-ward', 'home-care', 'self-managed']);
    // Synthetic names, kept out of the corridor form.
    expect(JSON.stringify(ward)).not.toMatch(/"name"|birthDate/);
  });

  it('puts the amber time just before the demo starts and red after it, within the Oslo day', () => {
    expect(demoRoundTimes(Date.parse('2026-12-01T10:00:00Z'))).toEqual({ amber: '10:30', red: '14:00' });
    expect(demoRoundTimes(osloWallInstant('2026-12-01', 0, 10))).toEqual({ amber: '00:00', red: '03:10' });
    expect(demoRoundTimes(osloWallInstant('2026-12-01', 22, 0))).toEqual({ amber: '21:30', red: '23:59' });
  });
});
