/**
 * Every view of the ward board, in landscape and portrait, bokmål and English: each is
 * screenshotted (artifacts to look at), every control has a role and a name, every target is at
 * least 44 px, and text meets WCAG AA contrast. Plus the touch flows: a task from a template in
 * three taps, undo of a completion, and the incoming shift leader's acknowledgement.
 */

import type { Page } from '@playwright/test';
import { LEADER, expect, seedWard, snap, test, unlockOnScreen } from './ward-fixtures.js';

/** Roles a person operates; each must carry a name (the aria snapshot shows `- button` bare when not). */
const CONTROL = /^\s*- (button|tab|textbox|combobox|link|checkbox|switch|radio|spinbutton|slider)( \[[^\]]*\])*:?\s*$/;

async function checkAccessible(page: Page, where: string): Promise<void> {
  const snapshot = await page.locator('body').ariaSnapshot();
  expect(snapshot.split('\n').filter((line) => CONTROL.test(line)), `${where}: controls without a name`).toEqual([]);

  const problems = await page.evaluate(() => {
    const dialog = document.querySelector('dialog[open]');
    const scope: ParentNode = dialog ?? document;
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && style.visibility !== 'hidden';
    };
    const small = Array.from(scope.querySelectorAll('button, [role="tab"], input, select, textarea, summary, a[href]'))
      .filter(visible)
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 44 || r.height < 44)
      .map(({ el, r }) => `target ${el.tagName.toLowerCase()} "${el.textContent?.trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`);

    const parse = (colour: string) => {
      const parts = (/rgba?\(([^)]+)\)/.exec(colour)?.[1] ?? '0 0 0 0').split(/[\s,/]+/).filter(Boolean).map(Number);
      return { r: parts[0], g: parts[1], b: parts[2], a: parts[3] ?? 1 };
    };
    const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    // The nearest solid background (a striped "blocked" bed counts as its lighter page behind it).
    const background = (el: Element | null) => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c.a > 0.5) return c;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    const contrast: string[] = [];
    const walker = document.createTreeWalker(scope as Node, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.textContent?.trim() || !visible(el) || el.closest('[aria-hidden="true"], .visually-hidden, :disabled')) continue;
      const style = getComputedStyle(el);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const fg = luminance(parse(style.color));
      const bg = luminance(background(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      if (ratio < (large ? 3 : 4.5)) contrast.push(`contrast ${ratio.toFixed(2)} "${node.textContent.trim().slice(0, 30)}"`);
    }
    return [...small, ...new Set(contrast)];
  });
  expect(problems, `${where}: touch targets under 44 px or text under WCAG AA contrast`).toEqual([]);
}

