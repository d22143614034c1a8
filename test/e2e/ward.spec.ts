/**
 * The ward board end to end, each test with its own Mosquitto and boards: two boards of one unit
 * stay in step, names stay off the page until a PIN unlocks it and leave again when it relocks,
 * and the offline banner comes and goes with the broker.
 */

import { PATIENT, SHIELDED, LEADER, expect, seedWard, snap, test, unlockOnScreen } from '../support/ward-fixtures.js';

test('a task completed on board A shows as done on board B of the same unit, without a reload', async ({ ward, browser }, testInfo) => {
  const a = await ward.board();
  const b = await ward.board();
  await seedWard(a);
  // B learns the unit over the broker.
  await expect.poll(async () => (await b.callOk('ward.state', {})).tasks.length, { timeout: 20_000 }).toBe(3);

  const pageA = await browser.newPage();
  const pageB = await browser.newPage();
  // What B's page asks main for: after A's tap it should read just the tasks touched, not the unit.
  const askedByB: string[] = [];
  pageB.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      const command = (JSON.parse(String(payload)) as { command?: string }).command;
      if (command) askedByB.push(command);
    }),
  );
  await pageA.goto(a.url);
  await pageB.goto(b.url);
  const completeOn = (page: typeof pageA) => page.getByRole('button', { name: 'Fullfør oppgave: Mål blodtrykk' });
  await expect(completeOn(pageB)).toBeVisible();

  const asked = askedByB.length;
  await completeOn(pageA).click();
  await expect(pageA.getByRole('list', { name: 'Utførte oppgaver' })).toContainText('Lagret');
  // On B: gone from the open tasks, listed as done on a (locked) board, under no person's name.
  await expect(completeOn(pageB)).toHaveCount(0, { timeout: 10_000 });
  const doneOnB = pageB.getByRole('list', { name: 'Utførte oppgaver' }).getByRole('listitem').filter({ hasText: 'Mål blodtrykk' });
  await expect(doneOnB).toContainText('Utført på tavla');
  await expect(doneOnB).not.toContainText(/ av /);
  await snap(pageB, testInfo, 'board-b-after-remote-completion');
  expect(askedByB.slice(asked)).toContain('ward.tasks');
  expect(askedByB.slice(asked)).not.toContain('ward.state');
  await pageA.close();
  await pageB.close();
});

test('a full name is absent from the page until a PIN unlocks it, and gone again after the idle timeout', async ({ ward, page }, testInfo) => {
  const board = await ward.board();
  const { leader } = await seedWard(board);
  // A short relock for the test (the unit leader sets it; 90 s by default).
  const token = (await board.callOk('session.unlock', { staffId: leader, pin: LEADER.pin, screen: 'e2e-setup' })).token;
  await board.callOk('ward.configure', { session: { token, screen: 'e2e-setup' }, relockSeconds: 4 });
  await board.callOk('session.lock', { session: { token, screen: 'e2e-setup' } });

  await page.goto(board.url);
  await expect(page.getByRole('button', { name: 'Åpne Rom 101' })).toContainText('IH');
  const html = async () => page.content();
  for (const secret of [PATIENT.name, SHIELDED.name, PATIENT.birthDate]) expect(await html()).not.toContain(secret);

  await unlockOnScreen(page, LEADER.name, LEADER.pin);
  // Unlocked, a name comes with the card a nurse opens (the overview names nobody until then).
  expect(await html()).not.toContain(PATIENT.name);
  await page.getByRole('button', { name: 'Åpne Rom 101' }).click();
  await expect(page.getByRole('dialog', { name: /^Rom 101/ })).toContainText(PATIENT.name);
  await page.getByRole('dialog', { name: /^Rom 101/ }).getByRole('button', { name: 'Lukk' }).click();
  await expect(page.getByRole('button', { name: 'Åpne Rom 101' })).toContainText(PATIENT.name);
  // Unlocked, the shielded patient still shows no name — not on the overview, not on the card — until one more tap.
  expect(await html()).not.toContain(SHIELDED.name);
  await page.getByRole('button', { name: 'Åpne Rom 102' }).click();
  const card = page.getByRole('dialog', { name: 'Rom 102 · Navn skjult' });
  await expect(card).toContainText('Navn skjult: navnet vises bare etter et eget trykk.');
  expect(await html()).not.toContain(SHIELDED.name);
  await card.getByRole('button', { name: 'Vis det skjulte navnet' }).click();
  await expect(card).toContainText(SHIELDED.name);
  await snap(page, testInfo, 'card-shielded-revealed');
  await card.getByRole('button', { name: 'Lukk' }).click();
  expect(await html()).not.toContain(SHIELDED.name);
  await snap(page, testInfo, 'overview-unlocked');

  // No touch for the relock time: the screen locks itself and every name leaves the page.
  await expect(page.getByRole('button', { name: 'Lås opp', exact: true })).toBeVisible({ timeout: 10_000 });
  for (const secret of [PATIENT.name, SHIELDED.name, PATIENT.birthDate]) expect(await html()).not.toContain(secret);
  await expect(page.getByText('Skjermen ble låst etter inaktivitet.')).toBeVisible();

  // Each unlock, reveal and relock is in the audit log, which the unit leader reads on the board.
  await unlockOnScreen(page, LEADER.name, LEADER.pin);
  await page.getByRole('tab', { name: 'Tilgangslogg' }).click();
  const log = page.getByRole('table', { name: 'Tilgangslogg' });
  await expect(log).toContainText('Så navn og detaljer');
  // In staff words: the relock's reason and the shielded patient's own tap.
  await expect(log.getByRole('row').filter({ hasText: 'Låste' }).filter({ hasText: 'etter inaktivitet' })).toHaveCount(1);
  await expect(log.getByRole('row').filter({ hasText: 'Så navn og detaljer' }).filter({ hasText: 'navn skjult, eget trykk' })).toHaveCount(1);
  await snap(page, testInfo, 'audit-log');
});

test('the offline banner appears when the broker dies and clears when it is back, with nothing left unsent', async ({ ward, page }, testInfo) => {
  const board = await ward.board();
  await seedWard(board);
  await expect.poll(async () => (await (await fetch(`${board.url}healthz`)).json()).broker, { timeout: 15_000 }).toBe('connected');
  await page.goto(board.url);
  const banner = page.getByTestId('offline-banner');
  await expect(page.getByRole('heading', { level: 1, name: 'Solsiden' })).toBeVisible();
  await expect(banner).toHaveCount(0);

  await ward.broker.kill('SIGKILL');
  await expect(banner).toContainText(/Frakoblet siden \d\d:\d\d/, { timeout: 20_000 });
  // Work goes on offline: the edit is saved on the board and counted as not sent.
  await page.getByRole('button', { name: 'Fullfør oppgave: Mål blodtrykk' }).click();
  await expect(page.getByRole('list', { name: 'Utførte oppgaver' })).toContainText('Lagret');
  await expect(banner).toContainText(/[1-9]\d* endringer? ikke sendt/);
  await snap(page, testInfo, 'offline-banner');

  await ward.broker.restart();
  await expect(banner).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByText(/Sender \d+ endring/)).toHaveCount(0, { timeout: 15_000 });
  const health = await (await fetch(`${board.url}healthz`)).json();
  expect(health).toMatchObject({ broker: 'connected', outbox: 0 });
});
