/**
 * A screenshot of every view, landscape 1920×1080 and portrait 1080×1920, bokmål and English, from
 * one demo process (the hub with its leader view at the root page, the nursing home's ward board,
 * the allocation office's board, the home-care base station, the virtual ward and the shared
 * reception's board of each organisation; synthetic people), written to test-results/screenshots/ (kept out
 * of git) for people to look at. On each view the accessibility checks run (every control named,
 * 44 px targets, WCAG AA contrast: test/support/accessibility.ts), and on each bokmål view the
 * care-language scan (test/support/care-language.ts). The files written are counted.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { en } from '../../renderer/src/text/en.js';
import { nb } from '../../renderer/src/text/nb.js';
import type { BoardText } from '../../renderer/src/text/board-text.js';
import { checkAccessible } from '../support/accessibility.js';
import { expectCareLanguage } from '../support/care-language.js';
import { tempDir } from '../support/temp-dir.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = join(REPO, 'test-results', 'screenshots');
const ORIENTATIONS = [
  { name: 'landscape', width: 1920, height: 1080 },
  { name: 'portrait', width: 1080, height: 1920 },
] as const;
const LANGUAGES = [
  { code: 'nb', t: nb },
  { code: 'en', t: en },
] as const;
const LEADER_TABS = ['capacity', 'flow', 'indicators', 'forecast', 'benefits'] as const;
/** The indicators tab's newer panels, below the fold: each is scrolled to and shot (pathway steps on time, the virtual ward, reception per organisation). */
const INDICATOR_PANELS = [
  { heading: 'pathway-steps-title', shot: 'leader-indicators-pathways' },
  { heading: 'virtual-ward-figures-heading', shot: 'leader-indicators-virtual-ward' },
  { heading: 'reception-figures-heading', shot: 'leader-indicators-reception' },
] as const;
const HOMECARE_TABS = ['overview', 'pathways', 'capacity'] as const;
const RECEPTIONS = [
  { name: 'Felles legevaktmottak – Legevakt', shot: 'reception-legevakt' },
  { name: 'Felles legevaktmottak – Sykehus', shot: 'reception-sykehus' },
] as const;
/**
 * Per language and orientation: the root page, 5 leader tabs and 3 panels of the indicators tab, 4 ward views, a patient card, the
 * transfers drawer, the office board; the home-care base station's 3 views and a patient's pathway
 * card; the virtual ward and its round dialog; each reception board locked and unlocked (the own
 * organisation's fields and steps).
 */
const VIEWS_PER_ROUND = 1 + LEADER_TABS.length + INDICATOR_PANELS.length + 4 + 1 + 1 + 1 + HOMECARE_TABS.length + 1 + 2 + 2 * RECEPTIONS.length;
/** Demo staff (synthetic; main/demo/seed-unit.ts): unlocks every board. */
const NURSE = { name: 'Ola Nilsen', pin: '2222' };

let child: ChildProcess;
let data: ReturnType<typeof tempDir>;
let root: string;
const boards = new Map<string, string>();

