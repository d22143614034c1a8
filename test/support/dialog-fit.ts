/** Whether an open dialog fits the screen it is shown on (the kiosk's landscape and portrait sizes). */

import type { Page } from '@playwright/test';

/**
 * The open dialog fits the screen: it does not scroll, every control lies inside the viewport and
 * the dialog, and no two controls overlap. Returns what is wrong.
 */
export async function dialogFitProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const dialog = document.querySelector('dialog[open]');
    if (!dialog) return ['no dialog open'];
    const problems: string[] = [];
    if (dialog.scrollHeight > dialog.clientHeight + 1) problems.push(`the dialog scrolls: ${dialog.scrollHeight} > ${dialog.clientHeight}`);
    const box = dialog.getBoundingClientRect();
    const controls = Array.from(dialog.querySelectorAll('button, output, legend, .problem-text, [role="status"]'))
      .map((el) => ({ name: `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0);
    for (const { name, r } of controls) {
      if (r.left < 0 || r.top < 0 || r.right > window.innerWidth || r.bottom > window.innerHeight) problems.push(`${name} is off the screen`);
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1) problems.push(`${name} is cut off by the dialog`);
    }
    // Text wider than its button is cut off too.
    for (const el of Array.from(dialog.querySelectorAll('button'))) {
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`button "${(el.textContent ?? '').trim().slice(0, 30)}" is too narrow for its text`);
    }
    // A control nested in another (a label's text in its button) is one control, not an overlap.
    const buttons = controls.filter(({ name }) => name.startsWith('button') || name.startsWith('output'));
    for (const [i, a] of buttons.entries()) {
      for (const b of buttons.slice(i + 1)) {
        const overlap = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left) > 1 && Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top) > 1;
        if (overlap) problems.push(`${a.name} overlaps ${b.name}`);
      }
    }
    return problems;
  });
}
