/** The leader view's words: every panel reads them from the text layer, each indicator is worded in both languages, and English shows no bokmål. */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDICATOR_IDS, INDICATORS } from '../../../shared/indicators/definitions.js';
import { en } from '../../../renderer/src/text/en.js';
import { nb } from '../../../renderer/src/text/nb.js';

const LEADER_COMPONENTS = join(import.meta.dirname, '../../../renderer/src/components/leader');

/** The markup of a component with its script, style, comments and every `{expression}` taken out: what is left is written inline. */
function inlineMarkup(source: string): string {
  let markup = source.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<!--[\s\S]*?-->/g, '');
  for (let before = ''; before !== markup; ) {
    before = markup;
    markup = markup.replace(/\{[^{}]*\}/g, '');
  }
  return markup;
}

/** Every string of a table with its path (lists by index). */
function strings(table: object, prefix = ''): [string, string][] {
  return Object.entries(table).flatMap(([key, value]): [string, string][] => {
    if (typeof value === 'string') return [[`${prefix}${key}`, value]];
    return value !== null && typeof value === 'object' ? strings(value as object, `${prefix}${key} › `) : [];
  });
}

const components = readdirSync(LEADER_COMPONENTS).filter((name) => name.endsWith('.svelte'));

describe('the leader view’s words', () => {
  it('come from the text layer: no component writes a word of its own', () => {
    expect(components.length).toBeGreaterThanOrEqual(11);
    for (const name of components) {
      const markup = inlineMarkup(readFileSync(join(LEADER_COMPONENTS, name), 'utf8'));
      for (const [, attribute, value] of markup.matchAll(/\b(aria-label|label|title|placeholder|alt)="([^"]*)"/g)) {
        expect(value, `${name}: ${attribute}="${value}"`).not.toMatch(/\p{L}/u);
      }
      const text = markup.replace(/<[^>]*>/g, ' ');
      expect(text.match(/\p{L}+/gu) ?? [], name).toEqual([]);
    }
  });

  it('find bokmål inline when a component writes it (the check above can fail)', () => {
    const written = inlineMarkup('<script>const a = 1;</script><p>Ingen data {a}</p><Button label="Last ned" />');
    expect(written.replace(/<[^>]*>/g, ' ').match(/\p{L}+/gu)).toEqual(['Ingen', 'data']);
    expect([...written.matchAll(/\blabel="([^"]*)"/g)].map((m) => m[1])).toEqual(['Last ned']);
  });

  it('word every indicator in both languages, a threshold text exactly where the indicator has a threshold', () => {
    for (const id of INDICATOR_IDS) {
      for (const table of [nb, en]) {
        const words = table.leader.indicator[id];
        for (const key of ['name', 'definition', 'trend', 'unit', 'kinds'] as const) expect(words[key].trim(), `${id} ${key}`).not.toBe('');
        expect(words.threshold !== undefined, `${id} threshold`).toBe(INDICATORS[id].threshold !== undefined);
      }
      expect(en.leader.indicator[id].definition, id).not.toBe(nb.leader.indicator[id].definition);
    }
    expect(nb.leader.indicator.occupancy.name).toBe('Belegg');
    expect(en.leader.indicator.occupancy.name).toBe('Occupancy');
    expect(nb.leader.notComputed.length).toBe(en.leader.notComputed.length);
  });

  it('show no bokmål letters on an English leader screen', () => {
    for (const [path, value] of strings(en.leader)) expect(value, path).not.toMatch(/[æøåÆØÅ]/);
    expect(en.leader.forecast.verdict.tooShort('occupancy')).not.toMatch(/[æøå]/);
    expect(en.leader.benefits.none(true)).toMatch(/^No benefits/);
  });

  it('count days by the language plural rules: 1 dag, 7 dager; 3 døgn over 30 dager', () => {
    expect(nb.leader.count(1, 'calendarDay')).toBe('1 dag');
    expect(nb.leader.count(7, 'calendarDay')).toBe('7 dager');
    expect(en.leader.count(1, 'calendarDay')).toBe('1 day');
    expect(nb.leader.indicators.readyParts(nb.leader.count(3, 'day'), nb.leader.count(30, 'calendarDay'))).toBe('3 døgn over 30 dager');
    expect(en.leader.indicators.readyParts(en.leader.count(1, 'day'), en.leader.count(30, 'calendarDay'))).toBe('1 day over 30 days');
  });
});
