/**
 * The walls behind the broker (docs/protocol.md, Walls), tried as an attacker holding a unit-A
 * identity would: a raw mqtt.js client publishing on unit A's own topics of a real Mosquitto that
 * lets everything through, against a hub and two boards running as `tavla` processes.
 */

import mqtt, { type MqttClient } from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowState } from '../../shared/api/commands/flow.js';
import type { Change } from '../../shared/sync/change.js';
import { encodeStamp } from '../../shared/sync/hlc.js';
import { tempDir } from '../support/temp-dir.js';
import { Mosquitto } from '../support/mosquitto.js';
import { storedFields, TavlaProcess } from '../support/tavla-process.js';
import { waitFor } from '../support/wait.js';

const M = 'testby';
const ATTACKER = 'mallory';
const AT = '2026-11-23T08:00:00.000Z';
type Health = { rejected: number; rejectedBy?: Record<string, number>; units?: number; broker: string; outbox: number; nodeId: string };
type State = { stays: { id: string; initials: string; status: string; bed: string | null }[]; beds: { id: string; label: string; status: string }[] };

describe('forged sync traffic from an identity of unit A', () => {
  let dir: ReturnType<typeof tempDir>;
  let broker: Mosquitto;
  let attacker: MqttClient;
  let hub: TavlaProcess;
  let a: TavlaProcess;
  let b: TavlaProcess;
  let stayOfB: string;
  const running: TavlaProcess[] = [];

  const start = async (options: ConstructorParameters<typeof TavlaProcess>[0]) => {
    const p = await TavlaProcess.start(options);
    running.push(p);
    return p;
  };
  const health = async (p: TavlaProcess) => (await p.health()) as unknown as Health;
  const refusedBy = async (p: TavlaProcess, wall: string) => (await health(p)).rejectedBy?.[wall] ?? 0;
  const value = async <T>(p: TavlaProcess, command: string, input: unknown = {}): Promise<T> => {
    const result = await p.call<T>(command, input);
    if (!result.ok) throw new Error(`${command}: ${result.code} ${result.message}`);
    return result.value as T;
  };
  const drained = (p: TavlaProcess) =>
    waitFor(() => health(p), (h) => h.broker === 'connected' && h.outbox === 0, { what: `${p.options.data} drained`, timeout: 30_000 });
  /** Changes stamped now by the attacker, as a board's would be. */
  const forged = (c: Change['c'], id: string, fields: Record<string, Change['v']>): Change[] =>
    Object.entries(fields).map(([f, v], i) => ({ c, id, f, v, s: encodeStamp({ wall: Date.now(), counter: i, node: ATTACKER }) }));
  const publish = (topic: string, payload: unknown) => attacker.publishAsync(topic, JSON.stringify(payload), { qos: 1 });
  const onA = (changes: Change[]) => publish(`tavla/v1/${M}/unit-a/changes/${ATTACKER}`, { v: 1, from: ATTACKER, changes });
  /** Waits until a replica counted `more` refusals by `wall` than `before`. */
  const counted = (p: TavlaProcess, wall: string, before: number, more = 1) =>
    waitFor(() => refusedBy(p, wall), (n) => n >= before + more, { what: `${p.options.data} to count ${wall}`, timeout: 15_000 });

  beforeEach(async () => {
    dir = tempDir('tavla-forged-');
    broker = await Mosquitto.start(dir.path);
    hub = await start({ role: 'hub', municipality: M, broker: broker.url, data: `${dir.path}/hub` });
    a = await start({ role: 'board', municipality: M, unit: 'unit-a', broker: broker.url, data: `${dir.path}/a` });
    b = await start({ role: 'board', municipality: M, unit: 'unit-b', broker: broker.url, data: `${dir.path}/b` });
    await value(a, 'unit.configure', { name: 'Solsiden', kind: 'nursing-home', beds: [{ label: '101' }, { label: '102' }] });
    await value(b, 'unit.configure', { name: 'Fjellro', kind: 'short-term', beds: [{ label: '201' }, { label: '202' }] });
    stayOfB = (await value<{ id: string }>(b, 'stay.admit', { bed: '201', name: 'Astrid Berg', initials: 'AB', birthDate: '1931-05-06' })).id;
    await Promise.all([a, b].map(drained));
    await waitFor(() => hub.state<{ units: State[] }>(), (s) => s.units.length === 2 && s.units.some((u) => u.stays.length === 1), { what: 'the hub to hold both units' });
    attacker = await mqtt.connectAsync(broker.url, { clientId: ATTACKER });
  });
  afterEach(async () => {
    await attacker?.endAsync();
    await Promise.all(running.splice(0).map((p) => p.stop('SIGKILL')));
    await broker.kill();
    dir.remove();
  });

  it('moves and copies nothing of unit B for a forged completed transfer on unit A\'s own topics', async () => {
    const before = { hubScope: await refusedBy(hub, 'scope'), hubSide: await refusedBy(hub, 'side'), aSide: await refusedBy(a, 'side') };
    const done = { requestedAt: AT, acceptedAt: AT, completedAt: AT, status: 'completed', initials: 'AB' };
    await onA([
      // B's patient "sent" from B to A, as if B had requested it and A received her.
      ...forged('transfer', 'forged1', { fromUnit: 'unit-b', toUnit: 'unit-a', stay: stayOfB, completedBy: 'unit-a', ...done }),
      // B's patient "sent" from A to B: a stay A does not hold.
      ...forged('transfer', 'forged2', { fromUnit: 'unit-a', toUnit: 'unit-b', stay: stayOfB, completedBy: 'unit-a', ...done }),
      // And her stay written to directly.
      ...forged('stay', stayOfB, { status: 'discharged', hlrMinus: true }),
    ]);
    await counted(hub, 'side', before.hubSide, 9);
    await counted(hub, 'scope', before.hubScope, 9 + 2);
    await counted(a, 'side', before.aSide, 9);

    // A legitimate edit after the forgery reaches the hub: the forgery has been dealt with by then.
    await value(a, 'task.create', { title: 'Etter' });
    await waitFor(() => storedFields(hub.databaseFile, 'unit-a').some((f) => f.includes('"Etter"')), Boolean, { what: 'the hub to go on syncing' });
    await drained(b);

    const hubState = await hub.state<{ units: State[] }>();
    const bOnHub = hubState.units.flatMap((u) => u.stays).find((s) => s.id === stayOfB);
    expect(bOnHub).toMatchObject({ status: 'active', bed: expect.any(String) });
    expect((await b.state<State>()).stays).toMatchObject([{ id: stayOfB, status: 'active', initials: 'AB' }]);
    expect((await b.state<State>()).beds.find((bed) => bed.label === '201')?.status).toBe('occupied');
    for (const p of [hub, a, b]) {
      const transfers = [...storedFields(p.databaseFile, 'unit-a'), ...storedFields(p.databaseFile, 'unit-b')].filter((f) => f.startsWith('transfer/'));
      expect(transfers, `${p.options.data} holds no forged transfer`).toEqual([]);
    }
    // Her name and birth date are nowhere in unit A's scope, on the hub or on A's board.
    for (const p of [hub, a]) expect(storedFields(p.databaseFile, 'unit-a').join('\n')).not.toMatch(/Astrid|1931-05-06/);
    expect(storedFields(hub.databaseFile, 'unit-b').filter((f) => f.startsWith(`stay/${stayOfB}/status=`))).toEqual([expect.stringContaining('"active"')]);
    const counts = await health(hub);
    expect(counts.rejected).toBe(Object.values(counts.rejectedBy ?? {}).reduce((sum, n) => sum + n, 0));
  });

  it('refuses a forged accept on A\'s topics for a transfer A requested, and takes B\'s own', async () => {
    await waitFor(() => value<FlowState>(a, 'flow.state'), (s) => s.units.some((u) => u.unit === 'unit-b'), { what: 'A to know unit B' });
    const stayOfA = (await value<{ id: string }>(a, 'stay.admit', { bed: '101', name: 'Kari Nordmann', initials: 'KN', birthDate: '1940-01-02' })).id;
    const { id } = await value<{ id: string }>(a, 'transfer.request', { stayId: stayOfA, toUnit: 'unit-b' });
    await waitFor(() => value<FlowState>(b, 'flow.state'), (s) => s.transfers.some((t) => t.id === id), { what: 'the request on B' });
    const before = { hub: await refusedBy(hub, 'side'), a: await refusedBy(a, 'side') };

    await onA(forged('transfer', id, { acceptedAt: AT, status: 'accepted', toBedLabel: '202' }));
    await counted(hub, 'side', before.hub, 3);
    await counted(a, 'side', before.a, 3);
    for (const p of [a, b]) expect((await value<FlowState>(p, 'flow.state')).transfers.find((t) => t.id === id)?.state).toBe('requested');
    expect(storedFields(hub.databaseFile, 'unit-a').filter((f) => f.startsWith(`transfer/${id}/acceptedAt=`))).toEqual([]);

    // The receiving unit's own accept goes through, to A as well.
    await value(b, 'transfer.accept', { id, bed: '202' });
    await waitFor(() => value<FlowState>(a, 'flow.state'), (s) => s.transfers.find((t) => t.id === id)?.state === 'accepted', { what: "B's accept on A" });
  });

  it('answers a pull only for the scope it arrived on, and only to a replica announced in it', async () => {
    const hubNode = (await health(hub)).nodeId;
    const answers: { topic: string; text: string }[] = [];
    attacker.on('message', (topic, payload) => answers.push({ topic, text: payload.toString() }));
    await attacker.subscribeAsync(`tavla/v1/${M}/+/sync/${ATTACKER}`);
    const pull = (unit: string, session: string) =>
      publish(`tavla/v1/${M}/${unit}/sync/${hubNode}`, { v: 1, type: 'pull', from: ATTACKER, session, seq: 0, buckets: Array.from({ length: 256 }, (_, i) => i), offset: 0 });
    const before = await refusedBy(hub, 'request');

    // Not announced anywhere: nothing at all.
    await pull('unit-a', 'anon');
    await counted(hub, 'request', before);
    // Announced in unit A: unit A's scope, nothing of unit B.
    await publish(`tavla/v1/${M}/unit-a/presence/${ATTACKER}`, { v: 1, node: ATTACKER, role: 'board', status: 'online', at: new Date().toISOString() });
    await pull('unit-a', 'as-a');
    const page = await waitFor(() => answers.find((m) => m.text.includes('"as-a"')), Boolean, { what: 'a page for unit A' });
    expect(page?.topic).toBe(`tavla/v1/${M}/unit-a/sync/${ATTACKER}`);
    const { changes, total } = JSON.parse(page?.text ?? '{}') as { changes: Change[]; total: number };
    expect(total).toBeGreaterThan(0);
    expect(changes.some((c) => c.c === 'unit' && c.id === 'unit-a')).toBe(true);
    expect(page?.text).not.toMatch(/Astrid|1931-05-06/);
    expect(changes.filter((c) => c.c === 'stay' || c.c === 'bed').map((c) => c.id)).not.toContain(stayOfB);
    // Asking on unit B's topic as a node of unit A: refused, nothing sent.
    await pull('unit-b', 'as-b');
    await counted(hub, 'request', before, 2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(answers.filter((m) => !m.text.includes('"as-a"'))).toEqual([]);

    // Nor does the hub take changes on unit B's topics from a node announced in unit A.
    const bedOfB = (await b.state<State>()).beds.find((bed) => bed.label === '202');
    const senders = await refusedBy(hub, 'sender');
    await publish(`tavla/v1/${M}/unit-b/changes/${ATTACKER}`, { v: 1, from: ATTACKER, changes: forged('bed', bedOfB?.id ?? '', { status: 'blocked' }) });
    await counted(hub, 'sender', senders);
    expect(storedFields(hub.databaseFile, 'unit-b').filter((f) => f.startsWith(`bed/${bedOfB?.id}/status=`))).toEqual([expect.stringContaining('"free"')]);
  });

  it('drops a change with bed.status "x", counts it, and applies the rest of its batch', async () => {
    const bed = (await a.state<State>()).beds.find((x) => x.label === '102');
    const before = { hub: await refusedBy(hub, 'schema'), a: await refusedBy(a, 'schema') };
    await onA([
      ...forged('bed', bed?.id ?? '', { status: 'x' }),
      ...forged('task', 'garbage-neighbour', { unit: 'unit-a', title: 'Kommer fram', status: 'open', createdAt: AT, deleted: false }),
    ]);
    await counted(hub, 'schema', before.hub);
    await counted(a, 'schema', before.a);
    await waitFor(() => storedFields(a.databaseFile, 'unit-a').filter((f) => f.startsWith('task/garbage-neighbour/')).length, (n) => n === 5, { what: 'the rest on A' });
    await waitFor(() => storedFields(hub.databaseFile, 'unit-a').filter((f) => f.startsWith('task/garbage-neighbour/')).length, (n) => n === 5, { what: 'the rest on the hub' });
    expect((await a.state<State>()).beds.find((x) => x.label === '102')?.status).toBe('free');
    for (const p of [hub, a]) expect(storedFields(p.databaseFile, 'unit-a').some((f) => f.startsWith(`bed/${bed?.id}/status="x"`))).toBe(false);
  });
});
