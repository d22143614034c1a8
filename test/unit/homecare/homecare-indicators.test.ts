/**
 * The leader view's visit figures on a hand-computed fixture (issue 15, point 6): late visits and
 * outcomes drive "visits within the agreed window" and "visits not done", per unit and day.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoardService } from '../../../main/board/board-service.js';
import { dispatchAs } from '../../../main/board/in-process-session.js';
import { visitDayFigures, visitIndicators } from '../../../main/homecare/visit-indicators.js';
import type { StaffMember } from '../../../shared/api/commands/ward.js';
import { ManualTime } from '../../support/manual-time.js';
import { tempDir } from '../../support/temp-dir.js';

const LIV: StaffMember = { id: 'liv', name: 'Liv Leder', role: 'unit-leader' };
const MIN = 60_000;

describe('visit indicators', () => {
  let dir: ReturnType<typeof tempDir>;
  let board: BoardService;
  let time: ManualTime;
  const id = (command: string, input: object): string => {
    const result = dispatchAs(board, LIV, command, input);
    if (!result.ok) throw new Error(`${command}: ${result.message}`);
    return (result.value as { id: string }).id;
  };
  const at = (hhmm: string) => `2026-11-30T${hhmm}:00+01:00`;

  beforeEach(() => {
    dir = tempDir();
    // Monday 30 November 2026, 07:00 in Oslo.
    time = new ManualTime(Date.parse('2026-11-30T06:00:00Z'));
    board = new BoardService({ dataDir: dir.path, municipality: 'fjordvik', unit: 'hjemme-sor', now: () => new Date(time.now()) });
    id('unit.configure', { name: 'Hjemmetjenesten sør', kind: 'home-care', beds: [] });
  });
  afterEach(() => {
    board.close();
    dir.remove();
  });

  it('counts a hand-computed day: within the window 2 of 4, not done 3 of 8', async () => {
    const stay = id('stay.admit', { name: 'Aud Berg', initials: 'AB', birthDate: '1936-02-11' });
    const plan = (from: string, to: string) => id('visit.plan', { stayId: stay, from: at(from), to: at(to), title: 'Besøk' });
    const onTime1 = plan('08:00', '09:00'); // started 08:30, done          -> due, within
    const onTime2 = plan('08:00', '10:00'); // started 08:30, done          -> due, within
    const doneLate = plan('07:00', '08:00'); // started 08:30 (after 08:00) -> due, not within
    const missed = plan('07:30', '08:15'); // never started, window over by 12:00 -> due, not within
    const notHome = plan('09:00', '10:00'); // not home
    const refused = plan('09:00', '10:00'); // refused
    const cancelled = plan('10:00', '11:00'); // cancelled
    plan('18:00', '19:00'); // still ahead at 12:00: planned only
    await time.advance(90 * MIN); // 08:30
    for (const visit of [onTime1, onTime2, doneLate]) id('visit.start', { id: visit });
    await time.advance(30 * MIN); // 09:00
    for (const visit of [onTime1, onTime2, doneLate]) id('visit.complete', { id: visit, outcome: 'done' });
    id('visit.complete', { id: notHome, outcome: 'not-home' });
    id('visit.complete', { id: refused, outcome: 'refused' });
    id('visit.complete', { id: cancelled, outcome: 'cancelled' });
    await time.advance(180 * MIN); // 12:00
    expect(missed).toBeTruthy();

    const view = visitIndicators(board.db, () => true, { days: 2 }, new Date(time.now()));
    expect(view).toMatchObject({ from: '2026-11-29', to: '2026-11-30' });
    expect(view.units).toHaveLength(1);
    const [unit] = view.units;
    expect(unit).toMatchObject({ unit: 'hjemme-sor', patients: 1, visitsToday: 8, visitsDoneToday: 3 });
    expect(unit.days[0]).toMatchObject({ day: '2026-11-29', planned: 0, due: 0, withinWindowPercent: null, notDonePercent: null });
    // Due: 3 done + 1 missed = 4; within: 2 → 50 %. Not done: 1 + 1 + 1 = 3 of 8 planned → 37.5 %.
    expect(unit.days[1]).toEqual({
      day: '2026-11-30',
      planned: 8,
      due: 4,
      withinWindow: 2,
      withinWindowPercent: 50,
      notHome: 1,
      refused: 1,
      cancelled: 1,
      notDone: 3,
      notDonePercent: 37.5,
    });
  });

  it('leaves out units the caller does not see, and units that are not home care', () => {
    expect(visitIndicators(board.db, () => false, {}, new Date(time.now())).units).toEqual([]);
    expect(visitIndicators(board.db, () => true, { unit: 'other' }, new Date(time.now())).units).toEqual([]);
    expect(visitIndicators(board.db, () => true, {}, new Date(time.now())).units.map((u) => u.days.length)).toEqual([7]);
  });

  it('counts a visit still in progress neither as done nor as missed', () => {
    const figures = visitDayFigures(
      '2026-11-30',
      [
        { windowStart: at('08:00'), windowEnd: at('09:00'), startedAt: at('09:30'), outcome: 'done' },
        { windowStart: at('08:00'), windowEnd: at('09:00'), startedAt: at('08:59'), outcome: 'done' },
        { windowStart: at('08:00'), windowEnd: at('09:00'), startedAt: at('08:30'), outcome: null },
      ],
      Date.parse(at('12:00')),
    );
    // The in-progress one is neither due-and-missed nor done: 1 of 2 within.
    expect(figures).toMatchObject({ planned: 3, due: 2, withinWindow: 1, withinWindowPercent: 50, notDone: 0, notDonePercent: 0 });
  });
});
