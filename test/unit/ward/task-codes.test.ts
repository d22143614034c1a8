/** What a task means comes from its template code: IPLOS measures and room cleaning, never from title words. */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LeaderHistory } from '../../../main/leader/leader-history.js';
import { openTestBoard, seedWard, type TestBoard } from '../../support/ward-board.js';

describe('template codes on tasks', () => {
  let board: TestBoard;
  let ward: ReturnType<typeof seedWard>;
  const code = (id: string) => (board.service.db.prepare('SELECT template FROM task WHERE id = ?').get(id) as { template: string | null }).template;
  beforeEach(() => {
    board = openTestBoard('2026-11-23T09:02:00Z');
    ward = seedWard(board);
  });
  afterEach(() => board.close());

  it('a task made from a template carries its code, and so does the next round of a recurring one', () => {
    const id = board.value('task.fromTemplate', { template: 'turn', stayId: ward.ingrid }).id;
    expect(code(id)).toBe('turn');
    board.value('task.complete', { id });
    const next = board.service.state().tasks.find((t) => t.status === 'open' && t.title === 'Snu pasienten');
    expect(next && code(next.id)).toBe('turn');
    expect(code(board.value('task.create', { title: 'Ring apoteket' }).id)).toBeNull();
  });

  it('the cleaning task after a discharge is coded clean-room', () => {
    board.edit('stay.discharge', { stayId: ward.ingrid });
    const cleaning = board.service.state().tasks.find((t) => t.stay === null && t.status === 'open' && t.title.includes('101'));
    expect(cleaning && code(cleaning.id)).toBe('clean-room');
  });

  it('an IPLOS measure counts by its template in any language; a coded task is never read by its title', () => {
    const review = board.value('task.fromTemplate', { template: 'medication-review', stayId: ward.ingrid, language: 'en' }).id;
    const call = board.value('task.fromTemplate', { template: 'call-family', stayId: ward.ingrid }).id;
    // A coded task titled like a measure: its code says it is a phone call, not a dental assessment.
    board.service.db.prepare("UPDATE task SET title = 'Ring tannlegen' WHERE id = ?").run(call);
    for (const id of [review, call]) board.value('task.complete', { id });
    // A free-text task titled like a measure carries no code, and so records no measure.
    const typed = board.value('task.create', { title: 'Årlig tannhelsevurdering', stayId: ward.ingrid }).id;
    board.value('task.complete', { id: typed });
    const rows = new LeaderHistory(board.service.db).iplosTasks('solsiden');
    expect(rows.map((row) => [row.title, row.template])).toEqual([['Medication review', 'medication-review']]);
  });
});
