/** The board re-renders only what changed: a re-read state keeps the objects of unchanged records. */

import { describe, expect, it } from 'vitest';
import { keepUnchanged } from '../../../renderer/src/state/keep-unchanged.js';

const task = (id: string, status = 'open', flags = { fall: false }) => ({ id, status, flags });

describe('keepUnchanged', () => {
  it('keeps the previous object of every record that is equal, down to its flags', () => {
    const before = [task('a'), task('b'), task('c')];
    const after = keepUnchanged(before, [task('a'), task('b', 'done'), task('c')]);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1].status).toBe('done');
    expect(after[2]).toBe(before[2]);
    expect(keepUnchanged([task('a', 'open', { fall: false })], [task('a', 'open', { fall: true })])[0].flags.fall).toBe(true);
  });

  it('returns the very same array when nothing changed, and a new one when records came, went or moved', () => {
    const before = [task('a'), task('b')];
    expect(keepUnchanged(before, [task('a'), task('b')])).toBe(before);
    expect(keepUnchanged(before, [task('b'), task('a')])).not.toBe(before);
    expect(keepUnchanged(before, [task('a')])).toEqual([task('a')]);
    expect(keepUnchanged(before, [task('a'), task('b'), task('c')]).map((t) => t.id)).toEqual(['a', 'b', 'c']);
  });
});
