/** The board's banner when the broker refuses it: a bokmål sentence for the nurse, the reason for IT in /healthz. */

import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { tempDir } from '../support/temp-dir.js';
import { freePort, Mosquitto } from '../support/mosquitto.js';
import { REPO, TavlaProcess } from '../support/tavla-process.js';

const provision = (out: string, port: number) => {
  const run = spawnSync(process.execPath, [join(REPO, 'bin', 'tavla.js'), 'provision', '--municipality', 'e2e', '--units', 'solsiden', '--out', out, '--broker-port', String(port)], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
};

test('says in bokmål that the certificate is not accepted, or that the broker does not answer', async ({ page }, testInfo) => {
  const dir = tempDir('tavla-e2e-refused-');
  chmodSync(dir.path, 0o711);
  const port = await freePort();
  provision(join(dir.path, 'municipality'), port);
  provision(join(dir.path, 'foreign'), port);
  const broker = await Mosquitto.fromConfig(join(dir.path, 'municipality', 'broker', 'mosquitto.conf'), port);
  const boards: TavlaProcess[] = [];
  try {
    const nowhere = JSON.parse(readFileSync(join(dir.path, 'municipality', 'solsiden-1.json'), 'utf8')) as Record<string, string>;
    writeFileSync(join(dir.path, 'municipality', 'nowhere.json'), JSON.stringify({ ...nowhere, broker: `mqtts://127.0.0.1:${await freePort()}` }));
    for (const [name, config] of [['foreign', join(dir.path, 'foreign', 'solsiden-1.json')], ['nowhere', join(dir.path, 'municipality', 'nowhere.json')]]) {
      const board = await TavlaProcess.start({ role: 'board', municipality: 'e2e', unit: 'solsiden', data: join(dir.path, `data-${name}`), config });
      boards.push(board);
      await board.id('unit.configure', { name: 'Solsiden', kind: 'nursing-home', beds: [{ label: '101' }] });
    }
    const [foreign, nowhere2] = boards;
    await expect.poll(async () => (await foreign.health()).brokerReason, { timeout: 15_000 }).toBe('certificate');
    await page.goto(foreign.url);
    const banner = page.getByTestId('offline-banner');
    await expect(banner).toContainText('Frakoblet: sertifikatet godtas ikke. Kontakt IT.');
    await page.screenshot({ path: testInfo.outputPath('refused-certificate.png') });

    await expect.poll(async () => (await nowhere2.health()).brokerReason, { timeout: 15_000 }).toBe('unreachable');
    await page.goto(nowhere2.url);
    await expect(banner).toContainText('Frakoblet: får ikke kontakt med meldingstjeneren');
    await expect(banner).not.toContainText(/unreachable|certificate|refused/);
  } finally {
    await Promise.all(boards.map((b) => b.stop('SIGKILL')));
    await broker.kill();
    dir.remove();
  }
});
