import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxDrain } from '../../../main/sync/outbox-drain.js';
import { SentMarks } from '../../../main/sync/sent-marks.js';
import type { WirePayload } from '../../../shared/sync/payloads.js';
import { encodeStamp } from '../../../shared/sync/hlc.js';
import { tempDir } from '../../support/temp-dir.js';
import { readMessage } from '../../support/fake-broker.js';
import { settle } from '../../support/manual-time.js';
import { openReplica, type Replica } from '../../support/store-pair.js';

interface Sent {
  scope: string;
  from: string;
  fields: string[];
}

describe('the outbox drain', () => {
  let dir: ReturnType<typeof tempDir>;
  let board: Replica;
  let sent: Sent[];
  let maySend: boolean;
  let held: boolean;
  let failing: boolean;
  let ack: Promise<void>;
  let commits: number;
  let drain: OutboxDrain;

  beforeEach(() => {
    dir = tempDir();
    board = openReplica(`${dir.path}/board.sqlite`, 'board-1');
    sent = [];
    [maySend, held, failing, ack, commits] = [true, false, false, Promise.resolve(), 0];
    drain = new OutboxDrain({
      store: board.store,
      sentMarks: new SentMarks(board.store),
      nodeId: 'board-1',
      publish: async (scope: string, payload: WirePayload) => {
        if (failing) throw new Error('connection lost before the broker acknowledged');
        const page = readMessage(typeof payload === 'string' ? Buffer.from(payload) : payload) as { from: string; changes: { c: string; id: string; f: string }[] };
        sent.push({ scope, from: page.from, fields: page.changes.map((c) => `${c.c}/${c.id}.${c.f}`) });
        await ack;
      },
      maySend: () => maySend,
      held: () => held,
      committed: () => void (commits += 1),
      sent: () => undefined,
    });
  });
  afterEach(() => {
    drain.stop();
    board.db.close();
    dir.remove();
  });

  const edit = (id: string, scope?: string) => board.store.commit({ actor: 'Kari', action: 'task.create' }, [{ c: 'task', id, fields: { title: `Stell ${id}` }, scope }]);

  it('publishes a local commit on its own, once the task that committed it is over, and marks it sent', async () => {
    edit('t1');
    expect(sent).toEqual([]); // not inside the commit: it may be part of a larger transaction
    await settle();
    expect(commits).toBe(1);
    expect(sent).toEqual([{ scope: 'solsiden', from: 'board-1', fields: ['task/t1.title', 'auditEntry/board-1-1.entry'] }]);
    expect(board.store.outboxSize()).toBe(0);
  });

  it('sends the commits of one command in one drain, each scope on its own topic', async () => {
    edit('t1');
    edit('t2', 'fjellro');
    await settle();
    expect(commits).toBe(1);
    expect(sent.map((s) => `${s.scope}: ${s.fields.join(', ')}`)).toEqual([
      'solsiden: task/t1.title, auditEntry/board-1-1.entry, auditEntry/board-1-2.entry',
      'fjellro: task/t2.title',
    ]);
  });

  it('does not drain for what a peer sent', async () => {
    board.store.applyRemote([{ c: 'task', id: 't9', f: 'title', v: 'Mat', s: encodeStamp({ wall: Date.now(), counter: 0, node: 'board-2' }) }]);
    await settle();
    expect(commits).toBe(0);
    expect(sent).toEqual([]);
  });

  it('publishes nothing a larger transaction rolled back', async () => {
    expect(() =>
      board.db.transaction(() => {
        edit('t1');
        throw new Error('the import failed after the commit');
      })(),
    ).toThrow('the import failed');
    await settle();
    expect(sent).toEqual([]);
    expect(board.store.outboxSize()).toBe(0);
  });

  it('keeps the outbox while it may not send, while held for a start-over, and after a publish that failed', async () => {
    maySend = false;
    edit('t1');
    await settle();
    held = true;
    maySend = true;
    await drain.drain();
    failing = true;
    held = false;
    await drain.drain();
    expect(sent).toEqual([]);
    expect(board.store.outboxSize()).toBe(2);
    failing = false;
    await drain.drain();
    expect(sent).toHaveLength(1);
    expect(board.store.outboxSize()).toBe(0);
  });

  it('runs one drain at a time, and once more for what came meanwhile', async () => {
    let release = () => undefined as void;
    ack = new Promise<void>((resolve) => (release = resolve));
    edit('t1');
    await settle();
    expect(sent).toHaveLength(1); // waiting for the broker's ack
    edit('t2');
    await settle();
    expect(sent).toHaveLength(1);
    expect(board.store.outboxSize()).toBe(4); // nothing is marked before the ack
    ack = Promise.resolve();
    release();
    await settle();
    expect(sent.map((s) => s.fields[0])).toEqual(['task/t1.title', 'task/t2.title']);
    expect(board.store.outboxSize()).toBe(0);
  });
});