test.beforeAll(async () => {
  test.setTimeout(90_000);
  data = tempDir('tavla-e2e-shots-');
  child = spawn(process.execPath, ['bin/tavla.js', 'demo', '--data', data.path, '--port', '0'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo printed no board list: ${out}`)), 80_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      // "  Solsiden sykehjem: http://127.0.0.1:…/" under "Boards:", once the PINs follow.
      if (!/^Staff PINs/m.test(out)) return;
      root = /^(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out)?.[1] ?? '';
      for (const [, name, url] of out.matchAll(/^ {2}(.+): (http:\/\/\S+\/)$/gm)) boards.set(name, url);
      clearTimeout(timer);
      resolve();
    });
  });
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
});

test.afterAll(async () => {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 8000))]);
  data.remove();
});

test('every view in landscape and portrait, bokmål and English: a screenshot each, named controls, 44 px targets, AA contrast', async ({ browser }) => {
  test.setTimeout(240_000);
  const ward = boards.get('Solsiden sykehjem');
  const office = boards.get('Tildelingskontoret');
  const homecare = boards.get('Hjemmetjenesten nord');
  const virtualWard = boards.get('Hjemmesykehuset');
  const receptions = RECEPTIONS.map((r) => boards.get(r.name));
  expect(root, 'the demo printed its root page').toMatch(/^http:/);
  expect([ward, office, homecare, virtualWard, ...receptions].every(Boolean), `the demo printed every board: ${[...boards.keys()].join(', ')}`).toBe(true);

  // One page per origin, reused throughout (each remembers its own language).
  const context = await browser.newContext();
  const pages = await Promise.all([ward, office, homecare, virtualWard, ...receptions].map(() => context.newPage()));
  const leaderPage = await context.newPage();
  const [wardPage, officePage, homecarePage, virtualPage, ...receptionPages] = pages;
  const allPages = [leaderPage, ...pages];
  await leaderPage.goto(root);
  await Promise.all([ward, office, homecare, virtualWard, ...receptions].map((url, i) => pages[i].goto(url ?? '')));

  let written = 0;
  const view = async (page: Page, t: BoardText, code: string, orientation: string, name: string) => {
    await page.waitForTimeout(250); // charts and transitions settle
    const where = `${name}, ${orientation}, ${code}`;
    await checkAccessible(page, where);
    if (code === 'nb') await expectCareLanguage(page, where);
    await page.screenshot({ path: join(SHOTS, `${name}-${orientation}-${code}.png`) });
    written++;
  };

  for (const { code, t } of LANGUAGES) {
    if (code !== 'nb') {
      for (const page of allPages) await page.getByRole('button', { name: nb.otherLanguage.accessible }).click();
    }
    for (const orientation of ORIENTATIONS) {
      for (const page of allPages) await page.setViewportSize(orientation);
      const shot = (page: Page, name: string) => view(page, t, code, orientation.name, name);

      // The demo's root page: the board links first, then the leader view's tabs.
      await leaderPage.getByRole('tab', { name: t.leader.tabs.capacity }).click();
      await expect(leaderPage.getByRole('navigation', { name: t.leader.view.boards }).getByRole('link')).toHaveCount(boards.size, { timeout: 20_000 });
      await shot(leaderPage, 'demo-root');
      for (const tab of LEADER_TABS) {
        await leaderPage.getByRole('tab', { name: t.leader.tabs[tab] }).click();
        await expect(leaderPage.getByRole('tab', { name: t.leader.tabs[tab] })).toHaveAttribute('aria-selected', 'true');
        await leaderPage.waitForTimeout(500);
        await shot(leaderPage, `leader-${tab}`);
        if (tab !== 'indicators') continue;
        for (const panel of INDICATOR_PANELS) {
          const heading = leaderPage.locator(`#${panel.heading}`);
          await expect(heading).toBeVisible({ timeout: 20_000 });
          await heading.evaluate((el) => el.scrollIntoView({ block: 'start' }));
          await shot(leaderPage, panel.shot);
        }
        await leaderPage.evaluate(() => document.scrollingElement?.scrollTo(0, 0));
      }

      // The ward board: its four views, a patient card and the transfers drawer.
      for (const tab of ['overview', 'tasks', 'handover', 'capacity'] as const) {
        await wardPage.getByRole('tab', { name: t.tabs[tab] }).click();
        await expect(wardPage.getByRole('tab', { name: t.tabs[tab] })).toHaveAttribute('aria-selected', 'true');
        await shot(wardPage, `ward-${tab}`);
      }
      await wardPage.getByRole('tab', { name: t.tabs.overview }).click();
      await wardPage.getByRole('button', { name: new RegExp(`^${t.beds.open(t.card.title(''))}`) }).first().click();
      await expect(wardPage.getByRole('dialog')).toBeVisible();
      await shot(wardPage, 'ward-patient-card');
      await wardPage.getByRole('dialog').getByRole('button', { name: t.close }).first().click();
      await wardPage.getByRole('button', { name: new RegExp(`^${t.flow.transfers}`) }).click();
      await expect(wardPage.getByRole('complementary', { name: t.flow.transfers })).toBeVisible();
      await shot(wardPage, 'ward-transfers');
      await wardPage.getByRole('button', { name: new RegExp(`^${t.flow.transfers}`) }).click();

      // The allocation office: hospital patients waiting, with days and cost.
      await expect(officePage.getByRole('heading', { name: t.flow.allocation.patients })).toBeVisible({ timeout: 20_000 });
      await shot(officePage, 'office-board');

      // The home-care base station: the alarm strip over the routes, pathways, capacity; a patient's pathway card.
      for (const tab of HOMECARE_TABS) {
        await homecarePage.getByRole('tab', { name: t.tabs[tab] }).click();
        await expect(homecarePage.getByRole('tab', { name: t.tabs[tab] })).toHaveAttribute('aria-selected', 'true');
        if (tab === 'overview') await expect(homecarePage.locator('[data-visit]').first()).toBeVisible({ timeout: 20_000 });
        if (tab === 'pathways') await expect(homecarePage.getByRole('heading', { name: t.pathway.all })).toBeVisible();
        await shot(homecarePage, `homecare-${tab}`);
      }
      await homecarePage.getByRole('tab', { name: t.tabs.pathways }).click();
      await homecarePage.locator('#board-panel button.item').first().click();
      await expect(homecarePage.getByRole('dialog')).toBeVisible();
      await shot(homecarePage, 'homecare-pathway-card');
      await homecarePage.getByRole('dialog').getByRole('button', { name: t.close }).first().click();
      await homecarePage.getByRole('tab', { name: t.tabs.overview }).click();

      // The virtual ward: its beds with the day of the episode and today's round; a patient's round dialog.
      await expect(virtualPage.getByText(t.homehospital.recordRound).first()).toBeVisible({ timeout: 20_000 });
      await shot(virtualPage, 'virtual-ward');
      await virtualPage.getByRole('button', { name: new RegExp(`: ${t.homehospital.recordRound}$`, 'i') }).first().click();
      await expect(virtualPage.getByRole('dialog')).toBeVisible();
      await shot(virtualPage, 'virtual-ward-round');
      await virtualPage.keyboard.press('Escape');
      await expect(virtualPage.getByRole('dialog')).toHaveCount(0);

      // The shared reception, one board per organisation: the queue locked, then the own fields and steps unlocked.
      for (const [i, reception] of RECEPTIONS.entries()) {
        const page = receptionPages[i];
        await expect(page.getByTestId('encounter').first()).toBeVisible({ timeout: 20_000 });
        await shot(page, reception.shot);
        await page.getByRole('button', { name: t.header.unlock }).first().click();
        const dialog = page.getByRole('dialog', { name: t.unlock.title });
        await dialog.getByRole('button', { name: new RegExp(NURSE.name) }).click();
        for (const digit of NURSE.pin) await dialog.getByRole('button', { name: t.unlock.digit(digit) }).click();
        await dialog.getByRole('button', { name: t.unlock.submit, exact: true }).click();
        await expect(page.getByTestId('encounter-private').first()).toBeVisible();
        await shot(page, `${reception.shot}-unlocked`);
        await page.getByRole('button', { name: t.header.lock(NURSE.name) }).click();
        await expect(page.getByTestId('encounter-private')).toHaveCount(0);
      }
    }
  }

  const files = readdirSync(SHOTS).filter((f) => f.endsWith('.png'));
  expect(written).toBe(VIEWS_PER_ROUND * ORIENTATIONS.length * LANGUAGES.length);
  expect(files).toHaveLength(written);
  for (const file of files) expect(statSync(join(SHOTS, file)).size, file).toBeGreaterThan(10_000);
  await context.close();
});
