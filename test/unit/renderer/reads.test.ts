/**
 * The collections each read draws on (renderer/src/state/reads.ts), checked against main: an edit
 * whose announced collections miss a read's list leaves that read's answer as it was, so a screen
 * that skips the re-read shows nothing stale. Real SQLite, real commands, the events main emits.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventMap } from '../../../shared/api/contract.js';
import { READS } from '../../../renderer/src/state/reads.js';
import { openTestBoard, seedWard, type TestBoard } from '../../support/ward-board.js';

type ReadName = keyof typeof READS;
const SHIFT = { date: '2026-11-23', shift: 'day' } as const;

describe('what each read draws on', () => {
  let board: TestBoard;
  let ward: ReturnType<typeof seedWard>;
  let announced: EventMap['state.changed'][];
  beforeEach(() => {
    board = openTestBoard('2026-11-23T09:02:00Z');
    ward = seedWard(board);
    announced = [];
    board.service.subscribe((event, data) => {
      if (event === 'state.changed') announced.push(data as EventMap['state.changed']);
    });
  });
  afterEach(() => board.close());

  /** Every read that answers on this unit (the allocation office's list is the allocation office's). */
  const answers = () => {
    const out: Partial<Record<ReadName, unknown>> = {};
    for (const read of Object.keys(READS) as ReadName[]) {
      const result = board.run(read, {});
      if (result.ok) out[read] = result.value;
    }
    return out;
  };

  /** A unit's own template whose one step fell due yesterday. */
  const pathwayTemplate = () =>
    board.edit('pathway.saveTemplate', { name: 'Etter fall', trigger: 'manual', steps: [{ title: 'Fallrisikovurdering', offset: 'P1D', days: 'calendar', role: 'nurse', completes: 'tap' }] }).id;

  it('no edit changes a read whose collections its change did not name', () => {
    const edits: [string, () => unknown][] = [
      ['task.create', () => board.value('task.create', { title: 'Stell' })],
      ['task.complete', () => board.value('task.complete', { id: board.service.state().tasks[0].id })],
      ['bed.setStatus', () => board.value('bed.setStatus', { bed: '103', status: 'cleaning' })],
      ['stay.setFlag', () => board.edit('stay.setFlag', { stayId: ward.ingrid, flag: 'fall', value: false })],
      ['stay.note', () => board.edit('stay.note', { stayId: ward.ingrid, note: 'Liker te om morgenen' })],
      ['staffing.set', () => board.edit('staffing.set', { ...SHIFT, planned: 5, present: 4 })],
      ['handover.setNotes', () => board.edit('handover.setNotes', { ...SHIFT, notes: 'Rolig vakt' })],
      ['flow.setRate', () => board.edit('flow.setRate', { dailyRate: 5200 })],
      // A pathway's step is chipped on the overview's bed card: ward.state draws on pathways.
      ['pathway.start', () => board.edit('pathway.start', { stayId: ward.ingrid, template: pathwayTemplate(), startedAt: '2026-11-21T09:00:00.000Z' })],
    ];
    const skipped: string[] = [];
    for (const [name, edit] of edits) {
      const before = answers();
      announced = [];
      edit();
      const collections = new Set(announced.flatMap((change) => change.collections));
      expect(collections.size, `${name} announced what it changed`).toBeGreaterThan(0);
      const after = answers();
      for (const read of Object.keys(before) as ReadName[]) {
        const reads: readonly string[] = READS[read];
        if ([...collections].some((c) => reads.includes(c))) continue;
        skipped.push(`${read} after ${name}`);
        expect(after[read], `${read} after ${name} (announced ${[...collections].join(', ')})`).toEqual(before[read]);
      }
    }
    // Reads the screens skip were among those checked: a task tap and the flow drawer, staffing and the board.
    expect(skipped).toContain('flow.state after task.complete');
    expect(skipped).toContain('ward.state after staffing.set');
  });
});
