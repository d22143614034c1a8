/** The demo's root page as a visitor meets it: the board links first, inside the first screen in both orientations. */

import { expect, test } from '@playwright/test';
import { demoPerFile } from '../support/demo-process.js';
import { enterPin } from '../support/ward-fixtures.js';

const demo = demoPerFile('tavla-e2e-demo-');

for (const viewport of [
  { name: 'landscape', width: 1920, height: 1080 },
  { name: 'portrait', width: 1080, height: 1920 },
]) {
  test(`the root page shows every board's link before the leader tabs, inside the first screen (${viewport.name})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto(demo.url);
    const links = page.getByRole('navigation', { name: 'Tavlene' }).getByRole('link');
    // Five units, the shared reception's two boards (one per organisation) and the office.
    await expect(links).toHaveCount(7, { timeout: 20_000 });
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

test('the demo virtual ward shows a round done, one amber, an escalation and a handover; the leader view its figures', async ({ page }) => {
  await page.goto(demo.url);
  const link = page.getByRole('navigation', { name: 'Tavlene' }).getByRole('link', { name: /Hjemmesykehuset/ });
  await page.goto((await link.getAttribute('href')) ?? '');
  await expect(page.locator('[data-bed]')).toHaveCount(8, { timeout: 20_000 });
  await expect(page.locator('[data-bed="V1"]')).toHaveAttribute('data-round', 'done');
  await expect(page.locator('[data-bed="V1"]')).toContainText('Video');
  await expect(page.locator('[data-bed="V2"]')).toHaveAttribute('data-colour', 'amber');
  await expect(page.locator('[data-bed="V3"]')).toContainText('Hjemmebesøk');
  await expect(page.getByRole('region', { name: 'Ut av virtuell seng i dag' })).toContainText('Eskalert til Medisinsk sengepost');
  await expect(page.getByRole('region', { name: 'Ut av virtuell seng i dag' })).toContainText('Overført til hjemmetjenesten');
  await page.goto(demo.url);
  await page.getByRole('tab', { name: 'Indikatorer' }).click();
  const figures = page.getByRole('region', { name: 'Hjemmesykehus: virtuelle senger siste 30 dager' });
  await expect(figures).toContainText('Liggedøgn');
  await expect(figures.locator('[data-unit="hjemmesykehus"] [data-figure="occupancy"]')).toContainText('(3/8)');
});

test("the demo reception's legevakt board shows the whole room, its own private details unlocked and never the hospital's; the leader view its figures", async ({ page }) => {
  await page.goto(demo.url);
  const link = page.getByRole('navigation', { name: 'Tavlene' }).getByRole('link', { name: /Felles legevaktmottak – Legevakt/ });
  await page.goto((await link.getAttribute('href')) ?? '');
  await expect(page.getByTestId('reception-organisation')).toContainText('Legevakt', { timeout: 20_000 });
  // Six still in the room (waiting, red, yellow, green, two under assessment), both organisations'.
  for (const label of ['L-101', 'L-102', 'L-103', 'L-104', 'S-201', 'S-202']) await expect(page.getByTestId('encounter').filter({ hasText: label })).toHaveCount(1);
  await page.getByRole('button', { name: 'Lås opp' }).first().click();
  await enterPin(page, 'Marit Solberg', '1111');
  await expect(page.getByTestId('encounter').filter({ hasText: 'L-104' })).toContainText('Brystsmerter');
  await expect(page.getByTestId('encounter').filter({ hasText: 'S-201' })).not.toContainText('Pustebesvær');
  expect(await page.content()).not.toMatch(/Pustebesvær|Magesmerter|Kjent KOLS/);
  await page.goto(demo.url);
  await page.getByRole('tab', { name: 'Indikatorer' }).click();
  const legevakt = page.locator('.reception-figures [data-organisation="legevakt"]');
  await expect(legevakt.locator('[data-figure="arrivals"]')).toHaveText('5', { timeout: 20_000 });
  await expect(legevakt.locator('[data-figure="handovers-out"]')).toHaveText('1');
  await expect(page.locator('.reception-figures [data-organisation="sykehus"] [data-figure="arrivals"]')).toHaveText('3');
});
