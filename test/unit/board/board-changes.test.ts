/** A board's change path: each commit, local or merged from a peer, is told once and precisely. */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventMap, EventName } from '../../../shared/api/contract.js';
import { openTestBoard, seedWard, type TestBoard } from '../../support/ward-board.js';
import { peerTap } from '../../support/peer-tap.js';

type Heard = { [K in EventName]: { event: K; data: EventMap[K] } }[EventName];

/** Every event the board sends from now on. */
function listen(board: TestBoard): Heard[] {
  const heard: Heard[] = [];
  board.service.subscribe((event, data) => heard.push({ event, data } as Heard));
  return heard;
}

const stateChanges = (heard: Heard[]) => heard.flatMap((h) => (h.event === 'state.changed' ? [h.data] : []));
const statuses = (heard: Heard[]) => heard.flatMap((h) => (h.event === 'sync.status' ? [h.data] : []));

describe('the change path of a board', () => {
  let board: TestBoard;
  let ward: ReturnType<typeof seedWard>;
  beforeEach(() => {
    board = openTestBoard();
    ward = seedWard(board);
  });
  afterEach(() => board.close());

  it('tells a local tap once, naming the task it changed, then the outbox that now holds it', () => {
    const before = board.service.store.outboxSize();
    const heard = listen(board);
    const { id } = board.value('task.fromTemplate', { template: 'medicine-room' });
    expect(heard.map((h) => h.event)).toEqual(['state.changed', 'sync.status']);
    expect(stateChanges(heard)).toEqual([{ collections: ['task', 'auditEntry'], tasks: [id], origin: 'local' }]);
    const [status] = statuses(heard);
    expect(status?.outbox).toBe(board.service.store.outboxSize());
    expect(status?.outbox).toBeGreaterThan(before);
    expect(board.service.syncStatus.outbox).toBe(status?.outbox);
  });

  it('tells an edit of a stay by its collections, without task ids (the screen reads the unit once)', () => {
    const heard = listen(board);
    board.value('stay.note', { session: ward.leaderSession, stayId: ward.ingrid, note: 'Trenger hjelp ved måltid' });
    const changes = stateChanges(heard);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ origin: 'local' });
    expect(changes[0]?.collections).toContain('stay');
    expect(changes[0]?.tasks).toBeUndefined();
  });

  it('tells nothing after a read: ward.state, unit.state, flow.state, ward.tasks, app.info, sync.state', () => {
    const { id } = board.value('task.fromTemplate', { template: 'medicine-room' });
    const heard = listen(board);
    for (const command of ['ward.state', 'unit.state', 'flow.state', 'app.info', 'sync.state'] as const) board.value(command, {});
    board.value('ward.tasks', { ids: [id] });
    expect(heard).toEqual([]);
  });

  it('tells an unlock as its audit entry alone, which no screen of the ward re-reads for, and the outbox', () => {
    const before = board.service.store.outboxSize();
    const heard = listen(board);
    board.value('session.unlock', { staffId: ward.nurse, pin: '1357', screen: 'screen-n' });
    expect(stateChanges(heard)).toEqual([{ collections: ['auditEntry'], origin: 'local' }]);
    expect(statuses(heard).map((s) => s.outbox)).toEqual([before + 1]);
  });

  it("tells another board's tap once, as merged, naming its task; the outbox stays as it was", () => {
    const { task, changes } = peerTap();
    const outbox = board.service.store.outboxSize();
    const heard = listen(board);
    expect(board.service.store.applyRemote(changes).applied).toHaveLength(changes.length);
    expect(heard).toEqual([{ event: 'state.changed', data: { collections: ['task', 'auditEntry'], tasks: [task], origin: 'remote' } }]);
    expect(board.service.store.outboxSize()).toBe(outbox);
  });

  it('tells nothing for a merged batch that changed nothing (all stale)', () => {
    const { changes } = peerTap();
    board.service.store.applyRemote(changes);
    const heard = listen(board);
    expect(board.service.store.applyRemote(changes).stale).toBe(changes.length);
    expect(heard).toEqual([]);
  });
});
