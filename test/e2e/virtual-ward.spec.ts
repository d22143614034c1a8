/**
 * The virtual ward in a browser (issue 17, points 1 and 6): virtual beds V1..VN as cards in
 * bokmål care language, a patient's day of the episode and next visit, today's round amber once
 * late; recording the round by tapping (the PIN asked for on a locked screen) clears the amber;
 * and the colour turning at the unit's time on the screen's clock, without a read or a reload;
 * admitting to a free virtual bed by tapping only (the PIN first), what is missing said before
 * sending, the dialog fitting landscape and portrait, in bokmål and in English; the optional
 * identity number on the digit pad, shown as dots, refused on screen with a wrong check digit or no century, kept
 * only as the keyed pseudonym the hub's readmission figure counts (never in a store file or a log
 * line in clear); and a relock for idleness closing the half-filled form, the typed number gone.
 */

import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

import { checkAccessible } from '../support/accessibility.js';
import { expectCareLanguage } from '../support/care-language.js';
import { expect, test, type BoardProcess } from '../support/e2e-fixtures.js';
import { dialogFitProblems, openFieldsFitProblems } from '../support/dialog-fit.js';
import { fullDate, kioskField, noBrowserTextWidgets, pickDate, setClock, typeOnKiosk } from '../support/kiosk-keys.js';
import { Mosquitto } from '../support/mosquitto.js';
import { TavlaProcess } from '../support/tavla-process.js';
import { tempDir } from '../support/temp-dir.js';
import { waitFor } from '../support/wait.js';
import { enterPin, LEADER, snap } from '../support/ward-fixtures.js';
import { syntheticNationalId, wrongCheckDigit } from '../support/synthetic-national-id.js';
import { ploPatientKey, PseudonymSecret } from '../../main/privacy/pseudonym.js';
import type { VirtualWardView } from '../../shared/api/commands/homehospital.js';
import { addDays, osloDay, osloWall, osloWallInstant } from '../../shared/time/oslo.js';

const IDA = { name: 'Ida Kristiansen', initials: 'IK', birthDate: '1949-05-21' };
const MINUTE = 60_000;
/** Admitted from the screen (DOMAIN.md's synthetic people). */
const NILS = { name: 'Nils Bakke', initials: 'NB', birthDate: '1952-03-14', note: 'Sårstell daglig' };
/** The identity-number field's label, and a synthetic number for Nils's birth date (the test registers' form, month + 80: nobody's). */
const ID_FIELD = 'Fødselsnummer / D-nummer';
const NILS_ID = syntheticNationalId('FNR', NILS.birthDate);
const WRONG_CHECK = 'Kontroller fødselsnummeret – kontrollsifrene stemmer ikke.';

