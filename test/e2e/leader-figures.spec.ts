/**
 * Leader figures that agree (issue 13, point 8), end to end: a hub, a nursing home, a home-care list
 * and the allocation office syncing through a real Mosquitto, the leader page in Chromium. The
 * municipality's occupancy reads the same on every tab, home care is patients of places, no
 * registration is said in words, every chart's axes carry their own units, wall-screen chart text is
 * at least 16 px, and a quiet unit or a lost broker shows when data was last received.
 */

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect as baseExpect, type Page } from '@playwright/test';
import { INDICATOR_IDS } from '../../shared/indicators/definitions.js';
import { tempDir } from '../support/temp-dir.js';
import { Mosquitto } from '../support/mosquitto.js';
import { PATIENTS, ploMessage } from '../support/plo-messages.js';
import { REPO, TavlaProcess } from '../support/tavla-process.js';
import { waitFor } from '../support/wait.js';

const expect = baseExpect.configure({ timeout: 20_000 });

// Digest rounds every second, so "not heard for three rounds" is seconds, not minutes.
const SYNC = ['--sync-period', '1'];

interface Municipality {
  hub: TavlaProcess;
  home: TavlaProcess;
  /** Home care's board. */
  list: TavlaProcess;
  broker: Mosquitto;
  screenToken: string;
}

/** An Oslo wall-clock time `days` ago, as a hospital writes it in a PLO message. */
function osloLocal(daysAgo: number): string {
  const at = new Date(Date.now() - daysAgo * 86_400_000);
  const parts = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(at);
  return parts.replace(' ', 'T');
}

const test = base.extend<{ municipality: Municipality }>({
  // Four processes and a broker: its own time, beside the test's (a loaded machine takes longer than 30 s).
  municipality: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, testInfo) => {
      const dir = tempDir('tavla-e2e-leader-figures-');
      const inbox = join(dir.path, 'plo-inbox');
      mkdirSync(inbox);
      const broker = await Mosquitto.start(dir.path);
      const started: TavlaProcess[] = [];
      const start = async (options: ConstructorParameters<typeof TavlaProcess>[0]) => {
        const p = await TavlaProcess.start(options);
        started.push(p);
        return p;
      };
      try {
        const hub = await start({
          role: 'hub',
          municipality: 'e2e',
          broker: broker.url,
          data: join(dir.path, 'hub'),
          args: ['--leader-port', '0', '--leader-screen-port', '0', '--leader-host', '127.0.0.1', '--plo-inbox', inbox, ...SYNC],
        });
        const board = (unit: string) => start({ role: 'board', municipality: 'e2e', unit, broker: broker.url, data: join(dir.path, unit), args: SYNC });
        const [home, list, office] = await Promise.all([board('solsiden'), board('hjemme'), board('tildeling')]);
        await home.id('unit.configure', { name: 'Solsiden', kind: 'nursing-home', beds: ['101', '102', '103', '104'].map((label) => ({ label })) });
        await home.id('stay.admit', { bed: '101', name: 'Astrid Vik', initials: 'AV', birthDate: '1936-02-11', adl: 3 });
        await home.id('stay.admit', { bed: '102', name: 'Per Moen', initials: 'PM', birthDate: '1940-08-05', adl: 2 });
        // Home care is a list: 3 patients of 20 places, no beds.
        await list.id('unit.configure', { name: 'Hjemmetjenesten', kind: 'home-care', capacity: 20, beds: [] });
        const listed: string[] = [];
        for (const [name, initials] of [
          ['Eli Lunde', 'EL'],
          ['Tor Bakke', 'TB'],
          ['Nina Dahl', 'ND'],
        ]) {
          listed.push(await list.id('stay.admit', { name, initials, birthDate: '1945-05-05' }));
        }
        // Everyday rehabilitation started 20 days ago: its planning meeting (at the start) done only now,
        // its day-14 evaluation not done — 2 steps fell due in the period, none on time.
        const rehab = await list.id('pathway.start', { stayId: listed[0], template: 'ex-everyday-rehab', startedAt: new Date(Date.now() - 20 * 86_400_000).toISOString() });
        await list.id('pathway.completeStep', { pathwayId: rehab, stepId: 'planning' });
        await office.id('unit.configure', { name: 'Tildelingskontoret', kind: 'allocation-office', beds: [] });
        // A patient discharge-ready since three days ago: the months chart has days to plot.
        writeFileSync(join(inbox, 'kari.xml'), ploMessage({ type: 'LOG_UTSKRIVNINGSKLAR', patient: PATIENTS.kari, dischargeReadyAt: osloLocal(3) }));
        await waitFor(
          () => hub.call<{ units: { unit: string; patients: number }[] }>('leader.capacity'),
          (r) => {
            const units = r.value?.units ?? [];
            const patients = (id: string) => units.find((u) => u.unit === id)?.patients;
            return patients('solsiden') === 2 && patients('hjemme') === 3 && patients('tildeling') === 1;
          },
          { what: 'the hub to hold every unit', timeout: 30_000 },
        );
        const issued = execFileSync(process.execPath, [`${REPO}/bin/tavla.js`, 'device-token', 'issue', '--data', join(dir.path, 'hub'), '--name', 'e2e-vegg'], { encoding: 'utf8' });
        const screenToken = /^(tvs_\S+)$/m.exec(issued)?.[1] ?? '';
        await use({ hub, home, list, broker, screenToken });
      } finally {
        if (testInfo.status !== testInfo.expectedStatus) {
          await testInfo.attach('tavla-logs', { body: started.map((p) => `== ${p.options.data}\n${p.output}`).join('\n'), contentType: 'text/plain' });
        }
        await Promise.all(started.map((p) => p.stop()));
        await broker.kill();
        dir.remove();
      }
    },
    { timeout: 90_000 },
  ],
});

