/**
 * The collection horizon through Mosquitto with `tavla` processes and a short horizon: a board
 * that was away for longer than it starts over from the hub, says so, brings back no delete that
 * was collected meanwhile and loses no edit it made while away.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FaultWorld, sleep } from '../support/fault-world.js';
import { storedFields, TavlaProcess } from '../support/tavla-process.js';
import { waitFor } from '../support/wait.js';

const HORIZON = ['--horizon', '4s'];
const beds = (labels: string[]) => ({ name: 'Solsiden', kind: 'nursing-home', beds: labels.map((label) => ({ label })) });
const fieldsOf = (p: TavlaProcess, prefix: string) => storedFields(p.databaseFile, 'solsiden').filter((f) => f.startsWith(prefix));

describe('a board away for longer than the collection horizon', () => {
  let world: FaultWorld;
  beforeEach(async () => {
    world = await new FaultWorld().start();
  });
  afterEach(() => world.stop());

  it('starts over from the hub: the collected delete stays gone, its own new task arrives everywhere', async () => {
    const hub = await world.hub(HORIZON);
    const a = await world.board('a', 'solsiden', HORIZON);
    const b = await world.board('b', 'solsiden', HORIZON);
    await a.id('unit.configure', beds(['101', '102', '103']));
    const bedIds = await waitFor(
      () => b.state<{ beds: { id: string; label: string }[] }>(),
      (s) => s.beds.length === 3,
      { what: 'b has the three beds' },
    );
    const removed = bedIds.beds.find((bed) => bed.label === '103')?.id as string;
    await Promise.all([a, b].map((p) => world.drained(p)));
    await b.stop('SIGTERM');

    // Bed 103 is taken out while b is away, and collected once the horizon has passed.
    await a.id('unit.configure', beds(['101', '102']));
    await world.drained(a);
    await waitFor(() => [a, hub].map((p) => fieldsOf(p, `bed/${removed}/`).length), (n) => n.every((x) => x === 0), {
      what: 'bed 103 collected on a and the hub',
      timeout: 20_000,
    });

    // b, away and alone (no broker), edits the bed its peers collected and makes a task.
    const alone = await TavlaProcess.start({ role: 'board', municipality: 'testby', unit: 'solsiden', data: b.options.data, args: HORIZON });
    expect((await alone.call('bed.setStatus', { bed: '103', status: 'blocked' })).ok).toBe(true);
    const made = await alone.id('task.create', { title: 'Laget mens borte' });
    await alone.stop('SIGTERM');
    await sleep(4500); // longer than the horizon since b's last contact

    await b.start();
    await waitFor(() => b.output, (out) => out.includes('starting over from a peer') && out.includes('started over from a peer'), {
      what: 'b says it starts over',
      timeout: 30_000,
    });
    await world.drained(b);
    for (const p of [a, b, hub]) {
      await waitFor(() => fieldsOf(p, `task/${made}/`).length, (n) => n > 0, { what: `the task made while away on ${p.options.data}` });
      expect(fieldsOf(p, `bed/${removed}/`)).toEqual([]);
    }
    // The hub keeps the unit's audit log past the horizon; the boards' copies are collected.
    await world.expectConverged('solsiden', [a, b, hub], 30_000, (field) => !field.startsWith('auditEntry/'));
  }, 120_000);
});
