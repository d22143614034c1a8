/**
 * The leader view on a portrait screen (1080×1920, a wall screen turned upright or a tablet), end to
 * end on the demo (every leader panel has figures there: capacity, flow, indicators with pathway
 * steps, home care's visits, the virtual ward and the shared reception, forecast, benefits, alarms):
 * no table of any tab is wider than the screen or scrolls sideways, in bokmål and in English. A table
 * too wide for the screen is read as a block per row (each figure under its column's name), still a
 * table to a screen reader, at the type size it has in landscape; in landscape (1920×1080) the wide
 * tables stay tables. On a small tablet (600 px) the alarms' table is a block per row too, and a
 * unit's per-day figure (in the severity column as a table) is not put under the severity's name.
 */

import { expect as baseExpect, test, type Page } from '@playwright/test';
import { demoPerFile } from '../support/demo-process.js';

const expect = baseExpect.configure({ timeout: 20_000 });

const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPE = { width: 1920, height: 1080 };
/** A small tablet upright (a leader's own), narrower than any wall screen. */
const TABLET = { width: 600, height: 960 };
const LANGUAGES = [
  { code: 'nb', tabs: ['Kapasitet nå', 'Pasientflyt', 'Indikatorer', 'Prognose', 'Gevinster'], capacity: 'Kapasitet per enhet', perUnit: 'Indikatorer per enhet i perioden' },
  { code: 'en', tabs: ['Capacity now', 'Patient flow', 'Indicators', 'Forecast', 'Benefits'], capacity: 'Capacity per unit', perUnit: 'Indicators per unit in the period' },
] as const;

const demo = demoPerFile('tavla-e2e-leader-portrait-');

interface Measured {
  /** Tables measured (shown on the tab). */
  tables: number;
  /** Each table wider than the screen or inside a box that scrolls (or spills) sideways, and the page if it does. */
  sideways: string[];
}

/** Every shown table of the leader view, each scrolled to first (tables below the fold are laid out when near). */
async function measure(page: Page): Promise<Measured> {
  const tables = page.locator('.leader table');
  let shown = 0;
  const sideways: string[] = [];
  for (const table of await tables.all()) {
    if (!(await table.isVisible())) continue;
    shown++;
    await table.scrollIntoViewIfNeeded();
    const problem = await table.evaluate((t) => {
      const name = t.querySelector('caption')?.textContent?.trim() || t.getAttribute('aria-label') || t.closest('section, article')?.querySelector('h2, h3')?.textContent?.trim() || t.className;
      const box = t.getBoundingClientRect();
      const width = document.documentElement.clientWidth;
      if (box.left < -0.5 || box.right > width + 0.5) return `${name}: ${Math.round(box.left)}–${Math.round(box.right)} px of ${width}`;
      for (let e = t.parentElement; e && e !== document.body; e = e.parentElement) {
        if (e.scrollWidth > e.clientWidth + 1) return `${name}: inside ${e.tagName.toLowerCase()}.${e.className} (${e.scrollWidth} > ${e.clientWidth} px)`;
      }
      return null;
    });
    if (problem) sideways.push(problem);
  }
  const page_ = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth }));
  if (page_.scroll > page_.width) sideways.push(`the page: ${page_.scroll} > ${page_.width} px`);
  return { tables: shown, sideways };
}

/** A tab, once its panel's figures are in (a table, where the tab has one of its own: benefits has none). */
async function tab(page: Page, name: string, withTable = true): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
  if (withTable) await expect(page.locator('#leader-panel table').filter({ visible: true }).first()).toBeVisible();
  await page.waitForTimeout(500); // charts and late panels settle
}

test('no leader table scrolls sideways on a portrait screen, in bokmål and English; the wide ones read as a block per row, at their landscape type size', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(LANDSCAPE);
  await page.goto(demo.url);
  const capacityCell = (language: (typeof LANGUAGES)[number]) => page.getByRole('table', { name: language.capacity }).locator('tbody td').first();
  await expect(capacityCell(LANGUAGES[0])).toBeVisible();
  // The alarms' figures are folded away until opened: opened, their table is measured too.
  await page.getByTestId('leader-alarms').locator('summary').click();
  // The type size each wide table has in landscape, to hold the portrait one to.
  const landscapeSize = await capacityCell(LANGUAGES[0]).evaluate((td) => getComputedStyle(td).fontSize);

  for (const language of LANGUAGES) {
    if (language.code === 'en') await page.getByRole('button', { name: /English|engelsk/i }).click();
    await page.setViewportSize(PORTRAIT);
    const counted: number[] = [];
    for (const [i, name] of language.tabs.entries()) {
      await tab(page, name, i < 4);
      const { tables, sideways } = await measure(page);
      expect(sideways, `${language.code}, ${name}: tables that scroll sideways at 1080×1920`).toEqual([]);
      counted.push(tables);
    }
    // Measured, not skipped: the capacity tab's (alarms, heatmap, units, visits) and the indicators tab's many (pathway steps, per unit, visits per day, virtual ward, reception).
    expect(counted[0], `${language.code}: tables on the capacity tab`).toBeGreaterThanOrEqual(4);
    expect(counted[2], `${language.code}: tables on the indicators tab`).toBeGreaterThanOrEqual(10);

    // The capacity table, 15 columns, is a block per unit here: each figure under its column's name, still a table's cell.
    await tab(page, language.tabs[0]);
    const capacity = page.getByRole('table', { name: language.capacity });
    await expect(capacity).toHaveAttribute('data-stacked', '');
    const solsiden = capacity.getByRole('row', { name: /Solsiden/ });
    await expect(solsiden.getByRole('cell').nth(2)).toHaveText(language.code === 'nb' ? '87,5 %' : '87.5 %');
    await expect(solsiden.getByRole('cell').nth(2)).toHaveAttribute('data-label', language.code === 'nb' ? 'Belegg' : 'Occupancy');
    expect(await capacityCell(language).evaluate((td) => getComputedStyle(td).fontSize)).toBe(landscapeSize);

    // Landscape is as it was: none scrolls sideways, and the wide tables stay tables (the capacity table, the indicators per unit).
    await page.setViewportSize(LANDSCAPE);
    for (const [i, name] of language.tabs.entries()) {
      await tab(page, name, i < 4);
      expect((await measure(page)).sideways, `${language.code}, ${name}: tables that scroll sideways at 1920×1080`).toEqual([]);
    }
    await tab(page, language.tabs[0]);
    await expect(page.getByRole('table', { name: language.capacity })).not.toHaveAttribute('data-stacked');
    await tab(page, language.tabs[2]);
    await expect(page.getByRole('table', { name: language.perUnit })).not.toHaveAttribute('data-stacked');
  }
});

test("on a small tablet the alarms' table reads as a block per row, and a unit's per-day figure is not put under the severity's name", async ({ page }) => {
  await page.setViewportSize(TABLET);
  await page.goto(demo.url);
  const alarms = page.getByTestId('leader-alarms');
  await alarms.locator('summary').click();
  const table = alarms.getByRole('table');
  await expect(table).toHaveAttribute('data-stacked', '');
  // The total row's second cell says what it is ("Per dag: …"): no column name above it.
  const perDay = table.locator('tr.total td').first();
  await expect(perDay).toHaveText(/^Per dag: \d/);
  await expect(perDay).toHaveAttribute('data-label', '');
  // The severity rows' cells keep their column's name.
  await expect(table.locator('tbody tr:not(.total) td').nth(1)).toHaveAttribute('data-label', 'Alvorlighet');
});
