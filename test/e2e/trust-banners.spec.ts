/**
 * The banners that say why this board's changes do not reach the others, in Debian's Chromium on a
 * board connected to a real Mosquitto: "Tavla får ikke lagret" when its disk refuses writes (here a
 * real SQLite I/O error injected into its file), distinct from "offline"; and "Klokken på denne
 * tavla går feil — endringer sendes ikke" when its clock (libfaketime) runs 10 minutes ahead of the
 * hub's and the other board's. Screenshots at 1920×1080 in bokmål.
 */

import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { tempDir } from '../support/temp-dir.js';
import { Mosquitto } from '../support/mosquitto.js';
import { FAKETIME_LIB, SkewedClock } from '../support/skewed-clock.js';
import { TavlaProcess } from '../support/tavla-process.js';
import { snap } from '../support/ward-fixtures.js';

const UNIT = { name: 'Solsiden', kind: 'nursing-home', beds: [{ label: '101' }, { label: '102' }] };

test.describe('trust banners', () => {
  let dir: ReturnType<typeof tempDir>;
  let broker: Mosquitto;
  const running: TavlaProcess[] = [];
  const start = async (options: Partial<ConstructorParameters<typeof TavlaProcess>[0]> & { data: string; role: 'board' | 'hub' }) => {
    const p = await TavlaProcess.start({ municipality: 'testby', unit: options.role === 'board' ? 'solsiden' : undefined, broker: broker.url, args: ['--sync-period', '1'], ...options });
    running.push(p);
    return p;
  };

  test.beforeEach(async () => {
    dir = tempDir('tavla-banners-');
    broker = await Mosquitto.start(dir.path);
  });
  test.afterEach(async () => {
    await Promise.all(running.splice(0).map((p) => p.stop('SIGKILL')));
    await broker.kill();
    dir.remove();
  });

  test('a board whose disk refuses writes says "Tavla får ikke lagret", not "offline", and stops saying it once writes work', async ({ page }, testInfo) => {
    const board = await start({ role: 'board', data: join(dir.path, 'a') });
    await board.id('unit.configure', UNIT);
    await board.id('task.create', { title: 'Mål blodtrykk' });
    await page.goto(board.url);
    await expect(page.getByText('Mål blodtrykk').first()).toBeVisible();
    await expect(page.getByTestId('offline-banner')).toHaveCount(0);
    const fault = new Database(board.databaseFile);
    fault.exec("CREATE TRIGGER injected_fault BEFORE INSERT ON field_state BEGIN SELECT RAISE(ABORT, 'disk I/O error (injected)'); END");
    expect(await board.call('task.create', { title: 'Skal ikke lagres' })).toMatchObject({ ok: false, code: 'storage-failed' });
    const banner = page.getByTestId('storage-banner');
    await expect(banner).toContainText('Tavla får ikke lagret');
    await expect(banner).toContainText('disken svarer med feil siden');
    await expect(page.getByTestId('offline-banner')).toHaveCount(0);
    await snap(page, testInfo, 'storage-banner-nb');
    fault.exec('DROP TRIGGER injected_fault');
    fault.close();
    await expect(banner).toHaveCount(0, { timeout: 10_000 });
  });

  test('a board whose clock runs 10 minutes ahead says "Klokken på denne tavla går feil — endringer sendes ikke"', async ({ page }, testInfo) => {
    test.skip(!FAKETIME_LIB, 'libfaketime is not installed (npm run system-deps installs Debian\'s faketime)');
    const clock = new SkewedClock(join(dir.path, 'clock'));
    await start({ role: 'hub', data: join(dir.path, 'hub') });
    const other = await start({ role: 'board', data: join(dir.path, 'b') });
    const board = await start({ role: 'board', data: join(dir.path, 'a'), env: clock.env });
    await other.id('unit.configure', UNIT);
    await page.goto(board.url);
    clock.set(600);
    const banner = page.getByTestId('clock-banner');
    await expect(banner).toContainText('Klokken på denne tavla går feil — endringer sendes ikke', { timeout: 10_000 });
    await board.id('task.create', { title: 'Venter på riktig klokke' });
    await expect(banner).toContainText('ikke sendt');
    await snap(page, testInfo, 'clock-banner-nb');
    clock.set(0);
    await expect(banner).toHaveCount(0, { timeout: 10_000 });
  });
});
