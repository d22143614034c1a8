/** The peers benchmark's generator is deterministic with real concurrent overwrites, and every system's adapter converges on a tiny workload. */

import { afterEach, describe, expect, it } from 'vitest';
import { spread } from '../../../bench/peers/figures.js';
import { SYSTEMS } from '../../../bench/peers/systems.js';
import { sameState } from '../../../bench/peers/system.js';
import { FIELDS, generate, lastWriterWins } from '../../../bench/peers/workload.js';
import { tempDir } from '../../support/temp-dir.js';

const RECORDS = 60;
const tiny = () => generate(RECORDS, 3, 20);

describe('the peers workload', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(generate(300, 9, 50)).toEqual(generate(300, 9, 50));
    expect(generate(300, 10, 50).batches[0].writes).not.toEqual(generate(300, 9, 50).batches[0].writes);
  });

  it('has every field written and fields overwritten by both writers before either saw the other', () => {
    const workload = tiny();
    expect(lastWriterWins(workload).size).toBe(RECORDS * FIELDS.length);
    expect(workload.contested).toBeGreaterThan(0);
    // A field B wrote in its k-th batch, and A wrote again in a batch that had seen fewer than k+1 of B's.
    const bBatches = workload.batches.filter((b) => b.writer === 'b');
    const byB = new Map(bBatches.flatMap((batch, k) => batch.writes.map((w) => [`${w.record}/${w.field}`, k] as const)));
    const concurrent = workload.batches
      .filter((b) => b.writer === 'a')
      .some((batch) => batch.writes.some((w) => (byB.get(`${w.record}/${w.field}`) ?? Infinity) >= batch.sees));
    expect(concurrent).toBe(true);
  });

  it('has the issue’s shape at full size: 20,000 records, about 229,000 writes in batches of at most 2,000', () => {
    const workload = generate();
    expect(workload.writes).toBeGreaterThan(225_000);
    expect(workload.writes).toBeLessThan(233_000);
    expect(Math.max(...workload.batches.map((b) => b.writes.length))).toBe(2000);
  });
});

describe('the spread over rounds', () => {
  it('gives min, median and max, the median of an even count being the mean of the middle two', () => {
    expect(spread([3, 1, 2])).toEqual({ min: 1, median: 2, max: 3 });
    expect(spread([4, 1])).toEqual({ min: 1, median: 2.5, max: 4 });
  });
});

describe.each(SYSTEMS.map((system) => [system.label, system] as const))('%s adapter', (_label, system) => {
  let dir: ReturnType<typeof tempDir> | undefined;
  afterEach(() => dir?.remove());

  it('converges: in order, in the opposite order and durably, every field held', async () => {
    dir = tempDir('tavla-peers-');
    const frames = system.encode(tiny());
    const replicas = [await system.open(), await system.open(), await system.open(dir.path)];
    for (const frame of frames) await replicas[0].apply(frame);
    for (const frame of [...frames].reverse()) await replicas[1].apply(frame);
    for (const frame of frames) await replicas[2].apply(frame);
    const [a, b, c] = replicas.map((r) => r.state());
    for (const replica of replicas) await replica.close();
    expect(a.size).toBe(RECORDS * FIELDS.length);
    expect(sameState(a, b)).toBe(true);
    expect(sameState(a, c)).toBe(true);
    if (system.name === 'tavla') expect(sameState(a, lastWriterWins(tiny()))).toBe(true);
  });

  it('resyncs a cold replica to the holder’s state and counts the bytes', async () => {
    dir = tempDir('tavla-peers-');
    const outcome = await system.resync(system.encode(tiny()), dir.path);
    expect(outcome.identical).toBe(true);
    expect(outcome.fields).toBe(RECORDS * FIELDS.length);
    expect(outcome.bytes).toBeGreaterThan(0);
  });
});