const TABS = ['Kapasitet nå', 'Pasientflyt', 'Indikatorer', 'Prognose', 'Gevinster'];
const municipal = (page: Page) => page.getByTestId('municipal-occupancy');
const row = (page: Page, table: string, unit: RegExp) => page.getByRole('table', { name: table }).getByRole('row', { name: unit });

test('one municipal occupancy on every tab, home care as patients of places, no registration said in words, each chart axis in its unit', async ({ page, municipality }, testInfo) => {
  test.setTimeout(90_000);
  await page.goto(municipality.hub.leaderUrl);
  // 2 residents in Solsiden's 4 beds: home care's list and the office are not beds.
  const expected = 'Belegg nå, hele kommunen: 50,0 % (2 av 4 senger)';
  for (const tab of TABS) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(municipal(page), tab).toHaveText(expected);
  }

  await page.getByRole('tab', { name: 'Kapasitet nå' }).click();
  // Home care's tile, heatmap row and table row: patients of places (3 of 20 = 15 %), never beds.
  await expect(page.locator('[data-places="home-care"]')).toHaveText('3 av 20 plasser');
  await expect(row(page, 'Varmekart over enhetene', /Hjemmetjenesten/).getByRole('cell').first()).toHaveText('15,0 %');
  await expect(row(page, 'Varmekart over enhetene', /Hjemmetjenesten/).getByRole('cell').nth(1)).toHaveText('–');
  await expect(row(page, 'Kapasitet per enhet', /Hjemmetjenesten/).getByRole('cell').nth(2)).toHaveText('15,0 %');
  await expect(row(page, 'Kapasitet per enhet', /Solsiden/).getByRole('cell').nth(2)).toHaveText('50,0 %');

  await page.getByRole('tab', { name: 'Indikatorer' }).click();
  // Nothing registered for IPLOS yet: words, not 0 %.
  for (const id of ['iplos-medication-review', 'iplos-nutrition-screening', 'iplos-physician-assessment', 'iplos-dental-assessment']) {
    await expect(page.locator(`[data-indicator="${id}"]`)).toHaveText('ingen registreringer');
  }
  // Per unit too: a nursing home without registrations says so; home care, which IPLOS does not count, has "–".
  const iplosCells = [5, 6, 7, 8];
  for (const i of iplosCells) {
    await expect(row(page, 'Indikatorer per enhet', /Solsiden/).getByRole('cell').nth(i)).toHaveText('ingen registreringer');
    await expect(row(page, 'Indikatorer per enhet', /Hjemmetjenesten/).getByRole('cell').nth(i)).toHaveText('–');
  }
  const axes = async (name: RegExp) => {
    const chart = page.getByRole('img', { name }).first();
    await expect(chart).toHaveAttribute('data-y-title', /.+/);
    return { y: await chart.getAttribute('data-y-title'), x: await chart.getAttribute('data-x-title') };
  };
  expect(await axes(/^Belegg per dag/)).toEqual({ y: 'prosent (%)', x: 'dag' });
  expect(await axes(/^Gjennomsnittlig liggetid per dag/)).toEqual({ y: 'døgn', x: 'dag' });
  expect(await axes(/^Pleietyngde per ansatt per dag/)).toEqual({ y: 'poeng per ansatt', x: 'dag' });
  expect(await axes(/^Utskrivningsklare døgn per dag/)).toEqual({ y: 'døgn', x: 'dag' });

  await page.getByRole('tab', { name: 'Pasientflyt' }).click();
  // The months chart plots days (its cost is in the table), on a days axis.
  expect(await axes(/^Utskrivningsklare døgn per måned/)).toEqual({ y: 'døgn', x: 'måned' });
  await page.getByRole('tab', { name: 'Prognose' }).click();
  expect(await axes(/^Prognose for belegg/)).toEqual({ y: 'pasienter', x: 'dag' });
  await testInfo.attach('leader-figures-forecast', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
});

