/**
 * Repair in proportion to the difference: two replicas of a 200,000-field unit, apart through an
 * outage in which both edited, reconcile through the production anti-entropy; the changes sent in
 * pages and pushes are counted against the fields that differ.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/sync/change.js';
import { encodeStamp } from '../../../shared/sync/hlc.js';
import { tempDir } from '../../support/temp-dir.js';
import { differingFields, openReplica, reconcilePair, SCOPE, stampMap, type Replica } from '../../support/store-pair.js';

const RECORDS = 25_000;
const FIELDS = ['unit', 'title', 'status', 'due', 'createdAt', 'doneBy', 'doneAt', 'deleted'] as const;
const T0 = Date.now() - 3_600_000;

/** The unit both replicas held before the outage: 25,000 tasks of 8 fields. */
function history(): Change[] {
  const changes: Change[] = [];
  for (let r = 0; r < RECORDS; r += 1) {
    const s = encodeStamp({ wall: T0 + r, counter: 0, node: 'board-seed' });
    const values: Record<(typeof FIELDS)[number], string | boolean | null> = {
      unit: SCOPE, title: `Oppgave ${r}`, status: 'open', due: '2026-11-01T08:00:00.000Z', createdAt: '2026-10-01T08:00:00.000Z', doneBy: null, doneAt: null, deleted: false,
    };
    for (const f of FIELDS) changes.push({ c: 'task', id: `t${r}`, f, v: values[f], s });
  }
  return changes;
}

describe('repair in proportion to the difference (200,000 fields)', () => {
  let dir: ReturnType<typeof tempDir>;
  let a: Replica;
  let b: Replica;

  beforeAll(() => {
    dir = tempDir('tavla-repair-');
    a = openReplica(`${dir.path}/a.sqlite`, 'board-a');
    b = openReplica(`${dir.path}/b.sqlite`, 'board-b');
    const seed = history();
    for (let i = 0; i < seed.length; i += 5000) {
      a.store.applyRemote(seed.slice(i, i + 5000));
      b.store.applyRemote(seed.slice(i, i + 5000));
    }
  }, 120_000);
  afterAll(() => {
    a.db.close();
    b.db.close();
    dir.remove();
  });

  it('holds 200,000 fields on each side and nothing differs before the outage', () => {
    expect(a.store.scopeStamps(SCOPE)).toHaveLength(RECORDS * FIELDS.length);
    expect(differingFields(a, b)).toBe(0);
  });

  it('after an outage with edits on both sides sends at most twice the differing fields, and the replicas end equal', async () => {
    // Spread over the whole unit, so every one of the 256 buckets differs (the case that once copied it all).
    const edit = (r: Replica, record: number, fields: Record<string, string>) =>
      r.store.commit({ actor: 'Kari', action: 'task.complete' }, [{ c: 'task', id: `t${record}`, fields }]);
    // Each side's edits in one transaction: the test is about the repair, not a thousand fsyncs.
    a.db.transaction(() => {
      for (let i = 0; i < 600; i += 1) edit(a, i * 41, { status: 'done', doneBy: 'Kari' });
    })();
    b.db.transaction(() => {
      for (let i = 0; i < 400; i += 1) edit(b, i * 59 + 7, { title: `Endret ${i}` });
      for (let i = 0; i < 100; i += 1) edit(b, i * 41, { status: 'skipped' }); // the same field edited on both sides
      for (let i = 0; i < 50; i += 1) {
        b.store.commit({ actor: 'Per', action: 'task.create' }, [{ c: 'task', id: `new${i}`, fields: { unit: SCOPE, title: `Ny ${i}`, status: 'open' } }]);
      }
    })();
    const differing = differingFields(a, b);
    expect(differing).toBeGreaterThan(1500);

    const { outcome, wire } = await reconcilePair(a, b);
    const sent = wire.paged + wire.pushed;
    console.log(`repair of ${differing} differing fields in a 200,000-field unit: ${sent} changes sent (${wire.paged} in pages, ${wire.pushed} pushed), ${wire.messages} messages, ${(wire.bytes / 1024).toFixed(0)} KiB, ${outcome.rounds} rounds`);
    expect(sent).toBeGreaterThanOrEqual(differing);
    expect(sent).toBeLessThanOrEqual(2 * differing);
    expect(outcome.pulled).toBe(wire.paged);
    expect(outcome.pushed).toBe(wire.pushed);
    expect(differingFields(a, b)).toBe(0);
    expect([...stampMap(a)].sort()).toEqual([...stampMap(b)].sort());
  }, 120_000);

  it('costs one digest exchange and sends no change when the replicas already match', async () => {
    const { outcome, wire } = await reconcilePair(b, a);
    expect(wire).toMatchObject({ messages: 2, paged: 0, pushed: 0 });
    expect(outcome.rounds).toBe(1);
  }, 60_000);
});
