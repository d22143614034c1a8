/**
 * Which pseudonym secret a replica's stored keys were made under (main/privacy/pseudonym.ts): its
 * fingerprint, in the store's meta the first time a key is stored. A replica later started with
 * another secret can then tell that its keys will no longer match new ones — the hub's PLO episodes,
 * a virtual ward's admissions, a reception's arrivals — and says so at start and in /healthz.
 * A virtual ward's episodes carry their fingerprint (`keyedUnder`) to the hub, which so tells a board
 * given another secret than its own from the start.
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

/** The units whose virtual-ward episodes the hub holds keyed under another secret than `secret` (their boards were given another). */
export function unitsKeyedElsewhere(db: Db, secret: PseudonymSecret): string[] {
  return db.prepare('SELECT DISTINCT unit FROM episode WHERE keyedUnder IS NOT NULL AND keyedUnder <> ? AND deleted = 0 ORDER BY unit').pluck().all(secret.fingerprint()) as string[];
}
