/**
 * Staff PINs on this board: kept only as slow hashes (node:crypto scrypt) in the local-only `staff`
 * table, checked in constant time; wrong PINs are counted and locked out in pin-lockout.ts.
 * Nothing here is synced: a PIN hash never leaves the board's own SQLite file.
 */

import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { StaffMember, StaffRole } from '../../shared/api/commands/ward.js';
import type { Db } from '../store/database.js';

/**
 * scrypt cost: N=2^15, r=8, p=1 (32 MiB, ~0.1–0.2 s on a board). A 4–8 digit PIN cannot resist an
 * offline search whatever the cost; the hash keeps a copied file from giving PINs away at a glance,
 * and the lockout below is what stops guessing at the screen. Stored per hash, so it can be raised.
 */
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

export interface HashedPin {
  hash: string;
  salt: string;
  params: string;
}

/** Hashes a PIN with a fresh random salt. */
export function hashPin(pin: string): HashedPin {
  const salt = randomBytes(16);
  const hash = scryptSync(pin, salt, KEY_LENGTH, { ...COST, maxmem: MAX_MEMORY });
  return { hash: hash.toString('base64'), salt: salt.toString('base64'), params: JSON.stringify(COST) };
}

/** Whether a PIN matches a stored hash (constant-time comparison). */
export function pinMatches(pin: string, stored: HashedPin): boolean {
  const params = JSON.parse(stored.params) as typeof COST;
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = scryptSync(pin, Buffer.from(stored.salt, 'base64'), expected.length, { ...params, maxmem: MAX_MEMORY });
  return timingSafeEqual(actual, expected);
}

interface StaffRow {
  id: string;
  name: string;
  role: StaffRole;
  pin_hash: string | null;
  salt: string | null;
  params: string | null;
}

/** A staff member who may unlock this board, if there is one by that id. */
export function findStaff(db: Db, id: string): StaffMember | undefined {
  return db.prepare('SELECT id, name, role FROM staff WHERE id = ? AND removed_at IS NULL').get(id) as StaffMember | undefined;
}

/** How many unit leaders can still sign in: the board is in first-run setup while there are none. */
export function unitLeaderCount(db: Db): number {
  return (db.prepare("SELECT count(*) AS n FROM staff WHERE role = 'unit-leader' AND removed_at IS NULL").get() as { n: number }).n;
}

/** Adds or updates a staff member; a new PIN (if given) is hashed here and only its hash is kept. */
export function saveStaff(db: Db, staff: StaffMember, pin: string | HashedPin | undefined, now: Date): void {
  const hashed = typeof pin === 'string' ? hashPin(pin) : pin;
  db.prepare(
    'INSERT INTO staff (id, name, role, pin_hash, salt, params, created_at) VALUES (@id, @name, @role, @hash, @salt, @params, @now) ' +
      'ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role, ' +
      'pin_hash = coalesce(excluded.pin_hash, staff.pin_hash), salt = coalesce(excluded.salt, staff.salt), ' +
      'params = coalesce(excluded.params, staff.params), removed_at = NULL',
  ).run({ ...staff, hash: hashed?.hash ?? null, salt: hashed?.salt ?? null, params: hashed?.params ?? null, now: now.toISOString() });
}

export function removeStaff(db: Db, id: string, now: Date): void {
  db.prepare('UPDATE staff SET removed_at = ?, pin_hash = NULL, salt = NULL WHERE id = ?').run(now.toISOString(), id);
}

/** Checks a staff member's PIN; undefined for an unknown or removed member or one without a PIN. */
export function checkPin(db: Db, staffId: string, pin: string): StaffMember | undefined {
  const row = db
    .prepare('SELECT id, name, role, pin_hash, salt, params FROM staff WHERE id = ? AND removed_at IS NULL')
    .get(staffId) as StaffRow | undefined;
  if (!row || row.pin_hash === null || row.salt === null || row.params === null) {
    // Spend the same time as a real check, so an unknown id does not answer faster.
    pinMatches(pin, DUMMY);
    return undefined;
  }
  return pinMatches(pin, { hash: row.pin_hash, salt: row.salt, params: row.params })
    ? { id: row.id, name: row.name, role: row.role }
    : undefined;
}

const DUMMY: HashedPin = { hash: Buffer.alloc(KEY_LENGTH).toString('base64'), salt: Buffer.alloc(16).toString('base64'), params: JSON.stringify(COST) };
