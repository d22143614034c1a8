import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../main/sync/sync-engine.js';
import type { SyncStatus } from '../../../shared/api/contract.js';
import type { Change } from '../../../shared/sync/change.js';
import { HUB_SCOPE } from '../../../shared/sync/protocol.js';
import type { ReplicaRole } from '../../../shared/sync/topics.js';
import { tempDir } from '../../support/temp-dir.js';
import { FakeBroker } from '../../support/fake-broker.js';
import { ManualTime } from '../../support/manual-time.js';
import { openReplica, type Replica } from '../../support/store-pair.js';

const M = 'fjordvik';

describe('the sync engine, composed, through an in-memory broker', () => {
  let dir: ReturnType<typeof tempDir>;
  let broker: FakeBroker;
  let time: ManualTime;
  const running: { engine: SyncEngine; replica: Replica }[] = [];

  beforeEach(() => {
    dir = tempDir();
    broker = new FakeBroker();
    time = new ManualTime();
  });
  afterEach(async () => {
    for (const { engine, replica } of running.splice(0)) {
      await engine.stop();
      replica.db.close();
    }
    dir.remove();
  });

  function open(node: string, role: ReplicaRole, heard?: string[]) {
    const replica = openReplica(`${dir.path}/${node}.sqlite`, node, () => time.now(), { defaultScope: role.role === 'hub' ? HUB_SCOPE : role.unit });
    const applied: Change[] = [];
    const statuses: SyncStatus[] = [];
    const engine = new SyncEngine({
      ...role,
      store: replica.store,
      brokerUrl: 'mqtt://in-memory',
      municipality: M,
      nodeId: node,
      time,
      openLink: broker.open,
      onApplied: (_scope, changes) => void applied.push(...changes),
      onStatus: (status) => void statuses.push(status),
      onHeard: heard ? (scope) => void heard.push(scope) : undefined,
    });
    running.push({ engine, replica });
    return { engine, replica, applied, statuses };
  }
  const edit = (replica: Replica, id: string) => replica.store.commit({ actor: 'Kari', action: 'task.create' }, [{ c: 'task', id, fields: { title: `Stell ${id}` } }]);
  const title = (replica: Replica, id: string) => replica.store.fieldsByKey([['task', id, 'title']])[0]?.v;

  it('publishes a local commit on its own and the other board of the unit merges it', async () => {
    const a = open('board-1', { role: 'board', unit: 'solsiden' });
    const b = open('board-2', { role: 'board', unit: 'solsiden' });
    await time.advance(100);
    expect(a.engine.status.broker).toBe('connected');
    edit(a.replica, 't1');
    await time.advance(0);
    expect(title(b.replica, 't1')).toBe('Stell t1');
    expect(b.applied.map((c) => `${c.c}/${c.id}`)).toContain('task/t1');
    expect(a.engine.status.outbox).toBe(0);
    expect(a.statuses.at(-1)?.lastSyncAt).toBe(new Date(time.now()).toISOString());
  });

  it('lets the board that came online later reconcile, and fills it with what was edited before', async () => {
    const a = open('board-1', { role: 'board', unit: 'solsiden' });
    await time.advance(100);
    for (const id of ['t1', 't2', 't3']) edit(a.replica, id);
    await time.advance(1000);
    broker.published.length = 0;
    const b = open('board-2', { role: 'board', unit: 'solsiden' });
    await time.advance(100);
    expect(title(b.replica, 't3')).toBe('Stell t3');
    const asked = (client: string) => broker.sent(`tavla/v1/${M}/solsiden/sync/+`).filter((s) => s.client === client && String(s.message.type).match(/request|pull|fetch|push$/));
    expect(asked('tavla-board-2').length).toBeGreaterThan(0);
    expect(asked('tavla-board-1')).toEqual([]); // the elder does not do the join twice over
  });

  it('announces itself online (retained), and offline by its last will or its goodbye', async () => {
    const a = open('board-1', { role: 'board', unit: 'solsiden' });
    const h = open('hub-1', { role: 'hub' });
    await time.advance(100);
    const presence = (topic: string) => JSON.parse(broker.retained.get(topic)?.toString() ?? '{}') as { status?: string; role?: string };
    expect(presence(`tavla/v1/${M}/solsiden/presence/board-1`)).toMatchObject({ status: 'online', role: 'board' });
    expect(presence(`tavla/v1/${M}/_hub/presence/hub-1`)).toMatchObject({ status: 'online', role: 'hub' });
    broker.links.find((link) => link.options.clientId === 'tavla-board-1')?.drop();
    expect(presence(`tavla/v1/${M}/solsiden/presence/board-1`)).toMatchObject({ status: 'offline' });
    expect(a.engine.status.broker).toBe('offline');
    await h.engine.stop();
    expect(presence(`tavla/v1/${M}/_hub/presence/hub-1`)).toMatchObject({ status: 'offline' });
  });

  it('holds local commits while offline, counts them, and sends them when connected again', async () => {
    const a = open('board-1', { role: 'board', unit: 'solsiden' });
    const b = open('board-2', { role: 'board', unit: 'solsiden' });
    await time.advance(100);
    const link = broker.links.find((l) => l.options.clientId === 'tavla-board-1');
    link?.drop();
    edit(a.replica, 't1');
    await time.advance(0);
    expect(a.engine.status.outbox).toBe(2);
    expect(title(b.replica, 't1')).toBeUndefined();
    link?.connect();
    await time.advance(100);
    expect(title(b.replica, 't1')).toBe('Stell t1');
    expect(a.engine.status.outbox).toBe(0);
  });

  it('on the hub hears every unit, and the hub mirrors into a scope with publishInto', async () => {
    const h = open('hub-1', { role: 'hub' });
    const a = open('board-1', { role: 'board', unit: 'solsiden' });
    const c = open('board-3', { role: 'board', unit: 'fjellro' });
    await time.advance(100);
    edit(a.replica, 't1');
    edit(c.replica, 't9');
    await time.advance(0);
    expect(h.replica.store.scopeStamps('solsiden').some((s) => s.id === 't1')).toBe(true);
    expect(h.replica.store.scopeStamps('fjellro').some((s) => s.id === 't9')).toBe(true);
    expect(title(a.replica, 't9')).toBeUndefined(); // a board hears its own unit only
    await h.engine.publishInto('solsiden', h.replica.store.fieldsByKey([['task', 't9', 'title']]));
    await time.advance(0);
    expect(broker.sent(`tavla/v1/${M}/solsiden/changes/hub-1`)).toHaveLength(1);
  });

  it('tells the hub which unit it heard from: a board’s changes and sync messages, not its own echo', async () => {
    const heard: string[] = [];
    const h = open('hub-1', { role: 'hub' }, heard);
    const a = open('board-1', { role: 'board', unit: 'solsiden' });
    await time.advance(100);
    heard.length = 0;
    edit(a.replica, 't1');
    await time.advance(0);
    expect(heard).toContain('solsiden');
    expect(heard).not.toContain('fjellro');
    heard.length = 0;
    // What the hub itself publishes into a unit's scope comes back from the broker: not the unit reporting.
    await h.engine.publishInto('fjellro', h.replica.store.fieldsByKey([['task', 't1', 'title']]));
    await time.advance(0);
    expect(heard).toEqual([]);
  });

  it('brings a hub that was away up to date with the other hub\'s capacity records from that hub, which no board may relay to it', async () => {
    const h1 = open('hub-1', { role: 'hub' });
    const h2 = open('hub-2', { role: 'hub' });
    const a = open('board-1', { role: 'board', unit: 'solsiden' });
    await time.advance(100);
    const away = broker.links.find((link) => link.options.clientId === 'tavla-hub-1');
    away?.drop();
    // While hub-1 is away, hub-2 reports another unit's capacity into solsiden's scope.
    h2.replica.store.commit({ actor: 'hub', action: 'capacity.refresh' }, [
      { c: 'capacity', id: 'kfjellro', scope: 'solsiden', fields: { unit: 'fjellro', name: 'Fjellro', kind: 'nursing-home', beds: 12, free: 3, incoming: 0, updatedAt: new Date(time.now()).toISOString(), deleted: false } },
    ]);
    await time.advance(5000);
    const stamps = (r: Replica) => r.store.scopeStamps('solsiden').filter((s) => s.c === 'capacity').map((s) => `${s.f}@${s.s}`).sort();
    expect(stamps(a.replica)).toEqual(stamps(h2.replica));
    expect(stamps(h1.replica)).toEqual([]);

    away?.connect();
    // The board's copy is refused (only the hub writes capacity): the newcomer hub's round with the other hub, within a second, brings it.
    for (let ms = 0; ms < 1500; ms += 100) await time.advance(100);
    expect(stamps(h1.replica)).toEqual(stamps(h2.replica));
    expect(h1.engine.status.rejectedBy?.side ?? 0).toBeGreaterThan(0);
    const rounds = broker.sent(`tavla/v1/${M}/solsiden/sync/hub-2`).filter((s) => s.client === 'tavla-hub-1' && s.message.type === 'round');
    expect(rounds.length).toBeGreaterThan(0);
  });

  it('starts no digest round as the only hub: it answers the boards\' rounds', async () => {
    open('hub-1', { role: 'hub' });
    open('board-1', { role: 'board', unit: 'solsiden' });
    await time.advance(100);
    await time.advance(40_000);
    const fromHub = broker.sent(`tavla/v1/${M}/+/sync/+`).filter((s) => s.client === 'tavla-hub-1' && s.message.type === 'round');
    const toHub = broker.sent(`tavla/v1/${M}/solsiden/sync/hub-1`).filter((s) => s.message.type === 'round');
    expect(fromHub).toEqual([]);
    expect(toHub.length).toBeGreaterThan(0);
  });

  it('counts a refusal made outside the inbound path in rejected, by wall', async () => {
    const h = open('hub-1', { role: 'hub' });
    h.engine.refuse([{ wall: 'settlement', reason: 'transfer x: not accepted' }], { role: 'hub' });
    expect(h.engine.status).toMatchObject({ rejected: 1, rejectedBy: { settlement: 1 } });
    expect(h.statuses.at(-1)?.rejected).toBe(1);
  });
});
