/**
 * Accountable transfers on two boards in Debian's Chromium (issue 13, point 6): a new request
 * raises a banner on the receiving board (and its chime, once, when the screen's sound is on);
 * answering it on a locked screen asks for the PIN and records who; the receiver sees the care
 * level, the two-carer need, the risks and the sender's summary (unlocked only). The allocation
 * office's board shows the names it phones about once unlocked, the offline banner when its broker
 * is down, and its action buttons inside a 1080×1920 portrait screen.
 * A real Mosquitto, the hub and both boards run as `tavla` processes with their own data folders.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { AllocationState } from '../../shared/api/commands/flow.js';
import { PATIENTS, ploMessage } from '../support/plo-messages.js';
import { flowTest, HOME_LEADER, OFFICE_LEADER } from '../support/flow-municipality.js';
import type { TavlaProcess } from '../support/tavla-process.js';
import { waitFor } from '../support/wait.js';
import { checkAccessible } from '../support/accessibility.js';
import { enterPin, snap } from '../support/ward-fixtures.js';
import { typeOnKiosk } from '../support/kiosk-keys.js';

const test = flowTest;
const SUMMARY = 'Hoftebrudd operert 12. november, går med rullator. Insulin morgen og kveld.';

/** Counts the chimes a page plays: each is one Web Audio oscillator (renderer/src/state/chime.ts). */
async function countChimes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const counted = window as unknown as { chimes: number };
    counted.chimes = 0;
    const original = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      counted.chimes += 1;
      return original.call(this);
    };
  });
}
const chimes = (page: Page) => page.evaluate(() => (window as unknown as { chimes: number }).chimes);

async function patientsArrive(office: TavlaProcess, count: number): Promise<void> {
  await waitFor(
    async () => (await office.call<AllocationState>('flow.allocation')).value,
    (s) => s?.patients.length === count && s.units.some((u) => u.unit === 'solsiden' && u.free === 2),
    { what: 'patients and capacity on the office board', timeout: 30_000 },
  );
}

