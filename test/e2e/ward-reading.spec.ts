/**
 * The ward overview read from 3 m on a 1080p wall screen, landscape and portrait: twenty beds
 * wholly on the screen (nine of them with a pathway step's chip, a line taller; on a staff-room
 * screen, all with the resident's name, and names and chips together in bokmål and English), nothing
 * lying over a card or a task, what is urgent (risk codes, overdue counts, the next due time, the
 * responsible nurse, a pathway chip) at least 28 px, an icon beside
 * each risk code and a legend strip, and badges only for the exceptions, not for the normal occupied bed.
 */

import type { Page } from '@playwright/test';
import type { BoardProcess } from '../support/e2e-fixtures.js';
import { LEADER, expect, snap, test, unlockOnScreen } from '../support/ward-fixtures.js';

const BEDS = Array.from({ length: 20 }, (_, i) => `${101 + i}`);
/** Synthetic residents (DOMAIN.md): initials and a made-up name, born in the 1930s and 40s. */
const FLAG_SETS = [{ fall: true, allergy: true }, { infection: true }, { hlrMinus: true, twoCarers: true }, { nutrition: true, pressureUlcer: true }, {}];
const MIN_PX = 28;
const SCREENS = [
  ['landscape', { width: 1920, height: 1080 }],
  ['portrait', { width: 1080, height: 1920 }],
] as const;

/**
 * Twenty beds of a nursing home: seventeen residents with risk codes and tasks, one bed cleaning and one blocked; `chips`: a
 * pathway step overdue on every other resident; `longNames`: each resident's name wider than a card.
 */
async function seedTwentyBeds(board: BoardProcess, { chips, longNames = false }: { chips: boolean; longNames?: boolean }): Promise<void> {
  await board.signIn(LEADER);
  await board.callOk('unit.configure', { name: 'Solsiden', kind: 'nursing-home', beds: BEDS.map((label) => ({ label })) });
  const soon = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
  // A pathway with a step overdue: the card's chip takes a line of its own.
  const pathway = await board.callOk('pathway.saveTemplate', {
    name: 'Oppfølging etter fall',
    trigger: 'manual',
    steps: [{ title: 'Fallrisikovurdering', offset: 'P1D', days: 'calendar', role: 'nurse', completes: 'tap' }],
  });
  for (const [i, bed] of BEDS.slice(0, 17).entries()) {
    const initials = `${String.fromCharCode(65 + i)}${String.fromCharCode(75 + (i % 10))}`;
    const stay = await board.callOk('stay.admit', {
      bed,
      name: longNames ? `Testperson Etternavnsen-${initials}` : `Testperson ${initials}`,
      initials,
      birthDate: `19${38 + (i % 10)}-0${1 + (i % 9)}-1${i % 10}`,
      adl: 1 + (i % 5),
      nurse: i % 3 === 0 ? 'Anne S.' : 'Per K.',
      flags: FLAG_SETS[i % FLAG_SETS.length],
    });
    // The last resident's next task is almost six hours ahead (the board shows six at least): in the
    // evening it is tomorrow's, and its card shows the other-day form.
    await board.callOk('task.create', { title: 'Snu pasienten', stayId: stay.id, due: soon(i === 16 ? 350 : 20 + i * 7) });
    if (i % 4 === 0) await board.callOk('task.create', { title: 'Mål blodtrykk', stayId: stay.id, due: soon(-15) });
    if (chips && i % 2 === 0) await board.callOk('pathway.start', { stayId: stay.id, template: pathway.id, startedAt: soon(-3 * 24 * 60) });
  }
  await board.callOk('bed.setStatus', { bed: '119', status: 'cleaning' });
  await board.callOk('bed.setStatus', { bed: '120', status: 'blocked' });
}

/** The twenty beds on a staff-room screen (`revealAll`), unlocked on the screen: every resident named on the overview. */
async function openStaffRoom(board: BoardProcess, page: Page, seed: Parameters<typeof seedTwentyBeds>[1]): Promise<void> {
  await seedTwentyBeds(board, seed);
  await board.callOk('ward.configure', { revealAll: true });
  await page.goto(board.url);
  await unlockOnScreen(page, LEADER.name, LEADER.pin);
  await expect(page.locator('.bed .name')).toHaveCount(17);
}

