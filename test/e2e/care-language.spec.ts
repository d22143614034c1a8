/**
 * Care language on a bokmål board, in Debian's Chromium on a board process with a real Mosquitto:
 * every view, and every error path a screen can reach without a second unit — a wrong PIN, a
 * member locked out, a session ended under the nurse's hands, three stale-screen refusals (the
 * patient has left, the task is already done, the bed now holds a patient), the broker gone and the
 * board itself gone — is read as a person meets it (visible text and accessible names) and scanned
 * for English words (test/support/english-words.ts), ids, file paths and "hub". A second test, with
 * a hub and a sending unit, takes a transfer step on a stale screen: into a bed that went to
 * cleaning ("seng 102 er til rengjøring, ikke ledig"), and after the sender cancelled.
 *
 * A stale screen is made honestly: the page's socket is routed through Playwright and the board's
 * change events are held back while an edit is made behind the screen's back, as a board whose
 * live updates lag would see it; the page's own calls and their answers pass untouched.
 */

import type { Page, WebSocketRoute } from '@playwright/test';
import type { FlowState } from '../../shared/api/commands/flow.js';
import { expectCareLanguage } from '../support/care-language.js';
import { TavlaGroup } from '../support/tavla-group.js';
import { waitFor } from '../support/wait.js';
import { LEADER, enterPin, expect, seedWard, test, unlockOnScreen } from '../support/ward-fixtures.js';

const NURSE = { name: 'Nils Natt', role: 'nurse' as const, pin: '1357' };
const TEMP = { name: 'Tone Vikar', role: 'nurse' as const, pin: '9753' };

