/**
 * The periodic digest round through a real Mosquitto, boards as `tavla` processes with a short
 * period: matching digests cost one small message each way; a batch a board failed to store is
 * counted and arrives again by itself within two periods once the store works, with no reconnect.
 */

import Database from 'better-sqlite3';
import mqtt from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';
import { Mosquitto } from '../support/mosquitto.js';
import { storedFields, TavlaProcess } from '../support/tavla-process.js';
import { waitFor } from '../support/wait.js';

const M = 'testby';
const PERIOD_S = 1.5;
const UNIT = { name: 'Solsiden', kind: 'nursing-home', beds: [{ label: '101' }] };

describe('digest rounds', () => {
  let dir: ReturnType<typeof tempDir>;
  let broker: Mosquitto;
  const running: TavlaProcess[] = [];
  const board = async (name: string) => {
    const p = await TavlaProcess.start({ role: 'board', municipality: M, unit: 'solsiden', broker: broker.url, data: `${dir.path}/${name}`, args: ['--sync-period', String(PERIOD_S)] });
    running.push(p);
    return p;
  };
  const converged = (replicas: TavlaProcess[]) =>
    waitFor(
      () => replicas.map((r) => storedFields(r.databaseFile, 'solsiden').join('\n')),
      (all) => all.every((fields) => fields === all[0]),
      { what: 'replicas to converge', timeout: 30_000 },
    );

  beforeEach(async () => {
    dir = tempDir('tavla-rounds-');
    broker = await Mosquitto.start(dir.path);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((p) => p.stop('SIGKILL')));
    await broker.kill();
    dir.remove();
  });

  it('costs one round and one answer per peer and period while the digests match', async () => {
    const [a, b] = [await board('a'), await board('b')];
    await a.id('unit.configure', UNIT);
    await converged([a, b]);
    await new Promise((resolve) => setTimeout(resolve, 2000)); // the join's own exchange is over
    const watcher = await mqtt.connectAsync(broker.url);
    const seen: { type: string; bytes: number }[] = [];
    watcher.on('message', (_topic, payload) => seen.push({ type: (JSON.parse(payload.toString()) as { type: string }).type, bytes: payload.length }));
    await watcher.subscribeAsync(`tavla/v1/${M}/solsiden/sync/+`);
    const window = 4 * PERIOD_S * 1000;
    await new Promise((resolve) => setTimeout(resolve, window));
    await watcher.endAsync();
    const types = new Set(seen.map((m) => m.type));
    expect([...types].sort()).toEqual(['round', 'round-ack']);
    const rounds = seen.filter((m) => m.type === 'round').length;
    // Two boards, each asking the other once a period (jittered ±10 %).
    expect(rounds).toBeGreaterThanOrEqual(2 * Math.floor(window / (1.1 * PERIOD_S * 1000)));
    expect(rounds).toBeLessThanOrEqual(2 * Math.ceil(window / (0.9 * PERIOD_S * 1000)) + 2);
    expect(Math.max(...seen.map((m) => m.bytes))).toBeLessThan(300);
  }, 60_000);

  it('counts a batch that failed to store, says so in /healthz, and fetches it again within two periods once writes work', async () => {
    const [a, b] = [await board('a'), await board('b')];
    await a.id('unit.configure', UNIT);
    await converged([a, b]);
    // A real write failure inside B's SQLite: every task row it tries to store fails with an I/O error.
    const fault = new Database(b.databaseFile);
    fault.exec("CREATE TRIGGER injected_fault BEFORE INSERT ON field_state WHEN NEW.collection = 'task' BEGIN SELECT RAISE(ABORT, 'disk I/O error (injected)'); END");
    const before = Number((await b.health()).rejected);
    for (let i = 0; i < 5; i += 1) await a.id('task.create', { title: `Oppgave ${i}` });
    // Each period B probes its disk with a small write that succeeds (the fault hits task rows only), so
    // /healthz is `ok` again between B's tries of the batch: look while it says the last try failed.
    const failing = await waitFor(() => b.health(), (h) => Number(h.rejected) >= before + 5 && h.ok === false, { what: 'B counts the failed batches and says so' });
    expect(failing.ok).toBe(false);
    expect(failing.storage).toMatchObject({ state: 'failing', error: expect.stringContaining('disk I/O error') });
    expect(typeof (failing.storage as { since: string }).since).toBe('string');
    // A local edit on B is refused too (507), and nothing of it is kept.
    const refused = await b.call('task.create', { title: 'Skal ikke lagres' });
    expect(refused).toMatchObject({ ok: false, code: 'storage-failed' });

    fault.exec('DROP TRIGGER injected_fault');
    fault.close();
    const freed = Date.now();
    await converged([a, b]);
    const took = Date.now() - freed;
    console.log(`failed batches on B arrived ${took} ms after writes worked again (period ${PERIOD_S * 1000} ms)`);
    // Two periods, plus a second for two processes and a broker sharing the 2-core machine.
    expect(took).toBeLessThanOrEqual(2 * PERIOD_S * 1000 + 1000);
    const healthy = await waitFor(() => b.health(), (h) => h.ok === true, { what: 'B healthy again' });
    expect(healthy.storage).toMatchObject({ state: 'ok', error: null });
    expect(storedFields(b.databaseFile, 'solsiden').join('\n')).not.toContain('Skal ikke lagres');
    expect(healthy.broker).toBe('connected');
  }, 60_000);
});
