/**
 * A transfer from the allocation office to a nursing home on two boards in Debian's Chromium: a
 * hospital patient arrives by PLO in the hub's inbox, the office starts the transfer, the nursing
 * home accepts it into a bed and receives the patient; each board sees the other's steps live.
 * A real Mosquitto, the hub and both boards run as `tavla` processes with their own data folders.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { AllocationState } from '../../shared/api/commands/flow.js';
import { PATIENTS, ploMessage } from '../support/plo-messages.js';
import { flowTest, HOME_LEADER, OFFICE_LEADER } from '../support/flow-municipality.js';
import { waitFor } from '../support/wait.js';
import { enterPin } from '../support/ward-fixtures.js';

const test = flowTest;

test('the allocation office sends a discharge-ready patient to a nursing home, step by step on both boards', async ({ browser, municipality }, testInfo) => {
  test.setTimeout(90_000);
  const { office, home, inbox } = municipality;
  writeFileSync(join(inbox, 'kari.xml'), ploMessage({ type: 'LOG_UTSKRIVNINGSKLAR', patient: PATIENTS.kari, dischargeReadyAt: '2026-11-18T09:00:00' }));
  // The office knows the patient and the nursing home's free beds before the pages open.
  await waitFor(
    async () => (await office.call<AllocationState>('flow.allocation')).value,
    (s) => s?.patients.length === 1 && s.units.some((u) => u.unit === 'solsiden' && u.free === 2),
    { what: 'patient and capacity on the office board', timeout: 30_000 },
  );

  const officePage = await (await browser.newContext()).newPage();
  const homePage = await (await browser.newContext()).newPage();
  await officePage.goto(office.url);
  await homePage.goto(home.url);

  // The office: the patient from hospital, waiting and costing, and where there is room.
  const row = officePage.getByRole('row').filter({ hasText: 'KN' });
  await expect(row).toContainText('Utskrivningsklar');
  await expect(row).toContainText('Fjordvik sykehus HF – Medisinsk avdeling');
  await expect(row.locator('.cost')).toContainText('kr');
  await expect(officePage.getByRole('list', { name: 'Ledig kapasitet' })).toContainText('Solsiden sykehjem');
  await expect(officePage.getByRole('combobox', { name: 'Til enhet: KN' })).toContainText('Solsiden sykehjem — 2 ledig');
  // A locked screen asks for the PIN first; the request goes the moment it is right.
  await officePage.getByRole('button', { name: 'Start overføring: KN' }).click();
  await expect(officePage.getByRole('dialog', { name: 'Lås opp skjermen' })).toContainText('Endringen lagres når du har låst opp');
  const pinForEdit = testInfo.outputPath('office-pin-for-edit.png');
  await officePage.screenshot({ path: pinForEdit });
  await testInfo.attach('office-pin-for-edit', { path: pinForEdit, contentType: 'image/png' });
  await enterPin(officePage, OFFICE_LEADER.name, OFFICE_LEADER.pin);
  await expect(row.locator('.transfer')).toContainText('Forespurt');
  await expect(row.locator('.transfer')).toContainText('til Solsiden sykehjem');

  // The nursing home: the request arrives on its own, with initials and where the patient comes from.
  const toggle = homePage.getByRole('button', { name: /Overføringer/ });
  await expect(toggle).toContainText('1', { timeout: 20_000 });
  await toggle.click();
  const incoming = homePage.getByRole('list', { name: 'Til oss' }).getByRole('listitem');
  await expect(incoming).toContainText('fra Tildelingskontoret');
  await expect(incoming).toContainText('Forespurt');
  const request = testInfo.outputPath('home-request.png');
  await homePage.screenshot({ path: request });
  await testInfo.attach('home-request', { path: request, contentType: 'image/png' });
  await homePage.getByRole('combobox', { name: 'Seng: KN' }).selectOption('102');
  await homePage.getByRole('button', { name: 'Godta: KN' }).click();
  await enterPin(homePage, HOME_LEADER.name, HOME_LEADER.pin);
  await expect(incoming).toContainText('Godtatt');
  // The promised bed is reserved on the board, with who is coming (initials only) and from where.
  const promised = homePage.getByRole('button', { name: 'Åpne Rom 102' });
  await expect(promised).toContainText('Reservert');
  await expect(promised).toContainText('KN fra Tildelingskontoret');
  await expect(promised).not.toContainText('Ledig');

  // The office sees the decision without a reload, and how old it is.
  await expect(row.locator('.transfer')).toContainText('Godtatt', { timeout: 20_000 });
  await expect(row.locator('.transfer')).toContainText('seng 102');
  await expect(row.locator('.transfer')).toContainText(/for \d+ min siden/);
  const midway = testInfo.outputPath('office-accepted.png');
  await officePage.screenshot({ path: midway });
  await testInfo.attach('office-accepted', { path: midway, contentType: 'image/png' });

  await homePage.getByRole('button', { name: 'Pasienten er kommet: KN' }).click();
  await expect(incoming).toContainText('Ankommet');
  // The patient has left the office's list; the nursing home has them in bed 102, by initials only.
  await expect(officePage.getByText('Ingen meldinger fra sykehuset.')).toBeVisible({ timeout: 20_000 });
  const { stays, beds } = await home.state<{ stays: { bed: string | null; initials: string }[]; beds: { id: string; label: string; status: string }[] }>();
  expect(stays.map((s) => [s.initials, beds.find((b) => b.id === s.bed)?.label])).toEqual([['KN', '102']]);
  expect(beds.find((b) => b.label === '102')?.status).toBe('occupied');
  // Locked again, as a nurse leaves the screen: no name on either page.
  for (const page of [officePage, homePage]) await page.getByRole('button', { name: /^Lås \(/ }).click();
  for (const page of [officePage, homePage]) {
    const html = await page.content();
    for (const secret of ['Nordmann', PATIENTS.kari.birthDate, PATIENTS.kari.id]) expect(html, `no "${secret}" on a board page`).not.toContain(secret);
  }

  for (const [name, page] of [['office', officePage], ['home', homePage]] as const) {
    const shot = testInfo.outputPath(`${name}.png`);
    await page.screenshot({ path: shot });
    await testInfo.attach(name, { path: shot, contentType: 'image/png' });
  }
});

test("the office sees on the patient's row that the identity number in the hospital's message failed its check, and not on a clean one", async ({ browser, municipality }) => {
  test.setTimeout(60_000);
  const { office, inbox } = municipality;
  // Ingrid's message gives a DateOfBirth her number does not tell; Kari's is right.
  writeFileSync(join(inbox, 'kari.xml'), ploMessage({ type: 'LOG_UTSKRIVNINGSKLAR', patient: PATIENTS.kari }));
  writeFileSync(join(inbox, 'ingrid.xml'), ploMessage({ type: 'LOG_INNLAGT', patient: { ...PATIENTS.ingrid, birthDate: '1935-07-31' } }));
  await waitFor(
    async () => (await office.call<AllocationState>('flow.allocation')).value,
    (s) => s?.patients.length === 2,
    { what: 'both patients on the office board', timeout: 30_000 },
  );
  const page = await (await browser.newContext()).newPage();
  await page.goto(office.url);
  // The warning is the row under Ingrid's (it names her for a screen reader); Kari's row has none.
  await expect(page.getByRole('row').filter({ hasText: 'KN' })).toContainText('Utskrivningsklar');
  const ingrid = page.locator('tr[data-stay]').filter({ hasText: 'IB' });
  const warnings = page.locator('[data-id-problem]');
  await expect(warnings).toHaveCount(1);
  await expect(warnings).toHaveAttribute('data-id-problem', 'birth-date');
  await expect(warnings).toContainText('IB: Fødselsnummeret i meldingen stemmer ikke – kontroller med sykehuset.');
  await expect(warnings).toContainText('Nummeret passer ikke med fødselsdatoen i meldingen.');
  await expect(warnings).toBeVisible();
  expect(await ingrid.evaluate((row) => row.nextElementSibling?.querySelector('[data-id-problem]') !== null)).toBe(true);
  await expect(page.getByText('Fødselsnummeret i meldingen')).toHaveCount(1);
  // The table with its warning row stays in its column at 1920 × 1080: it never runs under the capacity panel.
  const overrun = await page.evaluate(() => document.querySelector('table')!.getBoundingClientRect().right - document.querySelector('.main-column')!.getBoundingClientRect().right);
  expect(overrun).toBeLessThanOrEqual(0.5);
  // In English too; the number itself is never on the page.
  await page.getByRole('button', { name: /English|engelsk/i }).click();
  await expect(warnings).toContainText("The identity number in the hospital's message fails its check – confirm with the hospital.");
  expect(await page.content()).not.toContain(PATIENTS.ingrid.id);
});

test("the nursing home sees on the incoming transfer that the identity number in the hospital's message failed its check, and not on a clean one", async ({ browser, municipality }) => {
  test.setTimeout(60_000);
  const { office, home, inbox } = municipality;
  // Ingrid's message gives a DateOfBirth her number does not tell; Kari's is right.
  writeFileSync(join(inbox, 'kari.xml'), ploMessage({ type: 'LOG_UTSKRIVNINGSKLAR', patient: PATIENTS.kari }));
  writeFileSync(join(inbox, 'ingrid.xml'), ploMessage({ type: 'LOG_UTSKRIVNINGSKLAR', patient: { ...PATIENTS.ingrid, birthDate: '1935-07-31' } }));
  const allocation = await waitFor(
    async () => (await office.call<AllocationState>('flow.allocation')).value,
    (s) => s?.patients.length === 2 && s.units.some((u) => u.unit === 'solsiden'),
    { what: 'both patients and the nursing home on the office board', timeout: 30_000 },
  );
  for (const patient of allocation!.patients) await office.id('transfer.request', { stayId: patient.stayId, toUnit: 'solsiden' });

  const page = await (await browser.newContext()).newPage();
  await page.goto(home.url);
  const toggle = page.getByRole('button', { name: /Overføringer/ });
  await expect(toggle).toContainText('2', { timeout: 20_000 });
  // The corridor's banner opens the requests (and leaves the header, with its language button, free).
  await page.getByTestId('transfer-banner').getByRole('button', { name: 'Vis forespørselen' }).click();
  const incoming = page.getByRole('list', { name: 'Til oss' }).getByRole('listitem');
  await expect(incoming).toHaveCount(2);
  // Ingrid's card carries the warning (naming her for a screen reader); Kari's has none.
  const warning = incoming.filter({ hasText: 'IB' }).locator('[data-id-problem]');
  await expect(warning).toHaveAttribute('data-id-problem', 'birth-date');
  await expect(warning).toContainText('IB: Fødselsnummeret i sykehusets melding stemmer ikke – kontroller hvem som kommer.');
  await expect(warning).toContainText('Nummeret passer ikke med fødselsdatoen i meldingen.');
  await expect(warning).toBeVisible();
  await expect(incoming.filter({ hasText: 'KN' }).locator('[data-id-problem]')).toHaveCount(0);
  await expect(page.locator('[data-id-problem]')).toHaveCount(1);
  // In English too; the number itself is never on the page.
  await page.getByRole('button', { name: /English|engelsk/i }).click();
  await expect(page.locator('[data-transfer] [data-id-problem]')).toContainText("IB: The identity number in the hospital's message fails its check – confirm who arrives.");
  await expect(page.locator('[data-transfer] [data-id-problem]')).toContainText('The number does not match the birth date in the message.');
  expect(await page.content()).not.toContain(PATIENTS.ingrid.id);
});
