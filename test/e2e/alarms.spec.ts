/**
 * The demo's home-care board shows its open alarm in the strip above everything (issue 15, points 4
 * and 6), in both orientations; taking it asks for the PIN, closing asks for a summary. The demo's
 * hub took a synthetic VKP bundle at start, which reached the board through the demo's broker.
 */

import { expect, test, type Page } from '@playwright/test';
import { demoPerFile } from '../support/demo-process.js';
import { noBrowserTextWidgets, typeOnKiosk } from '../support/kiosk-keys.js';
import { enterPin } from '../support/ward-fixtures.js';

const demo = demoPerFile('tavla-e2e-alarms-', 80_000);

async function openHomeCare(page: Page): Promise<void> {
  await page.goto(demo.url);
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
    await expect(alarm.getByTestId('alarm-route')).toHaveText('Ingen rute – velg');
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
  // "Ukjent bruker" has no route: a tap gives it one of the day's routes.
  await alarm.getByTestId('alarm-route').click();
  const routes = page.getByRole('dialog', { name: 'Velg rute for varselet' });
  const first = routes.getByRole('button', { name: /^rute / }).first();
  const chosen = (await first.textContent())?.trim() ?? '';
  await first.click();
  await expect(alarm.getByTestId('alarm-route')).toHaveText(chosen, { timeout: 15_000 });
  await alarm.getByRole('button', { name: 'Lukk', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Lukk' });
  await expect(dialog.getByRole('button', { name: 'Lagre' })).toBeDisabled();
  // The summary is typed on the kiosk's own keyboard, no browser widget (issue 13, point 2).
  await noBrowserTextWidgets(page, 'closing an alarm');
  await typeOnKiosk(dialog, 'Kort oppsummering', 'Hjulpet opp, ingen skade');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByTestId('alarm')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByTestId('alarm-strip')).toContainText('Ingen åpne varsler');
});

test('the leader view shows the alarm figures with their definitions and no person', async ({ page }) => {
  await page.goto(demo.url);
  const panel = page.getByTestId('leader-alarms');
  await expect(panel).toBeVisible({ timeout: 30_000 });
  await panel.getByText(/Varsler fra velferdsteknologi, siste 30 dager/).click();
  await expect(panel.getByRole('columnheader', { name: 'Tid til tatt (median)' })).toBeVisible();
  await expect(panel).toContainText('Hjemmetjenesten nord');
  await expect(panel).toContainText('Tid til lukket: fra varselet ble meldt til det ble kvittert');
  await expect(panel).not.toContainText('Ukjent bruker');
});
