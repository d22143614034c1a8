/**
 * Fixtures of the ward board's e2e tests: every test gets its own Mosquitto (own folder and port)
 * and starts as many boards on it as it needs, each with its own data folder; all are stopped after.
 */

import { randomBytes } from 'node:crypto';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { tempDir } from './temp-dir.js';
import { Mosquitto } from './mosquitto.js';
import { startBoardProcess, test as base, type BoardProcess } from './e2e-fixtures.js';

export interface Ward {
  broker: Mosquitto;
  /** The unit every board of this test belongs to. */
  unit: string;
  /** Starts one more board of the unit on the test's broker. */
  board(): Promise<BoardProcess>;
}

export const test = base.extend<{ ward: Ward }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads dependencies from this pattern; there are none.
  ward: async ({}, use, testInfo) => {
    const folder = tempDir('tavla-e2e-broker-');
    const broker = await Mosquitto.start(folder.path);
    const unit = `e2e-${randomBytes(4).toString('hex')}`;
    const boards: BoardProcess[] = [];
    await use({
      broker,
      unit,
      async board() {
        const board = await startBoardProcess({ unit, broker: broker.url });
        boards.push(board);
        return board;
      },
    });
    for (const [i, board] of boards.entries()) {
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach(`board-${i}-log`, { body: board.log(), contentType: 'text/plain' });
      await board.stop();
    }
    await broker.kill('SIGTERM');
    folder.remove();
  },
});

export { expect };

/** A synthetic unit: four beds, a patient with a full name, a shielded patient, a cleaning bed and tasks. */
export const PATIENT = { name: 'Ingrid Haugland', initials: 'IH', birthDate: '1938-04-17' };
export const SHIELDED = { name: 'Sigurd Skjermesen', initials: 'SS', birthDate: '1944-02-29' };
export const LEADER = { name: 'Liv Leder', role: 'unit-leader' as const, pin: '2468' };

export async function seedWard(board: BoardProcess): Promise<{ stay: string; shielded: string; leader: string }> {
  // IT sets the board up as its first unit leader; the admissions go under her session.
  await board.signIn(LEADER);
  await board.callOk('unit.configure', {
    name: 'Solsiden',
    kind: 'nursing-home',
    beds: [{ label: '101' }, { label: '102' }, { label: '103' }, { label: '104' }],
  });
  const stay = (await board.callOk('stay.admit', { bed: '101', ...PATIENT, adl: 4, nurse: 'Anne S.', flags: { fall: true, allergy: true } })).id;
  const shielded = (await board.callOk('stay.admit', { bed: '102', ...SHIELDED, adl: 2, shielded: true })).id;
  await board.callOk('bed.setStatus', { bed: '103', status: 'cleaning' });
  await board.callOk('task.create', { title: 'Snu pasienten', stayId: stay, due: new Date(Date.now() + 30 * 60_000).toISOString(), recurrenceMinutes: 120 });
  await board.callOk('task.create', { title: 'Mål blodtrykk', stayId: stay, due: new Date(Date.now() - 20 * 60_000).toISOString() });
  await board.callOk('task.create', { title: 'Sjekk medisinrommet' });
  const leader = (await board.callOk('staff.list', {})).find((s) => s.name === LEADER.name)?.id ?? '';
  return { stay, shielded, leader };
}

/** Unlocks the screen through the UI as a person would: their name, then the PIN on the keypad. */
export async function unlockOnScreen(page: Page, name: string, pin: string): Promise<void> {
  await page.getByRole('button', { name: 'Lås opp', exact: true }).first().click();
  await enterPin(page, name, pin);
}

/** In the open unlock dialog (opened by the lock button, or by an edit on a locked screen): name, then PIN. */
export async function enterPin(page: Page, name: string, pin: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Lås opp skjermen' });
  await dialog.getByRole('button', { name: new RegExp(name) }).click();
  for (const digit of pin) await dialog.getByRole('button', { name: `Tast ${digit}` }).click();
  await dialog.getByRole('button', { name: 'Lås opp', exact: true }).click();
  await expect(page.getByRole('button', { name: `Lås (${name})` })).toBeVisible();
}

/** Saves a screenshot as an artifact of the test. */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
