/** The demo's root page as a visitor meets it: the board links first, inside the first screen in both orientations. */

import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { tempDir } from '../support/temp-dir.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

let child: ChildProcess;
let data: ReturnType<typeof tempDir>;
let url: string;

test.beforeAll(async () => {
  test.setTimeout(60_000);
  data = tempDir('tavla-e2e-demo-');
  child = spawn(process.execPath, ['bin/tavla.js', 'demo', '--data', data.path, '--port', '0'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the demo printed no URL: ${out}`)), 45_000);
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

for (const viewport of [
  { name: 'landscape', width: 1920, height: 1080 },
  { name: 'portrait', width: 1080, height: 1920 },
]) {
  test(`the root page shows every board's link before the leader tabs, inside the first screen (${viewport.name})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto(url);
    const links = page.getByRole('navigation', { name: 'Tavlene' }).getByRole('link');
    await expect(links).toHaveCount(4, { timeout: 20_000 });
    const tabs = await page.getByRole('tablist').boundingBox();
    expect(tabs).not.toBeNull();
    for (const link of await links.all()) {
      const box = await link.boundingBox();
      expect(box).not.toBeNull();
      if (!box || !tabs) continue;
      expect(box.y + box.height).toBeLessThanOrEqual(Math.min(tabs.y, viewport.height));
    }
    await expect(links.first()).toContainText('Solsiden sykehjem');
  });
}
