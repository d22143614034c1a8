/**
 * Clock skew of ±10 minutes and a clock put right, through a real Mosquitto with a hub and two
 * boards as `tavla` processes, board clocks skewed by libfaketime. Each cycle:
 * - board A's clock jumps 10 minutes ahead: A learns it within a round (/healthz `clock: ahead`),
 *   holds its edits (none reaches B or the hub), and once its clock is put right — while running or
 *   while stopped, alternately — every held edit reaches both within two periods, with new stamps:
 *   an edit B made later in real time still wins, A's later one wins over B's earlier one, no stamp
 *   of the old clock survives anywhere, no refused stamp is ever held, and A's next edit is stamped
 *   at true time (no ten-minute shadow, also across the restart);
 * - board B's clock falls 10 minutes behind: B says so (`clock: behind`) and takes A's edits all the
 *   same; put right, all three converge.
 * Used by test/integration/clock-skew.test.ts (1 cycle, in `npm test`) and `npm run test:fault`.
 */

import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeStamp } from '../../shared/sync/hlc.js';
import { tempDir } from '../support/temp-dir.js';
import { Mosquitto } from '../support/mosquitto.js';
import { FAKETIME_LIB, SkewedClock } from '../support/skewed-clock.js';
import { storedFields, TavlaProcess } from '../support/tavla-process.js';
import { waitFor } from '../support/wait.js';

const M = 'testby';
const PERIOD_S = 1;
const SKEW_S = 600;
const SCOPE = 'solsiden';

type Health = Record<string, unknown> & { clock: { state: string }; outbox: number; rejected: number };

const stampsOf = (file: string) => storedFields(file, SCOPE).map((field) => field.slice(field.lastIndexOf('@') + 1));
const bedStatus = (file: string, bed: string) => storedFields(file, SCOPE).find((f) => f.startsWith(`bed/${bed}/status=`))?.split('=')[1].split('@')[0];

function refusedStamps(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT hlc FROM refused_stamp').all() as { hlc: string }[]).map((row) => row.hlc);
  } finally {
    db.close();
  }
}

function newestOwnStamp(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT hlc FROM change_log ORDER BY seq DESC LIMIT 1').get() as { hlc: string }).hlc;
  } finally {
    db.close();
  }
}

