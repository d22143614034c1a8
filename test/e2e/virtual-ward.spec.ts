/**
 * The virtual ward in a browser (issue 17, points 1 and 6): virtual beds V1..VN as cards in
 * bokmål care language, a patient's day of the episode and next visit, today's round amber once
 * late; recording the round by tapping (the PIN asked for on a locked screen) clears the amber;
 * and the colour turning at the unit's time on the screen's clock, without a read or a reload;
 * admitting to a free virtual bed by tapping only (the PIN first), what is missing said before
 * sending, the dialog fitting landscape and portrait, in bokmål and in English.
 */

import { checkAccessible } from '../support/accessibility.js';
import { expectCareLanguage } from '../support/care-language.js';
import { expect, test, type BoardProcess } from '../support/e2e-fixtures.js';
import { dialogFitProblems } from '../support/dialog-fit.js';
import { fullDate, kioskField, noBrowserTextWidgets, pickDate, setClock, typeOnKiosk } from '../support/kiosk-keys.js';
import { Mosquitto } from '../support/mosquitto.js';
import { TavlaProcess } from '../support/tavla-process.js';
import { tempDir } from '../support/temp-dir.js';
import { waitFor } from '../support/wait.js';
import { enterPin, LEADER, snap } from '../support/ward-fixtures.js';
import { addDays, osloDay, osloWall, osloWallInstant } from '../../shared/time/oslo.js';

const IDA = { name: 'Ida Kristiansen', initials: 'IK', birthDate: '1949-05-21' };
const MINUTE = 60_000;
/** Admitted from the screen (DOMAIN.md's synthetic people). */
const NILS = { name: 'Nils Bakke', initials: 'NB', birthDate: '1952-03-14', note: 'Sårstell daglig' };

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

/** Taps the free bed V1 on a locked screen: the PIN first, then the admit dialog opens. */
async function openAdmit(page: import('@playwright/test').Page, title: string) {
  await page.getByRole('button', { name: 'Virtuell seng V1: legg inn pasient' }).click();
  await enterPin(page, LEADER.name, LEADER.pin);
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('admits a patient to a free virtual bed by tapping only, and the card shows initials and day 1 of N, never the name', async ({ page, board }, testInfo) => {
  test.setTimeout(120_000);
  await seedVirtualWard(board, { amber: '10:00', red: '12:00' });
  await page.goto(board.url);
  await expect(page.locator('[data-bed="V1"]')).toContainText('Ledig');
  const dialog = await openAdmit(page, 'Legg inn i virtuell seng V1');

  // Sent empty: nothing is written, and what is missing is said in bokmål.
  await dialog.getByRole('button', { name: 'Legg inn', exact: true }).click();
  for (const words of ['Skriv pasientens fulle navn.', 'Initialene er 1 til 4 bokstaver.', 'Velg fødselsdato.', 'Velg planlagt slutt.']) await expect(dialog.getByRole('alert').filter({ hasText: words })).toBeVisible();
  expect((await board.callOk('episode.board', {})).beds[0].episode).toBeNull();

  await typeOnKiosk(dialog, 'Fullt navn', NILS.name);
  await typeOnKiosk(dialog, 'Initialer', NILS.initials);
  await pickDate(dialog, 'Fødselsdato', NILS.birthDate);
  await expect(kioskField(dialog, 'Fødselsdato')).toHaveAccessibleName(`Fødselsdato: ${fullDate(NILS.birthDate)}`);
  const today = osloDay(Date.now());
  const end = addDays(today, 6);
  await pickDate(dialog, 'Planlagt slutt', end);
  // The next visit: tomorrow at 10:00, by the municipality; a time without who makes it is said first.
  await dialog.getByRole('button', { name: 'I morgen', exact: true }).click();
  await setClock(dialog, 'Neste besøk kl.', '10', '00');
  await dialog.getByRole('button', { name: 'Legg inn', exact: true }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Velg hvem som gjør neste besøk.' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Kommunen', exact: true }).click();
  await typeOnKiosk(dialog, 'Notat (vises ikke på tavla)', NILS.note);
  await noBrowserTextWidgets(page, 'the filled admit dialog');
  await checkAccessible(page, 'virtual ward admit dialog, filled');
  await expectCareLanguage(page, 'virtual ward admit dialog, filled');
  await snap(page, testInfo, 'virtual-ward-admit');
  await dialog.getByRole('button', { name: 'Legg inn', exact: true }).click();
  await expect(dialog).toHaveCount(0);

  // Corridor form on the card: initials, day 1 of 7, the next visit; the save said on the card.
  const card = page.locator('[data-bed="V1"]');
  await expect(card).toContainText(NILS.initials);
  await expect(card).toContainText('Dag 1 av 7');
  await expect(card).toContainText(/Neste besøk .* · kommunen/);
  await expect(card.getByRole('status')).toContainText('Lagret');
  const ward = await board.callOk('episode.board', {});
  expect(ward.beds[0].episode).toMatchObject({ initials: NILS.initials, day: 1, plannedDays: 7, plannedEnd: end, nextVisit: { by: 'municipality' } });
  expect(osloWall(Date.parse(ward.beds[0].episode?.nextVisit?.at ?? ''))).toMatchObject({ day: addDays(today, 1), hour: 10, minute: 0 });
  const html = await page.content();
  for (const secret of [NILS.name, 'Bakke', 'Sårstell', '1952', fullDate(NILS.birthDate)]) expect(html, secret).not.toContain(secret);
});

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
]) {
  test(`the admit dialog says a missing birth date before sending, and fits ${viewport.width}×${viewport.height} in bokmål and English`, async ({ page, board }, testInfo) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    await seedVirtualWard(board, { amber: '10:00', red: '12:00' });
    await page.goto(board.url);
    const dialog = await openAdmit(page, 'Legg inn i virtuell seng V1');
    await typeOnKiosk(dialog, 'Fullt navn', NILS.name);
    await typeOnKiosk(dialog, 'Initialer', NILS.initials);
    await pickDate(dialog, 'Planlagt slutt', addDays(osloDay(Date.now()), 3));
    await dialog.getByRole('button', { name: 'Legg inn', exact: true }).click();
    await expect(dialog.getByRole('alert')).toHaveText(['Velg fødselsdato.']);
    expect((await board.callOk('episode.board', {})).beds[0].episode).toBeNull();
    const size = `${viewport.width}×${viewport.height}`;
    expect(await dialogFitProblems(page)).toEqual([]);
    await checkAccessible(page, `virtual ward admit dialog ${size}`);
    await expectCareLanguage(page, `virtual ward admit dialog ${size}`);
    await snap(page, testInfo, `virtual-ward-admit-${viewport.width}x${viewport.height}`);

    // In English: the same dialog, its words and its problem said in English.
    await dialog.getByRole('button', { name: 'Avbryt', exact: true }).click();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('button', { name: 'Virtual bed V1: admit a patient' }).click();
    const english = page.getByRole('dialog', { name: 'Admit to virtual bed V1' });
    await expect(english).toBeVisible();
    for (const label of ['Planned end', 'Start date', 'Next visit at', 'Note (not shown on the board)']) await expect(kioskField(english, label)).toBeVisible();
    await english.getByRole('button', { name: 'Admit', exact: true }).click();
    await expect(english.getByRole('alert').filter({ hasText: 'Choose the planned end.' })).toBeVisible();
    expect(await dialogFitProblems(page)).toEqual([]);
    await checkAccessible(page, `virtual ward admit dialog in English ${size}`);
  });
}

