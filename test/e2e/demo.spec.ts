/** The demo's root page as a visitor meets it: the board links first, inside the first screen in both orientations. */

import { expect, test } from '@playwright/test';
import { startDemo, type DemoProcess } from '../support/demo-process.js';

let demo: DemoProcess;

test.beforeAll(async () => {
  test.setTimeout(60_000);
  demo = await startDemo('tavla-e2e-demo-');
});

test.afterAll(async () => {
  await demo.stop();
});

for (const viewport of [
  { name: 'landscape', width: 1920, height: 1080 },
  { name: 'portrait', width: 1080, height: 1920 },
]) {
  test(`the root page shows every board's link before the leader tabs, inside the first screen (${viewport.name})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto(demo.url);
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