test('a request raises a banner and one chime on the receiving board; answering needs the PIN and records who; the receiver sees ADL, two carers, risks and the summary', async ({ browser, municipality }, testInfo) => {
  test.setTimeout(120_000);
  const { office, home, inbox } = municipality;
  writeFileSync(join(inbox, 'kari.xml'), ploMessage({ type: 'LOG_UTSKRIVNINGSKLAR', patient: PATIENTS.kari, dischargeReadyAt: '2026-11-18T09:00:00' }));
  await patientsArrive(office, 1);

  const officePage = await (await browser.newContext()).newPage();
  const homePage = await (await browser.newContext()).newPage();
  await countChimes(homePage);
  await officePage.goto(office.url);
  await homePage.goto(home.url);
  // The nursing home's unit leader turns the screen's new-request sound on (off by default), then locks.
  const toggle = homePage.getByRole('button', { name: /Overføringer/ });
  await homePage.getByRole('button', { name: /^Lås opp/ }).click();
  await enterPin(homePage, HOME_LEADER.name, HOME_LEADER.pin);
  await toggle.click();
  const sound = homePage.getByRole('group', { name: 'Lyd ved ny forespørsel' }).getByRole('button');
  await expect(sound).toHaveAttribute('aria-pressed', 'false');
  await sound.click();
  await expect(sound).toHaveAttribute('aria-pressed', 'true');
  await expect(sound).toHaveText('På');
  expect((await home.post<{ transferChime: number }>('ward.settings', {})).value?.transferChime).toBe(1);
  await toggle.click();
  await homePage.getByRole('button', { name: /^Lås \(/ }).click();

  // The office: locked, initials only; unlocked, the names it phones about.
  const row = officePage.getByRole('row').filter({ hasText: 'KN' });
  await expect(row).toContainText('Utskrivningsklar');
  await expect(row).not.toContainText('Kari Nordmann');
  await officePage.getByRole('button', { name: /^Lås opp/ }).click();
  await enterPin(officePage, OFFICE_LEADER.name, OFFICE_LEADER.pin);
  await expect(row).toContainText('Kari Nordmann');
  await snap(officePage, testInfo, 'office-unlocked-names');
  // What goes with the request: the care level and two-carer need PLO does not carry, and a summary.
  await row.getByText('Opplysninger til mottaker').click();
  await row.getByRole('combobox', { name: 'ADL (1–5): KN' }).selectOption('4');
  await row.getByRole('checkbox', { name: 'Trenger to pleiere' }).check();
  // Typed on the kiosk's keyboard, one tap per character (no browser textarea on a board).
  await typeOnKiosk(row, 'Sammendrag til mottaker: KN', SUMMARY);
  await checkAccessible(officePage, 'the office with its details form open');
  expect(await chimes(homePage), 'no chime before a request').toBe(0);
  await row.getByRole('button', { name: 'Start overføring: KN' }).click();
  await expect(row.locator('.transfer')).toContainText('Forespurt');

  // The nursing home: a banner anyone in the corridor sees, not only a badge; the chime once.
  const banner = homePage.getByTestId('transfer-banner');
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await expect(banner).toContainText('Ny forespørsel om overføring');
  await expect(banner).toContainText('KN fra Tildelingskontoret');
  await expect.poll(() => chimes(homePage), { timeout: 10_000 }).toBe(1);
  await snap(homePage, testInfo, 'home-request-banner');
  await checkAccessible(homePage, 'the new-request banner');
  await banner.getByRole('button', { name: 'Vis forespørselen' }).click();
  await expect(banner).toBeHidden();
  const card = homePage.getByRole('list', { name: 'Til oss' }).getByRole('listitem');
  await expect(card).toContainText('ADL 4');
  await expect(card).toContainText('Trenger to pleiere');
  await expect(card).toContainText('Ingen risiko meldt');
  // Locked: the summary is there to read, but not on the page until someone unlocks.
  await expect(card).toContainText('Lås opp for å lese sammendraget');
  expect(await homePage.content()).not.toContain('rullator');

  // Accepting on a locked screen asks for the PIN; the step goes once it is right, under that name.
  await homePage.getByRole('combobox', { name: 'Seng: KN' }).selectOption('102');
  await homePage.getByRole('button', { name: 'Godta: KN' }).click();
  await expect(homePage.getByRole('dialog', { name: 'Lås opp skjermen' })).toContainText('Endringen lagres når du har låst opp');
  await enterPin(homePage, HOME_LEADER.name, HOME_LEADER.pin);
  await expect(card).toContainText('Godtatt');
  await expect(card).toContainText('Godtatt (Liv Leder)');
  await expect(card).toContainText(SUMMARY);
  await snap(homePage, testInfo, 'home-accepted-unlocked');
  await checkAccessible(homePage, 'an accepted transfer, unlocked');
  // The office sees who accepted: whom to phone.
  await expect(row.locator('.transfer')).toContainText('Godtatt (Liv Leder)', { timeout: 20_000 });

  // Locked again: the summary leaves the page.
  await homePage.getByRole('button', { name: /^Lås \(/ }).click();
  await expect(card).toContainText('Lås opp for å lese sammendraget');
  expect(await homePage.content()).not.toContain('rullator');
  expect(await chimes(homePage), 'one chime for one request').toBe(1);

  // Arrival, too, needs the PIN and records who.
  await homePage.getByRole('button', { name: 'Pasienten er kommet: KN' }).click();
  await enterPin(homePage, HOME_LEADER.name, HOME_LEADER.pin);
  await expect(card).toContainText('Ankommet (Liv Leder)');
});

test('the office board shows its offline banner with the broker down, and fits a 1080×1920 portrait screen', async ({ browser, municipality }, testInfo) => {
  test.setTimeout(120_000);
  const { office, inbox, broker } = municipality;
  writeFileSync(join(inbox, 'kari.xml'), ploMessage({ type: 'LOG_UTSKRIVNINGSKLAR', patient: PATIENTS.kari, dischargeReadyAt: '2026-11-18T09:00:00' }));
  writeFileSync(join(inbox, 'ola.xml'), ploMessage({ type: 'LOG_UTSKRIVNINGSKLAR', patient: PATIENTS.ola, dischargeReadyAt: '2026-11-20T09:00:00' }));
  await patientsArrive(office, 2);

  const page = await (await browser.newContext({ viewport: { width: 1080, height: 1920 } })).newPage();
  await page.goto(office.url);
  await expect(page.getByRole('button', { name: 'Start overføring: KN' })).toBeVisible();
  await expect(page.getByTestId('offline-banner')).toHaveCount(0);
  // Portrait: every patient's unit choice and start button lie inside the screen, nothing to scroll sideways.
  for (const who of ['KN', 'OH']) {
    for (const control of [page.getByRole('button', { name: `Start overføring: ${who}` }), page.getByRole('combobox', { name: `Til enhet: ${who}` })]) {
      const box = await control.boundingBox();
      expect(box, `${who} control on screen`).not.toBeNull();
      if (!box) continue;
      expect(box.x, `${who} left edge`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `${who} right edge`).toBeLessThanOrEqual(1080);
      expect(box.y + box.height, `${who} bottom edge`).toBeLessThanOrEqual(1920);
    }
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scroll').toBeLessThanOrEqual(1080);
  await snap(page, testInfo, 'office-portrait');
  await checkAccessible(page, 'the office in portrait');

  // The broker goes down: the office says so, and a request made now is counted as not sent.
  await broker.kill();
  const offline = page.getByTestId('offline-banner');
  await expect(offline).toBeVisible({ timeout: 30_000 });
  await expect(offline).toContainText('Frakoblet');
  await page.getByRole('button', { name: /^Lås opp/ }).click();
  await enterPin(page, OFFICE_LEADER.name, OFFICE_LEADER.pin);
  await page.getByRole('button', { name: 'Start overføring: KN' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'KN' }).locator('.transfer')).toContainText('Forespurt');
  await expect(offline).toContainText(/ikke sendt/);
  await snap(page, testInfo, 'office-offline');
  await checkAccessible(page, 'the office offline');
  await broker.restart();
  await expect(offline).toBeHidden({ timeout: 30_000 });
});
