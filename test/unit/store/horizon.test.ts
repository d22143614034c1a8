/**
 * The collection horizon on real SQLite files: what expires is left out of digests at once and
 * deleted by collect(); a replica out of contact for longer than the horizon starts over from a
 * peer without bringing back a collected delete and without losing an edit it never sent.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../../main/cli/options.js';
import { startCollector } from '../../../main/store/collector.js';
import { cutoffStamp, DEFAULT_HORIZON_MS } from '../../../main/store/horizon.js';
import { HUB_SCOPE } from '../../../shared/sync/protocol.js';
import { tempDir } from '../../support/temp-dir.js';
import { openReplica, reconcilePair, SCOPE, stampMap, type Replica } from '../../support/store-pair.js';

const DAY = 86_400_000;
const HORIZON = 21 * DAY;
const count = (r: Replica, sql: string, ...params: string[]) => (r.db.prepare(sql).pluck().get(...params) as number);
const task = (r: Replica, id: string, fields: Record<string, string | boolean>) =>
  r.store.commit({ actor: 'Kari', action: 'task.edit' }, [{ c: 'task', id, fields }]);
/** The broker took everything: what a drained outbox looks like. */
const acknowledge = (r: Replica, except = '') =>
  r.store.markSent(r.store.unsent(1_000_000).filter((u) => u.change.id !== except).map((u) => u.seq));
/** Time passes; the replicas named stay in contact (live traffic) all along. */
const pass = (days: number, clock: { add(ms: number): void }, online: Replica[] = []) => {
  for (let d = 0; d < days; d += 1) {
    clock.add(DAY);
    for (const r of online) r.store.noteContact();
  }
};
const hasTask = (r: Replica, id: string) => count(r, 'SELECT count(*) FROM field_state WHERE collection = ? AND id = ?', 'task', id) > 0;