test('pathway steps on time: the figure with its definition among the indicators, and the drill-down per template and step', async ({ page, municipality }) => {
  test.setTimeout(90_000);
  await waitFor(
    () => municipality.hub.call<{ indicators: { id: string; denominator: number }[] }>('leader.indicators'),
    (r) => r.value?.indicators.find((i) => i.id === 'pathway-steps-on-time')?.denominator === 2,
    { what: 'the hub to count the pathway steps', timeout: 30_000 },
  );
  await page.goto(municipality.hub.leaderUrl);
  await page.getByRole('tab', { name: 'Indikatorer' }).click();
  const card = page.getByRole('article', { name: 'Forløpssteg i tide' });
  await expect(card.locator('[data-indicator="pathway-steps-on-time"]')).toHaveText('0,0 %');
  await expect(card).toContainText('0 / 2');
  await expect(card).toContainText('Et steg satt til «ikke aktuelt» teller ikke (verken over eller under brøkstreken)');
  // Per unit: home care has the figure in the indicator's column.
  await expect(row(page, 'Indikatorer per enhet', /Hjemmetjenesten/).getByRole('cell').nth(INDICATOR_IDS.indexOf('pathway-steps-on-time'))).toHaveText('0,0');
  const drill = page.getByRole('table', { name: /Steg med frist i perioden per forløpsmal/ });
  await expect(drill.getByRole('row', { name: /Hjemmetjenesten Hverdagsrehabilitering/ })).toContainText('0,0 %');
  await expect(drill.getByRole('row', { name: /Planleggingsmøte/ }).getByRole('cell').nth(5)).toHaveText('1'); // late
  await expect(drill.getByRole('row', { name: /Midtveisevaluering/ }).getByRole('cell').nth(6)).toHaveText('1'); // not done
  // Titles and counts only: no patient.
  await expect(drill).not.toContainText('Eli Lunde');
});

test('chart text is at least 16 px on the wall-screen address, and smaller on a desktop', async ({ page, municipality }) => {
  test.setTimeout(60_000);
  await page.goto(`${municipality.hub.leaderScreenUrl}?token=${municipality.screenToken}`);
  await expect(page.getByText(/kun visning/)).toBeVisible();
  await page.getByRole('tab', { name: 'Indikatorer' }).click();
  const charts = page.locator('[role="img"][data-tick-px]');
  await expect(charts.first()).toHaveAttribute('data-tick-px', /\d+/);
  const sizes = await charts.evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute('data-tick-px'))));
  expect(sizes.length).toBeGreaterThanOrEqual(11);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);

  await page.goto(municipality.hub.leaderUrl);
  await page.getByRole('tab', { name: 'Indikatorer' }).click();
  await expect(charts.first()).toHaveAttribute('data-tick-px', /\d+/);
  expect(Number(await charts.first().getAttribute('data-tick-px'))).toBeLessThan(16);
});

test('a unit gone quiet and a lost broker say when data was last received', async ({ page, municipality }, testInfo) => {
  test.setTimeout(90_000);
  await page.goto(municipality.hub.leaderUrl);
  await expect(municipal(page)).toBeVisible();
  await expect(page.getByText(/^Oppdatert \d\d:\d\d$/)).toBeVisible();
  await expect(page.getByTestId('leader-stale')).toHaveCount(0);

  // Solsiden's board stops: after three quiet rounds its row and the page say since when.
  await municipality.home.stop();
  const stale = page.getByTestId('leader-stale');
  await expect(stale).toContainText(/Solsiden \(data sist mottatt kl\. \d\d:\d\d\)/, { timeout: 30_000 });
  await expect(page.locator('[data-stale="solsiden"]')).toHaveText(/^data sist mottatt kl\. \d\d:\d\d$/);
  await expect(stale).not.toContainText('Hjemmetjenesten');

  // The hub's broker goes down: the whole page is stale, and no longer says "Oppdatert".
  await municipality.broker.kill('SIGKILL');
  const offline = page.getByTestId('leader-offline');
  await expect(offline).toContainText(/data sist mottatt kl\. \d\d:\d\d/, { timeout: 30_000 });
  await expect(page.getByText(/^Oppdatert \d\d:\d\d$/)).toHaveCount(0);
  const shot = testInfo.outputPath('leader-offline.png');
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach('leader-offline', { path: shot, contentType: 'image/png' });
});