/** Every byte a store keeps on disk: the SQLite file and its write-ahead log, as text. */
const storeBytes = (file: string) => [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1')).join('');

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
    await typeOnKiosk(dialog, ID_FIELD, NILS_ID);
    await pickDate(dialog, 'Planlagt slutt', addDays(osloDay(Date.now()), 3));
    await dialog.getByRole('button', { name: 'Legg inn', exact: true }).click();
    await expect(dialog.getByRole('alert')).toHaveText(['Velg fødselsdato.']);
    expect((await board.callOk('episode.board', {})).beds[0].episode).toBeNull();
    const size = `${viewport.width}×${viewport.height}`;
    expect(await dialogFitProblems(page)).toEqual([]);
    // With each keyboard, the digit pad, each calendar and each clock open in turn, the whole panel
    // and "Legg inn" are in view and uncovered: the last digit typed, the button is a tap away.
    const fields = ['Fullt navn', 'Fødselsdato', 'Planlagt slutt', ID_FIELD, 'Startdato', 'Startet kl.', 'Annen dato', 'Neste besøk kl.', 'Notat (vises ikke på tavla)'];
    expect(await openFieldsFitProblems(dialog, fields, 'Legg inn')).toEqual([]);
    await checkAccessible(page, `virtual ward admit dialog ${size}`);
    await expectCareLanguage(page, `virtual ward admit dialog ${size}`);
    await snap(page, testInfo, `virtual-ward-admit-${viewport.width}x${viewport.height}`);

    // In English: the same dialog, its words and its problem said in English.
    await dialog.getByRole('button', { name: 'Avbryt', exact: true }).click();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('button', { name: 'Virtual bed V1: admit a patient' }).click();
    const english = page.getByRole('dialog', { name: 'Admit to virtual bed V1' });
    await expect(english).toBeVisible();
    for (const label of ['Planned end', 'Start date', 'Next visit at', 'Note (not shown on the board)', 'National identity number']) await expect(kioskField(english, label)).toBeVisible();
    // A short number is said in English too, beside its field, once the pad is closed.
    await kioskField(english, 'National identity number').click();
    for (const digit of NILS_ID.slice(0, 7)) await english.getByRole('button', { name: `Digit ${digit}`, exact: true }).click();
    expect(await dialogFitProblems(page, { submit: 'Admit' }), `the digit pad open in English at ${size}`).toEqual([]);
    await english.getByRole('button', { name: 'Done', exact: true }).click();
    await expect(english.getByRole('alert').filter({ hasText: 'The identity number has 11 digits – 7 typed.' })).toBeVisible();
    expect(await openFieldsFitProblems(english, ['Planned end', 'Start date', 'Next visit at'], 'Admit')).toEqual([]);
    await english.getByRole('button', { name: 'Admit', exact: true }).click();
    await expect(english.getByRole('alert').filter({ hasText: 'Choose the planned end.' })).toBeVisible();
    expect(await dialogFitProblems(page)).toEqual([]);
    await checkAccessible(page, `virtual ward admit dialog in English ${size}`);
    await snap(page, testInfo, `virtual-ward-admit-en-${viewport.width}x${viewport.height}`);
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

test('the identity number is typed on the digit pad as dots; a wrong check digit or a short number is said beside it and nothing is sent; a right one is kept only as a key', async ({ page, board }, testInfo) => {
  test.setTimeout(120_000);
  await seedVirtualWard(board, { amber: '10:00', red: '12:00' });
  await page.goto(board.url);
  const dialog = await openAdmit(page, 'Legg inn i virtuell seng V1');
  await typeOnKiosk(dialog, 'Fullt navn', NILS.name);
  await typeOnKiosk(dialog, 'Initialer', NILS.initials);
  await pickDate(dialog, 'Fødselsdato', NILS.birthDate);
  await pickDate(dialog, 'Planlagt slutt', addDays(osloDay(Date.now()), 5));
  const field = kioskField(dialog, ID_FIELD);
  await expect(field).toHaveAccessibleName(`${ID_FIELD}: ingen sifre`);

  // A slip of one digit: the check digits catch it once the pad is closed, and the form is not sent.
  const slip = wrongCheckDigit(NILS_ID);
  await typeOnKiosk(dialog, ID_FIELD, slip);
  await expect(field).toHaveAccessibleName(`${ID_FIELD}: 11 sifre`);
  // Dots only, split after the six digits of the birth date so the eye finds its place.
  await expect(field).toContainText('•••••• •••••');
  await expect(dialog.getByRole('alert')).toHaveText([WRONG_CHECK]);
  expect(await page.content()).not.toContain(slip);
  await dialog.getByRole('button', { name: 'Legg inn', exact: true }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('alert')).toHaveText([WRONG_CHECK]);
  expect((await board.callOk('episode.board', {})).beds[0].episode).toBeNull();
  expect(await dialogFitProblems(page)).toEqual([]);
  await snap(page, testInfo, 'virtual-ward-admit-wrong-check-digit');

  // Four digits taken back: too short, said so, still not sent.
  await field.click();
  const pad = dialog.getByRole('group', { name: `Tastatur: ${ID_FIELD}`, exact: true });
  for (let i = 0; i < 4; i++) await pad.getByRole('button', { name: 'Slett tegn' }).click();
  await pad.getByRole('button', { name: 'Ferdig' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(['Fødselsnummeret har 11 sifre – 7 er tastet.']);
  await dialog.getByRole('button', { name: 'Legg inn', exact: true }).click();
  await expect(dialog).toBeVisible();
  expect((await board.callOk('episode.board', {})).beds[0].episode).toBeNull();

  // A right number, but Ida's (another birth date): said, not sent.
  await field.click();
  for (let i = 0; i < 7; i++) await pad.getByRole('button', { name: 'Slett tegn' }).click();
  await typeOnKiosk(dialog, ID_FIELD, syntheticNationalId('FNR', IDA.birthDate));
  await expect(dialog.getByRole('alert')).toHaveText(['Fødselsnummeret passer ikke med fødselsdatoen – kontroller begge.']);
  await dialog.getByRole('button', { name: 'Legg inn', exact: true }).click();
  await expect(dialog).toBeVisible();
  expect((await board.callOk('episode.board', {})).beds[0].episode).toBeNull();
  expect(await dialogFitProblems(page)).toEqual([]);
  await snap(page, testInfo, 'virtual-ward-admit-another-birth-date');

  // Check digits right, but 1970 with individual number 800 has no century (Skatteetaten's table): said, not sent.
  await field.click();
  for (let i = 0; i < 11; i++) await pad.getByRole('button', { name: 'Slett tegn' }).click();
  await typeOnKiosk(dialog, ID_FIELD, '01017080039');
  await expect(dialog.getByRole('alert')).toHaveText(['Kontroller fødselsnummeret – individnummeret passer ikke med fødselsåret.']);
  await dialog.getByRole('button', { name: 'Legg inn', exact: true }).click();
  await expect(dialog).toBeVisible();
  expect((await board.callOk('episode.board', {})).beds[0].episode).toBeNull();

  // The right number: nothing said, admitted; the number is never shown back.
  await field.click();
  for (let i = 0; i < 11; i++) await pad.getByRole('button', { name: 'Slett tegn' }).click();
  await typeOnKiosk(dialog, ID_FIELD, NILS_ID);
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Legg inn', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('[data-bed="V1"]')).toContainText('Dag 1 av 6');
  expect(await page.content()).not.toContain(NILS_ID);
  expect(JSON.stringify(await board.callOk('episode.board', {}))).not.toContain(NILS_ID);

  // The board's store holds a key for the episode, never the number: not in a field, the audit log or anywhere in the file.
  const file = join(board.dataDir, 'tavla.sqlite');
  const store = new Database(file, { readonly: true });
  try {
    const keys = store.prepare('SELECT patientKey FROM episode').pluck().all() as (string | null)[];
    // Ida, seeded in V2 without a number, has none.
    expect(keys.filter((key) => key !== null)).toHaveLength(1);
    expect(keys.find((key) => key !== null)).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(store.prepare("SELECT * FROM audit WHERE action = 'episode.admit'").all())).not.toContain(NILS_ID);
  } finally {
    store.close();
  }
  expect(storeBytes(file)).not.toContain(NILS_ID);
  expect(board.log()).not.toContain(NILS_ID);
});

test('an episode admitted from the screen with an identity number is counted with a key in the hub\'s readmission figure, the number in no store or log', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = tempDir('tavla-e2e-virtual-id-');
  // One municipality secret for the hub and the board, as `tavla provision` gives them: the board's key is the hub's PLO key.
  const secretText = randomBytes(32).toString('base64url');
  const keyFile = join(dir.path, 'pseudonym.key');
  writeFileSync(keyFile, `${secretText}\n`, { mode: 0o600 });
  const broker = await Mosquitto.start(dir.path);
  // Every log line, down to debug, to look for the number in.
  const env = { TAVLA_LOG: 'debug' };
  const hub = await TavlaProcess.start({ role: 'hub', municipality: 'e2e', broker: broker.url, data: `${dir.path}/hub`, args: ['--pseudonym-key', keyFile], env });
  const ward = await TavlaProcess.start({ role: 'board', municipality: 'e2e', unit: 'hjemmesykehus', broker: broker.url, data: `${dir.path}/ward`, args: ['--pseudonym-key', keyFile], env });
  try {
    await ward.script.signIn(LEADER);
    await ward.id('unit.configure', { name: 'Hjemmesykehuset', kind: 'home-hospital', beds: [], virtualBeds: 2 });
    await page.goto(ward.url);
    const dialog = await openAdmit(page, 'Legg inn i virtuell seng V1');
    await typeOnKiosk(dialog, 'Fullt navn', NILS.name);
    await typeOnKiosk(dialog, 'Initialer', NILS.initials);
    await pickDate(dialog, 'Fødselsdato', NILS.birthDate);
    await typeOnKiosk(dialog, ID_FIELD, NILS_ID);
    await pickDate(dialog, 'Planlagt slutt', addDays(osloDay(Date.now()), 4));
    await dialog.getByRole('button', { name: 'Legg inn', exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.locator('[data-bed="V1"]')).toContainText('Dag 1 av 5');

    // Ended, the episode counts in the hub's readmission figure among those with a known number.
    const episode = (await ward.call<{ beds: { episode: { id: string } | null }[] }>('episode.board')).value?.beds[0].episode;
    expect(episode).toBeTruthy();
    await ward.id('episode.end', { id: episode?.id, outcome: 'self-managed' });
    const figures = await waitFor(
      () => hub.call<VirtualWardView>('leader.virtualWard', {}),
      (r) => r.value?.units.find((u) => u.unit === 'hjemmesykehus')?.endedWithKey === 1,
      { what: 'the ended episode with a key in the hub\'s virtual-ward figure', timeout: 60_000 },
    );
    expect(figures.value?.units.find((u) => u.unit === 'hjemmesykehus')).toMatchObject({ endedWithKey: 1, readmissions30: 0, ended: { 'self-managed': 1 } });

    // The key is the one the hub makes of a PLO message for the same fødselsnummer, so a readmission finds the episode.
    const hubStore = new Database(hub.databaseFile, { readonly: true });
    try {
      expect(hubStore.prepare('SELECT patientKey FROM episode').pluck().all()).toEqual([ploPatientKey(new PseudonymSecret(secretText), 'FNR', NILS_ID)]);
    } finally {
      hubStore.close();
    }
    // Never the number in clear: not in either store's files, not in a log line of either process, not on the page.
    for (const [what, text] of [
      ['the board\'s store', storeBytes(ward.databaseFile)],
      ['the hub\'s store', storeBytes(hub.databaseFile)],
      ['the board\'s log', ward.output],
      ['the hub\'s log', hub.output],
      ['the page', await page.content()],
    ]) expect(text, what).not.toContain(NILS_ID);
    expect(ward.output.length, 'the board logged at debug level').toBeGreaterThan(0);
  } finally {
    await ward.stop('SIGKILL');
    await hub.stop('SIGKILL');
    await broker.kill();
    dir.remove();
  }
});

test('a relock for idleness closes the half-filled admit form: nothing sent, and the typed number gone when it opens again', async ({ page, board }) => {
  test.setTimeout(120_000);
  await seedVirtualWard(board, { amber: '10:00', red: '12:00' });
  // A short relock for the test (90 s by default).
  await board.callOk('ward.configure', { relockSeconds: 4 });
  await page.goto(board.url);
  const dialog = await openAdmit(page, 'Legg inn i virtuell seng V1');
  await typeOnKiosk(dialog, 'Fullt navn', NILS.name);
  // Six digits typed, the pad still open, then no touch.
  await kioskField(dialog, ID_FIELD).click();
  const pad = dialog.getByRole('group', { name: `Tastatur: ${ID_FIELD}`, exact: true });
  for (const digit of NILS_ID.slice(0, 6)) await pad.getByRole('button', { name: `Siffer ${digit}`, exact: true }).click();
  await expect(kioskField(dialog, ID_FIELD)).toHaveAccessibleName(`${ID_FIELD}: 6 sifre`);
  await expect(page.getByText('Skjermen ble låst etter inaktivitet.')).toBeVisible({ timeout: 15_000 });
  await expect(dialog).toHaveCount(0);
  expect((await board.callOk('episode.board', {})).beds[0].episode).toBeNull();
  expect(await page.content()).not.toContain(NILS.name);

  // Opened again after the PIN: an empty form, no digit of the number left.
  const again = await openAdmit(page, 'Legg inn i virtuell seng V1');
  await expect(kioskField(again, ID_FIELD)).toHaveAccessibleName(`${ID_FIELD}: ingen sifre`);
  await expect(kioskField(again, 'Fullt navn')).toHaveAccessibleName('Fullt navn: ikke valgt');
  await expect(again.getByRole('alert')).toHaveCount(0);
});