/** Defines the suite with `cycles` cycles of ahead-and-back, behind-and-back. */
export function clockSkewSuite(cycles: number): void {
  const why = FAKETIME_LIB ? undefined : 'libfaketime is not installed (npm run system-deps installs Debian\'s faketime)';
  if (why) console.log(`clock-skew suite skipped: ${why}`);
  describe.skipIf(why !== undefined)(`clock skew of ±${SKEW_S / 60} minutes, ${cycles} cycle(s)${why ? ` (skipped: ${why})` : ''}`, () => {
    let dir: ReturnType<typeof tempDir>;
    let broker: Mosquitto;
    let hub: TavlaProcess;
    let a: TavlaProcess;
    let b: TavlaProcess;
    let clockA: SkewedClock;
    let clockB: SkewedClock;
    const beds: Record<string, string> = {};
    const all = () => [hub, a, b];
    const converged = (timeout = 30_000) =>
      waitFor(
        () => all().map((r) => storedFields(r.databaseFile, SCOPE).join('\n')),
        (fields) => fields.every((f) => f === fields[0]),
        { what: 'hub, A and B to converge', timeout },
      );
    const health = (p: TavlaProcess) => p.health() as Promise<Health>;
    const setBed = (p: TavlaProcess, label: string, status: string) => p.id('bed.setStatus', { bed: label, status });
    const args = ['--sync-period', String(PERIOD_S)];

    beforeAll(async () => {
      dir = tempDir('tavla-clock-');
      broker = await Mosquitto.start(dir.path);
      clockA = new SkewedClock(join(dir.path, 'clock-a'));
      clockB = new SkewedClock(join(dir.path, 'clock-b'));
      hub = await TavlaProcess.start({ role: 'hub', municipality: M, broker: broker.url, data: `${dir.path}/hub`, args });
      a = await TavlaProcess.start({ role: 'board', municipality: M, unit: SCOPE, broker: broker.url, data: `${dir.path}/a`, args, env: clockA.env });
      b = await TavlaProcess.start({ role: 'board', municipality: M, unit: SCOPE, broker: broker.url, data: `${dir.path}/b`, args, env: clockB.env });
      await b.id('unit.configure', { name: 'Solsiden', kind: 'nursing-home', beds: [{ label: '101' }, { label: '102' }] });
      await converged();
      for (const field of storedFields(b.databaseFile, SCOPE)) {
        const match = /^bed\/([^/]+)\/label="([^"]+)"/.exec(field);
        if (match) beds[match[2]] = match[1];
      }
    }, 60_000);

    afterAll(async () => {
      await Promise.all(all().map((p) => p?.stop('SIGKILL')));
      await broker?.kill();
      dir?.remove();
    });

    for (let cycle = 1; cycle <= cycles; cycle += 1) {
      const whileStopped = cycle % 2 === 0;
      it(`cycle ${cycle}: A ${SKEW_S / 60} min ahead holds its edits and, put right ${whileStopped ? 'while stopped' : 'while running'}, they arrive with true-time stamps`, async () => {
        const [laterByB, laterByA] = cycle % 2 === 1 ? ['cleaning', 'blocked'] : ['free', 'free'];
        clockA.set(SKEW_S);
        const stepped = Date.now();
        await waitFor(() => health(a), (h) => h.clock.state === 'ahead', { what: 'A to learn its clock is ahead', timeout: 10_000 });
        const learnt = Date.now() - stepped;
        console.log(`cycle ${cycle}: A learnt its clock was ahead ${learnt} ms after the step (period ${PERIOD_S * 1000} ms; libfaketime reads its file each second)`);
        expect(learnt).toBeLessThanOrEqual(1000 + 1.1 * PERIOD_S * 1000 + 1500);
        expect((await health(a)).ok).toBe(true);

        // Bed 102: B first, then A (A's must win). Bed 101: A first, then B (B's must win).
        await setBed(b, '102', 'cleaning');
        await new Promise((resolve) => setTimeout(resolve, 500));
        await setBed(a, '102', laterByA);
        await setBed(a, '101', 'blocked');
        const task = await a.id('task.create', { title: `Holdt tilbake ${cycle}` });
        await new Promise((resolve) => setTimeout(resolve, 500));
        await setBed(b, '101', laterByB);

        // Three periods later nothing of A's has reached B or the hub; A counts it as unsent.
        await new Promise((resolve) => setTimeout(resolve, 3 * PERIOD_S * 1000));
        const held = await health(a);
        expect(held.clock.state).toBe('ahead');
        expect(held.outbox).toBeGreaterThan(0);
        for (const p of [b, hub]) expect(storedFields(p.databaseFile, SCOPE).some((f) => f.startsWith(`task/${task}/`))).toBe(false);
        const nodeA = String(held.nodeId);

        if (whileStopped) {
          await a.stop('SIGTERM');
          clockA.set(0);
          await new Promise((resolve) => setTimeout(resolve, 1100));
          await a.start();
        } else {
          clockA.set(0);
        }
        const fixed = Date.now();
        await waitFor(() => health(a), (h) => h.clock.state === 'ok' && h.outbox === 0, { what: 'A to send what it held', timeout: 15_000 });
        await converged();
        const took = Date.now() - fixed;
        console.log(`cycle ${cycle}: A's held edits were on every replica ${took} ms after its clock was put right`);
        expect(took).toBeLessThanOrEqual(1000 + 2 * PERIOD_S * 1000 + 2000);

        for (const p of all()) {
          expect(storedFields(p.databaseFile, SCOPE).some((f) => f.startsWith(`task/${task}/title="Holdt tilbake ${cycle}"`))).toBe(true);
          expect(bedStatus(p.databaseFile, beds['101'])).toBe(`"${laterByB}"`);
          expect(bedStatus(p.databaseFile, beds['102'])).toBe(`"${laterByA}"`);
          // No stamp of the fast clock survives, and no stamp anyone refused is held anywhere.
          const horizon = Date.now() + 60_000;
          expect(stampsOf(p.databaseFile).filter((s) => (decodeStamp(s)?.wall ?? 0) > horizon)).toEqual([]);
        }
        const refused = [...refusedStamps(b.databaseFile), ...refusedStamps(hub.databaseFile)];
        const held2 = new Set(all().flatMap((p) => stampsOf(p.databaseFile)));
        expect(refused.filter((s) => held2.has(s))).toEqual([]);

        // No shadow: A's next edit is stamped at true time, and B and the hub take it.
        await a.id('task.create', { title: `Etter ${cycle}` });
        const stamp = decodeStamp(newestOwnStamp(a.databaseFile));
        expect(stamp?.node).toBe(nodeA);
        expect(Math.abs((stamp?.wall ?? 0) - Date.now())).toBeLessThan(5_000);
        await converged();
      }, 90_000);

      it(`cycle ${cycle}: B ${SKEW_S / 60} min behind says so and still takes its peers' edits`, async () => {
        clockB.set(-SKEW_S);
        await waitFor(() => health(b), (h) => h.clock.state === 'behind', { what: 'B to learn its clock is behind', timeout: 10_000 });
        const task = await a.id('task.create', { title: `Til B ${cycle}` });
        await waitFor(() => storedFields(b.databaseFile, SCOPE).some((f) => f.startsWith(`task/${task}/`)), Boolean, {
          what: "A's task on the board whose clock is behind",
          timeout: 1000 + 2 * PERIOD_S * 1000 + 2000,
        });
        const mine = await b.id('task.create', { title: `Fra B ${cycle}` });
        await waitFor(() => storedFields(a.databaseFile, SCOPE).some((f) => f.startsWith(`task/${mine}/`)), Boolean, { what: "B's task on A" });
        clockB.set(0);
        await waitFor(() => health(b), (h) => h.clock.state === 'ok', { what: 'B back to ok', timeout: 10_000 });
        await converged();
      }, 60_000);
    }
  });
}
