/** The renderer's one Query: reads never overlap, bursts coalesce, the last good value stays, errors stay envelopes. */

import { describe, expect, it } from 'vitest';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import { Query } from '../../../renderer/src/state/query.js';

/** A read whose answers the test hands out one by one, in the order the reads were made. */
function scripted<T>() {
  const waiting: ((result: Result<T>) => void)[] = [];
  return {
    read: () => new Promise<Result<T>>((resolve) => waiting.push(resolve)),
    get asked() {
      return waiting.length;
    },
    answer(result: Result<T>) {
      const next = waiting.shift();
      if (!next) throw new Error('no read is waiting');
      next(result);
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Query', () => {
  it('coalesces: however many ask during a read, one more read follows it, and every caller waits for that one', async () => {
    const main = scripted<number>();
    let started = 0;
    const query = new Query<number>({ read: () => (started++, main.read()) });
    const first = query.load();
    const during = [query.load(), query.load(), query.load()];
    expect(started).toBe(1);
    expect(query.loading).toBe(true);
    main.answer(ok(1));
    await settle();
    expect(started).toBe(2);
    expect(query.value).toBe(1);
    let done = false;
    void Promise.all([first, ...during]).then(() => (done = true));
    await settle();
    expect(done).toBe(false);
    main.answer(ok(2));
    await Promise.all([first, ...during]);
    expect(started).toBe(2);
    expect(query.value).toBe(2);
    expect(query.loading).toBe(false);
  });

  it('reads again when asked after a read has landed', async () => {
    let n = 0;
    const query = new Query<number>({ read: () => Promise.resolve(ok(++n)) });
    await query.load();
    await query.load();
    expect(query.value).toBe(2);
  });

  it('keeps the last good value while reloading and when a reload fails, and the error as its code and parameters', async () => {
    const main = scripted<string>();
    const query = new Query<string>({ read: main.read });
    void query.load();
    main.answer(ok('first'));
    await settle();
    const reloading = query.load();
    expect(query.loading).toBe(true);
    expect(query.value).toBe('first');
    const failure = { ok: false, code: 'storage-failed', message: 'disk full', params: { free: 0 } } as unknown as Result<string>;
    main.answer(failure);
    await reloading;
    expect(query.value).toBe('first');
    expect(query.error).toEqual({ code: 'storage-failed', message: 'disk full', params: { free: 0 } });
    expect(query.error).not.toHaveProperty('ok');
    const again = query.load();
    main.answer(ok('second'));
    await again;
    expect(query.error).toBeNull();
    expect(query.value).toBe('second');
  });

  it('has no value and the error when the first read fails', async () => {
    const query = new Query<number>({ read: () => Promise.resolve(fail('unauthorized', 'signed out')) });
    await query.load();
    expect(query.value).toBeNull();
    expect(query.error).toEqual({ code: 'unauthorized', message: 'signed out' });
  });

  it('folds each fresh value into the one shown, then says it landed', async () => {
    let n = 0;
    const landed: number[][] = [];
    const query = new Query<number[]>({
      read: () => Promise.resolve(ok([++n])),
      keep: (shown, next) => [...(shown ?? []), ...next],
      landed: (value) => landed.push(value),
    });
    await query.load();
    await query.load();
    expect(query.value).toEqual([1, 2]);
    expect(landed).toEqual([[1], [1, 2]]);
  });

  it('takes a patched value as shown, and a later read over it', async () => {
    let n = 0;
    const query = new Query<number>({ read: () => Promise.resolve(ok(++n)) });
    await query.load();
    query.set(40);
    expect(query.value).toBe(40);
    await query.load();
    expect(query.value).toBe(2);
  });

  it('turns a read that throws into a failed read, not a stuck one', async () => {
    let calls = 0;
    const query = new Query<number>({
      read: () => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('socket torn down')) : Promise.resolve(ok(7));
      },
    });
    await query.load();
    expect(query.error).toEqual({ code: 'internal', message: 'socket torn down' });
    expect(query.loading).toBe(false);
    await query.load();
    expect(query.value).toBe(7);
  });

  it('keeps what it shows in the cells it is given (a Svelte signal on the page)', async () => {
    const cells: { value: unknown }[] = [];
    const query = new Query<number>({
      read: () => Promise.resolve(ok(3)),
      cell: <T>(initial: T) => {
        const cell = { value: initial };
        cells.push(cell);
        return cell;
      },
    });
    await query.load();
    expect(cells.map((cell) => cell.value)).toEqual([3, null, false]);
  });
});
