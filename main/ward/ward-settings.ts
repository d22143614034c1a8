/**
 * This screen's privacy settings, kept in the local-only `ward_setting` table (never synced: each
 * screen hangs in its own place and may need its own relock time — and only a screen in a staff
 * room, not one in the corridor, may show every name at once: `revealAll`).
 */

import type { WardSettings } from '../../shared/api/commands/ward.js';
import type Database from 'better-sqlite3';
import type { Db } from '../store/database.js';

export const DEFAULT_SETTINGS: WardSettings = { relockSeconds: 90, pinMaxAttempts: 5, pinLockoutSeconds: 300, revealAll: false, transferChime: 0 };

type NumberKey = { [K in keyof WardSettings]: WardSettings[K] extends number ? K : never }[keyof WardSettings];
const NUMBER_KEYS = (Object.keys(DEFAULT_SETTINGS) as (keyof WardSettings)[]).filter(
  (key): key is NumberKey => typeof DEFAULT_SETTINGS[key] === 'number',
);
// A yes/no setting is stored as 1 or 0 beside the numbers.
const REVEAL_ALL = 'revealAll';

// Every session check reads the relock time: the statement is prepared once per database.
const reads = new WeakMap<Db, Database.Statement>();

/** The settings in force: the stored ones over the defaults. */
export function readSettings(db: Db): WardSettings {
  let read = reads.get(db);
  if (!read) {
    read = db.prepare('SELECT key, value FROM ward_setting');
    reads.set(db, read);
  }
  const rows = read.all() as { key: string; value: string }[];
  const settings = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    if (row.key === REVEAL_ALL) {
      settings.revealAll = row.value === '1';
      continue;
    }
    const key = NUMBER_KEYS.find((k) => k === row.key);
    const value = Number(row.value);
    if (key && Number.isSafeInteger(value)) settings[key] = value;
  }
  return settings;
}

/** Stores the settings given (already validated by the command schema) in one transaction. */
export function writeSettings(db: Db, changes: Partial<WardSettings>): WardSettings {
  const put = db.prepare('INSERT INTO ward_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    for (const key of NUMBER_KEYS) {
      const value = changes[key];
      if (value !== undefined) put.run(key, String(value));
    }
    if (changes.revealAll !== undefined) put.run(REVEAL_ALL, changes.revealAll ? '1' : '0');
  })();
  return readSettings(db);
}
