/** The renderer's one Mutation: "saved" only after main answered ok, failures keep the error code, nothing sent leaves no mark. */

import { describe, expect, it } from 'vitest';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import { Mutation } from '../../../renderer/src/state/mutation.js';

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('Mutation', () => {
  it('is pending until main answers, and saved only when main answered ok', async () => {
    const saves = new Mutation();
    const answer = deferred<Result<unknown>>();
    const run = saves.run('bed:101', () => answer.promise);
    expect(saves.status['bed:101']).toEqual({ state: 'pending' });
    expect(saves.busy('bed:101')).toBe(true);
    answer.resolve(ok(null));
    expect(await run).toEqual(ok(null));
    expect(saves.status['bed:101']).toEqual({ state: 'saved' });
    expect(saves.busy('bed:101')).toBe(false);
  });

  it('keeps a failure as main\'s code, message and parameters, unworded', async () => {
    const saves = new Mutation();
    const refused = { ok: false, code: 'conflict', message: 'bed taken', params: { bed: '101' } } as unknown as Result<unknown>;
    await saves.run('bed:101', () => Promise.resolve(refused));
    expect(saves.status['bed:101']).toEqual({ state: 'failed', code: 'conflict', message: 'bed taken', params: { bed: '101' } });
    await saves.run('note', () => Promise.resolve(fail('unauthorized', 'locked')));
    expect(saves.status.note).toEqual({ state: 'failed', code: 'unauthorized', message: 'locked' });
  });

  it('leaves no mark for an edit nobody sent (the PIN dialog was closed)', async () => {
    const saves = new Mutation();
    expect(await saves.run('flag:s1:fall', () => Promise.resolve(null))).toBeNull();
    expect(saves.status).not.toHaveProperty('flag:s1:fall');
  });

  it('refuses a second edit under a key still saving when exclusive, and sends it otherwise', async () => {
    const exclusive = new Mutation({ exclusive: true });
    const answer = deferred<Result<unknown>>();
    let sent = 0;
    const first = exclusive.run('task:t1', () => (sent++, answer.promise));
    expect(await exclusive.run('task:t1', () => (sent++, Promise.resolve(ok(null))))).toBeNull();
    expect(sent).toBe(1);
    answer.resolve(ok(null));
    await first;
    await exclusive.run('task:t1', () => (sent++, Promise.resolve(ok(null))));
    expect(sent).toBe(2);

    const open = new Mutation();
    const slow = deferred<Result<unknown>>();
    const one = open.run('staffing:present', () => slow.promise);
    await open.run('staffing:present', () => Promise.resolve(ok(null)));
    slow.resolve(fail('storage-failed', 'disk full'));
    await one;
    // The later answer is what shows: the key's status follows the last edit to land.
    expect(open.status['staffing:present']).toMatchObject({ state: 'failed', code: 'storage-failed' });
  });

  it('drops "saved" marks past their time or beyond the newest kept, never a failure or a pending edit', async () => {
    let now = 0;
    const saves = new Mutation({ savedForMs: 60_000, keepSaved: 2, now: () => now });
    for (const key of ['a', 'b', 'c']) {
      now += 1000;
      await saves.run(key, () => Promise.resolve(ok(null)));
    }
    await saves.run('broken', () => Promise.resolve(fail('internal', 'boom')));
    const hanging = deferred<Result<unknown>>();
    void saves.run('slow', () => hanging.promise);
    // Running an edit prunes first: three saved marks, two kept.
    expect(Object.keys(saves.status).sort()).toEqual(['b', 'broken', 'c', 'slow']);
    now += 61_000;
    saves.prune();
    expect(Object.keys(saves.status).sort()).toEqual(['broken', 'slow']);
  });

  it('keeps the statuses in the record it is given (a Svelte $state record on the page)', async () => {
    const statuses = {};
    const saves = new Mutation({ statuses });
    await saves.run('rate', () => Promise.resolve(ok(null)));
    expect(statuses).toEqual({ rate: { state: 'saved' } });
  });
});
