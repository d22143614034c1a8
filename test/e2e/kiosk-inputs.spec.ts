/**
 * No browser widget left on a kiosk board screen (issue 13, point 2), landscape and portrait: the
 * transfers drawer with a request to schedule (app-drawn calendar and 24-hour clock, the summary on
 * the on-screen keyboard), the handover notes, the settings as unit leader (the staff name on the
 * keyboard, the PIN on a digit pad, validated in bokmål), a patient card's pathway skip, and the
 * allocation office's board (the summary, the daily rate on a digit pad). Each screen has no text,
 * number, password, date or time input, no textarea and no `pattern`; entries go in by tapping keys.
 */

import type { Page } from '@playwright/test';
import type { AllocationState } from '../../shared/api/commands/flow.js';
import { addDays, osloDay, osloWallInstant } from '../../shared/time/oslo.js';
import { checkAccessible } from '../support/accessibility.js';
import { flowTest, HOME_LEADER, OFFICE_LEADER } from '../support/flow-municipality.js';
import { buttonsAtLeast44, fullDate, kioskField, noBrowserTextWidgets, typeOnKiosk } from '../support/kiosk-keys.js';
import { PATIENTS, ploMessage } from '../support/plo-messages.js';
import { waitFor } from '../support/wait.js';
import { enterPin, expect, LEADER, seedWard, snap, test, unlockOnScreen } from '../support/ward-fixtures.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const VIEWPORTS = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
];
/** What the browser's own widgets and messages would say: none of it may be on a bokmål kiosk. */
const BROWSER_ENGLISH = /mm\/dd\/yyyy|--:-- --|Please (match|fill|select|enter)|required field|\bAM\b|\bPM\b/;

async function noWidgets(page: Page, where: string): Promise<void> {
  await noBrowserTextWidgets(page, where);
  expect(await page.locator('body').innerText(), `${where}: the browser's English`).not.toMatch(BROWSER_ENGLISH);
}

