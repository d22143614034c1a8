/**
 * The demo's home-care board shows its open alarm in the strip above everything (issue 15, points 4
 * and 6), in both orientations; taking it asks for the PIN, closing asks for a summary. The demo's
 * hub took a synthetic VKP bundle at start, which reached the board through the demo's broker.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { tempDir } from '../support/temp-dir.js';
import { enterPin } from '../support/ward-fixtures.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

let child: ChildProcess;
let data: ReturnType<typeof tempDir>;
let url: string;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  data = tempDir('tavla-e2e-alarms-');
  child = spawn(process.execPath, ['bin/tavla.js', 'demo', '--data', data.path, '--port', '0'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the demo printed no URL: ${out}`)), 80_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => /^http:\/\/127\.0\.0\.1:\d+\/$/.test(l));
      if (line) {
        clearTimeout(timer);
        resolve(line);
      }
    });
  });
});

test.afterAll(async () => {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 8000))]);
  data.remove();
});

async function openHomeCare(page: import('@playwright/test').Page): Promise<void> {
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Tavlene' }).getByRole('link', { name: /Hjemmetjenesten/ }).click();
}

for (const viewport of [
  { name: 'landscape', width: 1920, height: 1080 },
  { name: 'portrait', width: 1080, height: 1920 },
]) {
  test(`the home-care board shows the open alarm above the panel, inside the first screen (${viewport.name})`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.setViewportSize(viewport);
    await openHomeCare(page);
    const alarm = page.getByTestId('alarm').first();
    await expect(alarm).toContainText('Fall – 4.1', { timeout: 30_000 });
    await expect(alarm).toContainText('Ukjent bruker');
    await expect(alarm).toContainText('Meldt');
    const strip = await page.getByTestId('alarm-strip').boundingBox();
    const panel = await page.locator('#board-panel').boundingBox();
    expect(strip && panel && strip.y + strip.height <= panel.y).toBe(true);
    expect(strip && strip.y + strip.height <= viewport.height).toBe(true);
  });
}

test('taking the alarm asks for the PIN; closing it asks for a summary and takes it off the strip', async ({ page }) => {
  test.setTimeout(60_000);
  await openHomeCare(page);
  const alarm = page.getByTestId('alarm').first();
  await expect(alarm).toContainText('Fall – 4.1', { timeout: 30_000 });
  await alarm.getByRole('button', { name: 'Ta', exact: true }).click();
  await enterPin(page, 'Marit Solberg', '1111');
  await expect(alarm.getByTestId('alarm-state')).toContainText('tatt av Marit Solberg', { timeout: 15_000 });
  await alarm.getByRole('button', { name: 'Lukk', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Lukk' });
  await expect(dialog.getByRole('button', { name: 'Lagre' })).toBeDisabled();
  await dialog.getByLabel('Kort oppsummering').fill('Bruker hjulpet opp, ingen skade');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByTestId('alarm')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByTestId('alarm-strip')).toContainText('Ingen åpne varsler');
});
