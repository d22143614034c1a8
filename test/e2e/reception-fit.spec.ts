/**
 * The shared reception's board and the leader's per-unit tables as staff meet them, on the demo
 * (synthetic people): a locked reception board offers no edit (the triage and disposition steps
 * come with the PIN) and its API refuses one without a session; the queue reads at 3 m (the ward
 * board's sizes, WCAG AA contrast) and fits the screen in both orientations — the page never
 * scrolls, the queue scrolls inside its own panel, the most urgent first; and at 1920 px the
 * leader's per-unit tables (capacity now, indicators) do not scroll sideways. Screenshots of each
 * are attached for people to look at.
 */

import { expect, test, type Locator, type Page } from '@playwright/test';
import { checkAccessible } from '../support/accessibility.js';
import { demoPerFile } from '../support/demo-process.js';
import { enterPin, snap } from '../support/ward-fixtures.js';

const NURSE = { name: 'Ola Nilsen', pin: '2222' };
const LANDSCAPE = { width: 1920, height: 1080 };
const PORTRAIT = { width: 1080, height: 1920 };

const demo = demoPerFile('tavla-e2e-reception-fit-');

/** The legevakt board's address, from the demo's board links. */
async function legevaktUrl(page: Page): Promise<string> {
  await page.goto(demo.url);
  const link = page.getByRole('navigation', { name: 'Tavlene' }).getByRole('link', { name: 'Felles legevaktmottak – Legevakt' });
  await expect(link).toBeVisible({ timeout: 20_000 });
  return new URL((await link.getAttribute('href')) ?? '', demo.url).href;
}

/** The page itself never scrolls; the queue panel ends inside the screen. */
async function expectFits(page: Page): Promise<void> {
  const sizes = await page.evaluate(() => {
    const queue = document.querySelector('[data-testid="reception-queue"]');
    return { page: document.scrollingElement?.scrollHeight ?? Infinity, width: document.scrollingElement?.scrollWidth ?? Infinity, viewport: innerHeight, viewportWidth: innerWidth, queueBottom: queue?.getBoundingClientRect().bottom ?? Infinity };
  });
  expect(sizes.page).toBeLessThanOrEqual(sizes.viewport);
  expect(sizes.width).toBeLessThanOrEqual(sizes.viewportWidth);
  expect(sizes.queueBottom).toBeLessThanOrEqual(sizes.viewport);
}

