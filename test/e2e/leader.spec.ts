/**
 * The leader view end to end: a hub and a board as users run them (the built CLI), syncing through
 * a real Mosquitto; the hub's page in Chromium. Each test has its own broker and data folders.
 */

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test as base, expect as baseExpect, type Page } from '@playwright/test';
import { tempDir } from '../support/temp-dir.js';
import { checkAccessible } from '../support/accessibility.js';
import { Mosquitto } from '../support/mosquitto.js';
import { REPO, TavlaProcess } from '../support/tavla-process.js';
import { waitFor } from '../support/wait.js';

// Page content may take a while on a loaded machine; the one timing that matters (2 s) is explicit below.
const expect = baseExpect.configure({ timeout: 15_000 });

const PATIENT = { name: 'Ingrid Haugland', initials: 'IH', birthDate: '1938-04-17' };
const SECRETS = [PATIENT.name, 'Ingrid', 'Haugland', PATIENT.birthDate];

interface Municipality {
  hub: TavlaProcess;
  board: TavlaProcess;
  /** The wall screen's device token, issued with the CLI as IT does. */
  screenToken: string;
}

const test = base.extend<{ municipality: Municipality }>({
  // eslint-disable-next-line no-empty-pattern
  municipality: async ({}, use, testInfo) => {
    const dir = tempDir('tavla-e2e-leader-');
    const broker = await Mosquitto.start(dir.path);
    // The leader address too, as leaders' desktops and leader screens open it (here on loopback).
    const hub = await TavlaProcess.start({
      role: 'hub',
      municipality: 'e2e',
      broker: broker.url,
      data: `${dir.path}/hub`,
      args: ['--leader-port', '0', '--leader-screen-port', '0', '--leader-host', '127.0.0.1'],
    });
    const board = await TavlaProcess.start({ role: 'board', municipality: 'e2e', unit: 'solsiden', broker: broker.url, data: `${dir.path}/solsiden` });
    await board.id('unit.configure', { name: 'Solsiden', kind: 'nursing-home', beds: ['101', '102', '103', '104'].map((label) => ({ label })) });
    await board.id('stay.admit', { bed: '101', ...PATIENT, adl: 3 });
    await board.id('task.create', { title: 'Bestill varer', due: new Date(Date.now() - 3_600_000).toISOString() });
    await waitFor(
      () => hub.call<{ units: { unit: string; patients: number }[] }>('leader.capacity'),
      (r) => r.value?.units.some((u) => u.unit === 'solsiden' && u.patients === 1) ?? false,
      { what: 'the hub to hold the board’s unit', timeout: 15_000 },
    );
    const issued = execFileSync(process.execPath, [`${REPO}/bin/tavla.js`, 'device-token', 'issue', '--data', `${dir.path}/hub`, '--name', 'e2e-skjerm'], { encoding: 'utf8' });
    const screenToken = /^(tvs_\S+)$/m.exec(issued)?.[1] ?? '';
    await use({ hub, board, screenToken });
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('hub-log', { body: hub.output, contentType: 'text/plain' });
      await testInfo.attach('board-log', { body: board.output, contentType: 'text/plain' });
    }
    await board.stop();
    await hub.stop();
    await broker.kill('SIGTERM');
    dir.remove();
  },
});

async function expectNoPersonalData(page: Page, where: string): Promise<void> {
  const html = await page.content();
  for (const secret of SECRETS) expect(html, `${where} must not contain "${secret}"`).not.toContain(secret);
}

const capacityCell = (page: Page, column: number) =>
  page.getByRole('table', { name: 'Kapasitet per enhet' }).getByRole('row', { name: /Solsiden/ }).getByRole('cell').nth(column);

