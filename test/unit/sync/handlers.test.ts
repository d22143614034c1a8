import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changesHandler } from '../../../main/sync/changes-handler.js';
import { inboxHandler } from '../../../main/sync/inbox-handler.js';
import { Peers } from '../../../main/sync/peers.js';
import { presenceHandler } from '../../../main/sync/presence-handler.js';
import { Requests } from '../../../main/sync/requests.js';
import { SyncResponder } from '../../../main/sync/sync-responder.js';
import type { Change } from '../../../shared/sync/change.js';
import { encodeStamp } from '../../../shared/sync/hlc.js';
import { encodeChanges, encodeInbox, encodePresence, type InboxBody, type WirePayload } from '../../../shared/sync/payloads.js';
import type { RoundMessage } from '../../../shared/sync/round.js';
import type { Wall } from '../../../shared/sync/scope-rules.js';
import { parseTopic, topics, type Replica, type TopicPath } from '../../../shared/sync/topics.js';
import { tempDir } from '../../support/temp-dir.js';
import { ManualTime, settle } from '../../support/manual-time.js';
import { openReplica, type Replica as StoreReplica } from '../../support/store-pair.js';

const M = 'fjordvik';
const board: Replica = { municipality: M, nodeId: 'board-1', role: 'board', unit: 'solsiden' };
const bytes = (payload: WirePayload) => Buffer.from(typeof payload === 'string' ? payload : payload);
const where = (topic: string): TopicPath => parseTopic(topic) as TopicPath;
const change = (id: string, node = 'board-2'): Change => ({ c: 'task', id, f: 'title', v: `Stell ${id}`, s: encodeStamp({ wall: Date.now(), counter: 0, node }) });

function rejections() {
  const rejected: { reason: string; wall: Wall | undefined }[] = [];
  return { rejected, reject: (reason: string, _topic: string, wall?: Wall) => void rejected.push({ reason, wall }) };
}

describe('the changes handler', () => {
  function setup() {
    const { rejected, reject } = rejections();
    const merged: { scope: string; ids: string[]; writer: string }[] = [];
    const handle = changesHandler({
      nodeId: 'board-1',
      walls: {
        senderProblem: (scope, node) => (node === 'board-9' ? `node board-9 announced itself in fjellro, not ${scope}` : undefined),
        writer: (scope, node) => (node === 'hub-1' ? { kind: 'hub' } : { kind: 'unit', unit: scope }),
      },
      merge: (scope, changes, writer) => merged.push({ scope, ids: changes.map((c) => c.id), writer: writer.kind }),
      reject,
    });
    const receive = (node: string, payload: WirePayload) => {
      const topic = topics.changes(M, 'solsiden', node);
      handle(where(topic), bytes(payload), topic);
    };
    return { receive, merged, rejected };
  }

  it('merges a peer\'s batch as written by that peer\'s side', () => {
    const { receive, merged, rejected } = setup();
    receive('board-2', encodeChanges('board-2', [change('t1'), change('t2')]));
    receive('hub-1', encodeChanges('hub-1', [change('t3', 'hub-1')]));
    expect(merged).toEqual([
      { scope: 'solsiden', ids: ['t1', 't2'], writer: 'unit' },
      { scope: 'solsiden', ids: ['t3'], writer: 'hub' },
    ]);
    expect(rejected).toEqual([]);
  });

  it('ignores its own batch coming back, and refuses a bad payload, a sender unlike the topic, a node of another unit', () => {
    const { receive, merged, rejected } = setup();
    receive('board-1', encodeChanges('board-1', [change('t1', 'board-1')]));
    receive('board-2', '{"v":1,"from":"board-2","changes":[{"c":"nope"}]}');
    receive('board-2', encodeChanges('board-3', [change('t1')]));
    receive('board-9', encodeChanges('board-9', [change('t1')]));
    expect(merged).toEqual([]);
    expect(rejected.map((r) => r.wall)).toEqual([undefined, 'sender', 'sender']);
    expect(rejected[0].reason).toMatch(/^schema: changes\.0/);
    expect(rejected[2].reason).toBe('node board-9 announced itself in fjellro, not solsiden');
  });
});