for (const viewport of VIEWPORTS) {
  const size = `${viewport.width}×${viewport.height}`;

  test(`handover notes, settings and a pathway skip by taps only at ${size}`, async ({ ward, page }, testInfo) => {
    test.setTimeout(240_000);
    await page.setViewportSize(viewport);
    const board = await ward.board();
    await seedWard(board);
    await page.goto(board.url);
    await unlockOnScreen(page, LEADER.name, LEADER.pin);

    // Handover: the shift leader's notes on the kiosk keyboard, two lines, saved as typed.
    await page.getByRole('tab', { name: 'Vaktskifte' }).click();
    await noWidgets(page, `handover ${size}`);
    const notes = page.getByRole('region', { name: 'Vaktleders notater' });
    await typeOnKiosk(notes, 'Vaktleders notater', 'Rolig natt\nrom 101 sov godt');
    await notes.getByRole('button', { name: 'Lagre' }).click();
    await expect(notes.getByRole('status')).toHaveText('Lagret');
    // Kept: after a reload and a new unlock the field holds the two lines.
    await page.reload();
    await unlockOnScreen(page, LEADER.name, LEADER.pin);
    await page.getByRole('tab', { name: 'Vaktskifte' }).click();
    await expect(kioskField(notes, 'Vaktleders notater')).toHaveAccessibleName('Vaktleders notater: Rolig natt\nrom 101 sov godt');
    await kioskField(notes, 'Vaktleders notater').click();
    await noWidgets(page, `handover with the keyboard open ${size}`);
    await buttonsAtLeast44(notes, `handover keyboard ${size}`);
    await checkAccessible(page, `handover notes keyboard ${size}`);
    await snap(page, testInfo, `kiosk-handover-${viewport.width}x${viewport.height}`);
    await notes.getByRole('button', { name: 'Ferdig' }).click();

    // Settings: a new member by name on the keyboard and PIN on the digit pad; a short PIN is refused in bokmål.
    await page.getByRole('tab', { name: 'Innstillinger' }).click();
    await noWidgets(page, `settings ${size}`);
    const form = page.getByRole('form', { name: 'Legg til ansatt' });
    await typeOnKiosk(form, 'Navn', 'Per Pleier');
    await typeOnKiosk(form, 'PIN (4–8 sifre)', '12');
    // The PIN is dots on the field and a count for a screen reader, never the digits.
    await expect(kioskField(form, 'PIN (4–8 sifre)')).toHaveAccessibleName('PIN (4–8 sifre): 2 sifre');
    await expect(kioskField(form, 'PIN (4–8 sifre)')).toContainText('••');
    await form.getByRole('button', { name: 'Legg til ansatt' }).click();
    await expect(form.getByRole('alert')).toHaveText('PIN må være 4 til 8 sifre.');
    expect((await board.callOk('staff.list', {})).map((s) => s.name)).not.toContain('Per Pleier');
    await kioskField(form, 'PIN (4–8 sifre)').click();
    const pad = form.getByRole('group', { name: 'Tastatur: PIN (4–8 sifre)' });
    await buttonsAtLeast44(pad, `PIN pad ${size}`);
    await noWidgets(page, `settings with the PIN pad open ${size}`);
    await checkAccessible(page, `settings PIN pad ${size}`);
    await snap(page, testInfo, `kiosk-settings-pin-${viewport.width}x${viewport.height}`);
    await typeOnKiosk(form, 'PIN (4–8 sifre)', '34');
    await form.getByRole('button', { name: 'Legg til ansatt' }).click();
    await expect.poll(async () => (await board.callOk('staff.list', {})).map((s) => s.name), { timeout: 15_000 }).toContain('Per Pleier');
    await expect(form.getByRole('alert')).toHaveCount(0);

    // A patient card's pathway step: not applicable, the reason on the keyboard.
    await page.getByRole('tab', { name: 'Oversikt' }).click();
    await page.getByRole('button', { name: 'Åpne Rom 101' }).click();
    const card = page.getByRole('dialog');
    await card.getByRole('button', { name: 'Ikke aktuelt' }).first().click();
    await noWidgets(page, `pathway skip ${size}`);
    await buttonsAtLeast44(card.getByRole('group', { name: 'Tastatur: Hvorfor er steget ikke aktuelt?' }), `skip keyboard ${size}`);
    await checkAccessible(page, `pathway skip keyboard ${size}`);
    await snap(page, testInfo, `kiosk-pathway-skip-${viewport.width}x${viewport.height}`);
    await typeOnKiosk(card, 'Hvorfor er steget ikke aktuelt?', 'Flyttet hjem');
    await card.locator('.skip').getByRole('button', { name: 'Lagre' }).click();
    await expect(card).toContainText(`Ikke aktuelt (${LEADER.name}): Flyttet hjem`);
  });
}

const flow = flowTest;

