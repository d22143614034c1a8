/** Opens a unit's SQLite file durably and brings its schema up to date. */

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS, type Migration } from './migrations/index.js';

export type Db = Database.Database;

export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  const memory = file === ':memory:';
  if (!memory) mkdirSync(dirname(file), { recursive: true });
  // An in-memory store (tests, benchmarks) starts from one image of the fully migrated schema:
  // running every migration again costs tens of milliseconds per store.
  const image = memory && migrations === MIGRATIONS ? migratedImage() : undefined;
  const db = image ? new Database(image) : new Database(file);
  db.pragma('journal_mode = WAL');
  // An edit is acknowledged only once it is on disk: FULL syncs the WAL on every commit.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  migrate(db, migrations);
  return db;
}

let image: Buffer | undefined;

/** The serialized empty database with every migration applied, made once per process. */
function migratedImage(): Buffer {
  if (!image) {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    image = db.serialize();
    db.close();
  }
  return image;
}

/** Applies every migration newer than the file's user_version, each in its own transaction. */
export function migrate(db: Db, migrations: readonly Migration[]): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(
      `database schema version ${current} is newer than this Tavla (${latest}); upgrade Tavla`,
    );
  }
  let applied = 0;
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied += 1;
  }
  return applied;
}
