/**
 * Device tokens of read-only leader wall screens, kept in the hub's store (migration 8): issued by
 * IT with `tavla device-token issue`, listed and revoked the same way. A token is 32 random bytes;
 * only its SHA-256 is stored (a token that long needs no slow hash), and every request looks it up
 * again, so a revoked token stops working at the next request.
 */

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../store/database.js';

/** A wall screen's token as listed: never the token itself. */
export interface DeviceToken {
  id: string;
  name: string;
  /** The units the screen shows; null for the whole municipality. */
  units: string[] | null;
  issuedAt: string;
  revokedAt: string | null;
}

interface Row {
  id: string;
  name: string;
  units: string | null;
  issued_at: string;
  revoked_at: string | null;
}

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
const toToken = (row: Row): DeviceToken => ({
  id: row.id,
  name: row.name,
  units: row.units === null ? null : (JSON.parse(row.units) as string[]),
  issuedAt: row.issued_at,
  revokedAt: row.revoked_at,
});

/** Issues a token for a named screen; the token is returned once and never stored. */
export function issueDeviceToken(db: Db, name: string, units: string[] | null): { token: string; device: DeviceToken } {
  const active = db.prepare('SELECT 1 FROM device_token WHERE name = ? AND revoked_at IS NULL').get(name);
  if (active) throw new Error(`a screen named ${name} already has a token; revoke it first`);
  const token = `tvs_${randomBytes(32).toString('base64url')}`;
  const row: Row = { id: randomUUID(), name, units: units === null ? null : JSON.stringify(units), issued_at: new Date().toISOString(), revoked_at: null };
  db.prepare('INSERT INTO device_token (id, name, token_hash, units, issued_at) VALUES (?, ?, ?, ?, ?)').run(row.id, name, digest(token), row.units, row.issued_at);
  return { token, device: toToken(row) };
}

/** Every token issued, revoked ones too, oldest first. */
export function listDeviceTokens(db: Db): DeviceToken[] {
  return (db.prepare('SELECT id, name, units, issued_at, revoked_at FROM device_token ORDER BY issued_at, id').all() as Row[]).map(toToken);
}

/** Revokes the screen's active token; false when it had none. */
export function revokeDeviceToken(db: Db, name: string): boolean {
  return db.prepare('UPDATE device_token SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL').run(new Date().toISOString(), name).changes > 0;
}

/** The screen a token belongs to, when it is issued and not revoked. */
export function deviceOfToken(db: Db, token: string): DeviceToken | undefined {
  if (!/^tvs_[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const row = db.prepare('SELECT id, name, units, issued_at, revoked_at FROM device_token WHERE token_hash = ? AND revoked_at IS NULL').get(digest(token)) as Row | undefined;
  return row ? toToken(row) : undefined;
}
