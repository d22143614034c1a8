/**
 * The leader address's sessions, kept in the hub's memory: a random id (the cookie) to the signed-in
 * leader, ending after 30 minutes without a request or 10 hours after sign-in, whichever is first.
 * A hub restart signs everyone out; the provider's own session usually signs them straight back in.
 */

import { randomBytes } from 'node:crypto';
import type { LeaderCaller } from '../leader/leader-scope.js';

export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_MAX_MS = 10 * 60 * 60_000;
// Bounded, so a flood of sign-ins cannot fill the hub's memory.
const MAX_SESSIONS = 5_000;

/** A signed-in leader's session. */
export interface LeaderSession {
  id: string;
  subject: string;
  name: string;
  caller: LeaderCaller;
  startedAt: number;
  seenAt: number;
}

/** The sessions of one leader address. */
export class LeaderSessions {
  private readonly sessions = new Map<string, LeaderSession>();

  constructor(private readonly now: () => number = Date.now) {}

  start(leader: { subject: string; name: string; caller: LeaderCaller }): LeaderSession {
    this.sweep();
    if (this.sessions.size >= MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value as string);
    const at = this.now();
    const session: LeaderSession = { id: randomBytes(32).toString('base64url'), ...leader, startedAt: at, seenAt: at };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The live session of an id, its idle time reset; undefined when unknown or ended. */
  touch(id: string | undefined): LeaderSession | undefined {
    const session = this.alive(id);
    if (session) session.seenAt = this.now();
    return session;
  }

  /** The live session of an id, without counting this as use. */
  alive(id: string | undefined): LeaderSession | undefined {
    const session = id === undefined ? undefined : this.sessions.get(id);
    if (!session) return undefined;
    const at = this.now();
    if (at - session.seenAt > SESSION_IDLE_MS || at - session.startedAt > SESSION_MAX_MS) {
      this.sessions.delete(session.id);
      return undefined;
    }
    return session;
  }

  end(id: string | undefined): LeaderSession | undefined {
    const session = this.alive(id);
    if (id !== undefined) this.sessions.delete(id);
    return session;
  }

  private sweep(): void {
    for (const id of [...this.sessions.keys()]) this.alive(id);
  }
}
