/**
 * Which pseudonym secret a replica's stored keys were made under (main/privacy/pseudonym.ts): its
 * fingerprint, in the store's meta the first time a key is stored. A replica later started with
 * another secret can then tell that its keys will no longer match new ones — the hub's PLO episodes,
 * a virtual ward's admissions, a reception's arrivals — and says so at start and in /healthz.
 */

import type { PseudonymSecret } from '../privacy/pseudonym.js';
import type { Db } from '../store/database.js';

const META_KEY = 'pseudonymFingerprint';

/** The fingerprint the store's keys were made under, or undefined while it holds none. */
function storedFingerprint(db: Db): string | undefined {
  return db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(META_KEY) as string | undefined;
}

/** Names `secret` as the one the store's keys are made under, the first time (a read after that: no write, no fsync). */
export function noteKeyedUnder(db: Db, secret: PseudonymSecret): void {
  if (storedFingerprint(db) !== undefined) return;
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(META_KEY, secret.fingerprint());
}

/** Whether keys this store holds were made under another secret than `secret`. */
export function keyedUnderAnother(db: Db, secret: PseudonymSecret): boolean {
  const stored = storedFingerprint(db);
  return stored !== undefined && stored !== secret.fingerprint();
}