test('the admit dialog offers the municipality\'s home care the hub reports, and the home-care board sees the shared patient', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = tempDir('tavla-e2e-virtual-admit-');
  const broker = await Mosquitto.start(dir.path);
  const hub = await TavlaProcess.start({ role: 'hub', municipality: 'e2e', broker: broker.url, data: `${dir.path}/hub` });
  const home = await TavlaProcess.start({ role: 'board', municipality: 'e2e', unit: 'hjemme-nord', broker: broker.url, data: `${dir.path}/home` });
  const ward = await TavlaProcess.start({ role: 'board', municipality: 'e2e', unit: 'hjemmesykehus', broker: broker.url, data: `${dir.path}/ward` });
  try {
    await home.id('unit.configure', { name: 'Hjemmetjenesten nord', kind: 'home-care', beds: [] });
    await ward.script.signIn(LEADER);
    await ward.id('unit.configure', { name: 'Hjemmesykehuset', kind: 'home-hospital', beds: [], virtualBeds: 2 });
    await waitFor(
      () => ward.call<{ units: { unit: string; kind: string }[] }>('flow.state'),
      (r) => r.value?.units.some((u) => u.unit === 'hjemme-nord' && u.kind === 'home-care') ?? false,
      { what: 'the home-care unit in the virtual ward\'s flow state', timeout: 45_000 },
    );
    await page.goto(ward.url);
    const dialog = await openAdmit(page, 'Legg inn i virtuell seng V1');
    const homeCare = dialog.getByRole('group', { name: 'Kommunens hjemmetjeneste' });
    await expect(homeCare.getByRole('button', { name: 'Ingen', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await homeCare.getByRole('button', { name: 'Hjemmetjenesten nord', exact: true }).click();
    await typeOnKiosk(dialog, 'Fullt navn', NILS.name);
    await typeOnKiosk(dialog, 'Initialer', NILS.initials);
    await pickDate(dialog, 'Fødselsdato', NILS.birthDate);
    await pickDate(dialog, 'Planlagt slutt', addDays(osloDay(Date.now()), 4));
    await checkAccessible(page, 'virtual ward admit dialog with home care');
    await dialog.getByRole('button', { name: 'Legg inn', exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.locator('[data-bed="V1"]')).toContainText('Dag 1 av 5');
    const shared = await waitFor(
      () => home.call<{ initials: string; fromUnit: string }[]>('episode.shared'),
      (r) => (r.value ?? []).length === 1,
      { what: 'the shared patient on the home-care board', timeout: 45_000 },
    );
    expect(shared.value).toMatchObject([{ initials: NILS.initials, fromUnit: 'hjemmesykehus' }]);
    expect(JSON.stringify(shared.value)).not.toContain('Bakke');
  } finally {
    await ward.stop('SIGKILL');
    await home.stop('SIGKILL');
    await hub.stop('SIGKILL');
    await broker.kill();
    dir.remove();
  }
});
