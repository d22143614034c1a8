/**
 * Two hubs of one municipality at once, each its own store and node id, with two boards, all
 * `tavla` processes through a real Mosquitto: both hold every unit and serve the leader view; a
 * transfer completed while both run is settled once (the records a settlement writes have ids
 * derived from the transfer); one hub SIGKILLed mid-transfer leaves the survivor to settle and to
 * answer resync alone; restarted, it catches up (the capacity records the survivor wrote meanwhile
 * from the survivor itself: no board may relay a hub's record), settles nothing twice, and every
 * store is equal.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CapacityView } from '../../shared/api/commands/leader.js';
import { arrivalStayId, cleaningTaskId } from '../../main/flow/transfer-records.js';
import { JSON_HEADERS, storedFields, TavlaProcess } from '../support/tavla-process.js';
import { tempDir } from '../support/temp-dir.js';
import { Mosquitto } from '../support/mosquitto.js';
import { waitFor } from '../support/wait.js';

const M = 'testby';
const CONVERGE_MS = 30_000;

interface UnitState {
  stays: { id: string; initials: string; bed: string | null; status: string }[];
  beds: { id: string; label: string; status: string }[];
  tasks: { id: string; title: string }[];
}

describe('two hubs of one municipality', () => {
  let dir: ReturnType<typeof tempDir>;
  let broker: Mosquitto;
  const running: TavlaProcess[] = [];

  const start = async (options: ConstructorParameters<typeof TavlaProcess>[0]) => {
    const p = await TavlaProcess.start(options);
    running.push(p);
    return p;
  };
  const hub = (name: string) =>
    start({ role: 'hub', municipality: M, broker: broker.url, data: `${dir.path}/${name}`, args: ['--leader-port', '0', '--leader-host', '127.0.0.1'] });
  const board = (unit: string, name = unit) => start({ role: 'board', municipality: M, unit, broker: broker.url, data: `${dir.path}/${name}` });
  const value = async <T>(p: TavlaProcess, command: string, input: unknown = {}): Promise<T> => {
    const result = await p.call<T>(command, input);
    if (!result.ok) throw new Error(`${command}: ${result.code} ${result.message}`);
    return result.value as T;
  };
  const leaderCapacity = async (h: TavlaProcess): Promise<CapacityView> => {
    const response = await fetch(`${h.leaderUrl}api/leader.capacity`, { method: 'POST', headers: JSON_HEADERS, body: '{}' });
    const body = (await response.json()) as { ok: boolean; value: CapacityView };
    if (!body.ok) throw new Error(`leader.capacity on ${h.options.data}: ${JSON.stringify(body)}`);
    return body.value;
  };
  const drained = (p: TavlaProcess) =>
    waitFor(() => p.health(), (h) => h.broker === 'connected' && h.outbox === 0, { what: `${p.options.data} drained`, timeout: 30_000 });
  /** Waits until every replica holds the same fields (value and stamp) of `scope`. */
  const converged = (scope: string, replicas: TavlaProcess[]) =>
    waitFor(
      () => replicas.map((r) => storedFields(r.databaseFile, scope).join('\n')),
      (all) => all[0].length > 0 && all.every((fields) => fields === all[0]),
      { what: `${scope} equal on ${replicas.map((r) => r.options.data.split('/').at(-1)).join(', ')}`, timeout: CONVERGE_MS },
    );
  const records = (p: TavlaProcess, scope: string, collection: string) =>
    [...new Set(storedFields(p.databaseFile, scope).filter((f) => f.startsWith(`${collection}/`)).map((f) => f.split('/')[1]))].sort();

  beforeEach(async () => {
    dir = tempDir('tavla-two-hubs-');
    broker = await Mosquitto.start(dir.path);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((p) => p.stop('SIGKILL')));
    await broker.kill();
    dir.remove();
  });

  it('settles each transfer once whatever the two see, survives a hub SIGKILLed mid-transfer, and ends with equal stores', async () => {
    const [h1, h2] = [await hub('hub-1'), await hub('hub-2')];
    expect((await h1.health()).nodeId).not.toBe((await h2.health()).nodeId);
    const [a, b] = [await board('unit-a'), await board('unit-b')];
    await value(a, 'unit.configure', { name: 'Solsiden', kind: 'nursing-home', beds: [{ label: '101' }, { label: '102' }] });
    await value(b, 'unit.configure', { name: 'Fjellro', kind: 'nursing-home', beds: [{ label: '201' }, { label: '202' }] });
    const kari = await a.id('stay.admit', { bed: '101', name: 'Kari Nordmann', initials: 'KN', birthDate: '1938-02-11' });
    const ola = await a.id('stay.admit', { bed: '102', name: 'Ola Hansen', initials: 'OH', birthDate: '1941-07-30' });
    await Promise.all([a, b].map(drained));

    // Both hubs hold both units and serve the leader view from their own stores.
    for (const h of [h1, h2]) {
      await waitFor(() => h.health(), (x) => x.units === 2, { what: `${h.options.data} holds both units` });
      const view = await waitFor(() => leaderCapacity(h), (v) => v.units.find((u) => u.unit === 'unit-a')?.patients === 2, { what: 'the leader view' });
      expect(view.units.map((u) => u.name).sort()).toEqual(['Fjellro', 'Solsiden']);
    }

    // Transfer 1 completes while both hubs run: each sees the completion and may settle it. Unit A
    // can ask only once a hub has reported unit B to it (its capacity record).
    await waitFor(() => value<{ units: { unit: string }[] }>(a, 'flow.state'), (s) => s.units.some((u) => u.unit === 'unit-b'), { what: 'unit B reported to unit A' });
    const t1 = await a.id('transfer.request', { stayId: kari, toUnit: 'unit-b' });
    await waitFor(() => value<{ transfers: { id: string }[] }>(b, 'flow.state'), (s) => s.transfers.some((t) => t.id === t1), { what: 'request 1 on unit B' });
    await value(b, 'transfer.accept', { id: t1, bed: '201' });
    await value(b, 'transfer.complete', { id: t1 });
    await waitFor(() => b.state<UnitState>(), (s) => s.stays.some((x) => x.id === arrivalStayId(t1)), { what: 'arrival 1 on unit B' });

    // Transfer 2: the first hub is SIGKILLed after the acceptance, before the completion.
    const t2 = await a.id('transfer.request', { stayId: ola, toUnit: 'unit-b' });
    await waitFor(() => value<{ transfers: { id: string }[] }>(b, 'flow.state'), (s) => s.transfers.some((t) => t.id === t2), { what: 'request 2 on unit B' });
    await value(b, 'transfer.accept', { id: t2, bed: '202' });
    await h1.stop('SIGKILL');
    await value(b, 'transfer.complete', { id: t2 });

    // The survivor settles alone: both patients left A, arrived once each on B, in their beds.
    const bState = await waitFor(() => b.state<UnitState>(), (s) => s.stays.filter((x) => x.status === 'active').length === 2, { what: 'both arrivals on B', timeout: CONVERGE_MS });
    expect(bState.stays.map((x) => x.id).sort()).toEqual([arrivalStayId(t1), arrivalStayId(t2)].sort());
    const bedOf = (id: string) => bState.beds.find((bed) => bed.id === bState.stays.find((x) => x.id === id)?.bed)?.label;
    expect([bedOf(arrivalStayId(t1)), bedOf(arrivalStayId(t2))]).toEqual(['201', '202']);
    const departed = (id: string) => (fields: string[]) => fields.some((f) => f.startsWith(`stay/${id}/status="discharged"@`));
    await waitFor(() => storedFields(a.databaseFile, 'unit-a'), (fields) => departed(kari)(fields) && departed(ola)(fields), { what: 'both departures on A', timeout: CONVERGE_MS });
    expect((await a.state<UnitState>()).stays).toEqual([]);
    await waitFor(() => storedFields(b.databaseFile, 'unit-b'), (fields) => fields.some((f) => f.includes('/name="Ola Hansen"@')), { what: "the name the survivor brought to B" });
    const survivorView = await waitFor(() => leaderCapacity(h2), (v) => v.units.find((u) => u.unit === 'unit-b')?.patients === 2, { what: "the survivor's leader view" });
    expect(survivorView.units.find((u) => u.unit === 'unit-a')?.patients).toBe(0);

    // While the first hub is down, unit B is renamed and named back: the survivor reports each name
    // to A, so A's record of B's capacity holds the first name again under the survivor's stamp. The
    // restarted hub holds that name under its own older stamp and has no reason to write it again;
    // A may not relay a hub's record to it: it has to take the survivor's from the survivor.
    for (const name of ['Fjellro sykehjem', 'Fjellro']) {
      await value(b, 'unit.configure', { name, kind: 'nursing-home', beds: [{ label: '201' }, { label: '202' }] });
      await waitFor(() => value<{ units: { unit: string; name: string }[] }>(a, 'flow.state'), (s) => s.units.some((u) => u.unit === 'unit-b' && u.name === name), {
        what: `unit B reported to A as ${name}`,
      });
    }

    // The survivor answers resync alone: a board of B starting on an empty folder fills from it.
    await Promise.all([a, b].map(drained));
    await converged('unit-b', [b, h2]);
    await b.stop('SIGTERM');
    const bFresh = await board('unit-b', 'unit-b-fresh');
    await converged('unit-b', [bFresh, h2]);

    // The killed hub starts again, catches up and writes nothing a second time: every store equal.
    await h1.start();
    await b.start();
    for (const scope of ['unit-a', 'unit-b']) {
      const replicas = scope === 'unit-a' ? [a, h1, h2] : [b, bFresh, h1, h2];
      await Promise.all(replicas.map(drained));
      await converged(scope, replicas);
    }
    for (const h of [h1, h2]) {
      expect(records(h, 'unit-b', 'stay')).toEqual([arrivalStayId(t1), arrivalStayId(t2)].sort());
      expect(records(h, 'unit-a', 'task').filter((id) => id === cleaningTaskId(t1) || id === cleaningTaskId(t2))).toHaveLength(2);
      expect(records(h, 'unit-a', 'stay')).toEqual([kari, ola].sort());
    }

    // And the restarted hub answers resync alone too, once the other is gone.
    await h2.stop('SIGKILL');
    await a.stop('SIGTERM');
    const aFresh = await board('unit-a', 'unit-a-fresh');
    await converged('unit-a', [aFresh, h1]);
    expect((await leaderCapacity(h1)).units.find((u) => u.unit === 'unit-b')?.patients).toBe(2);
  }, 180_000);
});
