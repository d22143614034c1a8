import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../../main/store/database.js';
import { MIGRATIONS } from '../../../main/store/migrations/index.js';
import { tempDir } from '../../support/temp-dir.js';

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);

describe('migrations', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('bring a new file to the latest version with WAL and synchronous=FULL', () => {
    const db = openDatabase(`${dir.path}/new.sqlite`);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(tables(db)).toEqual(expect.arrayContaining(['unit', 'bed', 'stay', 'task', 'transfer', 'staffing', 'handover', 'field_state', 'change_log', 'audit']));
    db.close();
  });

  it('upgrade a database made by an older migration set and keep its data', () => {
    const file = `${dir.path}/old.sqlite`;
    const old = openDatabase(file, MIGRATIONS.slice(0, 1));
    expect(tables(old)).not.toContain('transfer');
    old.prepare("INSERT INTO unit (id, name, kind) VALUES ('solsiden', 'Solsiden', 'nursing-home')").run();
    old.close();

    const upgraded = openDatabase(file);
    expect(upgraded.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
    expect(upgraded.prepare('SELECT name FROM unit').get()).toEqual({ name: 'Solsiden' });
    expect(tables(upgraded)).toContain('transfer');
    upgraded.close();
  });

  it("carry a board's audit log from before the shared log into it, so the leader's view keeps its history", () => {
    const file = `${dir.path}/audited.sqlite`;
    const old = openDatabase(file, MIGRATIONS.slice(0, 5));
    old.prepare("INSERT INTO audit (at, actor, action, collection, record, board) VALUES ('2026-11-01T08:00:00.000Z', 'Liv Leder', 'stay.reveal', 'stay', 's1', 'b1')").run();
    old.close();
    const upgraded = openDatabase(file);
    const row = upgraded.prepare('SELECT id, entry FROM auditEntry').get() as { id: string; entry: string };
    expect(row.id).toBe('b1-1');
    expect(JSON.parse(row.entry)).toEqual({ at: '2026-11-01T08:00:00.000Z', actor: 'Liv Leder', action: 'stay.reveal', collection: 'stay', record: 's1', board: 'b1', detail: null });
    upgraded.close();
  });

  it('serve the outbox from an index of the unsent rows only, and tasks by unit without task_unit (migration 30)', () => {
    const file = `${dir.path}/lean.sqlite`;
    const old = openDatabase(file, MIGRATIONS.filter((m) => m.version < 30));
    const log = old.prepare("INSERT INTO change_log (collection, id, field, value, hlc, scope, sent) VALUES ('task', ?, 'title', '\"x\"', ?, 'u1', ?)");
    [['t1', 'a', 1], ['t2', 'b', 0], ['t3', 'c', 1], ['t4', 'd', 0]].forEach(([id, hlc, sent]) => log.run(id, hlc, sent));
    old.close();

    const db = openDatabase(file);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join('; ');
    const unsent = 'SELECT seq, id FROM change_log WHERE sent = 0 ORDER BY seq LIMIT 10';
    expect(db.prepare(unsent).all()).toEqual([{ seq: 2, id: 't2' }, { seq: 4, id: 't4' }]);
    expect(plan(unsent)).toMatch(/USING INDEX change_log_unsent/);
    expect(plan(unsent)).not.toMatch(/TEMP B-TREE/);
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'change_log_unsent'").pluck().get()).toMatch(/\(seq\) WHERE sent = 0$/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'task_unit'").get()).toBeUndefined();
    expect(plan("SELECT id FROM task WHERE unit = 'u1' AND deleted = 0 AND template IS NULL ORDER BY id")).toMatch(/USING INDEX task_(due|done)/);
    db.close();
  });

  it('refuse a database from a newer Tavla instead of guessing', () => {
    const file = `${dir.path}/future.sqlite`;
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openDatabase(file)).toThrow(/newer than this Tavla/);
  });

  it('roll back a migration that fails, leaving the version where it was', () => {
    const db = new Database(':memory:');
    const latest = MIGRATIONS.at(-1)?.version ?? 0;
    const broken = [...MIGRATIONS, { version: latest + 1, name: 'broken', sql: 'CREATE TABLE x (a); SELECT * FROM nowhere;' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expect(tables(db)).not.toContain('x');
  });
});
