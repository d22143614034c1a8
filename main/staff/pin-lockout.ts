/**
 * Wrong PINs on this board. Each staff member has a count of wrong PINs in a row and, after too
 * many, a lockout of their own: guessing at one nurse's PIN locks only that nurse. Across the
 * board a guard only slows a stream of wrong PINs — a growing wait between attempts, capped at
 * a few seconds — so no stream of guesses can lock everyone out. Both are kept on disk in the
 * local-only `pin_lockout` table (a restart resets neither); a unit leader can release a member.
 */

import type { ListedStaff, WardSettings } from '../../shared/api/commands/ward.js';
import type { Db } from '../store/database.js';

/** Wrong PINs in a row on the board (any names) that pass without a wait: a tired thumb, not a guesser. */
export const GUARD_FREE_ATTEMPTS = 3;
/** The longest the guard makes the next attempt wait, in seconds: it slows, never locks. */
export const GUARD_MAX_WAIT_SECONDS = 5;
/** A board quiet this long after its wait ended forgets the stream. */
const GUARD_QUIET_MS = 60_000;

const GUARD_KEY = 'guard';
const staffKey = (staffId: string) => `staff:${staffId}`;

interface LockoutRow {
  failures: number;
  locked_until: string | null;
}

/** The guard's wait before the next attempt after this many wrong PINs in a row: 0, then 1, 2, 4, 5, 5 … s. */
export function guardWaitSeconds(failures: number): number {
  if (failures <= GUARD_FREE_ATTEMPTS) return 0;
  return Math.min(GUARD_MAX_WAIT_SECONDS, 2 ** (failures - GUARD_FREE_ATTEMPTS - 1));
}

/** Until when the board's guard makes an attempt wait, or null when one may be made now. */
export function pinGuardUntil(db: Db, now: Date): Date | null {
  return future(read(db, GUARD_KEY)?.locked_until, now);
}

/** Until when a staff member is locked out by wrong PINs, or null. */
export function lockedUntil(db: Db, staffId: string, now: Date): Date | null {
  return future(read(db, staffKey(staffId))?.locked_until, now);
}

/**
 * Records a wrong PIN tried for `staffId` (undefined: no such member): the guard's wait grows, and
 * the member's count; returns the member's lockout end when this one tipped it over.
 */
export function recordFailure(db: Db, staffId: string | undefined, now: Date, settings: WardSettings): Date | null {
  return db.transaction(() => {
    const guard = read(db, GUARD_KEY);
    const quiet = !guard?.locked_until || now.getTime() - Date.parse(guard.locked_until) > GUARD_QUIET_MS;
    const streak = (quiet ? 0 : guard.failures) + 1;
    write(db, GUARD_KEY, streak, new Date(now.getTime() + guardWaitSeconds(streak) * 1000));
    if (staffId === undefined) return null;
    const failures = (read(db, staffKey(staffId))?.failures ?? 0) + 1;
    const until = failures >= settings.pinMaxAttempts ? new Date(now.getTime() + settings.pinLockoutSeconds * 1000) : null;
    write(db, staffKey(staffId), until ? 0 : failures, until);
    return until;
  })();
}

/** A right PIN clears the member's count and the board's stream. */
export function recordSuccess(db: Db, staffId: string): void {
  db.prepare('DELETE FROM pin_lockout WHERE key IN (?, ?)').run(GUARD_KEY, staffKey(staffId));
}

/** A unit leader lets a locked-out member try again now. */
export function releaseStaff(db: Db, staffId: string): void {
  db.prepare('DELETE FROM pin_lockout WHERE key = ?').run(staffKey(staffId));
}

/** Staff who may unlock this board, by name, each with their lockout if wrong PINs caused one. */
export function listStaff(db: Db, now: Date): ListedStaff[] {
  const rows = db
    .prepare(
      "SELECT s.id, s.name, s.role, l.locked_until FROM staff s LEFT JOIN pin_lockout l ON l.key = 'staff:' || s.id " +
        'WHERE s.removed_at IS NULL ORDER BY s.name COLLATE NOCASE',
    )
    .all() as (Omit<ListedStaff, 'lockedUntil'> & { locked_until: string | null })[];
  return rows.map(({ locked_until, ...staff }) => ({ ...staff, lockedUntil: future(locked_until, now)?.toISOString() ?? null }));
}

function read(db: Db, key: string): LockoutRow | undefined {
  return db.prepare('SELECT failures, locked_until FROM pin_lockout WHERE key = ?').get(key) as LockoutRow | undefined;
}

function write(db: Db, key: string, failures: number, until: Date | null): void {
  db.prepare(
    'INSERT INTO pin_lockout (key, failures, locked_until) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until',
  ).run(key, failures, until?.toISOString() ?? null);
}

function future(iso: string | null | undefined, now: Date): Date | null {
  if (!iso) return null;
  const at = new Date(iso);
  return at > now ? at : null;
}
