/** The board's language: bokmål by default, English on request; remembered by this screen. */

import type { Language } from '../../../shared/api/commands/ward.js';
import type { BoardText } from '../text/board-text.js';
import { en } from '../text/en.js';
import { nb } from '../text/nb.js';

const STORAGE_KEY = 'tavla.language';
const TABLES: Record<Language, BoardText> = { nb, en };

export class LanguageState {
  code = $state<Language>('nb');

  constructor() {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'nb') this.code = stored;
  }

  /** The words of the language in use. */
  get t(): BoardText {
    return TABLES[this.code];
  }

  toggle(): void {
    this.code = this.code === 'nb' ? 'en' : 'nb';
    globalThis.localStorage?.setItem(STORAGE_KEY, this.code);
  }
}

/** One per page: every component of the board reads its words from here. */
export const language = new LanguageState();
