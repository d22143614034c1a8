import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoardService } from '../../../main/board/board-service.js';
import { HubService } from '../../../main/hub/hub-service.js';
import { InboundScope } from '../../../main/sync/inbound-scope.js';
import type { Change } from '../../../shared/sync/change.js';
import { encodeStamp } from '../../../shared/sync/hlc.js';
import { tempDir } from '../../support/temp-dir.js';

let wall = Date.now();
const stamp = (node = 'peer') => encodeStamp({ wall: (wall += 1), counter: 0, node });
const record = (c: Change['c'], id: string, fields: Record<string, Change['v']>, node?: string): Change[] =>
  Object.entries(fields).map(([f, v]) => ({ c, id, f, v, s: stamp(node) }));
const AT = '2026-11-23T08:00:00.000Z';

describe('a replica\'s inbound walls', () => {
  let dir: ReturnType<typeof tempDir>;
  let board: BoardService;
  let hub: HubService;

  beforeEach(() => {
    dir = tempDir();
    board = new BoardService({ dataDir: `${dir.path}/a`, municipality: 'testby', unit: 'unit-a' });
    hub = new HubService({ dataDir: `${dir.path}/hub`, municipality: 'testby' });
  });
  afterEach(() => {
    board.close();
    hub.close();
    dir.remove();
  });

  it('drops a bad change of a batch, counts why, and applies the rest', () => {
    const walls = new InboundScope(board.store, { municipality: 'testby', role: 'board' });
    const batch = [
      ...record('bed', 'b1', { unit: 'unit-a', label: '101', status: 'x' }),
      ...record('stay', 's9', { unit: 'unit-b', initials: 'ZZ' }),
      ...record('task', 't1', { unit: 'unit-a', title: 'Stell', status: 'open' }),
    ];
    const { admitted, refused } = walls.admit('unit-a', { kind: 'unit', unit: 'unit-a' }, batch);
    expect(refused.map((r) => `${r.wall}:${r.change.c}.${r.change.f}`)).toEqual(['scope:stay.unit']);
    const outcome = board.store.applyRemote(admitted, 'unit-a');
    expect(outcome.refusals.map((r) => `${r.wall}:${r.change.c}.${r.change.f}`)).toEqual(['schema:bed.status']);
    expect(board.db.prepare('SELECT label, status FROM bed WHERE id = ?').get('b1')).toEqual({ label: '101', status: null });
    expect(board.db.prepare('SELECT title FROM task WHERE id = ?').get('t1')).toEqual({ title: 'Stell' });
    // The stay's other field came without a unit of its own: it is a stay of this scope now, initials only.
    expect(board.db.prepare('SELECT unit FROM stay WHERE id = ?').get('s9')).toEqual({ unit: null });
  });

  it('takes a stay and the transfer of it in one batch, as a board publishes an admission and a request', () => {
    const walls = new InboundScope(board.store, { municipality: 'testby', role: 'board' });
    const batch = [
      ...record('stay', 's1', { unit: 'unit-a', initials: 'AB', status: 'active' }),
      ...record('transfer', 'tr1', { fromUnit: 'unit-a', toUnit: 'unit-b', stay: 's1', status: 'requested', requestedAt: AT }),
    ];
    expect(walls.admit('unit-a', { kind: 'unit', unit: 'unit-a' }, batch).refused).toEqual([]);
    // Without the stay the board of the sending unit holds, the same request is refused.
    const orphan = record('transfer', 'tr2', { fromUnit: 'unit-a', toUnit: 'unit-b', stay: 'nobody', status: 'requested' });
    expect(walls.admit('unit-a', { kind: 'unit', unit: 'unit-a' }, orphan).refused).toHaveLength(4);
  });

  it('lets the other side\'s value it already holds pass (a relay), and refuses a new one from the wrong side', () => {
    const walls = new InboundScope(hub.store, { municipality: 'testby', role: 'hub' });
    const request = [
      ...record('stay', 's1', { unit: 'unit-a', initials: 'AB', status: 'active' }),
      ...record('transfer', 'tr1', { fromUnit: 'unit-a', toUnit: 'unit-b', stay: 's1', status: 'requested', requestedAt: AT }),
    ];
    hub.store.applyRemote(walls.admit('unit-a', { kind: 'unit', unit: 'unit-a' }, request).admitted, 'unit-a');
    const accept = record('transfer', 'tr1', { acceptedAt: AT, status: 'accepted' }, 'board-b');
    const fromB = walls.admit('unit-b', { kind: 'unit', unit: 'unit-b' }, accept);
    expect(fromB.refused).toEqual([]);
    hub.store.applyRemote(fromB.admitted, 'unit-b');
    // Unit A's board pages what it holds, B's accept among it: the same stamp passes as a duplicate.
    expect(walls.admit('unit-a', { kind: 'unit', unit: 'unit-a' }, accept).refused).toEqual([]);
    // A newer accept forged on A's side does not.
    const forged = record('transfer', 'tr1', { acceptedAt: '2026-11-24T08:00:00.000Z' }, 'mallory');
    expect(walls.admit('unit-a', { kind: 'unit', unit: 'unit-a' }, forged).refused).toMatchObject([{ wall: 'side' }]);
  });

  it('knows who announced itself where: a hub only under _hub, changes and sync answers only in a unit announced in', () => {
    const walls = new InboundScope(hub.store, { municipality: 'testby', role: 'hub' });
    expect(walls.announce('unit-a', 'board-1', 'board', true)).toBeUndefined();
    expect(walls.announce('unit-a', 'fake-hub', 'hub', true)).toMatch(/_hub only/);
    expect(walls.announce('_hub', 'fake-board', 'board', true)).toMatch(/under _hub/);
    expect(walls.senderProblem('unit-b', 'board-1')).toMatch(/announced itself in unit-a, not unit-b/);
    expect(walls.senderProblem('unit-a', 'board-1')).toBeUndefined();
    expect(walls.senderProblem('unit-a', 'never-announced')).toBeUndefined();
    // Another unit squatting the id does not lock the board out of its own unit.
    walls.announce('unit-b', 'board-1', 'board', true);
    expect(walls.senderProblem('unit-a', 'board-1')).toBeUndefined();
    walls.announce('unit-b', 'board-1', 'board', false);
    expect(walls.mayRequest('unit-a', 'board-1')).toBe(true);
    expect(walls.mayRequest('unit-b', 'board-1')).toBe(false);
    expect(walls.mayRequest('unit-a', 'stranger')).toBe(false);
    walls.announce('unit-a', 'board-1', 'board', false);
    expect(walls.mayRequest('unit-a', 'board-1')).toBe(false);
    // On the hub another hub of the municipality (announced under _hub) writes as the hub: two hubs
    // run at once and write the same derived records; a board still writes as its unit.
    expect(walls.writer('unit-a', 'other-hub')).toEqual({ kind: 'unit', unit: 'unit-a' });
    walls.announce('_hub', 'other-hub', 'hub', true);
    expect(walls.writer('unit-a', 'other-hub')).toEqual({ kind: 'hub' });
    expect(walls.writer('unit-a', 'board-1')).toEqual({ kind: 'unit', unit: 'unit-a' });
    // And it answers the other hub for every unit (the hub-only records reach it from that hub alone), until it goes offline.
    expect(walls.mayRequest('unit-a', 'other-hub')).toBe(true);
    expect(walls.mayRequest('unit-b', 'other-hub')).toBe(true);
    walls.announce('_hub', 'other-hub', 'hub', false);
    expect(walls.mayRequest('unit-a', 'other-hub')).toBe(false);

    const onBoard = new InboundScope(board.store, { municipality: 'testby', role: 'board' });
    onBoard.announce('_hub', 'the-hub', 'hub', true);
    expect(onBoard.writer('unit-a', 'the-hub')).toEqual({ kind: 'hub' });
    expect(onBoard.mayRequest('unit-a', 'the-hub')).toBe(true);
    expect(onBoard.writer('unit-a', 'board-2')).toEqual({ kind: 'unit', unit: 'unit-a' });
  });
});