test('every view: screenshots, names, 44 px targets and AA contrast, landscape and portrait, bokmål and English', async ({ ward, page }, testInfo) => {
  test.setTimeout(90_000);
  const board = await ward.board();
  await seedWard(board);
  await page.goto(board.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Solsiden' })).toBeVisible();

  const views = ['Oversikt', 'Oppgaver', 'Kapasitet', 'Vaktskifte'];
  for (const name of views) {
    await page.getByRole('tab', { name }).click();
    await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
    await page.waitForTimeout(300);
    await checkAccessible(page, name);
    await snap(page, testInfo, `view-${name.toLowerCase()}-landscape`);
  }

  await page.getByRole('tab', { name: 'Oversikt' }).click();
  await page.getByRole('button', { name: 'Åpne Rom 101' }).click();
  await checkAccessible(page, 'patient card, locked');
  await snap(page, testInfo, 'patient-card-locked');
  await page.getByRole('dialog').getByRole('button', { name: 'Lukk' }).click();
  await page.getByRole('button', { name: 'Åpne Rom 103' }).click();
  await checkAccessible(page, 'empty bed');
  await snap(page, testInfo, 'bed-card-cleaning');
  await page.getByRole('dialog').getByRole('button', { name: 'Ledig' }).click();
  await expect(page.getByRole('dialog')).toContainText('Lagret');
  await page.getByRole('dialog').getByRole('button', { name: 'Lukk' }).click();
  await expect(page.getByRole('button', { name: 'Åpne Rom 103' })).toContainText('Ledig');

  await page.getByRole('button', { name: 'Lås opp', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: /Liv Leder/ }).click();
  await checkAccessible(page, 'PIN pad');
  await snap(page, testInfo, 'unlock-pin-pad');
  await page.getByRole('dialog').getByRole('button', { name: 'Lukk' }).click();

  await unlockOnScreen(page, LEADER.name, LEADER.pin);
  await page.getByRole('button', { name: 'Åpne Rom 101' }).click();
  await checkAccessible(page, 'patient card, unlocked');
  await snap(page, testInfo, 'patient-card-unlocked');
  await page.getByRole('dialog').getByRole('button', { name: 'Risiko: Ernæringsrisiko' }).click();
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Risiko: Ernæringsrisiko' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('dialog').getByRole('button', { name: 'Lukk' }).click();
  await expect(page.getByRole('button', { name: 'Åpne Rom 101' })).toContainText('ERN');

  for (const name of ['Kapasitet', 'Vaktskifte', 'Tilgangslogg', 'Innstillinger']) {
    await page.getByRole('tab', { name }).click();
    await page.waitForTimeout(300);
    await checkAccessible(page, `${name}, unlocked`);
    await snap(page, testInfo, `view-${name.toLowerCase()}-unlocked`);
  }

  await page.getByRole('button', { name: 'Switch to English' }).click();
  for (const name of ['Overview', 'Tasks', 'Capacity', 'Handover']) {
    await page.getByRole('tab', { name }).click();
    await page.waitForTimeout(300);
    await checkAccessible(page, `${name} (English)`);
    await snap(page, testInfo, `view-${name.toLowerCase()}-english`);
  }
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  await page.getByRole('button', { name: 'Bytt til norsk' }).click();
  await page.getByRole('button', { name: 'Lås (Liv Leder)' }).click();

  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.getByRole('tab', { name: 'Oversikt' }).click();
  await page.waitForTimeout(300);
  await checkAccessible(page, 'overview, portrait');
  await snap(page, testInfo, 'view-oversikt-portrait');
  await page.getByRole('tab', { name: 'Kapasitet' }).click();
  await page.waitForTimeout(300);
  await snap(page, testInfo, 'view-kapasitet-portrait');
});

test('a new task from a template takes three taps, and a completed task can be undone', async ({ ward, page }) => {
  const board = await ward.board();
  await seedWard(board);
  await page.goto(board.url);
  await page.getByRole('tab', { name: 'Oppgaver' }).click();
  const turns = page.getByRole('button', { name: /Fullfør oppgave: NEWS2-måling \(101 · IH\)/ });
  await expect(turns).toHaveCount(0);

  await page.getByRole('button', { name: 'Ny oppgave' }).click(); // 1
  const picker = page.getByRole('dialog', { name: 'Ny oppgave' });
  await picker.getByRole('button', { name: /NEWS2-måling/ }).click(); // 2
  await page.getByRole('dialog').getByRole('button', { name: '101 · IH', exact: true }).click(); // 3
  await expect(turns).toHaveCount(1);
  await expect(turns).toContainText('hver 4. time');

  await page.getByRole('button', { name: 'Fullfør oppgave: Sjekk medisinrommet' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Utført: Sjekk medisinrommet' })).toBeVisible();
  await page.getByRole('button', { name: 'Angre' }).click();
  await expect(page.getByRole('button', { name: 'Fullfør oppgave: Sjekk medisinrommet' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Utførte oppgaver' })).toHaveCount(0);
  // Main agrees: the task is open again.
  const task = (await board.callOk('ward.state', {})).tasks.find((t) => t.title === 'Sjekk medisinrommet');
  expect(task?.status).toBe('open');
});

test('the incoming shift leader acknowledges the handover, and it is logged', async ({ ward, page }) => {
  const board = await ward.board();
  await seedWard(board);
  await page.goto(board.url);
  await page.getByRole('tab', { name: 'Vaktskifte' }).click();
  await expect(page.getByRole('heading', { name: /Forfalte oppgaver/ })).toBeVisible();
  await expect(page.getByText('Vaktleder eller avdelingsleder låser opp for å kvittere.')).toBeVisible();

  await unlockOnScreen(page, LEADER.name, LEADER.pin);
  await page.getByRole('button', { name: 'Kvitter for mottatt rapport' }).click();
  await expect(page.getByText(/Kvittert av Liv Leder/)).toBeVisible();
  const handover = await board.callOk('handover.view', {});
  expect(handover.acknowledgedBy).toBe('Liv Leder');
});
