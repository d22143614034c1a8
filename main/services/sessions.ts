/**
 * Unlocked screens. A right PIN gives a short-lived token bound to the screen that asked; a call
 * that carries it is attributed to that staff member. A token lapses after the screen's relock
 * time without activity (plus a little grace, so the screen's own relock always comes first) and
 * after SESSION_MAX_MINUTES whatever happens. Tokens live in memory only: a restart locks every screen.
 */

import { createHash, randomBytes } from 'node:crypto';
import { sessionRef, WARD_COMMANDS, type SessionRef, type StaffMember, type StaffRole } from '../../shared/api/commands/ward.js';
import { fail, ok, type Result } from '../../shared/api/result.js';
import type { FieldStore } from '../store/field-store.js';
import { readSettings } from './ward-settings.js';

/** A token's hard end: a nurse who keeps working re-enters the PIN after this. */
export const SESSION_MAX_MINUTES = 30;
/** The screen touches its session at most every 10 s while in use; the server waits this much longer. */
export const IDLE_GRACE_SECONDS = 15;

interface Session {
  screen: string;
  staff: StaffMember;
  lastActive: number;
  expiresAt: number;
}

// One registry per store: several boards may run in one process (the demo, tests).
const registries = new WeakMap<FieldStore, Map<string, Session>>();

function registry(store: FieldStore): Map<string, Session> {
  let sessions = registries.get(store);
  if (!sessions) {
    sessions = new Map();
    registries.set(store, sessions);
  }
  return sessions;
}

// Only the token's hash is kept, so a heap dump does not hold live tokens.
const keyOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Opens a session for a staff member on one screen; returns the token (shown once). */
export function openSession(store: FieldStore, staff: StaffMember, screen: string, now: Date): { token: string; expiresAt: Date } {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_MAX_MINUTES * 60_000);
  registry(store).set(keyOf(token), { screen, staff, lastActive: now.getTime(), expiresAt: expiresAt.getTime() });
  return { token, expiresAt };
}

/**
 * The staff member behind a session reference, if it is still good on that screen; marks it
 * active. A lapsed session is dropped and its lapse audited.
 */
export function verifySession(store: FieldStore, ref: SessionRef, now: Date): Session | undefined {
  const sessions = registry(store);
  const key = keyOf(ref.token);
  const session = sessions.get(key);
  if (!session || session.screen !== ref.screen) return undefined;
  const idleLimit = (readSettings(store.db).relockSeconds + IDLE_GRACE_SECONDS) * 1000;
  if (now.getTime() - session.lastActive > idleLimit || now.getTime() > session.expiresAt) {
    sessions.delete(key);
    store.audit({ actor: session.staff.name, action: 'session.expired', detail: `screen ${session.screen}` });
    return undefined;
  }
  session.lastActive = now.getTime();
  return session;
}

/** Ends a session (the screen relocked); returns who it belonged to. */
export function closeSession(store: FieldStore, ref: SessionRef): StaffMember | undefined {
  const sessions = registry(store);
  const key = keyOf(ref.token);
  const session = sessions.get(key);
  if (!session || session.screen !== ref.screen) return undefined;
  sessions.delete(key);
  return session.staff;
}

/** Ends every session of a staff member (removed, or their role changed). */
export function closeSessionsOf(store: FieldStore, staffId: string): void {
  const sessions = registry(store);
  for (const [key, session] of sessions) if (session.staff.id === staffId) sessions.delete(key);
}

/** The staff member behind a ward command's session, or why the call is refused. */
export function requireStaff(
  store: FieldStore,
  ref: SessionRef | undefined,
  now: Date,
  roles?: readonly StaffRole[],
): Result<StaffMember> {
  if (ref === undefined) return fail('unauthorized', 'the screen is locked: unlock it with a staff PIN first');
  const session = verifySession(store, ref, now);
  if (!session) return fail('unauthorized', 'the screen has locked again: unlock it with a staff PIN');
  if (roles && !roles.includes(session.staff.role)) {
    return fail('unauthorized', `this needs the role ${roles.join(' or ')}; ${session.staff.name} is ${session.staff.role}`);
  }
  return ok(session.staff);
}

/**
 * Run by the board before every command: a call carrying `session` is attributed to its staff
 * member, or refused when the session has lapsed. Commands whose schema has no `session` field
 * (the unit's core commands) get the input without it.
 */
export function signCommand(store: FieldStore, command: string, input: unknown, now: Date): Result<{ input: unknown; actor?: string }> {
  if (typeof input !== 'object' || input === null || Array.isArray(input) || !('session' in input)) return ok({ input });
  const { session, ...rest } = input as Record<string, unknown>;
  const parsed = sessionRef.safeParse(session);
  if (!parsed.success) return fail('invalid-input', 'session: expected { token, screen }');
  const found = verifySession(store, parsed.data, now);
  if (!found) return fail('unauthorized', 'the screen has locked again: unlock it with a staff PIN');
  const keepsSession = Object.prototype.hasOwnProperty.call(WARD_COMMANDS, command);
  return ok({ input: keepsSession ? input : rest, actor: found.staff.name });
}