for (const viewport of VIEWPORTS) {
  const size = `${viewport.width}×${viewport.height}`;

  flow(`a transfer's summary and schedule and the office's daily rate by taps only at ${size}`, async ({ browser, municipality }, testInfo) => {
    flow.setTimeout(240_000);
    const { office, home, inbox } = municipality;
    writeFileSync(join(inbox, 'kari.xml'), ploMessage({ type: 'LOG_UTSKRIVNINGSKLAR', patient: PATIENTS.kari, dischargeReadyAt: '2026-11-18T09:00:00' }));
    await waitFor(
      async () => (await office.call<AllocationState>('flow.allocation')).value,
      (s) => s?.patients.length === 1 && s.units.some((u) => u.unit === 'solsiden'),
      { what: 'the patient and capacity on the office board', timeout: 30_000 },
    );
    const officePage = await (await browser.newContext({ viewport })).newPage();
    const homePage = await (await browser.newContext({ viewport })).newPage();
    await officePage.goto(office.url);
    await homePage.goto(home.url);

    // The office: the summary on the keyboard, sent with the request.
    await officePage.getByRole('button', { name: /^Lås opp/ }).click();
    await enterPin(officePage, OFFICE_LEADER.name, OFFICE_LEADER.pin);
    const row = officePage.getByRole('row').filter({ hasText: 'KN' });
    await row.getByText('Opplysninger til mottaker').click();
    await noWidgets(officePage, `office details ${size}`);
    await typeOnKiosk(row, 'Sammendrag til mottaker: KN', 'Går med rullator');
    await expect(kioskField(row, 'Sammendrag til mottaker: KN')).toHaveAccessibleName('Sammendrag til mottaker: KN: Går med rullator');
    await row.getByRole('button', { name: 'Start overføring: KN' }).click();
    await expect(row.locator('.transfer')).toContainText('Forespurt', { timeout: 20_000 });

    // The office's daily rate on a digit pad; a rate past a million is refused in bokmål, then 4 250 is saved.
    await officePage.getByRole('button', { name: 'Endre døgnpris' }).click();
    await noWidgets(officePage, `office daily rate ${size}`);
    const rate = officePage.locator('.rate');
    await buttonsAtLeast44(rate, `daily rate pad ${size}`);
    await checkAccessible(officePage, `office daily rate pad ${size}`);
    await snap(officePage, testInfo, `kiosk-daily-rate-${viewport.width}x${viewport.height}`);
    // The pad opens on the current rate: erase it, then tap the new one.
    const pad = rate.getByRole('group', { name: 'Tastatur: Døgnpris (kr)' });
    const current = String((await office.call<AllocationState>('flow.allocation')).value?.dailyRate ?? '');
    for (let i = 0; i < current.length; i++) await pad.getByRole('button', { name: 'Slett tegn' }).click();
    await typeOnKiosk(rate, 'Døgnpris (kr)', '2000000');
    await rate.getByRole('button', { name: 'Lagre' }).click();
    await expect(rate.getByRole('alert')).toHaveText('Døgnprisen må være et helt tall fra 0 til 1 000 000 kroner.');
    await kioskField(rate, 'Døgnpris (kr)').click();
    for (let i = 0; i < 7; i++) await pad.getByRole('button', { name: 'Slett tegn' }).click();
    await typeOnKiosk(rate, 'Døgnpris (kr)', '4250');
    await rate.getByRole('button', { name: 'Lagre' }).click();
    await expect.poll(async () => (await office.call<AllocationState>('flow.allocation')).value?.dailyRate, { timeout: 15_000 }).toBe(4250);

    // The nursing home: the request in the drawer, scheduled for tomorrow 14:30 on the app's calendar and clock.
    const banner = homePage.getByTestId('transfer-banner');
    await expect(banner).toBeVisible({ timeout: 20_000 });
    await banner.getByRole('button', { name: 'Vis forespørselen' }).click();
    const incoming = homePage.getByRole('list', { name: 'Til oss' }).getByRole('listitem');
    await expect(incoming).toContainText('Forespurt');
    await noWidgets(homePage, `transfers drawer ${size}`);
    const schedule = incoming.getByRole('button', { name: 'Planlegg: KN' });
    await expect(schedule).toBeDisabled();
    const today = osloDay(Date.now());
    const tomorrow = addDays(today, 1);
    await kioskField(incoming, 'Tidspunkt: Dato').click();
    const calendar = incoming.getByRole('group', { name: 'Kalender: Tidspunkt: Dato' });
    if (tomorrow.slice(0, 7) !== today.slice(0, 7)) await calendar.getByRole('button', { name: 'Neste måned' }).click();
    await calendar.getByRole('button', { name: fullDate(tomorrow), exact: true }).click();
    await kioskField(incoming, 'Tidspunkt: Klokkeslett').click();
    const clock = incoming.getByRole('group', { name: 'Klokkeslett: Tidspunkt: Klokkeslett' });
    await noWidgets(homePage, `transfers drawer with the clock open ${size}`);
    await buttonsAtLeast44(clock, `schedule clock ${size}`);
    await checkAccessible(homePage, `transfers drawer schedule ${size}`);
    await snap(homePage, testInfo, `kiosk-transfer-schedule-${viewport.width}x${viewport.height}`);
    await clock.getByRole('button', { name: 'Time 14', exact: true }).click();
    await clock.getByRole('button', { name: 'Minutt 30', exact: true }).click();
    await expect(schedule).toBeEnabled();
    await schedule.click();
    // A step on a locked screen asks for the PIN and goes the moment it is right.
    await enterPin(homePage, HOME_LEADER.name, HOME_LEADER.pin);
    // The same instant as the browser's widget sent: that wall time on this screen (Europe/Oslo), as ISO.
    const expected = new Date(osloWallInstant(tomorrow, 14, 30)).toISOString();
    await expect
      .poll(async () => (await home.call<{ transfers: { scheduledFor: string | null }[] }>('flow.state')).value?.transfers.map((t) => t.scheduledFor), { timeout: 20_000 })
      .toContain(expected);
    // Unlocked now, the receiver reads the summary typed on the office's keyboard.
    await expect(incoming).toContainText('Går med rullator');
  });
}
