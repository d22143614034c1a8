/**
 * A full disk, through a real Mosquitto with boards as `tavla` processes: board B's folder is a
 * small tmpfs that a filler file fills to the last block. While it is full, B refuses local edits
 * (507, nothing kept), /healthz says `ok: false` and `storage: full` with the error and since when,
 * and every batch from A that B cannot store counts in `rejected`; once the filler is gone, B has
 * every change of A within two periods without reconnecting, and its file passes integrity_check.
 * A board started on a full folder says so. Root only (mount); skipped with the reason otherwise.
 * Used by test/integration/disk-full.test.ts (2 cycles, in `npm test`) and `npm run test:fault`.
 */

import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';
import { Mosquitto } from '../support/mosquitto.js';
import { NO_SMALL_DISK, SmallDisk } from '../support/small-disk.js';
import { storedFields, TavlaProcess } from '../support/tavla-process.js';
import { waitFor } from '../support/wait.js';

const M = 'testby';
const PERIOD_S = 1;
const SCOPE = 'solsiden';

type Health = Record<string, unknown> & { ok: boolean; rejected: number; storage: { state: string; error: string | null; since: string | null } };

/** Defines the suite with `cycles` fill-and-free cycles. */
export function diskFullSuite(cycles: number): void {
  if (NO_SMALL_DISK) console.log(`disk-full suite skipped: ${NO_SMALL_DISK}`);
  describe.skipIf(NO_SMALL_DISK !== undefined)(`disk full on a small tmpfs, ${cycles} cycle(s)${NO_SMALL_DISK ? ` (skipped: ${NO_SMALL_DISK})` : ''}`, () => {
    let dir: ReturnType<typeof tempDir>;
    let broker: Mosquitto;
    let disk: SmallDisk;
    let a: TavlaProcess;
    let b: TavlaProcess;
    const health = (p: TavlaProcess) => p.health() as Promise<Health>;
    const converged = (timeout = 30_000) =>
      waitFor(
        () => [a, b].map((r) => storedFields(r.databaseFile, SCOPE).join('\n')),
        (fields) => fields[0] === fields[1],
        { what: 'A and B to converge', timeout },
      );
    const args = ['--sync-period', String(PERIOD_S)];

    beforeAll(async () => {
      dir = tempDir('tavla-full-');
      broker = await Mosquitto.start(dir.path);
      disk = SmallDisk.mount(join(dir.path, 'small'), '16m');
      a = await TavlaProcess.start({ role: 'board', municipality: M, unit: SCOPE, broker: broker.url, data: `${dir.path}/a`, args });
      b = await TavlaProcess.start({ role: 'board', municipality: M, unit: SCOPE, broker: broker.url, data: disk.path, args });
      await a.id('unit.configure', { name: 'Solsiden', kind: 'nursing-home', beds: [{ label: '101' }] });
      await converged();
    }, 60_000);

    afterAll(async () => {
      await Promise.all([a, b].map((p) => p?.stop('SIGKILL')));
      await broker?.kill();
      disk?.unmount();
      dir?.remove();
    });

    for (let cycle = 1; cycle <= cycles; cycle += 1) {
      it(`cycle ${cycle}: refuses and counts while full, and has everything within two periods once freed`, async () => {
        const before = (await health(b)).rejected;
        disk.fill();
        const refused = await b.call('task.create', { title: `Fylt disk ${cycle}` });
        expect(refused).toMatchObject({ ok: false, code: 'storage-failed' });
        const full = await waitFor(() => health(b), (h) => h.storage.state === 'full', { what: 'B to say its disk is full' });
        expect(full.ok).toBe(false);
        expect(full.storage.error).toMatch(/full/i);
        expect(full.storage.since).toEqual(expect.any(String));
        expect(full.broker).toBe('connected');

        const made: string[] = [];
        for (let i = 0; i < 5; i += 1) made.push(await a.id('task.create', { title: `Mens B var full ${cycle}-${i}` }));
        await waitFor(() => health(b), (h) => h.rejected >= before + 5, { what: "B to count A's batches it could not store" });
        expect(storedFields(b.databaseFile, SCOPE).some((f) => f.includes(`Fylt disk ${cycle}`))).toBe(false);

        disk.free();
        const freed = Date.now();
        await converged();
        const took = Date.now() - freed;
        console.log(`cycle ${cycle}: B had A's changes ${took} ms after its disk was freed (period ${PERIOD_S * 1000} ms)`);
        expect(took).toBeLessThanOrEqual(2 * PERIOD_S * 1000 + 1000);
        const healthy = await waitFor(() => health(b), (h) => h.ok, { what: 'B healthy again' });
        expect(healthy.storage).toEqual({ state: 'ok', error: null, since: null });
        for (const id of made) expect(storedFields(b.databaseFile, SCOPE).some((f) => f.startsWith(`task/${id}/`))).toBe(true);
        const db = new Database(b.databaseFile, { readonly: true });
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        db.close();
      }, 60_000);
    }

    it('a board started on a full folder says the folder is full', async () => {
      const other = SmallDisk.mount(join(dir.path, 'tiny'), '1m');
      try {
        other.fill();
        const error = await TavlaProcess.start({ role: 'board', municipality: M, unit: SCOPE, data: other.path }).then(
          () => undefined,
          (failure: Error) => failure,
        );
        expect(error?.message).toMatch(/exited with 1/);
        expect(error?.message).toContain(`the data folder ${other.path} is full`);
      } finally {
        other.unmount();
      }
    });
  });
}
