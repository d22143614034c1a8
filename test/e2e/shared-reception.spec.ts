/**
 * The shared reception's boards in real Chromium (issue 17, points 4 and 6): two `tavla board`
 * processes of one reception, one per organisation, synced through a real Mosquitto. For 60 random
 * encounters (fast-check; fewer than the broker test's 1,000, for the DOM's sake) neither board's
 * DOM ever holds the other organisation's private fields, unlocked or locked, while each shows its
 * own; and a triage change re-sorts the queue and keeps the first triage time on both boards.
 */

import fc from 'fast-check';
import { expect, test, type Page } from '@playwright/test';
import { startBoardProcess, type BoardProcess } from '../support/e2e-fixtures.js';
import { Mosquitto } from '../support/mosquitto.js';
import { IT_STAFF } from '../support/script-session.js';
import { tempDir } from '../support/temp-dir.js';
import { enterPin } from '../support/ward-fixtures.js';

const ENCOUNTERS = 60;
const REASONS = ['Brystsmerter', 'Pustebesvær', 'Magesmerter', 'Høy feber', 'Svimmelhet'];
const FIRST = ['Kari', 'Ola', 'Ingrid', 'Per', 'Astrid', 'Lars', 'Berit', 'Knut'];
const LAST = ['Hansen', 'Berg', 'Dahl', 'Lund', 'Moen', 'Strand', 'Haugen', 'Bakken'];

let dir: ReturnType<typeof tempDir>;
let broker: Mosquitto;
let legevakt: BoardProcess;
let sykehus: BoardProcess;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  dir = tempDir('tavla-e2e-reception-');
  broker = await Mosquitto.start(dir.path);
  const start = (organisation: string) => startBoardProcess({ municipality: 't', unit: 'mottak', broker: broker.url, args: ['--organisation', organisation, '--sync-period', '2'] });
  [legevakt, sykehus] = await Promise.all([start('legevakt'), start('sykehus')]);
  for (const board of [legevakt, sykehus]) await board.signIn();
  await legevakt.callOk('unit.configure', { name: 'Felles mottak', kind: 'shared-reception', organisations: ['legevakt', 'sykehus'], beds: [{ label: 'R1' }, { label: 'R2' }] });
  await expect.poll(async () => (await sykehus.callOk('unit.state', {})).unit?.kind, { timeout: 30_000 }).toBe('shared-reception');
});

test.afterAll(async () => {
  await legevakt?.stop();
  await sykehus?.stop();
  await broker?.kill();
  dir?.remove();
});

async function openUnlocked(page: Page, board: BoardProcess): Promise<void> {
  await page.goto(board.url);
  await expect(page.getByTestId('reception-organisation')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Lås opp' }).first().click();
  await enterPin(page, IT_STAFF.name, IT_STAFF.pin);
}

test(`neither board ever shows the other organisation's private fields (${ENCOUNTERS} random encounters)`, async ({ browser }) => {
  test.setTimeout(240_000);
  const arrivals = fc.sample(
    fc.record({ sykehus: fc.boolean(), first: fc.constantFrom(...FIRST), last: fc.constantFrom(...LAST), reason: fc.constantFrom(...REASONS), note: fc.stringMatching(/^[a-zæøå]{6,20}$/) }),
    { numRuns: ENCOUNTERS, seed: 17 },
  );
  const secrets = { legevakt: [] as string[], sykehus: [] as string[] };
  for (const [n, arrival] of arrivals.entries()) {
    const organisation = arrival.sykehus ? 'sykehus' : 'legevakt';
    // Each private value carries its encounter's number, so a value seen on a screen names its source.
    // "(4)" is no part of "(41)": no value is another's substring.
    const own = [`${arrival.first} ${arrival.last} (${n})`, `${arrival.reason} (${n})`, `notat-${arrival.note} (${n})`];
    secrets[organisation].push(...own);
    await (arrival.sykehus ? sykehus : legevakt).callOk('encounter.arrive', { label: `${organisation[0].toUpperCase()}-${n}`, name: own[0], reason: own[1], note: own[2] });
  }
  const pages = await Promise.all([legevakt, sykehus].map(async (board) => {
    const page = await (await browser.newContext()).newPage();
    await openUnlocked(page, board);
    return page;
  }));
  for (const [i, page] of pages.entries()) {
    const [mine, theirs] = i === 0 ? [secrets.legevakt, secrets.sykehus] : [secrets.sykehus, secrets.legevakt];
    await expect(page.getByTestId('encounter')).toHaveCount(ENCOUNTERS, { timeout: 60_000 });
    const html = await page.content();
    expect(theirs.filter((secret) => html.includes(secret))).toEqual([]);
    expect(mine.filter((secret) => !html.includes(secret))).toEqual([]);
  }
  // Locked, even the own organisation's details leave the screen.
  await pages[0].getByRole('button', { name: /^Lås \(/ }).click();
  await expect(pages[0].getByTestId('encounter-private')).toHaveCount(0, { timeout: 15_000 });
  // … and so do its steps: a locked screen offers no triage or disposition (the other, unlocked, still does).
  await expect(pages[0].getByTestId('reception-queue').getByRole('button')).toHaveCount(0);
  await expect(pages[1].getByTestId('reception-queue').getByRole('group', { name: 'Triage' }).first()).toBeVisible();
  const locked = await pages[0].content();
  expect([...secrets.legevakt, ...secrets.sykehus].filter((secret) => locked.includes(secret))).toEqual([]);
  for (const page of pages) await page.context().close();
});

test('a triage change re-sorts the queue on both boards and keeps the first triage time', async ({ browser }) => {
  test.setTimeout(120_000);
  const a = (await legevakt.callOk('encounter.arrive', { label: 'T-A' })).id;
  const b = (await sykehus.callOk('encounter.arrive', { label: 'T-B' })).id;
  await legevakt.callOk('encounter.triage', { id: a, colour: 'yellow' });
  await expect.poll(async () => (await sykehus.callOk('encounter.list', {})).queue.some((e) => e.id === a), { timeout: 30_000 }).toBe(true);
  await sykehus.callOk('encounter.triage', { id: b, colour: 'orange' });
  const first = (await legevakt.callOk('encounter.list', {})).queue.find((e) => e.id === a)?.triagedAt;
  const page = await (await browser.newContext()).newPage();
  await page.goto(sykehus.url);
  const labels = () => page.getByTestId('encounter').locator('.label').allTextContents();
  await expect.poll(async () => (await labels()).filter((l) => l.startsWith('T-')), { timeout: 30_000 }).toEqual(['T-B', 'T-A']);
  await legevakt.callOk('encounter.triage', { id: a, colour: 'red' });
  await expect.poll(async () => (await labels()).filter((l) => l.startsWith('T-')), { timeout: 30_000 }).toEqual(['T-A', 'T-B']);
  const card = page.locator(`[data-encounter="${a}"]`);
  await expect(card).toContainText('Rød');
  await expect(card).toContainText('Triagert');
  const after = (await sykehus.callOk('encounter.list', {})).queue.find((e) => e.id === a);
  expect(after?.triagedAt).toBe(first);
  expect(after?.triage.map((mark) => mark.colour)).toEqual(['yellow', 'red']);
  await page.context().close();
});
