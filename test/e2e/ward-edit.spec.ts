/**
 * Running the unit on the screen (issue 13, point 2), landscape and portrait: an unlocked nurse
 * admits a patient into a free bed with taps only — the kiosk keyboard for the name and initials,
 * the app's calendar and 24-hour clock for the dates and the time — sets the responsible nurse,
 * ADL, expected discharge and a risk flag, edits the plan of another patient, writes a note, and
 * discharges; the bed goes to cleaning. No browser date or time widget is ever on the page, the
 * validation speaks bokmål, and "Mine pasienter" puts the nurse's patients and tasks first.
 */

import type { Locator, Page } from '@playwright/test';
import { addMonths, osloDay } from '../../shared/time/oslo.js';
import { checkAccessible } from '../support/accessibility.js';
import { dialogFitProblems, openFieldsFitProblems } from '../support/dialog-fit.js';
import { fullDate, pickDate, buttonsAtLeast44 as targetsAtLeast44 } from '../support/kiosk-keys.js';
import { LEADER, expect, snap, test, unlockOnScreen } from '../support/ward-fixtures.js';

const NURSE = { name: 'Nora Sykepleier', role: 'nurse' as const, pin: '3579' };
const NEW_PATIENT = { name: 'Kari Nordmann', initials: 'KN', birthDate: '1941-03-02' };
/** What the browser's own widgets and messages would say: none of it may be on a bokmål kiosk. */
const BROWSER_ENGLISH = /mm\/dd\/yyyy|--:-- --|Please (match|fill|select)|required field|\bAM\b|\bPM\b/;

/** Types on the kiosk keyboard of a field: a tap on the field, then one tap per character, then "Ferdig". */
async function typeOnKeyboard(scope: Locator, label: string, text: string): Promise<void> {
  await scope.getByRole('button', { name: new RegExp(`^${label}:`) }).click();
  const keyboard = scope.getByRole('group', { name: `Tastatur: ${label}` });
  for (const character of text) {
    if (character === ' ') {
      await keyboard.getByRole('button', { name: 'Mellomrom' }).click();
      continue;
    }
    const key = keyboard.getByRole('button', { name: character, exact: true });
    // The keyboard shows the other case: shift first (a name's words start with capitals on their own).
    if ((await key.count()) === 0) await keyboard.getByRole('button', { name: /Store bokstaver/ }).click();
    await key.click();
  }
  await keyboard.getByRole('button', { name: 'Ferdig' }).click();
}

async function noBrowserWidgets(page: Page, where: string): Promise<void> {
  expect(await page.locator('input[type="date"], input[type="time"], input[type="datetime-local"], input[type="month"], input[type="week"]').count(), `${where}: native date/time inputs`).toBe(0);
  // No field calls the system keyboard either: text is written on the kiosk's own.
  expect(await page.locator('textarea, input[type="text"], input:not([type])').count(), `${where}: text inputs`).toBe(0);
  expect(await page.locator('body').innerText(), `${where}: the browser's English`).not.toMatch(BROWSER_ENGLISH);
}