test('twenty beds at 3 m: all on the screen, urgent facts at least 28 px, icons and a legend, only exceptions badged', async ({ ward, page }, testInfo) => {
  test.setTimeout(120_000);
  const board = await ward.board();
  await seedTwentyBeds(board, { chips: true });
  await page.goto(board.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Solsiden' })).toBeVisible();
  await expect(page.locator('.bed .chip')).toHaveCount(9);
  // With a chip (at the urgent size) on every other card the beds fit only with the grid's closest spacing.
  await expect(page.locator('.grid')).toHaveAttribute('data-fit', 'close');

  for (const [orientation, size] of SCREENS) {
    await page.setViewportSize(size);
    await page.waitForTimeout(300);
    await snap(page, testInfo, `overview-3m-${orientation}`);
    await expectAllCardsOnScreen(page, orientation);
    await expectNothingCovers(page, orientation);
    for (const [what, selector] of [
      ['risk codes', '.bed .badge'],
      // The count of overdue tasks (a pathway chip's overdue colour is its state, not a count).
      ['overdue counts', '.bed .top .overdue'],
      ['next due times', '.bed .next-due'],
      ['responsible nurses', '.bed .nurse'],
      ['due times in the task list', '.tasks .due'],
    ] as const) {
      const sizes = await page.locator(selector).evaluateAll((nodes) => nodes.map((node) => parseFloat(getComputedStyle(node).fontSize)));
      expect(sizes.length, `${what} on the overview (${orientation})`).toBeGreaterThan(0);
      expect(Math.min(...sizes), `${what}: the smallest (${orientation})`).toBeGreaterThanOrEqual(MIN_PX);
    }
  }

  // Each risk code has its icon beside it, and the legend strip says what the codes on the screen mean.
  const badges = page.locator('.bed .badge');
  expect(await badges.count()).toBeGreaterThan(0);
  expect(await page.locator('.bed .badge svg').count()).toBe(await badges.count());
  const legend = page.getByRole('region', { name: 'Forklaring' });
  await expect(legend).toBeVisible();
  for (const words of ['Fallrisiko', 'Allergi (cave)', 'Isolasjon / smitte', 'HLR minus', 'Trenger to pleiere']) await expect(legend).toContainText(words);
  await expect(legend).not.toContainText('Urinveisinfeksjon'); // no one on the unit has it: not explained

  // Only exceptions carry a badge: free, cleaning, blocked and overdue; an occupied bed or an open task does not.
  await expect(page.getByRole('button', { name: 'Åpne Rom 101' })).not.toContainText('Opptatt');
  await expect(page.locator('.bed').filter({ hasText: 'åpen' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Åpne Rom 118' })).toContainText('Ledig');
  await expect(page.getByRole('button', { name: 'Åpne Rom 119' })).toContainText('Til rengjøring');
  await expect(page.getByRole('button', { name: 'Åpne Rom 120' })).toContainText('Sperret');
  await expect(page.getByRole('button', { name: 'Åpne Rom 101' })).toContainText('1 forfalt');
});

test('a staff-room screen names every resident, and the twenty beds still fit', async ({ ward, page }) => {
  test.setTimeout(120_000);
  await openStaffRoom(await ward.board(), page, { chips: false });
  // Each name is a line more on its card: the grid tightens so none is pushed off the screen.
  await expect(page.locator('.grid')).toHaveAttribute('data-fit', 'tight');
  for (const [orientation, size] of SCREENS) {
    await page.setViewportSize(size);
    await page.waitForTimeout(300);
    await expectAllCardsOnScreen(page, orientation);
    await expectNothingCovers(page, orientation);
    const nurses = await page.locator('.bed .nurse').evaluateAll((nodes) => nodes.map((node) => parseFloat(getComputedStyle(node).fontSize)));
    expect(Math.min(...nurses), `the nurse still at 3 m size (${orientation})`).toBeGreaterThanOrEqual(MIN_PX);
  }
});

for (const longNames of [false, true]) {
  test(
    longNames
      ? 'a staff-room screen with names too long for a card and a chip on every other bed fits both screens; each cut name is whole on its tapped card'
      : 'a staff-room screen with names and a chip on every other bed fits both screens in bokmål and English, the chip at the 3 m size',
    async ({ ward, page }) => {
      test.setTimeout(180_000);
      await openStaffRoom(await ward.board(), page, { chips: true, longNames });
      await expect(page.locator('.bed .chip')).toHaveCount(9);
      for (const language of (
        [
          { code: 'nb', close: 'Lukk' },
          { code: 'en', close: 'Close' },
        ] as const
      ).slice(0, longNames ? 1 : 2)) {
        if (language.code === 'en') await page.getByRole('button', { name: /English|engelsk/i }).click();
        for (const [orientation, size] of SCREENS) {
          await page.setViewportSize(size);
          await page.waitForTimeout(300);
          const where = `${language.code}, ${orientation}`;
          await expectAllCardsOnScreen(page, where);
          await expectNothingCovers(page, where);
          // Nothing on a card to scroll to, and nothing cut off by a box that clips but the chip's title and a long name (whole on the tap below).
          const cut = await page.locator(`.bed, .bed *:not(.title, .visually-hidden${longNames ? ', .name' : ''})`).evaluateAll((nodes) =>
            nodes
              .filter((node) => node.matches('.bed') || getComputedStyle(node).overflowX !== 'visible' || getComputedStyle(node).overflowY !== 'visible')
              .filter((node) => node.scrollHeight > node.clientHeight + 1 || node.scrollWidth > node.clientWidth + 1)
              .map((node) => `${node.className}: ${(node.textContent ?? '').trim().slice(0, 24)}`),
          );
          expect(cut, `cut or scrolling on a card (${where})`).toEqual([]);
          const names = await page.locator('.bed .name').allTextContents();
          expect(new Set(names).size, `every resident named (${where})`).toBe(17);
          for (const name of names) expect(name).toMatch(longNames ? /^Testperson Etternavnsen-[A-Z]{2}$/ : /^Testperson [A-Z]{2}$/);
          // The chip is an urgent fact: the size of the others on the card.
          const [chip, urgent] = await Promise.all(
            ['.bed .chip', '.bed .nurse, .bed .next-due, .bed .top .overdue'].map((selector) => page.locator(selector).evaluateAll((nodes) => nodes.map((node) => parseFloat(getComputedStyle(node).fontSize)))),
          );
          expect(Math.min(...chip), `the chip's text beside the other urgent facts (${where})`).toBeGreaterThanOrEqual(Math.max(MIN_PX, ...urgent));
          // A title or a name cut for room is whole on the patient card, one tap away; the countdown is never cut.
          const parts = await page.locator('.bed .chip, .bed .name').evaluateAll((nodes) =>
            nodes.map((node) => {
              const whole = (part: Element | null) => part !== null && part.scrollWidth <= part.clientWidth + 1;
              const chip = node.matches('.chip');
              return {
                chip,
                text: node.textContent ?? '',
                whole: whole(chip ? node.querySelector('.title') : node),
                whenWhole: !chip || whole(node.querySelector('.when')),
                bed: node.closest('.bed')?.querySelector('.label')?.textContent ?? '',
              };
            }),
          );
          expect(parts.filter((part) => !part.whenWhole).map((part) => part.bed), `countdowns cut (${where})`).toEqual([]);
          const cutNames = parts.filter((part) => !part.chip && !part.whole);
          if (longNames) expect(cutNames.length, `names cut for room (${where})`).toBeGreaterThan(0);
          else expect(cutNames.map((part) => part.bed), `names cut (${where})`).toEqual([]);
          for (const { chip, text, bed } of parts.filter((part) => !part.whole)) {
            await page.locator('.bed').filter({ has: page.locator('.label', { hasText: new RegExp(`^${bed}$`) }) }).getByRole('button').click();
            const card = page.getByRole('dialog');
            const shown = chip ? card.getByText(text, { exact: true }) : card.locator('.identity .name');
            await expect(shown, `${chip ? 'the chip' : 'the name'} of ${bed} whole on its card (${where})`).toBeVisible();
            if (!chip) await expect(shown).toContainText(text);
            await card.getByRole('button', { name: language.close }).click();
            await expect(card).toHaveCount(0);
          }
        }
      }
    },
  );
}

/** Every bed card lies wholly inside the viewport and inside every list that could scroll it: nothing to scroll to. */
async function expectAllCardsOnScreen(page: Page, orientation: string): Promise<void> {
  const outside = await page.locator('.bed').evaluateAll((cards) =>
    cards
      .map((card) => {
        const seen = { top: 0, left: 0, bottom: innerHeight, right: innerWidth };
        for (let up = card.parentElement; up; up = up.parentElement) {
          if (!/auto|scroll|hidden/.test(getComputedStyle(up).overflowY)) continue;
          const clip = up.getBoundingClientRect();
          Object.assign(seen, { top: Math.max(seen.top, clip.top), left: Math.max(seen.left, clip.left), bottom: Math.min(seen.bottom, clip.bottom), right: Math.min(seen.right, clip.right) });
        }
        return { text: (card.textContent ?? '').trim().slice(0, 12), box: card.getBoundingClientRect(), seen };
      })
      .filter(({ box, seen }) => box.top < seen.top - 0.5 || box.left < seen.left - 0.5 || box.bottom > seen.bottom + 0.5 || box.right > seen.right + 0.5)
      .map(({ text, box, seen }) => `${text} at ${Math.round(box.top)}–${Math.round(box.bottom)} px, seen ${Math.round(seen.top)}–${Math.round(seen.bottom)}`),
  );
  expect(await page.locator('.bed').count()).toBe(BEDS.length);
  expect(outside, `cards not wholly on the ${orientation} screen`).toEqual([]);
}

/** What the screen shows at the corners and centre of each card and task is that card or task. */
async function expectNothingCovers(page: Page, orientation: string): Promise<void> {
  const covered = await page.locator('.bed, .tasks .task').evaluateAll((items) =>
    items.flatMap((item) => {
      // Seen through the lists that scroll it (and the viewport): a task scrolled out of view is not covered.
      const seen = { top: 0, left: 0, bottom: innerHeight, right: innerWidth };
      for (let up = item.parentElement; up; up = up.parentElement) {
        if (!/auto|scroll|hidden/.test(getComputedStyle(up).overflowY)) continue;
        const clip = up.getBoundingClientRect();
        Object.assign(seen, { top: Math.max(seen.top, clip.top), left: Math.max(seen.left, clip.left), bottom: Math.min(seen.bottom, clip.bottom), right: Math.min(seen.right, clip.right) });
      }
      const own = item.getBoundingClientRect();
      const box = { top: Math.max(own.top, seen.top), left: Math.max(own.left, seen.left), bottom: Math.min(own.bottom, seen.bottom), right: Math.min(own.right, seen.right) };
      if (box.bottom - box.top < 12 || box.right - box.left < 12) return [];
      const points = [
        [box.left + 4, box.top + 4],
        [box.right - 4, box.top + 4],
        [box.left + 4, box.bottom - 4],
        [box.right - 4, box.bottom - 4],
        [(box.left + box.right) / 2, (box.top + box.bottom) / 2],
      ];
      return points
        .filter(([x, y]) => {
          const hit = document.elementFromPoint(x, y);
          return hit !== null && !item.contains(hit) && !hit.contains(item);
        })
        .map(([x, y]) => `${(item.textContent ?? '').trim().slice(0, 16)} at ${Math.round(x)},${Math.round(y)} under ${document.elementFromPoint(x, y)?.className}`);
    }),
  );
  expect(covered, `something lies over a card or a task (${orientation})`).toEqual([]);
}
