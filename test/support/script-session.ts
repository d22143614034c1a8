/**
 * How a test drives a board's API as an IT script does (docs/board.md): it unlocks with a staff
 * member's PIN — setting that member up first if the board has none — and sends the session with
 * every command that needs one (shared/api/commands/access.ts). Commands allowed on a locked
 * screen go without it, as a locked screen sends them.
 */

import { needsSession } from '../../shared/api/commands/access.js';
import type { SessionRef, StaffRole } from '../../shared/api/commands/ward.js';

/** One call to the board's API, as the test sends it. */
export type Post = (command: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; code?: string; message?: string }>;

export interface ScriptStaff {
  name: string;
  role: StaffRole;
  pin: string;
}

/** The staff member a script signs in as when the test names none (synthetic). */
export const IT_STAFF: ScriptStaff = { name: 'Tove Drift', role: 'unit-leader', pin: '8642' };

export class ScriptSession {
  private session: SessionRef | undefined;
  private staff: ScriptStaff = IT_STAFF;

  constructor(private readonly post: Post) {}

  /** Unlocks as `staff` (set up first when the board does not have them); later calls carry the session. */
  async signIn(staff: ScriptStaff = this.staff): Promise<SessionRef> {
    this.staff = staff;
    const listed = await this.post('staff.list', {});
    let member = (listed.value as { id: string; name: string }[] | undefined)?.find((s) => s.name === staff.name);
    if (!member) {
      const added = await this.post('staff.set', { ...(this.session ? { session: this.session } : {}), ...staff });
      if (!added.ok) throw new Error(`staff.set ${staff.name}: ${added.code}: ${added.message}`);
      member = { id: (added.value as { id: string }).id, name: staff.name };
    }
    const screen = 'test-script';
    const unlocked = await this.post('session.unlock', { staffId: member.id, pin: staff.pin, screen });
    if (!unlocked.ok) throw new Error(`session.unlock ${staff.name}: ${unlocked.code}: ${unlocked.message}`);
    this.session = { token: (unlocked.value as { token: string }).token, screen };
    return this.session;
  }

  /** Sends a command; one that needs a session gets this script's (unlocking again if it lapsed). */
  async call(command: string, input: unknown = {}) {
    const own = typeof input === 'object' && input !== null && 'session' in input;
    if (!needsSession(command) || own) return this.post(command, input);
    const first = await this.post(command, { ...(input as object), session: this.session ?? (await this.signIn()) });
    if (first.ok || first.code !== 'unauthorized' || !/locked/.test(first.message ?? '')) return first;
    // The board restarted or the session lapsed while the test waited: unlock again, once.
    return this.post(command, { ...(input as object), session: await this.signIn() });
  }
}