test('every view and every reachable error path speaks bokmål care language: no English, ids, paths or hub', async ({ ward, page }) => {
  test.setTimeout(150_000);
  const board = await ward.board();
  const { stay } = await seedWard(board);
  const nurse = (await board.callOk('staff.set', { name: NURSE.name, role: NURSE.role, pin: NURSE.pin })).id;
  await board.callOk('staff.set', { name: TEMP.name, role: TEMP.role, pin: TEMP.pin });

  const lag = await lagging(page);

  const scanned: string[] = [];
  const scan = async (where: string) => {
    await expectCareLanguage(page, where);
    scanned.push(where);
  };
  const dialog = page.getByRole('dialog');
  const closeDialog = () => dialog.getByRole('button', { name: 'Lukk' }).first().click();

  await page.goto(board.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Solsiden' })).toBeVisible();

  // Every view of a locked screen, the patient cards (a named, a hidden-name and an empty bed) and the transfers drawer.
  for (const name of ['Oversikt', 'Oppgaver', 'Kapasitet', 'Vaktskifte']) {
    await page.getByRole('tab', { name }).click();
    await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
    await page.waitForTimeout(300);
    await scan(`${name}, locked`);
  }
  await page.getByRole('tab', { name: 'Oversikt' }).click();
  for (const bed of ['101', '102', '103']) {
    await page.getByRole('button', { name: new RegExp(`^Åpne Rom ${bed}`) }).click();
    await expect(dialog).toBeVisible();
    await scan(`card ${bed}, locked`);
    await closeDialog();
  }
  await page.getByRole('button', { name: /^Overføringer/ }).click();
  await expect(page.getByRole('complementary', { name: 'Overføringer' })).toContainText('Ingen andre enheter er meldt inn ennå.');
  await scan('transfers drawer, no other units');
  await page.getByRole('button', { name: /^Overføringer/ }).click();

  // A wrong PIN, then the member locked out after five (the board's guard makes the 4th and 5th wait).
  await page.getByRole('button', { name: 'Lås opp', exact: true }).click();
  await dialog.getByRole('button', { name: new RegExp(TEMP.name) }).click();
  const alert = dialog.getByRole('alert');
  for (let attempt = 1; attempt <= 5; attempt++) {
    if (attempt >= 4) await page.waitForTimeout(2_600);
    for (const digit of '0000') await dialog.getByRole('button', { name: `Tast ${digit}` }).click();
    await dialog.getByRole('button', { name: 'Lås opp', exact: true }).click();
    await expect(dialog.getByLabel(`PIN for ${TEMP.name}`)).toHaveValue(''); // main has answered
    await expect(alert).toHaveText(attempt < 5 ? 'Feil PIN.' : /^For mange feil PIN\. Prøv igjen (\d+\. \S+ )?kl\. \d\d:\d\d\.$/);
    if (attempt === 1) await scan('wrong PIN');
  }
  await scan('member locked out');
  await closeDialog();
  await page.getByRole('button', { name: 'Lås opp', exact: true }).click(); // the list is read again when the dialog opens
  await expect(dialog.getByRole('button', { name: new RegExp(TEMP.name) })).toContainText('sperret');
  await scan('unlock dialog, a member locked out');
  await closeDialog();
  await page.waitForTimeout(5_500); // the guard's wait after five wrong PINs in a row

  // A session ended under the nurse's hands (IT gave her a new PIN): the edit is refused, nothing written, and the screen locks.
  await unlockOnScreen(page, NURSE.name, NURSE.pin);
  await page.getByRole('button', { name: /^Åpne Rom 101/ }).click();
  await board.callOk('staff.set', { id: nurse, name: NURSE.name, role: NURSE.role, pin: '8642' });
  await dialog.getByRole('button', { name: 'Risiko: Ernæringsrisiko' }).click();
  await expect(page.getByRole('button', { name: 'Lås opp', exact: true }).first()).toBeVisible();
  expect((await board.callOk('ward.state', {})).stays.find((s) => s.id === stay)?.flags.nutrition).toBe(false);
  await scan('session ended');
  if (await dialog.count()) await closeDialog();

  // Stale screens: an edit made behind the screen's back, refused by main with its reason in words.
  await unlockOnScreen(page, LEADER.name, LEADER.pin);
  await page.getByRole('button', { name: /^Åpne Rom 101/ }).click();
  await expect(dialog.getByRole('button', { name: 'Risiko: Ernæringsrisiko' })).toBeVisible();
  lag.hold();
  await board.callOk('stay.discharge', { stayId: stay });
  await dialog.getByRole('button', { name: 'Risiko: Ernæringsrisiko' }).click();
  await expect(dialog).toContainText('Ikke lagret: pasienten er ikke lenger på enheten');
  await scan('patient has left');
  await closeDialog();

  await page.getByRole('tab', { name: 'Oppgaver' }).click();
  const medicineRoom = (await board.callOk('ward.state', {})).tasks.find((t) => t.title === 'Sjekk medisinrommet');
  await board.callOk('task.complete', { id: medicineRoom?.id ?? '' });
  await page.getByRole('button', { name: 'Fullfør oppgave: Sjekk medisinrommet' }).click();
  await expect(page.getByText('Ikke lagret: oppgaven er allerede utført')).toBeVisible();
  await scan('task already done');

  await page.getByRole('tab', { name: 'Oversikt' }).click();
  await page.getByRole('button', { name: /^Åpne Rom 104/ }).click();
  await board.callOk('stay.admit', { bed: '104', name: 'Berit Bakke', initials: 'BB', birthDate: '1940-05-05' });
  await dialog.getByRole('button', { name: 'Sperret' }).click();
  await expect(dialog).toContainText('Ikke lagret: det ligger en pasient i seng 104; skriv ut eller flytt pasienten først');
  await scan('bed now holds a patient');
  await closeDialog();
  lag.catchUp();
  await expect(page.getByRole('button', { name: /^Åpne Rom 101/ })).toContainText('Til rengjøring');

  // The leader's views after all this: the access log holds unlocks, failed PINs, a lockout, a lapse, edits.
  for (const name of ['Oppgaver', 'Vaktskifte', 'Tilgangslogg', 'Innstillinger']) {
    await page.getByRole('tab', { name }).click();
    await page.waitForTimeout(400);
    await scan(`${name}, unlocked`);
  }
  const log = page.getByRole('table', { name: 'Tilgangslogg' });
  await page.getByRole('tab', { name: 'Tilgangslogg' }).click();
  await expect(log.getByRole('row').filter({ hasText: 'Feil PIN' })).toHaveCount(4);
  await expect(log.getByRole('row').filter({ hasText: 'PIN sperret' })).toHaveCount(1);
  await expect(log.getByRole('row').filter({ hasText: 'Låste opp' }).filter({ hasText: 'Sykepleier' }).first()).toBeVisible();
  await page.getByRole('button', { name: `Lås (${LEADER.name})` }).click();

  // The broker gone: the banner says so, and an edit is kept and counted.
  await page.getByRole('tab', { name: 'Oversikt' }).click();
  await ward.broker.kill('SIGKILL');
  const banner = page.getByTestId('offline-banner');
  await expect(banner).toContainText(/Frakoblet siden \d\d:\d\d/, { timeout: 20_000 });
  await page.getByRole('button', { name: 'Fullfør oppgave: Mål blodtrykk' }).click();
  await expect(banner).toContainText(/[1-9]\d* endringer? ikke sendt/);
  await scan('broker offline');

  // The board itself gone: a tap says there is no connection.
  await board.stop();
  await page.getByRole('button', { name: /^Fullfør oppgave: Snu pasienten/ }).first().click();
  await expect(page.getByText(/Ikke lagret: ingen forbindelse/)).toBeVisible({ timeout: 20_000 });
  await scan('board unreachable');

  expect(scanned).toHaveLength(21);
});

test('a transfer refused on a stale screen says why in bokmål: the bed is being cleaned, the transfer was cancelled', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const group = await TavlaGroup.start('ord');
  try {
    await group.run('hub');
    const home = await group.run('home', 'solsiden');
    const sender = await group.run('sender', 'fjellro');
    await home.script.signIn(LEADER);
    await sender.script.signIn(LEADER);
    await home.id('unit.configure', { name: 'Solsiden sykehjem', kind: 'nursing-home', beds: [{ label: '101' }, { label: '102' }] });
    await sender.id('unit.configure', { name: 'Fjellro korttid', kind: 'short-term', beds: [{ label: '201' }] });
    const stayId = await sender.id('stay.admit', { bed: '201', name: 'Kari Nordvik', initials: 'KN', birthDate: '1939-03-03' });
    await waitFor(
      async () => (await sender.call<FlowState>('flow.state')).value,
      (flow) => flow?.units.some((u) => u.unit === 'solsiden' && u.free === 2) === true,
      { what: 'the nursing home reported to the sending unit', timeout: 30_000 },
    );
    const transfer = await sender.id('transfer.request', { stayId, toUnit: 'solsiden' });

    const lag = await lagging(page);
    await page.goto(home.url);
    await page.getByRole('button', { name: /^Overføringer/ }).click();
    const incoming = page.getByRole('list', { name: 'Til oss' }).getByRole('listitem');
    await expect(incoming).toContainText('Forespurt', { timeout: 20_000 });
    await expectCareLanguage(page, 'a transfer requested');

    // The bed chosen on the screen went to cleaning behind its back: the refusal names the bed and its state.
    await page.getByRole('combobox', { name: 'Seng: KN' }).selectOption('102');
    lag.hold();
    await home.id('bed.setStatus', { bed: '102', status: 'cleaning' });
    await page.getByRole('button', { name: 'Godta: KN' }).click();
    await enterPin(page, LEADER.name, LEADER.pin);
    await expect(page.getByText('Ikke lagret: seng 102 er til rengjøring, ikke ledig')).toBeVisible();
    await expectCareLanguage(page, 'the bed is being cleaned');

    // The sender cancelled meanwhile: the step is refused with the transfer's state, in its one name.
    await sender.id('transfer.cancel', { id: transfer });
    await page.getByRole('combobox', { name: 'Seng: KN' }).selectOption('101');
    await page.getByRole('button', { name: 'Godta: KN' }).click();
    await expect(page.getByText('Ikke lagret: overføringen er avbrutt nå')).toBeVisible();
    await expectCareLanguage(page, 'the transfer was cancelled');
    lag.catchUp();
    // Caught up, the card's state reads cancelled (its history line names each step and who took it: "Forespurt (Liv Leder) · Avbrutt (…)").
    const state = page.getByRole('list', { name: 'Til oss' }).getByRole('listitem').getByRole('status');
    await expect(state).toContainText('Avbrutt', { timeout: 20_000 });
    await expect(state).not.toContainText('Forespurt');
    await expectCareLanguage(page, 'after catching up');
  } finally {
    await group.close(testInfo);
  }
});

/**
 * Routes the page's socket through Playwright: after `hold()` the board's change events wait (a
 * screen whose live updates lag); the page's calls and their answers pass. `catchUp()` sends the held events.
 */
async function lagging(page: Page): Promise<{ hold(): void; catchUp(): void }> {
  let stale = false;
  const held: { to: WebSocketRoute; frame: string | Buffer }[] = [];
  await page.routeWebSocket(/\/api\/events$/, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((frame) => server.send(frame));
    server.onMessage((frame) => {
      if (stale && String(frame).includes('"event"')) held.push({ to: socket, frame });
      else socket.send(frame);
    });
  });
  return {
    hold() {
      stale = true;
    },
    catchUp() {
      stale = false;
      for (const { to, frame } of held.splice(0)) to.send(frame);
    },
  };
}
