/**
 * Reads a page as a person meets it — the visible text and the names a screen reader says
 * (aria-label, title, placeholder, alt) — and fails on anything that is not bokmål care language
 * (`english-words.ts`: English words, ids, file paths, "hub").
 */

import { expect, type Page } from '@playwright/test';
import { careLanguageProblems } from './english-words.js';

/** The page's words as a person meets them: visible text and accessible names, outside any part marked as another language. */
export async function screenWords(page: Page): Promise<string> {
  return page.evaluate(() => {
    const foreign = (el: Element) => {
      const part = el.closest('[lang]');
      return part !== null && !/^(nb|no|nn)\b/i.test(part.getAttribute('lang') ?? '');
    };
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.textContent?.trim() || foreign(el) || el.closest('script, style, template')) continue;
      parts.push(node.textContent);
    }
    for (const el of Array.from(document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-roledescription], [aria-valuetext]'))) {
      if (foreign(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription', 'aria-valuetext']) {
        const value = el.getAttribute(name);
        if (value?.trim()) parts.push(value);
      }
    }
    for (const el of Array.from(document.body.querySelectorAll('input[value], input[type="button"], input[type="submit"]'))) {
      const value = (el as HTMLInputElement).value;
      if (value && !foreign(el) && (el as HTMLInputElement).type !== 'password') parts.push(value);
    }
    parts.push(document.title);
    return parts.join('\n');
  });
}

/** Fails with every English word, id, path and "hub" on the page, naming where the test was. */
export async function expectCareLanguage(page: Page, where: string): Promise<void> {
  const words = await screenWords(page);
  expect(words.trim().length, `${where}: the page shows words`).toBeGreaterThan(20);
  expect(careLanguageProblems(words), `${where}: not care language on a bokmål screen`).toEqual([]);
}
