/**
 * Patient flow through a real Mosquitto with the hub and boards as `tavla` processes: PLO messages
 * dropped into the running hub's inbox reach the allocation office's board, and a transfer from
 * the allocation office to a nursing home survives each board being stopped during the other's step.
 */

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AllocationState, FlowState } from '../../shared/api/commands/flow.js';
import { tempDir } from '../support/temp-dir.js';
import { Mosquitto } from '../support/mosquitto.js';
import { PATIENTS, ploMessage } from '../support/plo-messages.js';
import { storedFields, TavlaProcess } from '../support/tavla-process.js';
import { waitFor } from '../support/wait.js';

const M = 'testby';

describe('patient flow through Mosquitto', () => {
  let dir: ReturnType<typeof tempDir>;
  let broker: Mosquitto;
  let inbox: string;
  const running: TavlaProcess[] = [];

  const start = async (options: ConstructorParameters<typeof TavlaProcess>[0]) => {
    const p = await TavlaProcess.start(options);
    running.push(p);
    return p;
  };
  const hub = () => start({ role: 'hub', municipality: M, broker: broker.url, data: `${dir.path}/hub`, args: ['--plo-inbox', inbox] });
  const board = (unit: string) => start({ role: 'board', municipality: M, unit, broker: broker.url, data: `${dir.path}/${unit}` });
  const value = async <T>(p: TavlaProcess, command: string, input: unknown = {}): Promise<T> => {
    const result = await p.call<T>(command, input);
    if (!result.ok) throw new Error(`${command}: ${result.code} ${result.message}`);
    return result.value as T;
  };
  const allocation = (p: TavlaProcess) => value<AllocationState>(p, 'flow.allocation');
  const flow = (p: TavlaProcess) => value<FlowState>(p, 'flow.state');
  const drained = (p: TavlaProcess) =>
    waitFor(() => p.health(), (h) => h.broker === 'connected' && h.outbox === 0, { what: `${p.options.data} drained`, timeout: 30_000 });

  beforeEach(async () => {
    dir = tempDir('tavla-flow-int-');
    inbox = join(dir.path, 'plo-inbox');
    mkdirSync(inbox);
    broker = await Mosquitto.start(dir.path);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((p) => p.stop('SIGKILL')));
    await broker.kill();
    dir.remove();
  });

  /** A hub, the allocation office and a nursing home, configured and known to each other. */
  async function municipality() {
    const h = await hub();
    const ao = await board('tildeling');
    const nh = await board('solsiden');
    await value(ao, 'unit.configure', { name: 'Tildelingskontoret', kind: 'allocation-office', beds: [] });
    await value(nh, 'unit.configure', { name: 'Solsiden sykehjem', kind: 'nursing-home', beds: [{ label: '101' }, { label: '102' }] });
    await waitFor(() => flow(ao), (s) => s.units.some((u) => u.unit === 'solsiden' && u.free === 2), { what: 'the office to see the nursing home' });
    return { h, ao, nh };
  }

  it('imports PLO files dropped into the running hub\'s inbox onto the allocation office board, and sets a bad one aside', async () => {
    const { h, ao } = await municipality();
    writeFileSync(join(inbox, 'kari.xml'), ploMessage({ type: 'LOG_UTSKRIVNINGSKLAR', patient: PATIENTS.kari, msgId: 'e2a1c0de-0000-4000-8000-00000000000a' }));
    writeFileSync(join(inbox, 'broken.xml'), ploMessage({ type: 'LOG_INNLAGT', patient: PATIENTS.ola }).replace('</MsgHead>', ''));
    const seen = await waitFor(() => allocation(ao), (s) => s.patients.length === 1, { what: 'the patient on the office board' });
    expect(seen.patients[0]).toMatchObject({ initials: 'KN', hospitalStatus: 'discharge-ready', dischargeReadySince: '2026-11-18T08:00:00.000Z' });
    await waitFor(() => readdirSync(inbox).sort(), (names) => names.join() === 'imported,rejected', { what: 'files moved out of the inbox' });
    expect(readdirSync(join(inbox, 'imported'))).toEqual(['kari.xml']);
    expect(readFileSync(join(inbox, 'rejected', 'broken.xml.reason.txt'), 'utf8')).toMatch(/^bad XML/);
    expect(await value(h, 'plo.imports')).toEqual([expect.objectContaining({ msgId: 'e2a1c0de-0000-4000-8000-00000000000a', type: 'LOG_UTSKRIVNINGSKLAR', unit: 'tildeling', file: 'kari.xml' })]);
    // The same message again is imported once only.
    writeFileSync(join(inbox, 'kari-again.xml'), ploMessage({ type: 'LOG_UTSKRIVNINGSKLAR', patient: PATIENTS.kari, msgId: 'e2a1c0de-0000-4000-8000-00000000000a' }));
    await waitFor(() => existsSync(join(inbox, 'imported', 'kari-again.xml')), Boolean, { what: 'the repeat taken' });
    expect((await allocation(ao)).patients).toHaveLength(1);
    expect(await value<unknown[]>(h, 'plo.imports')).toHaveLength(1);
  }, 90_000);

  it('loses and duplicates nothing when each board is stopped while the other takes its step', async () => {
    const { h, ao, nh } = await municipality();
    writeFileSync(join(inbox, 'kari.xml'), ploMessage({ type: 'LOG_UTSKRIVNINGSKLAR', patient: PATIENTS.kari }));
    const patient = (await waitFor(() => allocation(ao), (s) => s.patients.length === 1, { what: 'the patient' })).patients[0];

    // The nursing home is down when the office starts the transfer.
    await nh.stop('SIGKILL');
    const { id } = await value<{ id: string }>(ao, 'transfer.request', { stayId: patient.stayId, toUnit: 'solsiden' });
    await drained(ao);
    await nh.start();
    const incoming = await waitFor(() => flow(nh), (s) => s.transfers.some((t) => t.id === id), { what: 'the request on the restarted nursing home', timeout: 30_000 });
    expect(incoming.transfers[0]).toMatchObject({ direction: 'in', state: 'requested', initials: 'KN', steps: ['accept', 'decline', 'schedule'] });

    // The office is down while the nursing home accepts and receives the patient.
    await ao.stop('SIGTERM');
    await value(nh, 'transfer.accept', { id, bed: '102' });
    await value(nh, 'transfer.complete', { id });
    await drained(nh);
    await ao.start();
    const after = await waitFor(() => allocation(ao), (s) => s.patients.length === 0, { what: 'the patient off the office list', timeout: 30_000 });
    expect(after.totals.dischargeReady).toBe(0);
    const out = await waitFor(() => flow(ao), (s) => s.transfers.some((t) => t.id === id && t.state === 'completed'), { what: 'completion on the office board' });
    expect(out.transfers.find((t) => t.id === id)).toMatchObject({ direction: 'out', toBed: '102', conflict: null });

    // The nursing home has the patient once, in bed 102, with the name the hub brought over (in its
    // store: the board's API hands names out only to an unlocked session).
    await waitFor(() => storedFields(nh.databaseFile, 'solsiden'), (fields) => fields.some((f) => f.includes('/name="Kari Nordmann"@')), { what: 'the name on the nursing home' });
    const nhState = await nh.state<{ stays: { initials: string; bed: string | null; name: string | null }[]; beds: { id: string; label: string; status: string }[] }>();
    expect(nhState.stays).toHaveLength(1);
    expect(nhState.stays[0].name).toBeNull();
    expect(nhState.beds.find((b) => b.id === nhState.stays[0].bed)).toMatchObject({ label: '102', status: 'occupied' });

    // Every replica holds the same fields of each scope, and no board holds the other unit's patients.
    for (const [p, scope] of [[ao, 'tildeling'], [nh, 'solsiden']] as const) {
      await waitFor(
        () => [storedFields(p.databaseFile, scope).join('\n'), storedFields(h.databaseFile, scope).join('\n')],
        ([mine, hubs]) => mine === hubs,
        { what: `${scope} converged with the hub`, timeout: 30_000 },
      );
    }
    for (const [p, other] of [[ao, 'solsiden'], [nh, 'tildeling']] as const) {
      const db = new Database(p.databaseFile, { readonly: true });
      try {
        expect(db.prepare('SELECT count(*) AS n FROM stay WHERE unit = ?').get(other)).toEqual({ n: 0 });
      } finally {
        db.close();
      }
    }
  }, 120_000);
});
