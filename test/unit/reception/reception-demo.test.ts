/**
 * The demo's shared reception (issue 17, point 6): two boards of one room, each seeded with its own
 * organisation's encounters, the second taking the room the first configured. Each store holds only
 * its own organisation's private records; the room's bays are the same records on both.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoardService } from '../../../main/board/board-service.js';
import { DEMO_RECEPTION_BAYS } from '../../../main/demo/seed-reception.js';
import { seedUnit, type DemoClock, type DemoUnit } from '../../../main/demo/seed-unit.js';
import { seededRandom } from '../../../main/demo/synthetic-people.js';
import { tempDir } from '../../support/temp-dir.js';

const ROOM = (organisation: string): DemoUnit => ({ id: 'mottak', name: 'Felles legevaktmottak', kind: 'shared-reception', beds: 6, turnover: 0, organisations: ['legevakt', 'sykehus'], organisation });

describe('the demo shared reception', () => {
  let dir: ReturnType<typeof tempDir>;
  let legevakt: BoardService;
  let sykehus: BoardService;
  const today = new Date('2026-12-01T10:00:00Z');
  const clock: DemoClock = { now: undefined };

  beforeEach(() => {
    dir = tempDir();
    const open = (organisation: string) =>
      new BoardService({ dataDir: `${dir.path}/${organisation}`, municipality: 'fjordvik', unit: 'mottak', organisation, now: () => clock.now ?? today });
    legevakt = open('legevakt');
    sykehus = open('sykehus');
    seedUnit(legevakt, ROOM('legevakt'), seededRandom(1), clock, today);
    seedUnit(sykehus, ROOM('sykehus'), seededRandom(2), clock, today, legevakt);
  });
  afterEach(() => {
    legevakt.close();
    sykehus.close();
    dir.remove();
  });

  it('seeds each organisation its own encounters in every state, private details in its own store only, one room', () => {
    const states = (board: BoardService) =>
      board.db.prepare('SELECT label, owner, responsible, status, colour FROM encounter ORDER BY label').all() as { label: string; owner: string; responsible: string; status: string; colour: string | null }[];
    expect(states(legevakt)).toEqual([
      { label: 'L-101', owner: 'legevakt', responsible: 'legevakt', status: 'waiting', colour: null },
      { label: 'L-102', owner: 'legevakt', responsible: 'legevakt', status: 'triaged', colour: 'green' },
      { label: 'L-103', owner: 'legevakt', responsible: 'legevakt', status: 'assessment', colour: 'yellow' },
      { label: 'L-104', owner: 'legevakt', responsible: 'sykehus', status: 'assessment', colour: 'orange' },
      { label: 'L-105', owner: 'legevakt', responsible: 'legevakt', status: 'home', colour: 'green' },
    ]);
    expect(states(sykehus).map((e) => [e.label, e.status, e.colour])).toEqual([
      ['S-201', 'assessment', 'red'],
      ['S-202', 'triaged', 'yellow'],
      ['S-203', 'admitted', 'yellow'],
    ]);
    for (const [board, own] of [[legevakt, 'legevakt'], [sykehus, 'sykehus']] as const) {
      expect(board.db.prepare('SELECT DISTINCT organisation FROM encounterPrivate').pluck().all()).toEqual([own]);
      expect(board.db.prepare('SELECT count(*) FROM encounterPrivate WHERE name IS NOT NULL AND reason IS NOT NULL').pluck().get()).toBe(own === 'legevakt' ? 5 : 3);
    }
    // One room: the same bay records, and the unit the same on both boards.
    const bays = (board: BoardService) => board.db.prepare("SELECT id || ':' || label FROM bed WHERE unit = 'mottak' AND deleted = 0 ORDER BY sort").pluck().all();
    expect(bays(sykehus)).toEqual(bays(legevakt));
    expect(bays(legevakt)).toHaveLength(DEMO_RECEPTION_BAYS.length);
    const unit = (board: BoardService) => board.db.prepare("SELECT name, kind, organisations FROM unit WHERE id = 'mottak'").get();
    expect(unit(sykehus)).toEqual(unit(legevakt));
    expect(unit(legevakt)).toEqual({ name: 'Felles legevaktmottak', kind: 'shared-reception', organisations: 'legevakt,sykehus' });
  });
});
