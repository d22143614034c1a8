/** Whether an open dialog fits the screen it is shown on (the kiosk's landscape and portrait sizes). */

import type { Locator, Page } from '@playwright/test';
import { kioskField } from './kiosk-keys.js';

/**
 * The open dialog (the one on top, when a form is opened over a card) fits the screen. Returns what
 * is wrong.
 *
 * With every keyboard, pad, calendar and clock closed: it does not scroll, every control lies
 * inside the viewport and the dialog, no two controls overlap, and no button is narrower than its
 * text.
 *
 * With one open (its field's button `aria-expanded`), the form may scroll under its title and its
 * actions, but a nurse typing its last key reaches everything without scrolling: the field and
 * every key of its panel, and the `submit` button (by its text), lie inside the screen and the
 * dialog's visible part, and nothing covers them where a finger lands (their middle and near their
 * top and bottom edges). No key sticks out of its panel, no control out of the dialog sideways, and
 * no button is narrower than its text.
 */
export async function dialogFitProblems(page: Page, options: { submit?: string } = {}): Promise<string[]> {
  return page.evaluate(({ submit }) => {
    const open = Array.from(document.querySelectorAll('dialog[open]'));
    // The dialog on top is the one hit in its own middle (a form opened over a bed card).
    const dialog =
      open.find((d) => {
        const r = d.getBoundingClientRect();
        return d.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
      }) ?? open.at(-1);
    if (!dialog) return ['no dialog open'];
    const problems: string[] = [];
    const label = (el: Element) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    const box = dialog.getBoundingClientRect();
    const controls = Array.from(dialog.querySelectorAll('button, output, legend, .problem-text, [role="status"]'))
      .map((el) => ({ el, name: label(el), r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0);
    // Text wider than its button is cut off too.
    for (const el of Array.from(dialog.querySelectorAll('button'))) {
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`${label(el)} is too narrow for its text`);
    }
    const expanded = dialog.querySelector('button[aria-expanded="true"]');

    if (!expanded) {
      if (dialog.scrollHeight > dialog.clientHeight + 1) problems.push(`the dialog scrolls: ${dialog.scrollHeight} > ${dialog.clientHeight}`);
      for (const { name, r } of controls) {
        if (r.left < 0 || r.top < 0 || r.right > window.innerWidth || r.bottom > window.innerHeight) problems.push(`${name} is off the screen`);
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1) problems.push(`${name} is cut off by the dialog`);
      }
      // A control nested in another (a label's text in its button) is one control, not an overlap.
      const buttons = controls.filter(({ name }) => name.startsWith('button') || name.startsWith('output'));
      for (const [i, a] of buttons.entries()) {
        for (const b of buttons.slice(i + 1)) {
          const overlap = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left) > 1 && Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top) > 1;
          if (overlap) problems.push(`${a.name} overlaps ${b.name}`);
        }
      }
    } else {
      for (const { name, r } of controls) {
        if (r.left < Math.max(0, box.left - 1) || r.right > Math.min(window.innerWidth, box.right + 1)) problems.push(`${name} sticks out sideways`);
      }
      // The part of the dialog that shows: inside its frame and the screen.
      const shown = { top: Math.max(0, box.top), bottom: Math.min(window.innerHeight, box.bottom) };
      /** In view and tappable: inside the shown part, and the element itself is hit in its middle and near its top and bottom edges (not half under the dialog's title or actions). */
      const reachable = (el: Element, what: string) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return problems.push(`${what} is not shown`);
        if (r.top < shown.top - 1 || r.bottom > shown.bottom + 1) return problems.push(`${what} is out of view (${Math.round(r.top)}–${Math.round(r.bottom)}, the dialog shows ${Math.round(shown.top)}–${Math.round(shown.bottom)})`);
        for (const y of [r.top + 3, r.top + r.height / 2, r.bottom - 3]) {
          const hit = document.elementFromPoint(r.left + r.width / 2, y);
          if (!hit || !el.contains(hit)) return problems.push(`${what} is covered by ${hit ? label(hit) : 'nothing shown'}`);
        }
        return undefined;
      };
      reachable(expanded, `the open field ${label(expanded)}`);
      // The panel the open field controls: its keyboard, pad, calendar or clock.
      const panel = document.getElementById(expanded.getAttribute('aria-controls') ?? '');
      if (!panel) problems.push(`no panel for the open field ${label(expanded)}`);
      const frame = panel?.getBoundingClientRect();
      for (const key of Array.from(panel?.querySelectorAll('button') ?? [])) {
        reachable(key, `key ${label(key)} of the open panel`);
        const r = key.getBoundingClientRect();
        if (frame && (r.left < frame.left - 1 || r.right > frame.right + 1)) problems.push(`key ${label(key)} sticks out of its panel`);
      }
      if (submit === undefined) problems.push('a panel is open: name the submit button to check');
      else {
        const button = Array.from(dialog.querySelectorAll('button')).find((b) => (b.textContent ?? '').trim() === submit);
        if (!button) problems.push(`no button "${submit}"`);
        else reachable(button, `the submit button "${submit}"`);
      }
    }
    return problems;
  }, options);
}

/**
 * Opens the dialog's kiosk fields called `labels` one after another (a keyboard, digit pad, calendar
 * or clock each) and returns what `dialogFitProblems` finds with each open, led by the field's
 * label; the last is closed again, so the form is left as it was.
 */
export async function openFieldsFitProblems(dialog: Locator, labels: string[], submit: string): Promise<string[]> {
  const problems: string[] = [];
  for (const label of labels) {
    const field = kioskField(dialog, label);
    if ((await field.getAttribute('aria-expanded')) !== 'true') await field.click();
    problems.push(...(await dialogFitProblems(dialog.page(), { submit })).map((problem) => `${label} open: ${problem}`));
  }
  const last = labels.at(-1);
  if (last !== undefined) await kioskField(dialog, last).click();
  return problems;
}
