/**
 * The outbox count stays right when the disk refuses the sent marks: a board's unsent edits reach
 * the broker and its peer, the mark that they were sent fails to write (a real SQLite error,
 * injected into its file), and /healthz says `outbox: 0` and `storage: full` — not "unsent" — and
 * the marks are written once writes work again, without publishing anything twice as unsent.
 */

import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';
import { Mosquitto } from '../support/mosquitto.js';
import { storedFields, TavlaProcess } from '../support/tavla-process.js';
import { waitFor } from '../support/wait.js';

const unsentOnDisk = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM change_log WHERE sent = 0').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('sent marks on a disk that refuses them', () => {
  let dir: ReturnType<typeof tempDir>;
  let broker: Mosquitto;
  const running: TavlaProcess[] = [];
  beforeEach(async () => {
    dir = tempDir('tavla-marks-');
    broker = await Mosquitto.start(dir.path);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((p) => p.stop('SIGKILL')));
    await broker.kill();
    dir.remove();
  });

  it('counts sent changes as sent though their marks failed, and writes the marks once the disk takes writes', async () => {
    const start = async (name: string) => {
      const p = await TavlaProcess.start({ role: 'board', municipality: 'testby', unit: 'solsiden', broker: broker.url, data: `${dir.path}/${name}`, args: ['--sync-period', '1'] });
      running.push(p);
      return p;
    };
    const [a, b] = [await start('a'), await start('b')];
    await b.id('unit.configure', { name: 'Solsiden', kind: 'nursing-home', beds: [{ label: '101' }] });
    await waitFor(() => a.health(), (h) => h.outbox === 0 && h.broker === 'connected', { what: 'A drained' });
    await broker.kill();
    await waitFor(() => b.health(), (h) => h.broker === 'offline', { what: 'B offline' });
    const made: string[] = [];
    for (let i = 0; i < 3; i += 1) made.push(await b.id('task.create', { title: `Mens frakoblet ${i}` }));
    const offline = await b.health();
    expect(Number(offline.outbox)).toBeGreaterThan(0);

    const fault = new Database(b.databaseFile);
    fault.exec("CREATE TRIGGER injected_full BEFORE UPDATE ON change_log BEGIN SELECT RAISE(ABORT, 'database or disk is full (injected)'); END");
    await broker.restart();
    for (const id of made) await waitFor(() => storedFields(a.databaseFile, 'solsiden').some((f) => f.startsWith(`task/${id}/`)), Boolean, { what: `task ${id} on A` });
    const marksFailed = await waitFor(() => b.health(), (h) => (h.storage as { state: string }).state === 'full', { what: 'B to say it cannot write' });
    expect(marksFailed.ok).toBe(false);
    expect(marksFailed.outbox).toBe(0);
    expect(unsentOnDisk(b.databaseFile)).toBeGreaterThan(0);

    fault.exec('DROP TRIGGER injected_full');
    fault.close();
    const healthy = await waitFor(() => b.health(), (h) => h.ok === true, { what: 'B healthy again', timeout: 10_000 });
    expect(healthy.outbox).toBe(0);
    await waitFor(() => unsentOnDisk(b.databaseFile), (n) => n === 0, { what: 'the marks written' });
  }, 60_000);
});