describe('the presence handler', () => {
  function setup(onlineSince: string, reconciled = false, replica: Replica = board) {
    const { rejected, reject } = rejections();
    const peers = new Peers();
    const requested: string[] = [];
    let soon = 0;
    let met = 0;
    const handle = presenceHandler({
      replica,
      walls: { announce: (scope, _node, role) => (scope === '_hub' && role !== 'hub' ? `a ${role} announced itself under _hub` : undefined) },
      peers,
      onlineSince: () => onlineSince,
      schedule: { wasReconciled: () => reconciled, request: (scope) => void requested.push(scope) },
      rounds: { soon: () => void (soon += 1), met: () => void (met += 1) },
      reject,
    });
    const receive = (scope: string, node: string, payload: WirePayload) => {
      const topic = topics.presence(M, scope, node);
      handle(where(topic), bytes(payload), topic);
    };
    const online = (node: string, at: string, role: 'board' | 'hub' = 'board') => encodePresence({ node, role, status: 'online', at });
    return { receive, online, peers, requested, rejected, soon: () => soon, met: () => met };
  }

  it('as the newcomer reconciles the unit when a peer appears; as the elder brings the round forward', () => {
    const late = setup('2026-12-01T08:00:05.000Z');
    late.receive('solsiden', 'board-2', late.online('board-2', '2026-12-01T08:00:00.000Z'));
    late.receive('_hub', 'hub-1', late.online('hub-1', '2026-12-01T07:00:00.000Z', 'hub'));
    expect(late.requested).toEqual(['solsiden', 'solsiden']);
    expect(late.peers.online('solsiden')).toEqual(['board-2']);
    expect(late.peers.isHub('hub-1')).toBe(true);

    const early = setup('2026-12-01T07:00:00.000Z');
    early.receive('solsiden', 'board-2', early.online('board-2', '2026-12-01T08:00:00.000Z'));
    expect(early.requested).toEqual([]);
    expect(early.soon()).toBe(1);
  });

  it('on a hub meeting another hub: the newcomer brings its round with it forward (whatever came soon before), and neither reconciles a scope at once', () => {
    const hub: Replica = { municipality: M, nodeId: 'hub-1', role: 'hub' };
    const late = setup('2026-12-01T08:00:05.000Z', false, hub);
    late.receive('_hub', 'hub-2', late.online('hub-2', '2026-12-01T07:00:00.000Z', 'hub'));
    late.receive('solsiden', 'board-2', late.online('board-2', '2026-12-01T08:00:00.000Z'));
    expect(late.met()).toBe(1);
    expect(late.requested).toEqual(['solsiden']); // a board it meets as the newcomer: reconciled with it
    expect(late.peers.online('_hub')).toEqual(['hub-2']);

    const early = setup('2026-12-01T07:00:00.000Z', false, hub);
    early.receive('_hub', 'hub-2', early.online('hub-2', '2026-12-01T08:00:00.000Z', 'hub'));
    expect(early.met() + early.soon()).toBe(0);
    expect(early.requested).toEqual([]);
  });

  it('does nothing more for a peer already online, a unit reconciled on this connection, its own or a cleared presence', () => {
    const done = setup('2026-12-01T08:00:05.000Z', true);
    done.receive('solsiden', 'board-2', done.online('board-2', '2026-12-01T08:00:00.000Z'));
    const again = setup('2026-12-01T08:00:05.000Z');
    again.receive('solsiden', 'board-2', again.online('board-2', '2026-12-01T08:00:00.000Z'));
    again.receive('solsiden', 'board-2', again.online('board-2', '2026-12-01T08:00:00.000Z'));
    again.receive('solsiden', 'board-1', again.online('board-1', '2026-12-01T08:00:00.000Z'));
    again.receive('solsiden', 'board-3', new Uint8Array());
    expect(done.requested).toEqual([]);
    expect(done.peers.online('solsiden')).toEqual(['board-2']);
    expect(again.requested).toEqual(['solsiden']);
    expect(again.peers.online('solsiden')).toEqual(['board-2']);
    expect(again.rejected).toEqual([]);
  });

  it('refuses a presence whose node is not the topic\'s, and one the walls refuse', () => {
    const { receive, online, rejected, peers } = setup('2026-12-01T08:00:05.000Z');
    receive('solsiden', 'board-2', online('board-3', '2026-12-01T08:00:00.000Z'));
    receive('_hub', 'board-2', online('board-2', '2026-12-01T08:00:00.000Z'));
    receive('solsiden', 'board-2', '{"v":1}');
    expect(rejected.map((r) => `${r.wall}: ${r.reason}`)).toEqual([
      'sender: presence node differs from topic',
      'sender: a board announced itself under _hub',
      expect.stringMatching(/^undefined: schema: /),
    ]);
    expect(peers.online('_hub')).toEqual([]);
  });
});

