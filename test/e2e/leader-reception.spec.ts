/**
 * The shared reception's figures on the leader page (issue 17, point 5), end to end: a hub process
 * over a real Mosquitto whose store holds a small reception with hand-known times (the seed the unit
 * test of `leader.reception` reads), the leader page in Chromium. Per organisation the page shows
 * arrivals and arrivals per hour, the median minutes to triage and to first assessment per first
 * triage colour against the reception's own targets with the share on target, the disposition mix
 * and handovers each way, with the definitions, in bokmål and in English; no label, name, reason or
 * note of the seed reaches the page. The panel's "Last ned CSV" downloads those figures.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect as baseExpect, type Locator, type Page } from '@playwright/test';
import { HubService } from '../../main/hub/hub-service.js';
import { parseCsv } from '../support/csv.js';
import { Mosquitto } from '../support/mosquitto.js';
import { seedReceptionFigures } from '../support/reception-figures-seed.js';
import { TavlaProcess } from '../support/tavla-process.js';
import { tempDir } from '../support/temp-dir.js';

const expect = baseExpect.configure({ timeout: 20_000 });

const test = base.extend<{ hub: TavlaProcess }>({
  hub: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, testInfo) => {
      const dir = tempDir('tavla-e2e-leader-reception-');
      const data = join(dir.path, 'hub');
      // The hub's own store, seeded before its process opens it: the times are the seed's, to the minute.
      const seeding = new HubService({ dataDir: data, municipality: 'e2e' });
      seedReceptionFigures(seeding.store, Date.now(), 'e2e');
      seeding.close();
      const broker = await Mosquitto.start(dir.path);
      let hub: TavlaProcess | undefined;
      try {
        hub = await TavlaProcess.start({ role: 'hub', municipality: 'e2e', broker: broker.url, data, args: ['--leader-port', '0', '--leader-host', '127.0.0.1'] });
        await use(hub);
      } finally {
        if (hub && testInfo.status !== testInfo.expectedStatus) await testInfo.attach('tavla-logs', { body: hub.output, contentType: 'text/plain' });
        await hub?.stop();
        await broker.kill();
        dir.remove();
      }
    },
    { timeout: 60_000 },
  ],
});

const figure = (scope: Locator, name: string) => scope.locator(`[data-figure="${name}"]`);

/** The leader page's indicators tab, once the reception panel shows its heading. */
async function receptionPanel(page: Page, hub: TavlaProcess): Promise<Locator> {
  await page.goto(hub.leaderUrl);
  await page.getByRole('tab', { name: 'Indikatorer' }).click();
  const section = page.locator('.reception-figures');
  await expect(section.getByRole('heading', { name: 'Felles mottak: siste 24 timer' })).toBeVisible();
  return section;
}

