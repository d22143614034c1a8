/**
 * Names per patient (issue 13, point 3): an unlock names nobody on the corridor overview; the card
 * a nurse taps names that one patient (there and on its bed card), and no other patient's name
 * reaches the page; the access log records that look once, in staff words without ids; a board
 * set up as a staff-room screen shows every name on the overview under one entry.
 */

import type { Page } from '@playwright/test';
import { LEADER, PATIENT, SHIELDED, expect, seedWard, snap, test, unlockOnScreen } from '../support/ward-fixtures.js';

const OTHER = { name: 'Kari Nordmann', initials: 'KN', birthDate: '1945-06-02' };

/** Every frame main sends the page, to prove a name never came across (not only that it is not drawn). */
function framesTo(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => frames.push(String(payload))));
  return frames;
}

/** Ids and machine words that must not be on a bokmål access log. */
const NOT_STAFF_WORDS = [/\b[0-9a-f]{8,}\b/i, /\bscr-/, /\btmpl-/, /\be2e-/, /screen/i, /template/i, /\b(idle|manual|shielded|nurse|unit-leader)\b/, /denne[0-9a-f]/i];

test('an unlock names nobody on the overview; the tapped card names its patient, logged once in staff words', async ({ ward, page }, testInfo) => {
  const board = await ward.board();
  const { stay } = await seedWard(board);
  await board.callOk('stay.admit', { bed: '104', ...OTHER, adl: 3 });
  // A task from a template: its entry must not show the template's id.
  await board.callOk('task.fromTemplate', { template: 'vitals', stayId: stay });
  const frames = framesTo(page);

  await page.goto(board.url);
  await expect(page.getByRole('button', { name: 'Åpne Rom 101' })).toContainText(PATIENT.initials);
  await unlockOnScreen(page, LEADER.name, LEADER.pin);
  // Unlocked: the overview still shows initials only.
  await expect(page.getByRole('button', { name: 'Åpne Rom 104' })).toContainText(OTHER.initials);
  const html = () => page.content();
  for (const secret of [PATIENT.name, OTHER.name, SHIELDED.name, PATIENT.birthDate]) expect(await html(), secret).not.toContain(secret);
  await snap(page, testInfo, 'names-unlocked-overview');

  // Tap one card: its name is on the card and, once it closes, on that bed's card on the overview.
  await page.getByRole('button', { name: 'Åpne Rom 101' }).click();
  const card = page.getByRole('dialog', { name: /^Rom 101/ });
  await expect(card).toContainText(PATIENT.name);
  await snap(page, testInfo, 'names-card-revealed');
  await card.getByRole('button', { name: 'Lukk' }).click();
  await expect(page.getByRole('button', { name: 'Åpne Rom 101' })).toContainText(PATIENT.name);
  // A second look in the same session is not a new entry.
  await page.getByRole('button', { name: 'Åpne Rom 101' }).click();
  await expect(page.getByRole('dialog', { name: /^Rom 101/ })).toContainText(PATIENT.name);
  await page.getByRole('dialog', { name: /^Rom 101/ }).getByRole('button', { name: 'Lukk' }).click();
  // The others' names never reached the page at all: not drawn, not sent.
  for (const secret of [OTHER.name, SHIELDED.name]) {
    expect(await html(), secret).not.toContain(secret);
    expect(frames.filter((frame) => frame.includes(secret)), secret).toEqual([]);
  }
  expect(frames.some((frame) => frame.includes(PATIENT.name))).toBe(true);

  await page.getByRole('tab', { name: 'Tilgangslogg' }).click();
  const log = page.getByRole('table', { name: 'Tilgangslogg' });
  await expect(log).toContainText('Leste loggen');
  const reveals = log.getByRole('row').filter({ hasText: 'Så navn og detaljer' });
  await expect(reveals).toHaveCount(1);
  // Who, about whom (bed and initials), when (Oslo, 24 h), on which board.
  await expect(reveals).toContainText(LEADER.name);
  await expect(reveals).toContainText(`101 · ${PATIENT.initials}`);
  await expect(reveals).toContainText(/kl\. [0-2]\d:[0-5]\d/);
  await expect(reveals).toContainText('Denne tavla');
  await expect(log.getByRole('row').filter({ hasText: 'Ny oppgave' }).filter({ hasText: 'fra ferdig oppgave' })).toHaveCount(1);
  await expect(log.getByRole('row').filter({ hasText: 'Låste opp' }).first()).toContainText('Avdelingsleder');
  const text = await log.innerText();
  for (const pattern of NOT_STAFF_WORDS) expect(text, String(pattern)).not.toMatch(pattern);
  await snap(page, testInfo, 'names-access-log');
});

test('a staff-room screen shows every name on the overview while unlocked, under one access-log entry', async ({ ward, page }, testInfo) => {
  const board = await ward.board();
  await seedWard(board);
  await board.callOk('stay.admit', { bed: '104', ...OTHER, adl: 3 });

  await page.goto(board.url);
  await unlockOnScreen(page, LEADER.name, LEADER.pin);
  await page.getByRole('tab', { name: 'Innstillinger' }).click();
  const setting = page.getByRole('checkbox', { name: /Vaktrom: vis alle navn/ });
  await expect(setting).not.toBeChecked();
  await setting.check();
  await expect(setting).toBeChecked();
  await page.getByRole('tab', { name: 'Oversikt' }).click();

  await expect(page.getByRole('button', { name: 'Åpne Rom 101' })).toContainText(PATIENT.name);
  await expect(page.getByRole('button', { name: 'Åpne Rom 104' })).toContainText(OTHER.name);
  // A shielded patient is never named on the overview, staff room or not; birth dates stay with the card.
  for (const secret of [SHIELDED.name, PATIENT.birthDate, OTHER.birthDate]) expect(await page.content(), secret).not.toContain(secret);
  await snap(page, testInfo, 'names-staff-room');

  await page.getByRole('tab', { name: 'Tilgangslogg' }).click();
  const log = page.getByRole('table', { name: 'Tilgangslogg' });
  await expect(log).toContainText('Leste loggen');
  const overview = log.getByRole('row').filter({ hasText: 'Så alle navn på oversikten (vaktrom)' });
  await expect(overview).toHaveCount(1);
  await expect(overview).toContainText('2 pasienter');
  await expect(log.getByRole('row').filter({ hasText: 'Så navn og detaljer' })).toHaveCount(0);
  await expect(log.getByRole('row').filter({ hasText: 'Endret innstillinger' })).toContainText('vaktrom: alle navn vises');
  const text = await log.innerText();
  for (const pattern of NOT_STAFF_WORDS) expect(text, String(pattern)).not.toMatch(pattern);

  // Locked again: every name leaves the page.
  await page.getByRole('button', { name: `Lås (${LEADER.name})` }).click();
  await expect(page.getByRole('button', { name: 'Lås opp', exact: true })).toBeVisible();
  for (const secret of [PATIENT.name, OTHER.name]) expect(await page.content(), secret).not.toContain(secret);
});