test('an edit on a board shows in the leader view within 2 seconds, through the broker', async ({ page, municipality }, testInfo) => {
  test.setTimeout(60_000);
  // From the leader address, which serves the leader view alone (not the hub's loopback address).
  expect(municipality.hub.leaderUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  expect(municipality.hub.leaderUrl).not.toBe(municipality.hub.url);
  await page.goto(municipality.hub.leaderUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Kommuneoversikt' })).toBeVisible();
  const blocked = capacityCell(page, 5); // Type, Senger, Belegg, Ledige, Reservert, Sperret
  await expect(blocked).toHaveText('0');
  await expect(capacityCell(page, 2)).toHaveText('25,0 %');

  const started = Date.now();
  await municipality.board.id('bed.setStatus', { bed: '102', status: 'blocked' });
  await expect(blocked).toHaveText('1', { timeout: 2000 });
  const elapsed = Date.now() - started;
  testInfo.annotations.push({ type: 'board edit to leader view', description: `${elapsed} ms` });
  expect(elapsed).toBeLessThan(2000);

  await municipality.board.id('stay.admit', { bed: '103', name: 'Olav Brekke', initials: 'OB', birthDate: '1941-11-02' });
  await expect(capacityCell(page, 2)).toHaveText('50,0 %', { timeout: 2000 });
  await expectNoPersonalData(page, 'the capacity view');
  const shot = testInfo.outputPath('leader-capacity.png');
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach('leader-capacity', { path: shot, contentType: 'image/png' });
});

test('indicators with definitions and trends, drill-down, forecast verdict, benefits and FHIR export', async ({ page, municipality }, testInfo) => {
  test.setTimeout(60_000);
  await page.goto(municipality.hub.url);
  await expect(page.getByRole('table', { name: 'Kapasitet per enhet' })).toBeVisible();

  await page.getByRole('tab', { name: 'Indikatorer' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Belegg' })).toBeVisible();
  await expect(page.getByText('Belagte døgn / tilgjengelige døgn × 100').first()).toBeVisible();
  await expect(page.getByRole('img', { name: /^Belegg per dag/ })).toBeVisible();
  expect(await page.locator('canvas').count()).toBeGreaterThanOrEqual(11);
  await page.getByRole('combobox', { name: /^Enhet/ }).selectOption({ label: 'Solsiden' });
  await expect(page.getByRole('heading', { level: 2, name: /Indikatorer for Solsiden/ })).toBeVisible();
  await expectNoPersonalData(page, 'the indicators');
  await testInfo.attach('leader-indicators', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'FHIR MeasureReport' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toMatch(/^tavla-measurereport-solsiden-\d{4}-\d{2}-\d{2}\.json$/);
  const bundle = JSON.parse(readFileSync(await download.path(), 'utf8')) as { resourceType: string; entry: { resource: { resourceType: string } }[] };
  expect(bundle.resourceType).toBe('Bundle');
  expect(bundle.entry.every((e) => e.resource.resourceType === 'MeasureReport')).toBe(true);

  await page.getByRole('tab', { name: 'Prognose' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Slik er prognosen laget' })).toBeVisible();
  // A unit that began today has no history to test the forecast on, and the screen says so.
  await expect(page.getByTestId('forecast-verdict')).toContainText('For lite historikk');
  await testInfo.attach('leader-forecast', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

  await page.getByRole('tab', { name: 'Pasientflyt' }).click();
  await expect(page.getByRole('heading', { name: 'Utskrivningsklare pasienter som venter' })).toBeVisible();
  await expect(page.getByText(/Døgnpris \d{4}: 5\s745\skr/)).toBeVisible();
  await testInfo.attach('leader-flow', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

  await page.getByRole('tab', { name: 'Gevinster' }).click();
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Navn').fill('Flere oppgaver i tide');
  await page.getByLabel('Indikator').selectOption({ label: 'Oppgaver i tide' });
  await page.getByLabel('Grunnlinje fra').fill(day(20));
  await page.getByLabel('Grunnlinje til').fill(day(10));
  await page.getByLabel(/^Enhetskost/).fill('50');
  await page.getByRole('button', { name: 'Legg til gevinst' }).click();
  const card = page.getByRole('article', { name: 'Flere oppgaver i tide' });
  await expect(card).toBeVisible();
  await expect(card.getByText('Forutsetninger')).toBeVisible();
  await expect(card).toContainText('Enhetskost 50 kr');
  await expectNoPersonalData(page, 'the benefits');
  await testInfo.attach('leader-benefits', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

  // The same view in English, switched as on the board: every panel's words follow, none stays bokmål.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Benefits realisation' })).toBeVisible();
  await expect(card.getByText('Assumptions')).toBeVisible();
  await page.getByRole('tab', { name: 'Indicators' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Occupancy' })).toBeVisible();
  await expect(page.getByText('Occupied days / available days × 100').first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Indicators for Solsiden/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Forecast' }).click();
  await expect(page.getByTestId('forecast-verdict')).toContainText('Too little history');
  await page.getByRole('tab', { name: 'Patient flow' }).click();
  await expect(page.getByRole('heading', { name: 'Discharge-ready patients waiting' })).toBeVisible();
  await expect(page.getByRole('tabpanel')).not.toContainText(/[æøå]/);
  await page.getByRole('button', { name: 'Bytt til norsk' }).click();
  await expect(page.getByRole('tab', { name: 'Pasientflyt' })).toBeVisible();
});

test('a leader screen shows the same view read-only: no rate or benefit forms, and says so', async ({ page, municipality }, testInfo) => {
  expect(municipality.hub.leaderScreenUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  // Without its device token the screen shows nothing but why.
  await page.goto(municipality.hub.leaderScreenUrl);
  await expect(page.getByRole('heading', { name: 'Skjermen mangler tilgang' })).toBeVisible();
  // The kiosk's configured address carries the token once; the hub keeps it in a cookie.
  await page.goto(`${municipality.hub.leaderScreenUrl}?token=${municipality.screenToken}`);
  await expect(page).toHaveURL(municipality.hub.leaderScreenUrl);
  await expect(page.getByText(/kun visning/)).toBeVisible();
  await expect(capacityCell(page, 2)).toHaveText('25,0 %');
  await page.getByRole('tab', { name: 'Pasientflyt' }).click();
  await expect(page.getByRole('heading', { name: 'Overføringer underveis' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lagre døgnpris' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Gevinster' }).click();
  await expect(page.getByRole('heading', { name: 'Gevinstrealisering' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ny gevinst' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Fjern' })).toHaveCount(0);
  // A wall screen is touched: every tab meets the ward board's touch and contrast rules.
  for (const tab of ['Kapasitet nå', 'Pasientflyt', 'Indikatorer', 'Prognose', 'Gevinster']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tabpanel').getByRole('heading', { level: 2 }).first()).toBeVisible();
    await checkAccessible(page, `leader screen, ${tab}`);
    const shot = testInfo.outputPath(`leader-screen-${tab}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    await testInfo.attach(`leader-screen-${tab}`, { path: shot, contentType: 'image/png' });
  }
  // The same page from the desktops' address offers both.
  await page.goto(municipality.hub.leaderUrl);
  await page.getByRole('tab', { name: 'Gevinster' }).click();
  await expect(page.getByRole('heading', { name: 'Ny gevinst' })).toBeVisible();
});
