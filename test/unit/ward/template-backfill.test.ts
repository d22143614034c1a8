/**
 * The one-time backfill of template codes: tasks made before tasks carried a code get the code their
 * title named, as replicated edits of the board that owns them — the hub learns them, a replica that
 * starts over from the hub keeps them — once; a task typed afterwards is never read by its title.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assembleBoard } from '../../../main/board/board-assembly.js';
import { boardActor, BoardService } from '../../../main/board/board-service.js';
import { HubService } from '../../../main/hub/hub-service.js';
import { LeaderHistory } from '../../../main/leader/leader-history.js';
import { backfillTemplateCodes, TEMPLATE_BACKFILL_MARKER } from '../../../main/ward/template-backfill.js';
import { reconcilePair, SCOPE } from '../../support/store-pair.js';
import { tempDir } from '../../support/temp-dir.js';
import { openTestBoard, seedWard, type TestBoard } from '../../support/ward-board.js';

describe('the one-time backfill of template codes', () => {
  let boardDir: ReturnType<typeof tempDir>;
  let hubDir: ReturnType<typeof tempDir>;
  let board: TestBoard;
  let hub: HubService;
  let ward: ReturnType<typeof seedWard>;
  /** The old title-only tasks, as a board made them before tasks carried a code. */
  let old: Record<string, string>;

  /** A done free-text task (no code), as every task was before migration 12. */
  const doneTask = (title: string, stayId?: string) => {
    const { id } = board.value('task.create', { title, stayId });
    board.value('task.complete', { id });
    return id;
  };
  /** What the board's outbox holds reaches the hub, as the sync engine publishes it. */
  const publish = () => {
    const unsent = board.service.store.unsent(100_000);
    const outcome = hub.store.applyRemote(unsent.map((u) => u.change), SCOPE);
    expect(outcome.rejected).toBe(0);
    board.service.store.markSent(unsent.map((u) => u.seq));
    return unsent.map((u) => u.change);
  };
  const counted = (service: { db: BoardService['db'] }) =>
    new LeaderHistory(service.db)
      .iplosTasks(SCOPE)
      .map((t) => [t.title, t.template])
      .sort();
  const codeOn = (service: { db: BoardService['db'] }, id: string) => (service.db.prepare('SELECT template FROM task WHERE id = ?').get(id) as { template: string | null } | undefined)?.template;
  const backfill = () => backfillTemplateCodes(board.service.store, SCOPE, boardActor(board.service.nodeId));

  beforeEach(() => {
    boardDir = tempDir('tavla-backfill-board-');
    hubDir = tempDir('tavla-backfill-hub-');
    board = openTestBoard('2026-11-23T09:02:00Z', boardDir);
    hub = new HubService({ dataDir: hubDir.path, municipality: 'fjordvik' });
    ward = seedWard(board);
    old = {
      review: doneTask('Legemiddelgjennomgang', ward.ingrid),
      nutrition: doneTask('ERNÆRINGSSCREENING (MNA)', ward.ingrid),
      dental: doneTask('Årlig tannlegetime', ward.shielded),
      physician: doneTask('Legeundersøkelse etter fall', ward.shielded),
      plain: doneTask('Ring apoteket', ward.ingrid),
    };
    publish();
  });
  afterEach(() => {
    board.close();
    hub.close();
    hubDir.remove();
  });

  it('gives old title-only tasks their code as replicated edits: the hub counts them, a replica started over from the hub keeps them', async () => {
    // Before the backfill nothing is read from titles: neither the board nor the hub counts a measure.
    expect(counted(board.service)).toEqual([]);
    expect(counted(hub)).toEqual([]);

    const outcome = backfill();
    expect(outcome).toEqual({
      ran: true,
      tasks: 4,
      byTemplate: { 'medication-review': 1, 'nutrition-screening': 1, 'dental-assessment': 1, 'physician-assessment': 1 },
      uncoded: 1, // "Ring apoteket" names no measure and keeps no code
    });
    expect(codeOn(board.service, old.plain)).toBeNull();
    // Stamped and in the outbox (one field per task, plus the audit entry's shared copy), audited as the board.
    const sent = publish();
    expect(sent.filter((c) => c.c === 'task').map((c) => [c.id, c.f, c.v]).sort()).toEqual(
      [
        [old.review, 'template', 'medication-review'],
        [old.nutrition, 'template', 'nutrition-screening'],
        [old.dental, 'template', 'dental-assessment'],
        [old.physician, 'template', 'physician-assessment'],
      ].sort(),
    );
    expect(board.audit().filter((a) => a.action === 'task.templateBackfill')).toEqual([
      { actor: boardActor(board.service.nodeId), action: 'task.templateBackfill', record: null, detail: '4 tasks given the template code their title named (one-time backfill)' },
    ]);
    const expected = [
      ['ERNÆRINGSSCREENING (MNA)', 'nutrition-screening'],
      ['Legemiddelgjennomgang', 'medication-review'],
      ['Legeundersøkelse etter fall', 'physician-assessment'],
      ['Årlig tannlegetime', 'dental-assessment'],
    ].sort();
    expect(counted(board.service)).toEqual(expected);
    expect(counted(hub)).toEqual(expected);

    // A board that starts over from nothing (a new data folder) pulls the unit from the hub: the codes come with it.
    const freshDir = tempDir('tavla-backfill-fresh-');
    const fresh = new BoardService({ dataDir: freshDir.path, municipality: 'fjordvik', unit: SCOPE });
    try {
      await reconcilePair(fresh, hub);
      expect(codeOn(fresh, old.review)).toBe('medication-review');
      expect(counted(fresh)).toEqual(expected);
      // Its own backfill finds nothing left to code.
      expect(backfillTemplateCodes(fresh.store, SCOPE, boardActor(fresh.nodeId))).toMatchObject({ ran: true, tasks: 0, uncoded: 1 });
    } finally {
      fresh.close();
      freshDir.remove();
    }
  });

  it('runs once: after it, a task titled like a measure but typed without a code is never coded nor counted', () => {
    expect(backfill().tasks).toBe(4);
    publish();
    const typed = doneTask('Legemiddelgjennomgang', ward.ingrid);
    board.restart();
    const outbox = board.service.store.outboxSize();
    expect(backfill()).toEqual({ ran: false, tasks: 0, byTemplate: {}, uncoded: 0 });
    expect(board.service.store.outboxSize()).toBe(outbox);
    publish();
    expect(codeOn(board.service, typed)).toBeNull();
    expect(codeOn(hub, typed)).toBeNull();
    expect(counted(hub).filter(([title]) => title === 'Legemiddelgjennomgang')).toHaveLength(1); // the old one, not the typed one
    const marker = JSON.parse(board.service.db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(TEMPLATE_BACKFILL_MARKER) as string) as { tasks: number };
    expect(marker.tasks).toBe(4);
  });

  it('runs at the board’s start, through the one board assembly, once', async () => {
    board.service.close();
    const settings = { municipality: 'fjordvik', unit: SCOPE, dataDir: boardDir.path };
    const first = await assembleBoard(settings);
    try {
      expect(first.templateBackfill).toMatchObject({ ran: true, tasks: 4, uncoded: 1 });
      expect(codeOn(first.service, old.dental)).toBe('dental-assessment');
    } finally {
      await first.stop();
    }
    const second = await assembleBoard(settings);
    try {
      expect(second.templateBackfill).toEqual({ ran: false, tasks: 0, byTemplate: {}, uncoded: 0 });
    } finally {
      await second.stop();
    }
    board.restart(); // for afterEach's close
  });
});