test('each organisation of the shared reception shows its hand-known figures against the targets, defined on screen, no private value', async ({ page, hub }) => {
  test.setTimeout(60_000);
  const section = await receptionPanel(page, hub);
  for (const term of ['Ankomster', 'Tid til triage (median)', 'Tid til første vurdering (median)', 'innen mål', 'Videre til', 'Overføringer']) {
    await expect(section.locator('dt', { hasText: term }).first()).toBeVisible();
  }

  const legevakt = section.locator('[data-reception="mottak"][data-organisation="legevakt"]');
  await expect(legevakt.getByRole('heading')).toHaveText('Felles mottak – Legevakt');
  await expect(figure(legevakt, 'arrivals')).toHaveText('4');
  await expect(figure(legevakt, 'per-hour')).toHaveText('0,17 per time');
  // Yellow: triage after 5, 8 and 20 min (median 8, target 10: 2 of 3), assessed after 25 and 40 (median 32,5, target 30: 1 of 2).
  const yellow = legevakt.locator('tr[data-colour="yellow"]');
  await expect(figure(yellow, 'encounters')).toHaveText('3');
  await expect(figure(yellow, 'to-triage')).toHaveText('8 min (mål 10 min)');
  await expect(figure(yellow, 'triage-on-target')).toHaveText('67 %');
  await expect(figure(yellow, 'to-assessment')).toHaveText('32,5 min (mål 30 min)');
  await expect(figure(yellow, 'assessment-on-target')).toHaveText('50 %');
  // Red: triaged on arrival (target 0), assessed a minute later (target 0: none on target).
  const red = legevakt.locator('tr[data-colour="red"]');
  await expect(figure(red, 'to-triage')).toHaveText('0 min (mål 0 min)');
  await expect(figure(red, 'triage-on-target')).toHaveText('100 %');
  await expect(figure(red, 'assessment-on-target')).toHaveText('0 %');
  // No green patient of legevakt's own: a dash, not 0.
  await expect(figure(legevakt.locator('tr[data-colour="green"]'), 'to-triage')).toHaveText('– (mål 15 min)');
  await expect(figure(legevakt, 'disposition-home')).toHaveText('1');
  await expect(figure(legevakt, 'disposition-kad')).toHaveText('1');
  await expect(figure(legevakt, 'disposition-admitted')).toHaveText('0');
  await expect(figure(legevakt, 'handovers-out')).toHaveText('1');
  await expect(figure(legevakt, 'handovers-in')).toHaveText('1');
  const byHour = legevakt.locator('table.by-hour td');
  expect((await byHour.allTextContents()).reduce((sum, n) => sum + Number(n), 0)).toBe(4);

  const sykehus = section.locator('[data-organisation="sykehus"]');
  await expect(figure(sykehus, 'arrivals')).toHaveText('1');
  await expect(figure(sykehus.locator('tr[data-colour="green"]'), 'to-triage')).toHaveText('10 min (mål 15 min)');
  await expect(figure(sykehus.locator('tr[data-colour="green"]'), 'to-assessment')).toHaveText('– (mål 120 min)');
  await expect(figure(sykehus, 'disposition-admitted')).toHaveText('1');
  await expect(figure(sykehus, 'handovers-out')).toHaveText('1');
  await expect(figure(sykehus, 'handovers-in')).toHaveText('1');

  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/Hemmelig|Merke-/);

  // The same figures and definitions in English.
  await page.getByRole('button', { name: /English|engelsk/i }).click();
  await expect(section.getByRole('heading', { name: 'Shared reception: last 24 hours' })).toBeVisible();
  await expect(legevakt.getByRole('heading')).toHaveText('Felles mottak – Out-of-hours service');
  await expect(figure(yellow, 'to-assessment')).toHaveText('32.5 min (target 30 min)');
  await expect(section.locator('dt', { hasText: 'Time to first assessment (median)' })).toBeVisible();
});

test('the reception panel’s CSV button downloads its figures per organisation and colour, as the panel shows them', async ({ page, hub }) => {
  test.setTimeout(60_000);
  const section = await receptionPanel(page, hub);
  const downloaded = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Last ned CSV' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toMatch(/^tavla-felles-mottak-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parseCsv(readFileSync(await download.path(), 'utf8'));
  expect(rows[0].slice(0, 15)).toEqual(['enhet', 'navn', 'organisasjon', 'organisasjonsnavn', 'timer', 'ankomster', 'ankomster_per_time', 'triagefarge', 'pasienter', 'median_min_til_triage', 'mal_min_til_triage', 'triage_innen_mal_prosent', 'median_min_til_vurdering', 'mal_min_til_vurdering', 'vurdering_innen_mal_prosent']);
  // Two organisations × five triage colours; legevakt's yellow row holds the panel's figures (24 hours), its shares in per cent as the panel shows them (67 %, 50 %).
  expect(rows).toHaveLength(1 + 2 * 5);
  const yellow = rows.find((row) => row[2] === 'legevakt' && row[7] === 'yellow');
  expect(yellow?.slice(0, 15)).toEqual(['mottak', 'Felles mottak', 'legevakt', 'Legevakt', '24', '4', '0.17', 'yellow', '3', '8', '10', '66.7', '32.5', '30', '50']);
  expect(rows.flat().join(',')).not.toMatch(/Hemmelig|Merke-/);
});
