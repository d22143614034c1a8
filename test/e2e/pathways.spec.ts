/**
 * Pathways on the ward board (docs/pathways.md), landscape and portrait: the "Forfaller i dag" lane
 * sorted by deadline with overdue and due-soon chips, a chip that turns red at its deadline without
 * a reload, the step list on the patient card, a step marked done by tapping, corridor form on a
 * locked screen, and the accessibility checks.
 */

import { checkAccessible } from '../support/accessibility.js';
import { LEADER, expect, seedWard, snap, test, unlockOnScreen } from '../support/ward-fixtures.js';

const HOUR = 3_600_000;

for (const viewport of [{ width: 1920, height: 1080 }, { width: 1080, height: 1920 }]) {
  test(`the pathways tab and the patient card's steps at ${viewport.width}×${viewport.height}`, async ({ ward, page }, testInfo) => {
    test.setTimeout(90_000);
    await page.setViewportSize(viewport);
    const board = await ward.board();
    const { stay } = await seedWard(board);
    const own = await board.callOk('pathway.saveTemplate', {
      name: 'Oppfølging etter fall',
      trigger: 'manual',
      steps: [
        { title: 'Fallrisikovurdering', offset: 'P1D', days: 'calendar', role: 'nurse', completes: 'tap' },
        { title: 'Tilsyn av fysioterapeut', offset: 'P2D', days: 'calendar', role: 'physiotherapist', completes: 'tap' },
      ],
    });
    // Started 3 days ago: both steps are overdue (by 2 days and by 1 day).
    await board.callOk('pathway.start', { stayId: stay, template: own.id, startedAt: new Date(Date.now() - 3 * 24 * HOUR).toISOString() });
    await page.goto(board.url);
    // The overview's bed card chips her earliest open step, overdue; the other patient's admission
    // pathway (its first step a week away) is not chipped there: only the exceptions are.
    const bedCard = page.getByRole('button', { name: 'Åpne Rom 101' });
    const cardChip = bedCard.locator('.chip');
    await expect(cardChip).toHaveText('Fallrisikovurdering – forfalt 2 d');
    await expect(cardChip).toHaveAttribute('data-state', 'overdue');
    await expect(page.getByRole('button', { name: 'Åpne Rom 102' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Åpne Rom 102' }).locator('.chip')).toHaveCount(0);
    // The countdown is never the part cut: it shows whole inside the chip and the card.
    const [cardBox, chipBox, whenBox] = [await bedCard.boundingBox(), await cardChip.boundingBox(), await cardChip.locator('.when').boundingBox()];
    expect(chipBox!.x + chipBox!.width, 'the chip stays inside its bed card').toBeLessThanOrEqual(cardBox!.x + cardBox!.width + 0.5);
    expect(whenBox!.x + whenBox!.width, 'the countdown shows whole').toBeLessThanOrEqual(chipBox!.x + chipBox!.width + 0.5);
    expect(await cardChip.locator('.when').evaluate((node) => node.scrollWidth <= node.clientWidth + 1), 'the countdown is not cut').toBe(true);
    // …nor is the title cut to a letter or two: it keeps a readable start (at least 60 px, about five letters).
    expect((await cardChip.locator('.title').boundingBox())!.width, 'the title keeps a readable start').toBeGreaterThanOrEqual(60);
    await snap(page, testInfo, `pathways-overview-${viewport.width}x${viewport.height}`);
    await page.getByRole('tab', { name: 'Forløp' }).click();

    const lane = page.getByRole('region', { name: 'Forfaller i dag' });
    const items = lane.getByRole('listitem');
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toContainText('Fallrisikovurdering – forfalt 2 d');
    await expect(items.nth(1)).toContainText('Tilsyn av fysioterapeut – forfalt 1 d');
    await expect(items.nth(0).locator('.chip')).toHaveAttribute('data-state', 'overdue');
    // The admission's own pathway (nutrition screening in a week) is listed, not due today.
    await expect(page.getByRole('region', { name: 'Alle forløp' })).toContainText('Ernæring, langtidsplass');
    await checkAccessible(page, 'pathways tab');
    await snap(page, testInfo, `pathways-${viewport.width}x${viewport.height}`);

    // Locked: the patient card lists titles and states, no actions but the unlock.
    await items.nth(0).getByRole('button').click();
    const card = page.getByRole('dialog');
    await expect(card.getByRole('heading', { name: 'Forløpssteg' })).toBeVisible();
    await expect(card).toContainText('Fallrisikovurdering');
    await expect(card.getByRole('button', { name: 'Utført' })).toHaveCount(0);
    await card.getByRole('button', { name: 'Lukk' }).click();

    await unlockOnScreen(page, LEADER.name, LEADER.pin);
    await items.nth(0).getByRole('button').click();
    await card.getByRole('listitem').filter({ hasText: 'Fallrisikovurdering' }).getByRole('button', { name: 'Utført' }).click();
    await expect(card.getByRole('listitem').filter({ hasText: 'Fallrisikovurdering' })).toContainText(`Utført`);
    await expect(card.getByRole('listitem').filter({ hasText: 'Fallrisikovurdering' })).toContainText(`av ${LEADER.name}`);
    await checkAccessible(page, 'patient card with pathway steps');
    await card.getByRole('button', { name: 'Lukk' }).click();
    await expect(items).toHaveCount(1);
    await expect(items.nth(0)).toContainText('Tilsyn av fysioterapeut');
  });
}

test('a chip turns from due soon to overdue at its deadline without a reload', async ({ ward, page }) => {
  test.setTimeout(90_000);
  const board = await ward.board();
  const { stay } = await seedWard(board);
  const own = await board.callOk('pathway.saveTemplate', {
    name: 'Kort frist',
    trigger: 'manual',
    steps: [{ title: 'Ring fastlegen', offset: 'P1D', days: 'calendar', role: 'nurse', completes: 'tap' }],
  });
  // Due 8 seconds from now.
  await board.callOk('pathway.start', { stayId: stay, template: own.id, startedAt: new Date(Date.now() - 24 * HOUR + 8_000).toISOString() });
  await page.goto(board.url);
  await page.getByRole('tab', { name: 'Forløp' }).click();
  const chip = page.getByRole('region', { name: 'Forfaller i dag' }).locator('.chip');
  await expect(chip).toHaveAttribute('data-state', 'due-soon');
  const reads: string[] = [];
  page.on('websocket', (socket) => socket.on('framesent', (frame) => reads.push(String(frame.payload))));
  page.on('request', (request) => reads.push(request.url()));
  // The board's clock ticks every 15 s: the chip turns red within one tick after the deadline.
  await expect(chip).toHaveAttribute('data-state', 'overdue', { timeout: 30_000 });
  expect(reads.filter((r) => r.includes('pathway.list'))).toEqual([]);
});
