import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/store/database.js';
import { FieldStore } from '../../../main/store/field-store.js';
import { encodeStamp, HybridLogicalClock } from '../../../shared/sync/hlc.js';
import { HUB_SCOPE } from '../../../shared/sync/protocol.js';
import type { Change } from '../../../shared/sync/change.js';
import { tempDir } from '../../support/temp-dir.js';

const count = (db: Db, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('FieldStore', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: Db;
  let store: FieldStore;
  let wall = 1_700_000_000_000;

  beforeEach(() => {
    dir = tempDir();
    db = openDatabase(`${dir.path}/store-${wall}.sqlite`);
    store = new FieldStore(db, new HybridLogicalClock('board-a', () => wall), 'board-a', 'solsiden');
  });
  afterEach(() => {
    db.close();
    dir.remove();
    wall += 1000;
  });

  it('commits the state, one change per field and the audit entry together', () => {
    const changes = store.commit({ actor: 'Kari', action: 'task.create' }, [
      { c: 'task', id: 't1', fields: { title: 'Stell', status: 'open', unit: 'solsiden' } },
    ]);
    // Three fields of the task, and the unit's shared copy of the audit entry (one field).
    expect(changes.map((c) => `${c.c}.${c.f}`)).toEqual(['task.title', 'task.status', 'task.unit', 'auditEntry.entry']);
    expect(db.prepare('SELECT title, status FROM task WHERE id = ?').get('t1')).toEqual({ title: 'Stell', status: 'open' });
    expect(store.outboxSize()).toBe(4);
    expect(db.prepare('SELECT actor, action, board FROM audit').get()).toEqual({ actor: 'Kari', action: 'task.create', board: 'board-a' });
    const shared = db.prepare('SELECT id, entry FROM auditEntry').get() as { id: string; entry: string };
    expect(shared.id).toBe('board-a-1');
    expect(JSON.parse(shared.entry)).toMatchObject({ actor: 'Kari', action: 'task.create', board: 'board-a', collection: null });
  });

  it('announces each committed transaction once, with its origin and what it changed, and nothing for a failed or stale one', () => {
    const notices: { origin: string; fields: string[] }[] = [];
    const stop = store.onCommit((notice) => notices.push({ origin: notice.origin, fields: notice.changes.map((c) => `${c.c}/${c.id}.${c.f}`) }));
    const [stamped] = store.commit({ actor: 'Kari', action: 'task.create' }, [{ c: 'task', id: 't1', fields: { title: 'Stell' } }]);
    expect(() => store.commit({ actor: 'Kari', action: 'bad' }, [{ c: 'task', id: 't2', fields: { noSuchColumn: 'x' } }])).toThrow();
    const remote: Change = { c: 'task', id: 't3', f: 'title', v: 'Mat', s: encodeStamp({ wall: wall + 5, counter: 0, node: 'board-b' }) };
    store.applyRemote([remote]);
    store.applyRemote([{ ...stamped, v: 'Older', s: encodeStamp({ wall: wall - 5000, counter: 0, node: 'board-b' }) }]); // stale: loses, changes nothing
    expect(notices).toEqual([
      { origin: 'local', fields: ['task/t1.title', 'auditEntry/board-a-1.entry'] },
      { origin: 'remote', fields: ['task/t3.title'] },
    ]);
    stop();
    store.applyRemote([{ ...remote, id: 't4' }]);
    expect(notices).toHaveLength(2);
  });

  it('writes nothing at all when any part of the transaction fails', () => {
    expect(() =>
      store.commit({ actor: 'Kari', action: 'bad' }, [
        { c: 'task', id: 't1', fields: { title: 'Stell' } },
        { c: 'task', id: 't1', fields: { noSuchColumn: 'x' } },
      ]),
    ).toThrow();
    expect(count(db, 'task')).toBe(0);
    expect(count(db, 'field_state')).toBe(0);
    expect(count(db, 'change_log')).toBe(0);
    expect(count(db, 'audit')).toBe(0);
  });

  it('keeps the audit log append-only, and a shared entry as first written whatever a replica sends later', () => {
    store.audit({ actor: 'Kari', action: 'unlock' });
    expect(() => db.prepare("UPDATE audit SET actor = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    const written = db.prepare("SELECT entry FROM auditEntry WHERE id = 'board-a-1'").get();
    const forged = encodeStamp({ wall: wall + 1000, counter: 0, node: 'board-b' });
    const outcome = store.applyRemote([{ c: 'auditEntry', id: 'board-a-1', f: 'entry', v: '{"actor":"Someone else"}', s: forged }]);
    expect(outcome.rejected).toBe(0);
    expect(db.prepare("SELECT entry FROM auditEntry WHERE id = 'board-a-1'").get()).toEqual(written);
  });

  it('refuses a shared audit entry that is not a JSON object at the schema, and applies the rest of its batch', () => {
    // Its table indexes the entry's time: such a text used to fail the write of the whole batch.
    const s = (counter: number) => encodeStamp({ wall: wall + 1000, counter, node: 'board-b' });
    const outcome = store.applyRemote([
      { c: 'task', id: 't1', f: 'title', v: 'Stell', s: s(0) },
      { c: 'auditEntry', id: 'board-b-1', f: 'entry', v: 'not json', s: s(1) },
      { c: 'auditEntry', id: 'board-b-2', f: 'entry', v: `{"a":${'['.repeat(1500)}${']'.repeat(1500)}}`, s: s(2) },
      { c: 'auditEntry', id: 'board-b-3', f: 'entry', v: '{"actor":"Kari","at":"2026-11-23T08:00:00.000Z"}', s: s(3) },
    ]);
    expect(outcome.refusals.map((r) => [r.change.id, r.wall])).toEqual([['board-b-1', 'schema'], ['board-b-2', 'schema']]);
    expect(outcome.applied.map((c) => c.id)).toEqual(['t1', 'board-b-3']);
    expect(db.prepare('SELECT title FROM task').get()).toEqual({ title: 'Stell' });
  });

  it("keeps the hub's own audit entries (leader actions) local: there is no unit to share them with", () => {
    const hubStore = new FieldStore(db, new HybridLogicalClock('hub-1', () => wall), 'hub-1', HUB_SCOPE);
    hubStore.audit({ actor: 'leader', action: 'leader.setRate' });
    expect(count(db, 'audit')).toBe(1);
    expect(count(db, 'auditEntry')).toBe(0);
    expect(hubStore.outboxSize()).toBe(0);
  });

  it('merges remote changes per field: a newer stamp wins, an older or equal one is stale', () => {
    const at = (ms: number, node = 'board-b') => encodeStamp({ wall: ms, counter: 0, node });
    const change = (v: string, s: string): Change => ({ c: 'task', id: 't9', f: 'title', v, s });
    expect(store.applyRemote([change('Medisiner', at(wall - 10))]).applied).toHaveLength(1);
    const outcome = store.applyRemote([change('Eldre', at(wall - 20)), change('Medisiner', at(wall - 10))]);
    expect(outcome).toMatchObject({ stale: 2, rejected: 0 });
    store.applyRemote([change('Nyere', at(wall - 5))]);
    expect(db.prepare('SELECT title FROM task').get()).toEqual({ title: 'Nyere' });
  });

  it('merges a batch in key order but reports what applied in the batch\'s order, the same state whatever order it came in', () => {
    const at = (ms: number, node = 'board-b') => encodeStamp({ wall: ms, counter: 0, node });
    const batch: Change[] = [
      { c: 'task', id: 't7', f: 'title', v: 'Sju', s: at(wall - 30) },
      { c: 'bed', id: 'b2', f: 'label', v: '102', s: at(wall - 29) },
      { c: 'task', id: 't3', f: 'status', v: 'open', s: at(wall - 28) },
      { c: 'task', id: 't3', f: 'title', v: 'Eldre', s: at(wall - 40) }, // the same field twice: the newer stamp wins
      { c: 'task', id: 't3', f: 'title', v: 'Tre', s: at(wall - 27) },
      { c: 'task', id: 't3', f: 'title', v: 'Eldst', s: at(wall - 50) },
    ];
    const outcome = store.applyRemote(batch);
    expect(outcome.applied).toEqual([batch[0], batch[1], batch[2], batch[3], batch[4]]);
    expect(outcome.stale).toBe(1);
    const other = new FieldStore(openDatabase(`${dir.path}/reversed-${wall}.sqlite`), new HybridLogicalClock('board-c', () => wall), 'board-c', 'solsiden');
    other.applyRemote([...batch].reverse());
    for (const replica of [store, other]) {
      expect(replica.db.prepare("SELECT title, status FROM task WHERE id = 't3'").get()).toEqual({ title: 'Tre', status: 'open' });
      expect(replica.db.prepare("SELECT title FROM task WHERE id = 't7'").get()).toEqual({ title: 'Sju' });
    }
    expect(other.scopeChanges('solsiden', () => true)).toEqual(store.scopeChanges('solsiden', () => true));
    other.db.close();
  });

  it('reads a whole scope on a board and on the hub alike: its own fields and the transfers that join its unit, in key order', () => {
    const at = (ms: number) => encodeStamp({ wall: ms, counter: 0, node: 'board-b' });
    const own: Change[] = [
      { c: 'task', id: 't2', f: 'title', v: 'To', s: at(wall - 9) },
      { c: 'task', id: 't1', f: 'title', v: 'En', s: at(wall - 8) },
    ];
    const elsewhere: Change[] = [
      { c: 'task', id: 't3', f: 'title', v: 'Annen enhet', s: at(wall - 7) },
      { c: 'transfer', id: 'x1', f: 'fromUnit', v: 'fjellsiden', s: at(wall - 6) },
      { c: 'transfer', id: 'x1', f: 'toUnit', v: 'solsiden', s: at(wall - 5) },
      { c: 'transfer', id: 'x2', f: 'fromUnit', v: 'fjellsiden', s: at(wall - 4) },
      { c: 'transfer', id: 'x2', f: 'toUnit', v: 'dalen', s: at(wall - 3) },
    ];
    const hubDb = openDatabase(`${dir.path}/hub-${wall}.sqlite`);
    const hub = new FieldStore(hubDb, new HybridLogicalClock('hub-1', () => wall), 'hub-1', HUB_SCOPE);
    for (const replica of [store, hub]) {
      replica.applyRemote(own, 'solsiden');
      replica.applyRemote(elsewhere, 'fjellsiden');
    }
    const keys = (changes: { c: string; id: string; f: string }[]) => changes.map((c) => `${c.c}/${c.id}/${c.f}`);
    const expected = ['task/t1/title', 'task/t2/title', 'transfer/x1/fromUnit', 'transfer/x1/toUnit'];
    for (const replica of [store, hub]) {
      expect(keys(replica.scopeChanges('solsiden', () => true)).filter((k) => !k.startsWith('auditEntry'))).toEqual(expected);
      expect(keys(replica.scopeStamps('solsiden')).sort()).toEqual(expected);
    }
    expect(keys(store.scopeChanges('fjellsiden', () => true))).toEqual(['task/t3/title', 'transfer/x1/fromUnit', 'transfer/x1/toUnit', 'transfer/x2/fromUnit', 'transfer/x2/toUnit']);
    hubDb.close();
  });

  it('keeps synchronous=FULL and checkpoints the WAL every 10,000 pages', () => {
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
  });

  it('refuses and counts stamps beyond the drift bound and changes that break the schema', () => {
    const ahead = encodeStamp({ wall: wall + 61_000, counter: 0, node: 'board-b' });
    const ok = encodeStamp({ wall, counter: 0, node: 'board-b' });
    const outcome = store.applyRemote([
      { c: 'task', id: 't1', f: 'title', v: 'Fra fremtiden', s: ahead },
      { c: 'task', id: 't1', f: 'noSuchField', v: 'x', s: ok },
      { c: 'task', id: 't1', f: 'recurrenceMinutes', v: 'not a number', s: ok },
      { c: 'nope' as 'task', id: 't1', f: 'title', v: 'x', s: ok },
      { c: 'task', id: 'bad id!', f: 'title', v: 'x', s: ok },
      { c: 'task', id: 't1', f: 'title', v: 'x', s: 'not-a-stamp' },
    ]);
    expect(outcome).toMatchObject({ rejected: 6, stale: 0 });
    expect(count(db, 'task')).toBe(0);
  });

  it('restores its clock from the file so stamps never go backwards after a restart', () => {
    const [first] = store.commit({ actor: 'a', action: 'x' }, [{ c: 'task', id: 't1', fields: { title: 'a' } }]);
    const again = new FieldStore(db, new HybridLogicalClock('board-a', () => wall - 5000), 'board-a', 'solsiden');
    const [second] = again.commit({ actor: 'a', action: 'x' }, [{ c: 'task', id: 't1', fields: { title: 'b' } }]);
    expect(second.s > first.s).toBe(true);
  });

  it('hands out unsent changes oldest first and forgets them once sent', () => {
    store.commit({ actor: 'a', action: 'x' }, [{ c: 'task', id: 't1', fields: { title: 'a', status: 'open' } }]);
    const unsent = store.unsent(10);
    expect(unsent.map((u) => u.change.f)).toEqual(['title', 'status', 'entry']);
    expect(unsent.every((u) => u.scope === 'solsiden')).toBe(true);
    store.markSent([unsent[0].seq]);
    expect(store.outboxSize()).toBe(2);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // edits are FULL-synced again after the mark
  });
  it('keeps the scope index on the hub only, where scopes are read one at a time', () => {
    const indexes = (of: Db) => (of.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'field_state'").pluck().all() as string[]);
    // The board opened in beforeEach dropped the index the first migration made; it still lists its scopes, by a scan.
    expect(indexes(db)).not.toContain('field_state_scope');
    store.applyRemote([{ c: 'task', id: 't1', f: 'title', v: 'Stell', s: encodeStamp({ wall: wall - 10, counter: 0, node: 'board-b' }) }], 'solsiden');
    expect(store.storedScopes()).toEqual(['solsiden']);
    const hubDb = openDatabase(`${dir.path}/hub-${wall}.sqlite`);
    hubDb.exec('DROP INDEX field_state_scope'); // as a board left it: the hub makes it again when it opens
    const hub = new FieldStore(hubDb, new HybridLogicalClock('hub-1', () => wall), 'hub-1', HUB_SCOPE);
    expect(indexes(hubDb)).toContain('field_state_scope');
    hub.applyRemote([{ c: 'task', id: 't2', f: 'title', v: 'Stell', s: encodeStamp({ wall: wall - 10, counter: 0, node: 'board-b' }) }], 'nordsiden');
    hub.applyRemote([{ c: 'task', id: 't1', f: 'title', v: 'Stell', s: encodeStamp({ wall: wall - 9, counter: 0, node: 'board-a' }) }], 'solsiden');
    expect(hub.storedScopes()).toEqual(['nordsiden', 'solsiden']);
    const plan = hubDb.prepare("EXPLAIN QUERY PLAN SELECT min(scope) FROM field_state WHERE scope > 'a'").all() as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' ')).toContain('field_state_scope');
    hubDb.close();
  });
});
