/**
 * A screenshot of every view, landscape 1920×1080 and portrait 1080×1920, bokmål and English, from
 * one demo process (the hub with its leader view at the root page, the nursing home's ward board and
 * the allocation office's board; synthetic people), written to test-results/screenshots/ (kept out
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
/** Per language and orientation: the root page, 5 leader tabs, 4 ward views, a patient card, the transfers drawer, the office board. */
const VIEWS_PER_ROUND = 1 + LEADER_TABS.length + 4 + 1 + 1 + 1;

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
  expect(root, 'the demo printed its root page').toMatch(/^http:/);
  expect(ward && office, `the demo printed the ward and office boards: ${[...boards.keys()].join(', ')}`).toBeTruthy();

  // One page per origin, reused throughout (each remembers its own language).
  const context = await browser.newContext();
  const [leaderPage, wardPage, officePage] = await Promise.all([context.newPage(), context.newPage(), context.newPage()]);
  await leaderPage.goto(root);
  await wardPage.goto(ward ?? '');
  await officePage.goto(office ?? '');

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
      for (const page of [leaderPage, wardPage, officePage]) await page.getByRole('button', { name: nb.otherLanguage.accessible }).click();
    }
    for (const orientation of ORIENTATIONS) {
      for (const page of [leaderPage, wardPage, officePage]) await page.setViewportSize(orientation);
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
    }
  }

  const files = readdirSync(SHOTS).filter((f) => f.endsWith('.png'));
  expect(written).toBe(VIEWS_PER_ROUND * ORIENTATIONS.length * LANGUAGES.length);
  expect(files).toHaveLength(written);
  for (const file of files) expect(statSync(join(SHOTS, file)).size, file).toBeGreaterThan(10_000);
  await context.close();
});
