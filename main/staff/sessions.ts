/**
 * Unlocked screens. A right PIN gives a short-lived token bound to the screen that asked; a call
 * that carries it is attributed to that staff member, and held to its command's access rule. A token lapses after the screen's relock
 * time without activity (plus a little grace, so the screen's own relock always comes first) and
 * after SESSION_MAX_MINUTES whatever happens. Tokens live in memory only: a restart locks every screen.
 */

import { createHash, randomBytes } from 'node:crypto';
import { boardAccess, type Access } from '../../shared/api/commands/access.js';
import { sessionRef, type SessionRef, type StaffMember } from '../../shared/api/commands/ward.js';
import { fail, ok, type Result } from '../../shared/api/result.js';
import type { FieldStore } from '../store/field-store.js';
import { unitLeaderCount } from './pin-lock.js';
import { readSettings } from '../ward/ward-settings.js';

/** A token's hard end: a nurse who keeps working re-enters the PIN after this. */
export const SESSION_MAX_MINUTES = 30;
/** The screen touches its session at most every 10 s while in use; the server waits this much longer. */
export const IDLE_GRACE_SECONDS = 15;

interface Session {
  screen: string;
  staff: StaffMember;
  lastActive: number;
  expiresAt: number;
  /** Stays whose name this session has seen (and the access log has recorded): each is logged once. */
  revealed: Set<string>;
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
  registry(store).set(keyOf(token), { screen, staff, lastActive: now.getTime(), expiresAt: expiresAt.getTime(), revealed: new Set() });
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

/**
 * Notes that this session saw a patient's name; true the first time, so the reveal is logged once
 * per session however often the card is opened (a session lasts at most SESSION_MAX_MINUTES).
 */
export function firstReveal(store: FieldStore, ref: SessionRef, stayId: string): boolean {
  const session = registry(store).get(keyOf(ref.token));
  if (!session || session.screen !== ref.screen) return true;
  if (session.revealed.has(stayId)) return false;
  session.revealed.add(stayId);
  return true;
}

/** Ends every session of a staff member (removed, or their role changed). */
export function closeSessionsOf(store: FieldStore, staffId: string): void {
  const sessions = registry(store);
  for (const [key, session] of sessions) if (session.staff.id === staffId) sessions.delete(key);
}

/** What the board knows about a call once its access rule is met. */
export interface Authorized {
  /** The command's own input, without `session`. */
  input: unknown;
  staff: StaffMember | null;
  /** The board has no unit leader yet and the command may set it up (access `firstRun`). */
  setup: boolean;
  session?: SessionRef;
}

/**
 * Run by the board before every command: takes `session` out of the input, checks it, and holds
 * the call to the command's rule in commands/access.ts. A lapsed session is refused whatever the
 * command, so a screen that believes it is unlocked learns at once that it is not.
 */
export function authorize(store: FieldStore, command: string, input: unknown, now: Date): Result<Authorized> {
  const access = boardAccess(command);
  const carries = typeof input === 'object' && input !== null && !Array.isArray(input) && 'session' in input;
  if (!access || access.session === 'subject' || !carries) return checkAccess(store, access, { input, staff: null, setup: false });
  const { session, ...rest } = input as Record<string, unknown>;
  const parsed = sessionRef.safeParse(session);
  if (!parsed.success) return fail('invalid-input', 'session: expected { token, screen }');
  const found = verifySession(store, parsed.data, now);
  if (!found) return fail('unauthorized', 'the screen has locked again: unlock it with a staff PIN', { reason: 'session-ended' });
  return checkAccess(store, access, { input: rest, staff: found.staff, setup: false, session: parsed.data });
}

function checkAccess(store: FieldStore, access: Access | undefined, call: Authorized): Result<Authorized> {
  if (access?.session !== 'staff') return ok(call);
  if (call.staff === null) {
    if (access.firstRun && unitLeaderCount(store.db) === 0) return ok({ ...call, setup: true });
    return fail('unauthorized', 'the screen is locked: unlock it with a staff PIN first', { reason: 'screen-locked' });
  }
  const { roles } = access;
  if (roles && !roles.includes(call.staff.role)) {
    return fail('unauthorized', `this needs the role ${roles.join(' or ')}; ${call.staff.name} is ${call.staff.role}`, { reason: 'role-required', roles: roles.join(',') });
  }
  return ok(call);
}