test('a locked reception board offers no triage or disposition; the PIN brings them; its API refuses an edit without a session', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  const url = await legevaktUrl(page);
  await page.goto(url);
  const cards = page.getByTestId('encounter');
  await expect(cards.first()).toBeVisible({ timeout: 20_000 });
  // Locked: the shared fields only, and no step a passer-by could tap.
  await expect(page.getByTestId('reception-queue').getByRole('button')).toHaveCount(0);
  await expect(page.getByTestId('reception-queue').getByRole('group', { name: 'Triage' })).toHaveCount(0);
  await expect(page.getByText('Lås opp for å se egne pasienters opplysninger og for å triagere')).toBeVisible();
  await expect(page.getByTestId('encounter-private')).toHaveCount(0);
  await snap(page, testInfo, 'reception-locked');

  // The server refuses an edit that carries no session, whatever the page shows.
  const list = (await (await fetch(`${url}api/encounter.list`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { ok: boolean; value: { queue: { id: string; responsible: string; colour: string | null }[] } };
  expect(list.ok).toBe(true);
  const own = list.value.queue.find((e) => e.responsible === 'legevakt');
  expect(own, 'the demo has a legevakt encounter in the queue').toBeDefined();
  const colour = own?.colour === 'red' ? 'blue' : 'red';
  const refused = (await (await fetch(`${url}api/encounter.triage`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: own?.id, colour }) })).json()) as { ok: boolean; code?: string };
  expect(refused).toMatchObject({ ok: false, code: 'unauthorized' });
  const after = (await (await fetch(`${url}api/encounter.list`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as typeof list;
  expect(after.value.queue.find((e) => e.id === own?.id)?.colour).toBe(own?.colour);

  // Unlocked: the own organisation's steps appear (and its details); locking takes both away.
  await page.getByRole('button', { name: 'Lås opp' }).first().click();
  await enterPin(page, NURSE.name, NURSE.pin);
  await expect(page.getByTestId('reception-queue').getByRole('group', { name: 'Triage' }).first()).toBeVisible();
  await expect(page.getByTestId('encounter-private').first()).toBeVisible();
  await snap(page, testInfo, 'reception-unlocked');
  await page.getByRole('button', { name: `Lås (${NURSE.name})` }).click();
  await expect(page.getByTestId('reception-queue').getByRole('button')).toHaveCount(0);
});

test('the reception queue reads at 3 m and fits the screen in both orientations, the most urgent first', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const url = await legevaktUrl(page);
  await page.goto(url);
  await expect(page.getByTestId('encounter').first()).toBeVisible({ timeout: 20_000 });
  for (const [name, viewport] of [['landscape', LANDSCAPE], ['portrait', PORTRAIT]] as const) {
    await page.setViewportSize(viewport);
    // Unlocked, with its steps and details, each card is at its tallest.
    await page.getByRole('button', { name: 'Lås opp' }).first().click();
    await enterPin(page, NURSE.name, NURSE.pin);
    await expect(page.getByTestId('encounter-private').first()).toBeVisible();
    await page.waitForTimeout(300);
    const card = page.getByTestId('encounter').first();
    const px = (selector: string) => card.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    // The ward board's sizes at 1920 px (root ~23 px): the label as a bed card's initials, the triage colour as its label, the rest above body text.
    expect(await px('.label'), `${name}: the label`).toBeGreaterThanOrEqual(36);
    expect(await px('.colour'), `${name}: the triage colour`).toBeGreaterThanOrEqual(28);
    expect(await px('.times'), `${name}: the wait line`).toBeGreaterThanOrEqual(24);
    expect(await px('.status'), `${name}: the status`).toBeGreaterThanOrEqual(24);
    await checkAccessible(page, `reception, ${name}, unlocked`);
    await expectFits(page);
    // The first card (most urgent, longest waiting) is on the screen; the last is reached inside the panel, not by the page.
    const first = await card.boundingBox();
    expect(first && first.y >= 0 && first.y + first.height <= viewport.height).toBe(true);
    await snap(page, testInfo, `reception-${name}-unlocked`);
    await page.getByTestId('encounter').last().scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.scrollingElement?.scrollTop)).toBe(0);
    const last = await page.getByTestId('encounter').last().boundingBox();
    expect(last && last.y + last.height <= viewport.height + 1).toBe(true);
    await page.getByTestId('reception-queue').evaluate((el) => el.scrollTo(0, 0));
    await page.getByRole('button', { name: `Lås (${NURSE.name})` }).click();
    await expect(page.getByTestId('encounter-private')).toHaveCount(0);
    await checkAccessible(page, `reception, ${name}, locked`);
    await expectFits(page);
    await snap(page, testInfo, `reception-${name}-locked`);
  }
});

test('at 1920 px the leader’s per-unit tables fit the width: no sideways scroll, every figure shown, the full heading as its title', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  await page.setViewportSize(LANDSCAPE);
  await page.goto(demo.url);
  const sideways = (table: Locator) =>
    table.evaluate((el) => {
      const box = el.parentElement as HTMLElement;
      return { scroll: box.scrollWidth, client: box.clientWidth, page: document.scrollingElement?.scrollWidth ?? Infinity, viewport: innerWidth };
    });

  await page.getByRole('tab', { name: 'Kapasitet nå' }).click();
  const capacity = page.locator('table.capacity');
  await capacity.scrollIntoViewIfNeeded();
  await expect(capacity.locator('tbody tr th[scope="row"]').first()).toBeVisible({ timeout: 20_000 });
  const c = await sideways(capacity);
  expect(c.scroll, 'the capacity table scrolls sideways').toBeLessThanOrEqual(c.client);
  expect(c.page).toBeLessThanOrEqual(c.viewport);
  await expect(capacity.locator('thead th').first()).toHaveAttribute('title', 'Enhet');
  await snap(page, testInfo, 'leader-capacity-table');

  await page.getByRole('tab', { name: 'Indikatorer' }).click();
  const perUnit = page.locator('.indicators table.figures').last();
  await perUnit.scrollIntoViewIfNeeded();
  await expect(perUnit.locator('tbody tr').first()).toBeVisible({ timeout: 20_000 });
  const i = await sideways(perUnit);
  expect(i.scroll, 'the indicators per unit scroll sideways').toBeLessThanOrEqual(i.client);
  expect(i.page).toBeLessThanOrEqual(i.viewport);
  await expect(perUnit.locator('thead th').nth(1)).toHaveAttribute('title', /\): .{20,}/);
  // A heading is the short name, broken only where its compounds join (soft hyphens); the IPLOS variable is in its title.
  const medication = perUnit.locator('thead th', { hasText: 'middel' });
  await expect(medication).not.toContainText('IPLOS');
  await expect(medication).toHaveAttribute('title', /^Legemiddelgjennomgang \(IPLOS poLegeMiddGj\)/);
  expect(await medication.evaluate((el) => el.textContent)).toContain('Legemiddel\u00ADgjennomgang');
  await snap(page, testInfo, 'leader-indicators-per-unit');
});
