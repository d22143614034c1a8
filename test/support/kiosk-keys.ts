/**
 * Driving the kiosk's own inputs as a finger does (issue 13, point 2): a tap on the field, one tap
 * per character on the on-screen keyboard or digit pad, then "Ferdig". No page.fill, no keyboard.type.
 */

import { expect, type Locator, type Page } from '@playwright/test';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

/** A day as the bokmål calendar names its button: "2. mars 1941". */
export const fullDate = (day: string) => new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));

/** The field's button (its name is "<label>: <what it holds>"). */
export const kioskField = (scope: Locator | Page, label: string) => scope.getByRole('button', { name: new RegExp(`^${escape(label)}:`) });

/** Types `text` on the kiosk keyboard (or digit pad) of the field called `label`, then taps "Ferdig". */
export async function typeOnKiosk(scope: Locator | Page, label: string, text: string): Promise<void> {
  const field = kioskField(scope, label);
  if ((await field.getAttribute('aria-expanded')) !== 'true') await field.click();
  const keyboard = scope.getByRole('group', { name: `Tastatur: ${label}`, exact: true });
  for (const character of text) {
    if (character === ' ') {
      await keyboard.getByRole('button', { name: 'Mellomrom' }).click();
      continue;
    }
    if (character === '\n') {
      await keyboard.getByRole('button', { name: /Ny linje/ }).click();
      continue;
    }
    const digit = keyboard.getByRole('button', { name: `Siffer ${character}`, exact: true });
    if (/[0-9]/.test(character) && (await digit.count()) > 0) {
      await digit.click();
      continue;
    }
    const key = keyboard.getByRole('button', { name: character, exact: true });
    // The keyboard shows the other case: shift first.
    if ((await key.count()) === 0) await keyboard.getByRole('button', { name: /Store bokstaver/ }).click();
    await key.click();
  }
  await keyboard.getByRole('button', { name: 'Ferdig' }).click();
  await expect(keyboard).toBeHidden();
}

/** Picks a day on the app's calendar of a field: steps of ten years, a year and a month from the month shown. */
export async function pickDate(scope: Locator | Page, label: string, day: string): Promise<void> {
  const field = kioskField(scope, label);
  if ((await field.getAttribute('aria-expanded')) !== 'true') await field.click();
  const calendar = scope.getByRole('group', { name: `Kalender: ${label}` });
  const [shownMonth, shownYear] = (await calendar.locator('.month').innerText()).trim().split(' ');
  let months = (Number(day.slice(0, 4)) - Number(shownYear)) * 12 + (Number(day.slice(5, 7)) - 1 - MONTHS.indexOf(shownMonth));
  const tap = async (name: string, times: number) => {
    for (let i = 0; i < times; i++) await calendar.getByRole('button', { name, exact: true }).click();
  };
  await tap(months < 0 ? 'Ti år tilbake' : 'Ti år fram', Math.floor(Math.abs(months) / 120));
  months = Math.sign(months) * (Math.abs(months) % 120);
  await tap(months < 0 ? 'Ett år tilbake' : 'Ett år fram', Math.floor(Math.abs(months) / 12));
  months = Math.sign(months) * (Math.abs(months) % 12);
  await tap(months < 0 ? 'Forrige måned' : 'Neste måned', Math.abs(months));
  await expect(calendar.locator('.month')).toHaveText(`${MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`);
  await calendar.getByRole('button', { name: fullDate(day), exact: true }).click();
}

/** Sets the kiosk clock of the field called `label` to "HH:MM" by tapping its hour and its minute (bokmål). */
export async function setClock(scope: Locator | Page, label: string, hour: string, minute: string): Promise<void> {
  await kioskField(scope, label).click();
  const clock = scope.getByRole('group', { name: `Klokkeslett: ${label}` });
  await clock.getByRole('button', { name: `Time ${hour}`, exact: true }).click();
  await clock.getByRole('button', { name: `Minutt ${minute}`, exact: true }).click();
  await expect(scope.getByRole('button', { name: `${label}: ${hour}:${minute}` })).toBeVisible();
}

/** No browser widget on the page: no text, number, password, date or time input, no textarea, no `pattern`. */
export async function noBrowserTextWidgets(page: Page, where: string): Promise<void> {
  const widgets = await page
    .locator('input[type="text" i], input[type="number" i], input[type="password" i], input[type="date" i], input[type="time" i], input[type="datetime-local" i], input:not([type]), textarea, [pattern]')
    .evaluateAll((found) => found.map((e) => e.outerHTML.slice(0, 120)));
  expect(widgets, `${where}: browser input widgets`).toEqual([]);
}

/** Every visible button inside `scope` is a target of at least 44 × 44 px. */
export async function buttonsAtLeast44(scope: Locator, where: string): Promise<void> {
  const small = await scope.locator('button').evaluateAll((buttons) =>
    buttons
      .map((b) => ({ text: (b.textContent ?? '').trim().slice(0, 20), r: b.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.width < 44 || r.height < 44))
      .map(({ text, r }) => `${text} ${Math.round(r.width)}x${Math.round(r.height)}`),
  );
  expect(small, `${where}: targets under 44 px`).toEqual([]);
}
