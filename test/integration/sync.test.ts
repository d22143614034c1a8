/**
 * Sync through a real Mosquitto (default queue limits) with boards and the hub as separate `tavla`
 * processes. Each test has its own broker on a free port and its own data folders. The same suite
 * runs against a real three-node NATS cluster (its MQTT interface; every replica given all three
 * nodes) with `TAVLA_TEST_BROKER=nats` (or `both`): `npm run test:fault` does.
 */

import mqtt from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoardService } from '../../main/board/board-service.js';
import { tempDir } from '../support/temp-dir.js';
import { startTestBroker, suiteBrokers, type TestBroker } from '../support/test-broker.js';
import { storedFields, storedScopes, TavlaProcess } from '../support/tavla-process.js';
import { waitFor } from '../support/wait.js';

const M = 'testby';
const UNIT = { name: 'Solsiden', kind: 'nursing-home', beds: [{ label: '101' }, { label: '102' }] };

interface TaskList {
  tasks: { id: string; status: string; title: string }[];
}

describe.each(suiteBrokers().map((kind) => [kind === 'nats' ? 'a three-node NATS cluster' : 'Mosquitto', kind] as const))('sync through %s', (_name, kind) => {
  let dir: ReturnType<typeof tempDir>;
  let broker: TestBroker;
  const running: TavlaProcess[] = [];

  const board = async (name: string, unit = 'solsiden', data = `${dir.path}/${name}`) => {
    const p = await TavlaProcess.start({ role: 'board', municipality: M, unit, broker: broker.url, data });
    running.push(p);
    return p;
  };
  const hub = async () => {
    const p = await TavlaProcess.start({ role: 'hub', municipality: M, broker: broker.url, data: `${dir.path}/hub` });
    running.push(p);
    return p;
  };
  const connectedAndDrained = (p: TavlaProcess) =>
    waitFor(() => p.health(), (h) => h.broker === 'connected' && h.outbox === 0, { what: `${p.options.data} drained`, timeout: 30_000 });
  const taskIds = async (p: TavlaProcess) => (await p.state<TaskList>()).tasks.map((t) => t.id).sort();

  /** Stops everything and compares the replicas' SQLite files field by field (value and stamp). */
  async function expectConverged(scope: string, replicas: TavlaProcess[]) {
    const expected = storedFields(replicas[0].databaseFile, scope);
    await waitFor(
      () => replicas.map((r) => storedFields(r.databaseFile, scope).join('\n')),
      (all) => all.every((fields) => fields === all[0]),
      { what: 'replicas to converge', timeout: 30_000 },
    );
    expect(expected.length).toBeGreaterThan(0);
  }

  beforeEach(async () => {
    dir = tempDir('tavla-sync-');
    broker = await startTestBroker(kind, dir.path);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((p) => p.stop('SIGKILL')));
    await broker.kill();
    dir.remove();
  });

  it('(a) shows an edit on one board on the other board of the unit', async () => {
    const [a, b] = [await board('a'), await board('b')];
    await a.id('unit.configure', UNIT);
    const task = await a.id('task.create', { title: 'Medisiner 08' });
    await waitFor(() => taskIds(b), (ids) => ids.includes(task), { what: 'task on board b' });
    await a.id('task.complete', { id: task });
    const seen = await waitFor(() => b.state<TaskList>(), (s) => s.tasks.some((t) => t.id === task && t.status === 'done'));
    expect(seen.tasks.find((t) => t.id === task)?.status).toBe('done');
  });

  it('(b) loses no acknowledged edit when the broker is SIGKILLed and restarted during edits', async () => {
    const h = await hub();
    const [a, b] = [await board('a'), await board('b')];
    await a.id('unit.configure', UNIT);
    await connectedAndDrained(a);
    const acknowledged: string[] = [];
    const edit = async (p: TavlaProcess, n: number) => {
      for (let i = 0; i < n; i += 1) acknowledged.push(await p.id('task.create', { title: `${p.options.data.slice(-1)}-${i}` }));
    };
    const editing = Promise.all([edit(a, 150), edit(b, 150)]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await broker.kill();
    await waitFor(() => a.health(), (health) => health.broker === 'offline', { what: 'board a to notice' });
    // Edits go on while offline: they wait in the outbox, and /healthz says how many.
    await waitFor(() => a.health(), (health) => Number(health.outbox) > 0 && health.offlineSince !== null, { what: 'unsent edits counted' });
    await new Promise((resolve) => setTimeout(resolve, 700));
    await broker.restart();
    await editing;
    expect(acknowledged).toHaveLength(300);
    await Promise.all([a, b].map(connectedAndDrained));
    for (const p of [a, b]) {
      const ids = await waitFor(() => taskIds(p), (list) => list.length === 300, { what: 'all 300 tasks', timeout: 30_000 });
      expect(ids).toEqual([...acknowledged].sort());
    }
    const hubTasks = await waitFor(
      () => h.state<{ units: TaskList[] }>(),
      (s) => s.units[0]?.tasks.length === 300,
      { what: 'hub holds all tasks', timeout: 30_000 },
    );
    expect(hubTasks.units[0].tasks.map((t) => t.id).sort()).toEqual([...acknowledged].sort());
    await expectConverged('solsiden', [a, b, h]);
  }, 120_000);

  it('(c) brings a stopped board up to date with 1,000 edits made while it was down', async () => {
    const [a, b] = [await board('a'), await board('b')];
    await a.id('unit.configure', UNIT);
    await waitFor(() => b.state<{ unit: unknown }>(), (s) => s.unit !== null, { what: 'b configured' });
    await b.stop('SIGTERM');
    for (let i = 0; i < 1000; i += 1) await a.id('task.create', { title: `Oppgave ${i}` });
    await connectedAndDrained(a);
    await b.start();
    const ids = await waitFor(() => taskIds(b), (list) => list.length === 1000, { what: 'b caught up', timeout: 30_000 });
    expect(ids).toEqual(await taskIds(a));
    await expectConverged('solsiden', [a, b]);
  }, 90_000);

  it('(d) fills a board that starts on an empty folder with a 50,000-field unit, past the broker queue limit', async () => {
    const seeded = new BoardService({ dataDir: `${dir.path}/a`, municipality: M, unit: 'solsiden' });
    seeded.dispatch('unit.configure', UNIT);
    seeded.db.transaction(() => {
      for (let i = 0; i < 6300; i += 1) seeded.dispatch('task.create', { title: `Historikk ${i}`, due: '2026-11-01T08:00:00Z' });
    })();
    // History that was published long ago: nothing is queued for the newcomer anywhere.
    seeded.store.markSent(seeded.store.unsent(1_000_000).map((u) => u.seq));
    const fields = seeded.store.scopeStamps('solsiden').length;
    seeded.close();
    expect(fields).toBeGreaterThanOrEqual(50_000);

    const a = await board('a');
    const started = Date.now();
    const b = await board('b');
    await waitFor(() => storedFields(b.databaseFile, 'solsiden').length, (n) => n === fields, { what: 'all fields on b', timeout: 60_000 });
    console.log(`empty-folder join of ${fields} fields through ${kind} took ${Date.now() - started} ms (including process start)`);
    await expectConverged('solsiden', [a, b]);
  }, 90_000);

  it('(e) drops garbage, oversized and schema-violating payloads on every topic, counted, state unchanged', async () => {
    const h = await hub();
    const a = await board('a');
    await a.id('unit.configure', UNIT);
    await a.id('task.create', { title: 'Før' });
    await Promise.all([a, h].map(connectedAndDrained));
    await waitFor(() => h.state<{ units: TaskList[] }>(), (s) => s.units[0]?.tasks.length === 1, { what: 'hub has the task' });
    const before = { a: storedFields(a.databaseFile, 'solsiden'), h: storedFields(h.databaseFile, 'solsiden') };
    const nodeA = String((await a.health()).nodeId);
    const nodeH = String((await h.health()).nodeId);
    const base = `tavla/v1/${M}/solsiden`;
    const farFuture = `${(Date.now() + 3_600_000).toString(36).padStart(9, '0')}:0000:evil`;
    const payloads: [string, Buffer | string][] = [
      [`${base}/changes/evil`, Buffer.from([0xff, 0xfe, 0x00, 0x01])],
      [`${base}/changes/evil`, 'not json'],
      [`${base}/changes/evil`, JSON.stringify({ v: 1, from: 'evil', changes: [{ c: 'task', id: 'x', f: 'title', v: { nested: 1 }, s: 'bad' }] })],
      [`${base}/changes/evil`, JSON.stringify({ v: 1, from: 'other', changes: [] })],
      [`${base}/changes/evil`, JSON.stringify({ v: 1, from: 'evil', changes: [{ c: 'task', id: 'x', f: 'title', v: 'fra fremtiden', s: farFuture }] })],
      [`${base}/changes/evil`, JSON.stringify({ v: 1, from: 'evil', changes: [{ c: 'task', id: 'x', f: 'noSuchField', v: 'x', s: `${Date.now().toString(36).padStart(9, '0')}:0000:evil` }] })],
      [`${base}/changes/evil`, Buffer.alloc(3 * 1024 * 1024, 0x7b)],
      [`${base}/presence/evil`, '{"v":1}'],
      [`${base}/sync/${nodeA}`, JSON.stringify({ v: 1, type: 'pull', from: 'evil', session: 's', seq: 0, buckets: [-1], offset: 0 })],
      [`${base}/sync/${nodeH}`, '[]'],
      [`tavla/v1/${M}/_hub/presence/evil`, 'garbage'],
      [`tavla/v1/${M}/_hub/changes/evil`, 'garbage'],
    ];
    const client = await mqtt.connectAsync(broker.rawUrl);
    for (const [topic, payload] of payloads) await client.publishAsync(topic, payload, { qos: 1 });
    await client.endAsync();
    const health = await waitFor(() => a.health(), (x) => Number(x.rejected) >= 10, { what: 'board a counted rejections' });
    expect(Number(health.rejected)).toBeGreaterThanOrEqual(10);
    // The hub hears the same payloads on its own subscription, not necessarily as soon as A.
    const hubHealth = await waitFor(() => h.health(), (x) => Number(x.rejected) >= 9, { what: 'the hub counted rejections' });
    expect(Number(hubHealth.rejected)).toBeGreaterThanOrEqual(9);
    await a.id('task.create', { title: 'Etter' }); // both processes still serve and sync
    await waitFor(() => h.state<{ units: TaskList[] }>(), (s) => s.units[0]?.tasks.length === 2, { what: 'hub still syncing' });
    const after = storedFields(a.databaseFile, 'solsiden');
    // What is new on A is its own task and that edit's audit entry, nothing from the payloads above.
    expect(after.filter((f) => !before.a.includes(f)).every((f) => f.startsWith('task/') || f.startsWith(`auditEntry/${nodeA}-`))).toBe(true);
    expect(after.some((f) => f.includes('fra fremtiden') || f.includes('noSuchField'))).toBe(false);
    expect(before.h.every((f) => storedFields(h.databaseFile, 'solsiden').includes(f))).toBe(true);
  });

  it('(f) keeps a board of unit A free of unit B data, while the hub holds both', async () => {
    const h = await hub();
    const a = await board('a', 'unit-a');
    const b = await board('b', 'unit-b');
    await a.id('unit.configure', { ...UNIT, name: 'A' });
    await b.id('unit.configure', { ...UNIT, name: 'B' });
    await b.id('stay.admit', { bed: '101', name: 'Astrid Berg', initials: 'AB', birthDate: '1931-05-06' });
    await Promise.all([a, b].map(connectedAndDrained));
    await waitFor(() => h.health(), (x) => x.units === 2, { what: 'hub holds both units' });
    // A stray publish into unit B's scope while A listens changes nothing on A.
    const client = await mqtt.connectAsync(broker.rawUrl);
    await client.publishAsync('tavla/v1/testby/unit-b/changes/zz', JSON.stringify({ v: 1, from: 'zz', changes: [] }), { qos: 1 });
    await client.endAsync();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(storedScopes(a.databaseFile)).toEqual(['unit-a']);
    expect(storedScopes(b.databaseFile)).toEqual(['unit-b']);
    expect(storedScopes(h.databaseFile)).toEqual(['unit-a', 'unit-b']);
    expect(JSON.stringify(await a.state())).not.toContain('Astrid');
  });

  it('(g) the hub mirrors a transfer into the scope of both units it joins', async () => {
    const h = await hub();
    const a = await board('a', 'unit-a');
    const b = await board('b', 'unit-b');
    await Promise.all([a, b, h].map(connectedAndDrained));
    // A transfer written on unit A's board (the transfer commands arrive with the flow issue).
    const stamp = `${Date.now().toString(36).padStart(9, '0')}:0000:board-a-sim`;
    const fields = { fromUnit: 'unit-a', toUnit: 'unit-b', stay: 'stay1', status: 'requested', requestedAt: new Date().toISOString() };
    // The board holds the stay it sends (the walls refuse a transfer of a stay its sender does not hold).
    const stay = { unit: 'unit-a', initials: 'AB', status: 'active' };
    const changes = [
      ...Object.entries(stay).map(([f, v]) => ({ c: 'stay', id: 'stay1', f, v, s: stamp })),
      ...Object.entries(fields).map(([f, v]) => ({ c: 'transfer', id: 'tr1', f, v, s: stamp })),
    ];
    const client = await mqtt.connectAsync(broker.rawUrl);
    await client.publishAsync('tavla/v1/testby/unit-a/changes/board-a-sim', JSON.stringify({ v: 1, from: 'board-a-sim', changes }), { qos: 1 });
    await client.endAsync();
    for (const [p, scope] of [[a, 'unit-a'], [b, 'unit-b'], [h, 'unit-b']] as const) {
      await waitFor(() => storedFields(p.databaseFile, scope).filter((f) => f.startsWith('transfer/tr1/')).length, (n) => n === 5, {
        what: `transfer on ${p.options.data}`,
      });
    }
    expect(storedScopes(b.databaseFile)).toEqual(['unit-b']);
  });

  it('(h) announces presence, and the broker announces a killed board offline through its last will', async () => {
    const watcher = await mqtt.connectAsync(broker.rawUrl);
    const seen: Record<string, string> = {};
    watcher.on('message', (topic, payload) => {
      if (payload.length > 0) seen[topic] = (JSON.parse(payload.toString()) as { status: string }).status;
    });
    await watcher.subscribeAsync(`tavla/v1/${M}/solsiden/presence/+`);
    const a = await board('a');
    const topic = `tavla/v1/${M}/solsiden/presence/${String((await a.health()).nodeId)}`;
    await waitFor(() => seen[topic], (status) => status === 'online', { what: 'online presence' });
    await a.stop('SIGKILL');
    await waitFor(() => seen[topic], (status) => status === 'offline', { what: 'last will' });
    await watcher.endAsync();
  });

  it('(i) the unit leader reads on one board who unlocked and revealed on another, and the hub keeps the log', async () => {
    const h = await hub();
    const [a, b] = [await board('a'), await board('b')];
    await a.id('unit.configure', UNIT);
    const stayId = await a.id('stay.admit', { bed: '101', name: 'Astrid Berg', initials: 'AB', birthDate: '1931-05-06' });
    // Staff and PINs are each screen's own: a unit leader on each.
    const unlock = async (p: TavlaProcess, name: string, pin: string) => {
      const staffId = await p.id('staff.set', { name, role: 'unit-leader', pin });
      const grant = await p.call<{ token: string }>('session.unlock', { staffId, pin, screen: 'screen1' });
      if (!grant.value) throw new Error(`unlock: ${JSON.stringify(grant)}`);
      return { token: grant.value.token, screen: 'screen1' };
    };
    const onA = await unlock(a, 'Liv Leder', '2468');
    const revealed = await a.call<{ name: string }[]>('stay.reveal', { session: onA, stayIds: [stayId] });
    expect(revealed.value?.[0].name).toBe('Astrid Berg');
    const onB = await unlock(b, 'Per Postmann', '1357');
    const nodeA = String((await a.health()).nodeId);
    type Line = { action: string; actor: string; board: string; thisBoard: boolean; place: string | null; detail: string | null };
    const log = await waitFor(
      async () => (await b.call<Line[]>('audit.list', { session: onB })).value ?? [],
      (lines) => lines.some((line) => line.action === 'stay.reveal' && line.board === nodeA),
      { what: "board A's reveal in board B's audit log", timeout: 15_000 },
    );
    expect(log.find((line) => line.action === 'stay.reveal')).toMatchObject({ actor: 'Liv Leder', board: nodeA, thisBoard: false, place: '101 · AB' });
    expect(log.find((line) => line.action === 'audit.read')).toMatchObject({ actor: 'Per Postmann', thisBoard: true });
    expect(log.find((line) => line.action === 'session.unlock' && line.board === nodeA)).toMatchObject({ actor: 'Liv Leder' });
    expect(log.find((line) => line.action === 'stay.admit')).toMatchObject({ board: nodeA });
    // An unlock syncs without any edit after it: the reveal above was the last thing A did.
    await connectedAndDrained(a);
    // Every board's log converges, and the hub holds the unit's log too.
    await Promise.all([a, b].map(connectedAndDrained));
    await expectConverged('solsiden', [a, b, h]);
    const entries = storedFields(h.databaseFile, 'solsiden').filter((field) => field.startsWith('auditEntry/'));
    expect(entries.some((field) => field.includes('stay.reveal'))).toBe(true);
    expect(entries.join('\n')).not.toContain('Astrid');
  });
});