describe('the inbox handler', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: StoreReplica;

  beforeEach(() => {
    dir = tempDir();
    store = openReplica(`${dir.path}/board.sqlite`, 'board-1');
    store.store.commit({ actor: 'Kari', action: 'task.create' }, [{ c: 'task', id: 't1', fields: { title: 'Stell' } }]);
  });
  afterEach(() => {
    store.db.close();
    dir.remove();
  });

  function setup(options: { mustStartOver?: boolean } = {}) {
    const { rejected, reject } = rejections();
    const time = new ManualTime();
    const sent: { to: string; message: InboxBody }[] = [];
    const rounds: RoundMessage[] = [];
    const reconciled: string[] = [];
    const asked: string[] = [];
    const send = async (_scope: string, to: string, message: InboxBody) => void sent.push({ to, message });
    const requests = new Requests(send, time);
    const handle = inboxHandler({
      walls: { mayRequest: (_scope, node) => node !== 'stranger' },
      rounds: { receive: (_scope, message) => void rounds.push(message), asked: (scope, peer) => void asked.push(`${scope}:${peer}`) },
      requests,
      // A replica that must start over answers nothing (sync-responder.ts): its responder says so.
      responder: options.mustStartOver ? { answer: () => undefined } : new SyncResponder(store.store, (scope, changes) => store.store.applyRemote(changes, scope).applied.length),
      mustStartOver: () => options.mustStartOver ?? false,
      reconcile: (scope) => void reconciled.push(scope),
      send,
      reject,
    });
    const receive = (from: string, message: InboxBody) => {
      const topic = topics.inbox(M, 'solsiden', 'board-1');
      handle(where(topic), bytes(encodeInbox(from, message)), topic);
    };
    return { receive, requests, sent, rounds, reconciled, rejected, asked };
  }

  it('answers each request kind to the peer that asked, from this replica\'s store', async () => {
    const { receive, sent } = setup();
    receive('board-2', { type: 'digest-request', session: 's', seq: 0 });
    receive('board-2', { type: 'pull', session: 's', seq: 1, buckets: Array.from({ length: 256 }, (_, i) => i), offset: 0 });
    receive('board-2', { type: 'fetch', session: 's', seq: 2, keys: [['task', 't1', 'title']] });
    receive('board-2', { type: 'push', session: 's', seq: 3, changes: [change('t2')] });
    await settle();
    expect(sent.map((s) => `${s.to} ${s.message.type} ${s.message.seq}`)).toEqual(['board-2 digest 0', 'board-2 page 1', 'board-2 page 2', 'board-2 push-ack 3']);
    expect(sent[1].message).toMatchObject({ total: 2 }); // the task's title and its audit entry
    expect(sent[3].message).toMatchObject({ applied: 1 });
    expect(store.store.fieldsByKey([['task', 't2', 'title']])).toHaveLength(1);
  });

  it('tells the rounds which peer is reconciling with it, on every request it serves, never for a stranger or a round', async () => {
    const { receive, asked } = setup();
    receive('board-2', { type: 'digest-request', session: 's', seq: 0 });
    receive('stranger', { type: 'digest-request', session: 's', seq: 0 });
    receive('board-3', { type: 'round', session: 's', seq: 0, root: 'a'.repeat(32), at: 1 });
    receive('board-2', { type: 'pull', session: 's', seq: 1, buckets: [1], offset: 0 });
    await settle();
    expect(asked).toEqual(['solsiden:board-2', 'solsiden:board-2']);
  });

  it('refuses a request from a replica not announced in the unit, and serves nothing while it must start over', async () => {
    const strangers = setup();
    strangers.receive('stranger', { type: 'pull', session: 's', seq: 0, buckets: [1], offset: 0 });
    expect(strangers.rejected).toEqual([{ reason: 'sync request from stranger, not announced in solsiden', wall: 'request' }]);
    const behind = setup({ mustStartOver: true });
    behind.receive('board-2', { type: 'digest-request', session: 's', seq: 0 });
    await settle();
    expect(strangers.sent).toEqual([]);
    expect(behind.sent).toEqual([]);
    expect(behind.reconciled).toEqual(['solsiden']); // a peer is there to start over from
  });

  it('hands a digest round to the rounds, but only from an announced replica', () => {
    const { receive, rounds, rejected } = setup();
    const round = { type: 'round', session: 's', seq: 0, root: 'a'.repeat(32), at: 1 } as const;
    receive('board-2', round);
    receive('stranger', round);
    expect(rounds.map((r) => r.from)).toEqual(['board-2']);
    expect(rejected).toEqual([]); // dropped uncounted: the next period asks again
  });

  it('settles the request an answer belongs to, and refuses an answer from a node not asked', async () => {
    const { receive, requests, rejected } = setup();
    const answer = requests.asker('solsiden', 'board-2', 'mine')({ type: 'digest-request' }, 'digest');
    receive('board-3', { type: 'digest', session: 'mine', seq: 0, buckets: [] });
    receive('board-2', { type: 'digest', session: 'mine', seq: 0, buckets: [[1, 1]] });
    await expect(answer).resolves.toMatchObject({ from: 'board-2', buckets: [[1, 1]] });
    expect(rejected).toEqual([{ reason: 'answer from board-3, asked board-2', wall: 'sender' }]);
  });
});
