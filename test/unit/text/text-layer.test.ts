/** The one text layer: both languages hold every word, counts agree with their number, and every error code and reason is worded. */

import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorReason } from '../../../shared/api/result.js';
import type { BoardText } from '../../../renderer/src/text/board-text.js';
import { en } from '../../../renderer/src/text/en.js';
import { nb } from '../../../renderer/src/text/nb.js';
import { formOf } from '../../../renderer/src/text/plural.js';

/** Every word with its path: objects and lists are walked (a list of column names by index), functions and strings are leaves. */
function words(table: object, prefix = ''): [string, unknown][] {
  return Object.entries(table).flatMap(([key, value]): [string, unknown][] =>
    value !== null && typeof value === 'object' ? words(value as object, `${prefix}${key} › `) : [[`${prefix}${key}`, value]],
  );
}
const keys = (table: object) => words(table).map(([path]) => path);

// A missing word is a type error: this table lacks `timeout` and the compiler refuses it.
// @ts-expect-error — `timeout` is missing
const incomplete: BoardText['errors']['code'] = { ...nb.errors.code, timeout: undefined };
void incomplete;

describe('the text layer', () => {
  it('has the same words in bokmål and English, none of them empty', () => {
    expect(keys(en).sort()).toEqual(keys(nb).sort());
    for (const table of [nb, en]) {
      for (const [path, value] of words(table)) {
        if (typeof value === 'string') expect(value.trim(), path).not.toBe('');
        else expect(typeof value, path).toBe('function');
      }
    }
  });

  it('counts by the language plural rules: 1 enhet, 2 enheter, 0 pasienter', () => {
    expect(nb.leader.count(1, 'unit')).toBe('1 enhet');
    expect(nb.leader.count(2, 'unit')).toBe('2 enheter');
    expect(nb.leader.count(1, 'patient')).toBe('1 pasient');
    expect(nb.leader.count(0, 'patient')).toBe('0 pasienter');
    expect(nb.leader.count(1200, 'bed')).toBe('1\u00a0200 senger');
    expect(en.leader.count(1, 'patient')).toBe('1 patient');
    expect(en.leader.count(3, 'unit')).toBe('3 units');
    expect(nb.tasks.openCount(1)).toBe('1 åpen');
    expect(nb.tasks.openCount(4)).toBe('4 åpne');
    expect(nb.sync.unsent(1)).toBe('1 endring ikke sendt');
    expect(en.sync.unsent(2)).toBe('2 changes not sent');
    expect(formOf('nb-NO', 1, { one: 'døgn', other: 'døgn' })).toBe('døgn');
  });

  it('words every error code in both languages, and never repeats main’s English message', () => {
    for (const code of ERROR_CODES) {
      const message = 'bed 115 is cleaning, not free';
      expect(nb.failure({ code }), code).not.toBe('');
      expect(nb.failure({ code }), code).not.toBe(message);
      expect(en.failure({ code }), code).not.toBe(nb.failure({ code }));
    }
    expect(nb.failure({ code: 'offline' })).toBe('ingen forbindelse');
    expect(nb.failure({ code: 'timeout' })).toBe('tavla svarte ikke i tide');
    expect(en.failure({ code: 'offline' })).toBe('no connection');
  });

  it('says a reason with its facts in the screen language', () => {
    const cleaning = { code: 'conflict', params: { reason: 'bed-not-free', bed: '115', status: 'cleaning' } } as const;
    expect(nb.failure(cleaning)).toBe('seng 115 er til rengjøring, ikke ledig');
    expect(nb.saving.failed(nb.failure(cleaning))).toBe('Ikke lagret: seng 115 er til rengjøring, ikke ledig. Trykk for å prøve igjen.');
    expect(en.failure(cleaning)).toBe('bed 115 is being cleaned, not free');
    expect(nb.failure({ code: 'conflict', params: { reason: 'bed-not-free', bed: '102', status: 'occupied' } })).toBe('seng 102 er opptatt, ikke ledig');
    expect(nb.failure({ code: 'unauthorized', params: { reason: 'role-required', roles: 'shift-leader,unit-leader' } })).toBe('dette krever vaktleder eller avdelingsleder');
    expect(nb.failure({ code: 'conflict', params: { reason: 'transfer-step', state: 'declined' } })).toBe('overføringen er avslått nå');
  });

  it('has words for every reason main can name, in both languages', () => {
    const reasons = Object.keys(nb.errors.reason) as ErrorReason[];
    expect(Object.keys(en.errors.reason).sort()).toEqual([...reasons].sort());
    expect(reasons.length).toBeGreaterThan(30);
  });
});
