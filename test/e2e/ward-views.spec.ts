/**
 * Every view of the ward board, in landscape and portrait, bokmål and English: each is
 * screenshotted (artifacts to look at), every control has a role and a name, every target is at
 * least 44 px, and text meets WCAG AA contrast. Plus the touch flows: a task from a template in
 * three taps, undo of a completion, and the handover report with its giver's and receiver's acknowledgements.
 */

import { shiftAt } from '../../shared/time/oslo.js';
import { checkAccessible } from '../support/accessibility.js';
import { LEADER, expect, seedWard, snap, test, unlockOnScreen } from '../support/ward-fixtures.js';

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

test('the handover is a report, a row per resident, given and received by two leaders, landscape and portrait', async ({ ward, page }, testInfo) => {
  const board = await ward.board();
  await seedWard(board);
  await board.callOk('staff.set', { name: 'Siri Skift', role: 'shift-leader', pin: '9753' });
  await page.goto(board.url);
  await page.getByRole('tab', { name: 'Vaktskifte' }).click();
  await page.getByRole('button', { name: 'Denne vakten' }).click();
  const report = page.getByRole('table', { name: 'Rapport per beboer' });
  // Both residents have a row, the unchanged shielded one too (without initials).
  const rows = report.getByRole('row').filter({ has: page.getByRole('rowheader') });
  await expect(rows).toHaveCount(2);
  const ingrid = rows.filter({ has: page.getByRole('rowheader', { name: '101 · IH' }) });
  await expect(ingrid).toContainText('ADL 4');
  await expect(ingrid).toContainText('Snu pasienten');
  await expect(ingrid).toContainText('1 forfalt nå');
  await expect(ingrid).toContainText('1 forfalt i vakten');
  await expect(rows.filter({ has: page.getByRole('rowheader', { name: /^102/ }) })).toContainText('Ingenting planlagt');
  // The unit's lists keep overdue now apart from overdue in the shift.
  await expect(page.getByRole('heading', { name: /Forfalt nå/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Forfalt i vakten/ })).toBeVisible();
  await expect(page.getByText('Vaktleder eller avdelingsleder låser opp for å kvittere.')).toHaveCount(2);
  await checkAccessible(page, 'handover report');
  await snap(page, testInfo, 'handover-report-landscape');

  await unlockOnScreen(page, LEADER.name, LEADER.pin);
  await page.getByRole('button', { name: 'Kvitter for gitt rapport' }).click();
  await expect(page.getByText(/Rapport gitt av Liv Leder/)).toBeVisible();
  // The giver cannot also receive it: the receiver is another leader.
  await expect(page.getByText('Den som ga rapporten kan ikke også kvittere for mottatt.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Kvitter for mottatt rapport' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Lås (Liv Leder)' }).click();
  await unlockOnScreen(page, 'Siri Skift', '9753');
  await page.getByRole('button', { name: 'Kvitter for mottatt rapport' }).click();
  await expect(page.getByText(/Kvittert av Siri Skift/)).toBeVisible();
  // Main agrees: both sides, by two people, on the shift the screen showed (the one running).
  const { date, shift } = shiftAt(Date.now());
  expect(await board.callOk('handover.view', { date, shift })).toMatchObject({ givenBy: 'Liv Leder', acknowledgedBy: 'Siri Skift' });

  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.waitForTimeout(300);
  await checkAccessible(page, 'handover report, portrait');
  await snap(page, testInfo, 'handover-report-portrait');
});
