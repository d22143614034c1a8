/**
 * What every touch screen must meet, checked on the page as it is: every control a person operates
 * has a role and a name, every target is at least 44 px, and text meets WCAG AA contrast.
 */

import { expect, type Page } from '@playwright/test';

/** Roles a person operates; each must carry a name (the aria snapshot shows `- button` bare when not). */
const CONTROL = /^\s*- (button|tab|textbox|combobox|link|checkbox|switch|radio|spinbutton|slider)( \[[^\]]*\])*:?\s*$/;

export async function checkAccessible(page: Page, where: string): Promise<void> {
  const snapshot = await page.locator('body').ariaSnapshot();
  expect(snapshot.split('\n').filter((line) => CONTROL.test(line)), `${where}: controls without a name`).toEqual([]);

  const problems = await page.evaluate(() => {
    const dialog = document.querySelector('dialog[open]');
    const scope: ParentNode = dialog ?? document;
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && style.visibility !== 'hidden';
    };
    const small = Array.from(scope.querySelectorAll('button, [role="tab"], input, select, textarea, summary, a[href]'))
      .filter(visible)
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 44 || r.height < 44)
      .map(({ el, r }) => `target ${el.tagName.toLowerCase()} "${el.textContent?.trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`);

    const parse = (colour: string) => {
      const parts = (/rgba?\(([^)]+)\)/.exec(colour)?.[1] ?? '0 0 0 0').split(/[\s,/]+/).filter(Boolean).map(Number);
      return { r: parts[0], g: parts[1], b: parts[2], a: parts[3] ?? 1 };
    };
    const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    // The nearest solid background (a striped "blocked" bed counts as its lighter page behind it).
    const background = (el: Element | null) => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c.a > 0.5) return c;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    const contrast: string[] = [];
    const walker = document.createTreeWalker(scope as Node, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.textContent?.trim() || !visible(el) || el.closest('[aria-hidden="true"], .visually-hidden, :disabled')) continue;
      const style = getComputedStyle(el);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const fg = luminance(parse(style.color));
      const bg = luminance(background(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      if (ratio < (large ? 3 : 4.5)) contrast.push(`contrast ${ratio.toFixed(2)} "${node.textContent.trim().slice(0, 30)}"`);
    }
    return [...small, ...new Set(contrast)];
  });
  expect(problems, `${where}: touch targets under 44 px or text under WCAG AA contrast`).toEqual([]);
}
