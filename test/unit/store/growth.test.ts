/**
 * Bounded growth: a board's file under steady editing, with the broker acknowledging and the
 * collector running, grows by at most 0.5 KB per edit once collection is in steady state
 * (bytes of the SQLite file and its WAL after a checkpoint, divided by the edits).
 */

import { statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir.js';
import { openReplica, SCOPE, type Replica } from '../sync/store-pair.js';

const DAY = 86_400_000;
const HORIZON = 21 * DAY;
const EDITS_PER_DAY = Number(process.env.TAVLA_GROWTH_EDITS_PER_DAY ?? 250);
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

  /** One simulated day of a ward: bed status changes, tasks made, done and (every tenth) deleted. */
  function day(d: number): number {
    board.db.transaction(() => {
      for (let i = 0; i < EDITS_PER_DAY; i += 1) {
        now += Math.floor(DAY / EDITS_PER_DAY);
        const n = d * EDITS_PER_DAY + i;
        if (i % 3 === 0) board.store.commit({ actor: 'Kari', action: 'bed.setStatus' }, [{ c: 'bed', id: `bed${n % BEDS}`, fields: { status: STATUSES[n % 4] } }]);
        else if (i % 3 === 1) board.store.commit({ actor: 'Kari', action: 'task.create' }, [{ c: 'task', id: `t${n}`, fields: { unit: SCOPE, title: `Oppgave ${n}`, status: 'open', createdAt: new Date(now).toISOString() } }]);
        else board.store.commit({ actor: 'Kari', action: 'task.complete' }, [{ c: 'task', id: `t${n - 1}`, fields: n % 10 === 2 ? { deleted: true } : { status: 'done', doneBy: 'Kari' } }]);
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
    for (let d = 25; d < 25 + 21; d += 1) edits += day(d);
    const perEdit = (bytes() - before) / edits;
    console.log(`disk per edit after collection: ${perEdit.toFixed(0)} bytes (${edits} edits over 21 simulated days, ${(bytes() / 1024).toFixed(0)} KiB in all)`);
    expect(perEdit).toBeLessThanOrEqual(512);
  }, 120_000);
});