describe('collection after the horizon', () => {
  let dir: ReturnType<typeof tempDir>;
  let now = Date.UTC(2026, 10, 1);
  const clock = () => now;
  const time = { add: (ms: number) => void (now += ms) };
  let a: Replica;
  let b: Replica;

  beforeEach(() => {
    dir = tempDir('tavla-horizon-');
    now = Date.UTC(2026, 10, 1);
    a = openReplica(`${dir.path}/a.sqlite`, 'board-a', clock, { horizonMs: HORIZON });
    b = openReplica(`${dir.path}/b.sqlite`, 'board-b', clock, { horizonMs: HORIZON });
  });
  afterEach(() => {
    a.db.close();
    b.db.close();
    dir.remove();
  });

  it('defaults to three weeks, and --horizon takes a duration with its unit', () => {
    expect(DEFAULT_HORIZON_MS).toBe(21 * DAY);
    const parsed = parseCommandLine(['board', '--unit', 'solsiden', '--horizon', '36h']);
    expect(parsed !== 'help' && parsed.options.horizon).toBe(36 * 3_600_000);
    expect(() => parseCommandLine(['board', '--horizon', '3 weeks'])).toThrow(/--horizon: a whole number and a unit/);
  });

  it('collects an expired tombstone, its read-model row and its sent change-log rows, and keeps what is younger or unsent', () => {
    task(a, 'old', { title: 'Gammel', status: 'open', unit: SCOPE });
    task(a, 'unsent', { title: 'Usendt', status: 'open', unit: SCOPE });
    task(a, 'old', { deleted: true });
    acknowledge(a);
    task(a, 'unsent', { deleted: true }); // deleted, but the delete never reached the broker
    now += 10 * DAY;
    task(a, 'young', { title: 'Ung', unit: SCOPE });
    task(a, 'young', { deleted: true });
    acknowledge(a, 'unsent');
    now += 12 * DAY; // 'old' is 22 days dead, 'young' 12
    const cutoff = cutoffStamp(now, HORIZON);
    const oldSent = "SELECT count(*) FROM change_log WHERE sent = 1 AND hlc < ?";
    expect(count(a, oldSent, cutoff)).toBeGreaterThan(0);
    const collected = a.store.collect();
    expect(collected.records).toBeGreaterThanOrEqual(1);
    expect(hasTask(a, 'old')).toBe(false);
    expect(count(a, 'SELECT count(*) FROM task WHERE id = ?', 'old')).toBe(0);
    expect(count(a, "SELECT count(*) FROM change_log WHERE collection = 'task' AND id = ?", 'old')).toBe(0);
    expect(hasTask(a, 'young')).toBe(true);
    expect(hasTask(a, 'unsent')).toBe(true);
    expect(a.store.outboxSize()).toBe(1);
    // Sent rows older than the horizon are gone; the young ones stay.
    expect(count(a, oldSent, cutoff)).toBe(0);
    expect(count(a, "SELECT count(*) FROM change_log WHERE collection = 'task' AND id = 'young'")).toBe(3);
  });

  it("collects a board's copy of the shared audit log after the horizon; the hub keeps it but leaves it out of the unit's digest", () => {
    const hub = openReplica(`${dir.path}/hub.sqlite`, 'hub-1', clock, { horizonMs: HORIZON, defaultScope: HUB_SCOPE });
    try {
      const changes = task(a, 't1', { title: 'Stell', unit: SCOPE });
      acknowledge(a);
      hub.store.applyRemote(changes, SCOPE);
      now += 22 * DAY;
      a.store.collect();
      expect(count(a, "SELECT count(*) FROM field_state WHERE collection = 'auditEntry'")).toBe(0);
      expect(count(a, 'SELECT count(*) FROM auditEntry')).toBe(0);
      expect(count(a, 'SELECT count(*) FROM audit')).toBe(1); // the board's own append-only log stays
      hub.store.collect();
      expect(count(hub, "SELECT count(*) FROM field_state WHERE collection = 'auditEntry'")).toBe(1);
      expect(stampMap(hub)).toEqual(stampMap(a));
    } finally {
      hub.db.close();
    }
  });

  it('leaves an expired tombstone out of the digest before it is collected, so replicas that collect at different times agree', async () => {
    for (const r of [a, b]) {
      task(r, 'kept', { title: 'Lever', unit: SCOPE });
      task(r, 'x', { title: 'Slettet', unit: SCOPE });
      task(r, 'x', { deleted: true });
      acknowledge(r);
    }
    b.store.applyRemote(a.store.scopeChanges(SCOPE, () => true));
    a.store.applyRemote(b.store.scopeChanges(SCOPE, () => true));
    pass(22, time, [a, b]);
    a.store.collect(); // b has not collected yet
    expect(hasTask(b, 'x')).toBe(true);
    expect(stampMap(a).size).toBeGreaterThan(0);
    expect(stampMap(a)).toEqual(stampMap(b));
    const { wire } = await reconcilePair(a, b);
    expect(wire).toMatchObject({ messages: 2, paged: 0, pushed: 0 });
    expect(hasTask(a, 'x')).toBe(false);
  });

  it('takes a quiet unit for one in contact while connected, and a disconnected one for one cut off', () => {
    a.store.noteContact();
    for (let day = 0; day < 30; day += 1) {
      now += DAY;
      startCollector(a.store, () => true)(); // one collection run, then stopped
      startCollector(b.store, () => false)();
    }
    expect(a.store.mustStartOver(SCOPE)).toBe(false);
    b.store.noteContact(); // only now: b was never in contact before, so nothing to latch yet
    for (let day = 0; day < 22; day += 1) {
      now += DAY;
      startCollector(b.store, () => false)();
    }
    expect(b.store.mustStartOver(SCOPE)).toBe(true);
  });

  describe('a replica out of contact for longer than the horizon', () => {
    /** a and b share three tasks; then a goes dark and both go on. */
    function outage() {
      for (const id of ['gone', 'live']) task(b, id, { title: id, status: 'open', unit: SCOPE });
      acknowledge(b);
      a.store.applyRemote(b.store.scopeChanges(SCOPE, () => true)); // a's last contact
      now += DAY;
      task(b, 'gone', { deleted: true }); // deleted while a is away
      acknowledge(b);
      task(a, 'gone', { title: 'endret mens frakoblet' }); // a edits the record its peers delete
      task(a, 'live', { status: 'done' });
      task(a, 'made-offline', { title: 'Ny', status: 'open', unit: SCOPE });
      pass(25, time, [b]); // b has been online all along
      b.store.collect();
      expect(hasTask(b, 'gone')).toBe(false);
    }

    it('starts over: the collected delete stays collected and its edits made while away reach the peer', async () => {
      outage();
      expect(a.store.mustStartOver(SCOPE)).toBe(true);
      const { outcome } = await reconcilePair(a, b);
      // 'gone', and the copies of b's audit entries that expired at b (a's own unsent ones stay).
      expect(outcome.startedOver?.dropped).toBeGreaterThanOrEqual(1);
      expect(a.store.mustStartOver(SCOPE)).toBe(false);
      expect(hasTask(a, 'gone')).toBe(false);
      expect(count(a, "SELECT count(*) FROM change_log WHERE id = 'gone'")).toBe(0); // never published
      expect(hasTask(b, 'gone')).toBe(false);
      for (const r of [a, b]) {
        expect(r.db.prepare("SELECT status FROM task WHERE id = 'live'").pluck().get()).toBe('done');
        expect(r.db.prepare("SELECT title FROM task WHERE id = 'made-offline'").pluck().get()).toBe('Ny');
      }
      expect(stampMap(a)).toEqual(stampMap(b));
      // a's unsent edits of live records are still in its outbox, to be published now.
      expect(a.store.unsent(100).some((u) => u.change.c === 'task' && u.change.id === 'made-offline')).toBe(true);
    });

    it('latches across a restart, and serves nothing to its peers until it has started over', async () => {
      outage();
      a.db.close();
      a = openReplica(`${dir.path}/a.sqlite`, 'board-a', clock, { horizonMs: HORIZON });
      a.store.noteContact(); // a live change arriving first does not hide the long absence
      expect(a.store.mustStartOver(SCOPE)).toBe(true);
      await expect(reconcilePair(b, a)).rejects.toThrow(/no answer to digest-request/);
      await reconcilePair(a, b);
      expect(hasTask(a, 'gone')).toBe(false);
    });

    it('does not start over from a peer that holds nothing', async () => {
      outage();
      const empty = openReplica(`${dir.path}/empty.sqlite`, 'board-c', clock, { horizonMs: HORIZON });
      try {
        await expect(reconcilePair(a, empty)).rejects.toThrow(/holds nothing/);
        expect(a.store.mustStartOver(SCOPE)).toBe(true);
        expect(hasTask(a, 'live')).toBe(true);
      } finally {
        empty.db.close();
      }
    });
  });
});
