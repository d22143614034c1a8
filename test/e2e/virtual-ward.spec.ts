/**
 * The virtual ward in a browser (issue 17, points 1 and 6): virtual beds V1..VN as cards in
 * bokmål care language, a patient's day of the episode and next visit, today's round amber once
 * late; recording the round by tapping (the PIN asked for on a locked screen) clears the amber;
 * and the colour turning at the unit's time on the screen's clock, without a read or a reload.
 */

import { checkAccessible } from '../support/accessibility.js';
import { expectCareLanguage } from '../support/care-language.js';
import { expect, test, type BoardProcess } from '../support/e2e-fixtures.js';
import { enterPin, LEADER, snap } from '../support/ward-fixtures.js';
import { addDays, osloDay, osloWall, osloWallInstant } from '../../shared/time/oslo.js';

const IDA = { name: 'Ida Kristiansen', initials: 'IK', birthDate: '1949-05-21' };
const MINUTE = 60_000;

const wallTime = (ms: number) => {
  const { hour, minute } = osloWall(ms);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
};

/** A virtual ward of four beds, Ida in V2 on day 3 of 10, the round times as given. */
async function seedVirtualWard(board: BoardProcess, times: { amber: string; red: string }): Promise<string> {
  await board.signIn(LEADER);
  await board.callOk('unit.configure', { name: 'Hjemmesykehuset', kind: 'home-hospital', beds: [], virtualBeds: 4 });
  await board.callOk('episode.settings', times);
  const now = Date.now();
  const startDay = addDays(osloDay(now), -2);
  const startedAt = new Date(Math.max(now - 2 * 24 * 60 * MINUTE, Date.parse(`${startDay}T12:00:00Z`))).toISOString();
  const { id } = await board.callOk('episode.admit', {
    bed: 'V2', ...IDA, startedAt, plannedEnd: addDays(osloDay(Date.parse(startedAt)), 9), note: 'Intravenøs antibiotika hjemme',
    nextVisit: { at: new Date(now + 3 * 60 * MINUTE).toISOString(), by: 'municipality' },
  });
  return id;
}

test('shows the virtual beds, and recording the round by tapping clears the amber', async ({ page, board }, testInfo) => {
  const now = Date.now();
  // Amber since two minutes ago (midnight at the earliest), red only at the day's last minute.
  const amber = wallTime(Math.max(now - 2 * MINUTE, osloWallInstant(osloDay(now), 0, 0)));
  test.skip(wallTime(now) >= '23:58', 'the round turns red at 23:59: amber cannot be shown in the last two minutes of the Oslo day');
  await seedVirtualWard(board, { amber, red: '23:59' });
  await page.goto(board.url);
  const card = page.locator('[data-bed="V2"]');
  await expect(page.locator('[data-bed]')).toHaveCount(4);
  await expect(page.locator('[data-bed="V1"]')).toContainText('Virtuell seng V1');
  await expect(page.locator('[data-bed="V1"]')).toContainText('Ledig');
  await expect(card).toContainText('Virtuell seng V2');
  await expect(card).toContainText('IK');
  await expect(card).toContainText('Dag 3 av 10');
  await expect(card).toContainText(/Neste besøk .* · kommunen/);
  await expect(card).toContainText('Dagens visitt: Ikke ennå · Visitten er sen');
  await expect(card).toHaveAttribute('data-colour', 'amber');
  // Corridor form: initials only, never the name or the hospital's note.
  const html = await page.content();
  for (const secret of [IDA.name, 'Kristiansen', 'antibiotika']) expect(html, secret).not.toContain(secret);
  await checkAccessible(page, 'virtual ward with an amber round');
  await expectCareLanguage(page, 'virtual ward with an amber round');
  await snap(page, testInfo, 'virtual-ward-amber');

  await card.getByRole('button', { name: 'Virtuell seng V2, IK: registrer visitt' }).click();
  const dialog = page.getByRole('dialog', { name: 'Dagens visitt for IK' });
  await expect(dialog.getByRole('button', { name: 'Hjemmebesøk' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Telefon' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Video' }).click();
  // A locked screen asks for the PIN before the round is recorded.
  await enterPin(page, LEADER.name, LEADER.pin);
  await expect(card).toHaveAttribute('data-colour', 'none');
  await expect(card).toHaveAttribute('data-round', 'done');
  await expect(card).toContainText(/Dagens visitt: Utført \d\d:\d\d · Video/);
  const ward = await board.callOk('episode.board', {});
  expect(ward.beds[1].episode).toMatchObject({ round: 'done', roundMode: 'video', colour: 'none' });
});

test('turns the round amber at the unit\'s time without a read or a reload', async ({ page, board }) => {
  test.setTimeout(150_000);
  const now = Date.now();
  // The next whole minute at least 20 s away: the card must be seen without colour first.
  const boundary = Math.ceil((now + 20_000) / MINUTE) * MINUTE;
  test.skip(wallTime(boundary) >= '23:58' || osloDay(boundary) !== osloDay(now), 'the boundary must fall before the day\'s last minutes, where red follows');
  await seedVirtualWard(board, { amber: wallTime(boundary), red: '23:59' });
  await page.goto(board.url);
  const card = page.locator('[data-bed="V2"]');
  await expect(card).toHaveAttribute('data-colour', 'none');
  await expect(card).toContainText('Dagens visitt: Ikke ennå');
  const reads: string[] = [];
  page.on('websocket', (socket) => socket.on('framesent', (frame) => reads.push(String(frame.payload))));
  page.on('request', (request) => reads.push(request.url()));
  page.on('framenavigated', () => reads.push('navigated'));
  // The board's clock ticks every 15 s: amber within one tick after the boundary.
  await expect(card).toHaveAttribute('data-colour', 'amber', { timeout: boundary - Date.now() + 30_000 });
  expect(Date.now()).toBeGreaterThanOrEqual(boundary);
  expect(reads.filter((r) => r.includes('episode.board') || r === 'navigated')).toEqual([]);
});
