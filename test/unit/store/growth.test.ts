/**
 * Bounded growth: a board's file under a ward's steady editing, with the broker acknowledging and
 * the collector running, grows by at most 0.5 KB per edit once collection is in steady state
 * (bytes of the SQLite file and its WAL after a checkpoint, divided by the edits). What is left
 * per edit is the board's own append-only audit log, which is kept.
 */

import { statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp-dir.js';
import { openReplica, SCOPE, type Replica } from '../../support/store-pair.js';

const DAY = 86_400_000;
const HORIZON = 21 * DAY;
const EDITS_PER_DAY = Number(process.env.TAVLA_GROWTH_EDITS_PER_DAY ?? 80);
const BEDS = 20;
const STATUSES = ['free', 'occupied', 'cleaning', 'blocked'] as const;

describe('disk per edit after collection', () => {
  let dir: ReturnType<typeof tempDir>;
  let now = Date.UTC(2026, 0, 1);
  let board: Replica;
  const file = () => `${dir.path}/board.sqlite`;
  const bytes = () => {
    board.db.pragma('wal_checkpoint(TRUNCATE)');
    const wal = (() => {
      try {
        return statSync(`${file()}-wal`).size;
      } catch {
        return 0;
      }
    })();
    return statSync(file()).size + wal;
  };

  beforeEach(() => {
    dir = tempDir('tavla-growth-');
    board = openReplica(file(), 'board-a', () => now, { horizonMs: HORIZON });
    for (let b = 0; b < BEDS; b += 1) board.store.commit({ actor: 'it', action: 'unit.configure' }, [{ c: 'bed', id: `bed${b}`, fields: { unit: SCOPE, label: `${100 + b}`, status: 'free' } }]);
  });
  afterEach(() => {
    board.db.close();
    dir.remove();
  });

  /**
   * One simulated day of a ward in steady state, edits shaped as the commands write them: bed
   * statuses, a risk flag, and a recurring task completed (which makes its next occurrence) and
   * reopened (which withdraws it: a tombstone). Records change; none pile up.
   */
  function day(d: number): number {
    board.db.transaction(() => {
      for (let i = 0; i < EDITS_PER_DAY; i += 1) {
        now += Math.floor(DAY / EDITS_PER_DAY);
        const n = d * EDITS_PER_DAY + i;
        const at = new Date(now).toISOString();
        const next = `next${Math.floor(n / 4)}`;
        if (n % 4 === 0) board.store.commit({ actor: 'Kari', action: 'bed.setStatus' }, [{ c: 'bed', id: `bed${n % BEDS}`, fields: { status: STATUSES[n % 4] } }]);
        else if (n % 4 === 1)
          board.store.commit({ actor: 'Kari', action: 'task.complete' }, [
            { c: 'task', id: 'round', fields: { status: 'done', doneBy: 'Kari', doneAt: at } },
            { c: 'task', id: next, fields: { unit: SCOPE, title: 'Tilsyn', status: 'open', due: at, recurrenceMinutes: 60, createdAt: at } },
          ]);
        else if (n % 4 === 2)
          board.store.commit({ actor: 'Kari', action: 'task.reopen' }, [
            { c: 'task', id: 'round', fields: { status: 'open', doneBy: null, doneAt: null } },
            { c: 'task', id: next, fields: { deleted: true } },
          ]);
        else board.store.commit({ actor: 'Kari', action: 'stay.setFlag' }, [{ c: 'stay', id: 'stay1', fields: { fall: n % 8 < 4 } }]);
      }
    })();
    board.store.markSent(board.store.unsent(1_000_000).map((u) => u.seq)); // the broker took the day's edits
    board.store.collect();
    return EDITS_PER_DAY;
  }

  it('stays at or under 0.5 KB per edit over a horizon once collection is in steady state', () => {
    for (let d = 0; d < 25; d += 1) day(d); // warm-up: past one horizon, so collection is running
    const before = bytes();
    let edits = 0;
    for (let d = 25; d < 25 + 42; d += 1) edits += day(d); // two more horizons
    const perEdit = (bytes() - before) / edits;
    console.log(`disk per edit after collection: ${perEdit.toFixed(0)} bytes (${edits} edits over 42 simulated days, ${(bytes() / 1024).toFixed(0)} KiB in all)`);
    expect(perEdit).toBeLessThanOrEqual(512);
  }, 120_000);
});