for (const [orientation, size] of [
  ['landscape', { width: 1920, height: 1080 }],
  ['portrait', { width: 1080, height: 1920 }],
] as const) {
  test(`an unlocked nurse admits, plans, notes and discharges by tapping only, and "Mine pasienter" puts hers first (${orientation})`, async ({ ward, page }, testInfo) => {
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    const board = await ward.board();
    await board.signIn(LEADER);
    await board.callOk('unit.configure', { name: 'Solsiden', kind: 'nursing-home', beds: ['101', '102', '103', '104', '105', '106'].map((label) => ({ label })) });
    await board.callOk('staff.set', NURSE);
    const soon = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    // Synthetic residents: 101 is the leader's, 102 the nurse's, 103 nobody's, with the unit's most urgent task.
    const ab = (await board.callOk('stay.admit', { bed: '101', name: 'Anna Berg', initials: 'AB', birthDate: '1936-05-06', nurse: LEADER.name })).id;
    const cd = (await board.callOk('stay.admit', { bed: '102', name: 'Carl Dahl', initials: 'CD', birthDate: '1939-07-08', nurse: NURSE.name })).id;
    const ef = (await board.callOk('stay.admit', { bed: '103', name: 'Eva Fjell', initials: 'EF', birthDate: '1942-09-10' })).id;
    await board.callOk('task.create', { title: 'Mål blodtrykk', stayId: ab, due: soon(5) });
    await board.callOk('task.create', { title: 'Stell', stayId: cd, due: soon(90) });
    await board.callOk('task.create', { title: 'Snu pasienten', stayId: ef, due: soon(-10) });

    await page.goto(board.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Solsiden' })).toBeVisible();
    await unlockOnScreen(page, NURSE.name, NURSE.pin);

    // Admit into the free bed 105, from its card.
    await page.getByRole('button', { name: 'Åpne Rom 105' }).click();
    await page.getByRole('dialog', { name: 'Rom 105' }).getByRole('button', { name: 'Legg inn pasient' }).click();
    const form = page.getByRole('dialog', { name: 'Legg inn pasient, rom 105' });
    await expect(form).toBeVisible();

    // Sent empty: nothing is written, and what is missing is said in bokmål.
    await form.getByRole('button', { name: 'Legg inn', exact: true }).click();
    for (const words of ['Skriv pasientens fulle navn.', 'Initialene er 1 til 4 bokstaver.', 'Velg fødselsdato.']) await expect(form.getByRole('alert').filter({ hasText: words })).toBeVisible();
    expect((await board.callOk('ward.state', {})).stays).toHaveLength(3);
    await noBrowserWidgets(page, 'the empty admission form');

    await typeOnKeyboard(form, 'Fullt navn', NEW_PATIENT.name);
    await checkAccessible(page, `admission form with the keyboard (${orientation})`);
    await targetsAtLeast44(form, 'the keyboard');
    await typeOnKeyboard(form, 'Initialer', 'KN');
    await expect(form.getByRole('button', { name: /^Initialer:/ })).toHaveAccessibleName('Initialer: KN');
    await pickDate(form, 'Fødselsdato', NEW_PATIENT.birthDate);
    await expect(form.getByRole('button', { name: /^Fødselsdato:/ })).toHaveAccessibleName(`Fødselsdato: ${fullDate(NEW_PATIENT.birthDate)}`);
    // The time the patient came, on the 24-hour clock: 07:30, today (or yesterday if that is still ahead).
    await form.getByRole('button', { name: /^Kom til enheten kl\.:/ }).click();
    const clock = form.getByRole('group', { name: 'Klokkeslett: Kom til enheten kl.' });
    await expect(clock.getByRole('button', { name: /^Time / })).toHaveCount(24);
    await targetsAtLeast44(form, 'the clock');
    await clock.getByRole('button', { name: 'Time 07' }).click();
    await clock.getByRole('button', { name: 'Minutt 30' }).click();
    await expect(form.getByRole('button', { name: /^Kom til enheten kl\.:/ })).toHaveAccessibleName('Kom til enheten kl.: 07:30');

    await form.getByRole('button', { name: NURSE.name, exact: true }).click();
    await form.getByRole('button', { name: 'ADL 3', exact: true }).click();
    const today = osloDay(Date.now());
    const expected = `${addMonths(today, 1).slice(0, 7)}-15`;
    await form.getByRole('button', { name: /^Forventet utreise:/ }).click();
    // Days before today cannot be an expected discharge.
    if (today.slice(8) !== '01') await expect(form.getByRole('group', { name: 'Kalender: Forventet utreise' }).getByRole('button', { name: fullDate(`${today.slice(0, 7)}-01`), exact: true })).toBeDisabled();
    await checkAccessible(page, `admission form with the calendar (${orientation})`);
    await targetsAtLeast44(form, 'the calendar');
    await pickDate(form, 'Forventet utreise', expected);
    await form.getByRole('button', { name: 'Risiko: Fallrisiko' }).click();
    // Filled in, every panel closed: the form fits the screen without scrolling.
    expect(await dialogFitProblems(page)).toEqual([]);
    // Each keyboard, calendar and the clock open in turn: all of it and "Legg inn" in view, uncovered.
    expect(await openFieldsFitProblems(form, ['Fullt navn', 'Initialer', 'Fødselsdato', 'Kom til enheten kl.', 'Forventet utreise'], 'Legg inn')).toEqual([]);
    await noBrowserWidgets(page, 'the filled admission form');
    await snap(page, testInfo, `admit-form-${orientation}`);
    await form.getByRole('button', { name: 'Legg inn', exact: true }).click();
    await expect(form).toHaveCount(0);

    // The card now holds the patient, with what was set.
    const card = page.getByRole('dialog', { name: 'Rom 105' });
    await expect(card.locator('.initials')).toHaveText('KN');
    await expect(card).toContainText(NEW_PATIENT.name);
    await expect(card.getByRole('button', { name: NURSE.name, exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(card.getByRole('button', { name: 'ADL 3', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(card.getByRole('button', { name: /^Forventet utreise:/ })).toHaveAccessibleName(`Forventet utreise: ${fullDate(expected)}`);
    await expect(card.getByRole('button', { name: 'Risiko: Fallrisiko' })).toHaveAttribute('aria-pressed', 'true');
    const admitted = (await board.callOk('ward.state', {})).stays.find((s) => s.initials === 'KN');
    expect(admitted).toMatchObject({ nurse: NURSE.name, adl: 3, expectedDischarge: expected, flags: expect.objectContaining({ fall: true }) });
    const at = new Intl.DateTimeFormat('nb-NO', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Oslo' }).format(new Date(admitted?.admittedAt ?? ''));
    expect(at).toBe('07:30');
    expect(Date.now() - Date.parse(admitted?.admittedAt ?? '')).toBeLessThan(24 * 3_600_000);
    expect(Date.parse(admitted?.admittedAt ?? '')).toBeLessThanOrEqual(Date.now());

    // A note on the kiosk keyboard.
    await typeOnKeyboard(card, 'Notat om pasienten', 'Sover godt');
    await card.getByRole('button', { name: 'Lagre notat' }).click();
    await expect(card.getByRole('status').filter({ hasText: 'Lagret' }).first()).toBeVisible();
    await card.getByRole('button', { name: 'Lukk' }).click();
    const bed105 = page.getByRole('button', { name: 'Åpne Rom 105' });
    await expect(bed105).toContainText('KN');
    await expect(bed105).toContainText('FALL');
    await expect(bed105).toContainText(NURSE.name);

    // The plan of another patient: nurse, ADL and expected discharge by tapping; saved.
    await page.getByRole('button', { name: 'Åpne Rom 103' }).click();
    const card103 = page.getByRole('dialog', { name: 'Rom 103' });
    await card103.getByRole('button', { name: 'ADL 2', exact: true }).click();
    await expect(card103.getByRole('button', { name: 'ADL 2', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await typeOnKeyboard(card103, 'Annen / team', 'Team Nord');
    await expect(card103.getByRole('status').filter({ hasText: 'Lagret' }).first()).toBeVisible();
    await pickDate(card103, 'Forventet utreise', expected);
    await expect(card103.getByRole('button', { name: /^Forventet utreise:/ })).toHaveAccessibleName(`Forventet utreise: ${fullDate(expected)}`);
    await expect.poll(async () => (await board.callOk('ward.state', {})).stays.find((s) => s.id === ef)).toMatchObject({ adl: 2, nurse: 'Team Nord', expectedDischarge: expected });
    await noBrowserWidgets(page, 'the patient card');
    await card103.getByRole('button', { name: 'Lukk' }).click();
    await expect(page.getByRole('button', { name: 'Åpne Rom 103' })).toContainText('Team Nord');

    // "Mine pasienter": the nurse's patients first (102, 105), and her patient's task on top.
    const beds = page.locator('.bed > button');
    const firstTask = page.getByRole('list', { name: 'Åpne oppgaver' }).getByRole('button').first();
    await expect(beds.first()).toHaveAccessibleName('Åpne Rom 101');
    await expect(firstTask).toHaveAccessibleName(/\(103 · EF\)/);
    await page.getByRole('button', { name: 'Mine pasienter' }).click();
    await expect(page.getByRole('button', { name: 'Mine pasienter' })).toHaveAttribute('aria-pressed', 'true');
    await expect(beds.nth(0)).toHaveAccessibleName('Åpne Rom 102');
    await expect(beds.nth(1)).toHaveAccessibleName('Åpne Rom 105');
    await expect(beds.nth(2)).toHaveAccessibleName('Åpne Rom 101');
    await expect(firstTask).toHaveAccessibleName(/Stell \(102 · CD\)/);
    await snap(page, testInfo, `mine-patients-${orientation}`);
    await checkAccessible(page, `overview, mine first (${orientation})`);
    await page.getByRole('button', { name: 'Mine pasienter' }).click();
    await expect(beds.first()).toHaveAccessibleName('Åpne Rom 101');

    // Discharge with a confirming second tap: the bed goes to cleaning.
    await bed105.click();
    await card.getByRole('button', { name: 'Skriv ut pasienten' }).click();
    await card.getByRole('button', { name: 'Bekreft utskriving' }).click();
    await expect(card).toHaveCount(0);
    await expect(bed105).toContainText('Til rengjøring');
    await expect(bed105).not.toContainText('KN');
    expect((await board.callOk('ward.state', {})).beds.find((b) => b.label === '105')?.status).toBe('cleaning');
    await noBrowserWidgets(page, 'the overview after discharge');
    await page.getByRole('button', { name: `Lås (${NURSE.name})` }).click();
    await expect(page.getByRole('button', { name: 'Mine pasienter' })).toHaveCount(0);
  });
}

test('a free bed on a locked screen asks for the PIN first, then opens the admission form, whose checks speak the screen\'s language', async ({ ward, page }) => {
  const board = await ward.board();
  await board.signIn(LEADER);
  await board.callOk('unit.configure', { name: 'Solsiden', kind: 'nursing-home', beds: [{ label: '101' }] });
  await page.goto(board.url);
  await page.getByRole('button', { name: 'Åpne Rom 101' }).click();
  await expect(page.getByRole('dialog', { name: 'Rom 101' })).toContainText('Lås opp med PIN for å legge inn en pasient.');
  await page.getByRole('dialog', { name: 'Rom 101' }).getByRole('button', { name: 'Legg inn pasient' }).click();
  const unlock = page.getByRole('dialog', { name: 'Lås opp skjermen' });
  await unlock.getByRole('button', { name: new RegExp(LEADER.name) }).click();
  for (const digit of LEADER.pin) await unlock.getByRole('button', { name: `Tast ${digit}` }).click();
  await unlock.getByRole('button', { name: 'Lås opp', exact: true }).click();
  const form = page.getByRole('dialog', { name: 'Legg inn pasient, rom 101' });
  await form.getByRole('button', { name: 'Legg inn', exact: true }).click();
  await expect(form.getByRole('alert').filter({ hasText: 'Skriv pasientens fulle navn.' })).toBeVisible();
  // Filled in, but the bed was blocked from another screen meanwhile: main's refusal, worded in bokmål; nothing written.
  await typeOnKeyboard(form, 'Fullt navn', 'Ida Li');
  await typeOnKeyboard(form, 'Initialer', 'IL');
  await pickDate(form, 'Fødselsdato', '1950-06-15');
  await expect(form.getByRole('alert')).toHaveCount(0);
  await board.callOk('bed.setStatus', { bed: '101', status: 'blocked' });
  await form.getByRole('button', { name: 'Legg inn', exact: true }).click();
  await expect(form.getByRole('status')).toHaveText('Ikke lagret: seng 101 er sperret, ikke ledig. Trykk for å prøve igjen.');
  expect(await form.innerText()).not.toMatch(/is blocked|not free/);
  expect((await board.callOk('ward.state', {})).stays).toHaveLength(0);
  await board.callOk('bed.setStatus', { bed: '101', status: 'free' });
  await form.getByRole('button', { name: 'Lukk' }).click();
  await page.getByRole('dialog', { name: 'Rom 101' }).getByRole('button', { name: 'Lukk' }).click();

  // The same form on a screen switched to English: its words and its checks are English.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('button', { name: 'Open Room 101' }).click();
  await page.getByRole('dialog', { name: 'Room 101' }).getByRole('button', { name: 'Admit a patient' }).click();
  const english = page.getByRole('dialog', { name: 'Admit a patient, room 101' });
  await english.getByRole('button', { name: 'Admit', exact: true }).click();
  for (const words of ["Write the patient's full name.", 'Initials are 1 to 4 letters.', 'Choose the date of birth.']) await expect(english.getByRole('alert').filter({ hasText: words })).toBeVisible();
  await english.getByRole('button', { name: /^Date of birth:/ }).click();
  await expect(english.getByRole('group', { name: 'Calendar: Date of birth' })).toContainText('Mo');
  expect((await board.callOk('ward.state', {})).stays).toHaveLength(0);
});
