/** The board view in a browser: beds, tasks, one-tap completion, and corridor-mode privacy. */

import { expect, test, type BoardProcess } from '../support/e2e-fixtures.js';

const PATIENT = { name: 'Ingrid Haugland', initials: 'IH', birthDate: '1938-04-17' };

async function seedUnit(board: BoardProcess, taskTitle: string): Promise<void> {
  await board.callOk('unit.configure', {
    name: 'Solsiden',
    kind: 'nursing-home',
    beds: [{ label: '101' }, { label: '102' }, { label: '103' }, { label: '104' }],
  });
  const stay = await board.callOk('stay.admit', { bed: '101', ...PATIENT });
  await board.callOk('bed.setStatus', { bed: '103', status: 'cleaning' });
  await board.callOk('task.create', { title: taskTitle, stayId: stay.id });
  await board.callOk('task.create', { title: 'Sjekk medisinrommet' });
}

test('one tap completes a task, and it is still done after a reload', async ({ page, board }, testInfo) => {
  await seedUnit(board, 'Mål blodtrykk');
  await page.goto(board.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Solsiden' })).toBeVisible();

  await page.getByRole('button', { name: 'Fullfør oppgave: Mål blodtrykk' }).click();

  const done = page.getByRole('list', { name: 'Utførte oppgaver' }).getByRole('listitem').filter({ hasText: 'Mål blodtrykk' });
  await expect(done).toContainText('Utført');
  await expect(done).toContainText('Lagret');
  await expect(page.getByRole('button', { name: 'Fullfør oppgave: Mål blodtrykk' })).toHaveCount(0);

  await page.reload();
  await expect(done).toContainText('Utført på tavla'); // a locked screen's tap: the board's, no name
  await expect(page.getByRole('button', { name: 'Fullfør oppgave: Mål blodtrykk' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Fullfør oppgave: Sjekk medisinrommet' })).toBeVisible();

  const screenshot = testInfo.outputPath('board.png');
  await page.screenshot({ path: screenshot });
  await testInfo.attach('board', { path: screenshot, contentType: 'image/png' });
});

test('corridor mode shows initials and never the name or birth date', async ({ page, board }) => {
  await seedUnit(board, 'Mål blodtrykk');
  await page.goto(board.url);
  await expect(page.getByRole('listitem').filter({ hasText: '101' }).first()).toContainText('IH');

  const html = await page.content();
  for (const secret of [PATIENT.name, ...PATIENT.name.split(' '), PATIENT.birthDate]) {
    expect(html, `the page must not contain "${secret}"`).not.toContain(secret);
  }
});

test('a task completed elsewhere shows as done without a reload', async ({ page, board }) => {
  await seedUnit(board, 'Snu pasienten');
  await page.goto(board.url);
  const button = page.getByRole('button', { name: 'Fullfør oppgave: Snu pasienten' });
  await expect(button).toBeVisible();

  const { tasks } = await board.callOk('unit.state', {});
  const task = tasks.find((t) => t.title === 'Snu pasienten');
  if (!task) throw new Error('the seeded task is missing from unit.state');
  // Kari completes it on another screen, unlocked with her PIN: the task is filed under her name.
  const session = await board.signIn({ name: 'Kari Kveldsvakt', role: 'unit-leader', pin: '5791' });
  await board.callOk('task.complete', { id: task.id, session });

  await expect(button).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Utførte oppgaver' })).toContainText('av Kari Kveldsvakt');
});
