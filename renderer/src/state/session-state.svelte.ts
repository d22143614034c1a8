/**
 * This screen's privacy: locked (corridor mode) by default; a staff PIN unlocks it for one person,
 * and it locks itself again after the configured idle time. Names live here, only while unlocked,
 * and are dropped the moment the screen locks, so they leave the page (DOM included).
 */

import type { ApiClient } from '../../../shared/api/client.js';
import type { RevealedStay, SessionGrant, SessionRef, StaffMember } from '../../../shared/api/commands/ward.js';
import type { ErrorCode, Result } from '../../../shared/api/result.js';

/** The screen tells main it is in use at most this often (main lets an idle session lapse). */
const TOUCH_EVERY_MS = 10_000;

export type UnlockProblem = { code: ErrorCode; message: string };

export class SessionState {
  /** This page's identity: a token is bound to the screen it was issued to. */
  readonly screen: string;
  staff = $state<StaffMember[]>([]);
  grant = $state<SessionGrant | null>(null);
  /** Names and notes of stays, by stay id; empty whenever the screen is locked. */
  revealed = $state<Record<string, RevealedStay>>({});
  relockSeconds = $state(90);
  /** Set when the screen locked itself for idleness (a polite word for the next person). */
  lockedForIdle = $state(false);
  readonly #api: ApiClient;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #lastTouch = 0;
  /** Stays whose reveal is in flight (plain bookkeeping, not shown). */
  #revealing: Record<string, true> = {};

  constructor(api: ApiClient) {
    this.#api = api;
    this.screen = `scr-${crypto.randomUUID()}`;
  }

  get unlocked(): boolean {
    return this.grant !== null;
  }

  /** The proof an edit carries while unlocked. */
  ref(): SessionRef | undefined {
    return this.grant ? { token: this.grant.token, screen: this.screen } : undefined;
  }

  hasRole(...roles: StaffMember['role'][]): boolean {
    return this.grant !== null && roles.includes(this.grant.staff.role);
  }

  /** Loads who may unlock, and the relock time; listens for activity. Returns the stop. */
  start(): () => void {
    void this.loadStaff();
    void this.#api.call('ward.settings', {}).then((result) => {
      if (result.ok) this.relockSeconds = result.value.relockSeconds;
    });
    const onActivity = () => this.activity();
    // Capture: a tap that opens or closes something still counts as activity.
    window.addEventListener('pointerdown', onActivity, { capture: true, passive: true });
    window.addEventListener('keydown', onActivity, { capture: true });
    return () => {
      window.removeEventListener('pointerdown', onActivity, { capture: true });
      window.removeEventListener('keydown', onActivity, { capture: true });
      clearTimeout(this.#idleTimer);
    };
  }

  async loadStaff(): Promise<void> {
    const result = await this.#api.call('staff.list', {});
    if (result.ok) this.staff = result.value;
  }

  async unlock(staffId: string, pin: string): Promise<UnlockProblem | null> {
    const result = await this.#api.call('session.unlock', { staffId, pin, screen: this.screen });
    if (!result.ok) return { code: result.code, message: result.message };
    this.grant = result.value;
    this.relockSeconds = result.value.relockSeconds;
    this.lockedForIdle = false;
    this.#lastTouch = Date.now();
    this.#armIdleTimer();
    return null;
  }

  /** Locks the screen now: names leave the page at once, main is told (and logs it). */
  lock(reason: 'idle' | 'manual' = 'manual'): void {
    const session = this.ref();
    this.grant = null;
    this.revealed = {};
    this.#revealing = {};
    this.lockedForIdle = reason === 'idle';
    clearTimeout(this.#idleTimer);
    if (session) void this.#api.call('session.lock', { session, reason });
  }

  /** Someone touched the screen: restart the idle countdown, and keep main's session alive. */
  activity(): void {
    if (!this.grant) return;
    this.#armIdleTimer();
    const session = this.ref();
    if (session && Date.now() - this.#lastTouch >= TOUCH_EVERY_MS) {
      this.#lastTouch = Date.now();
      void this.#api.call('session.touch', { session }).then((result) => this.#lapsedIf(result));
    }
  }

  /** Reveals the names of these stays (shielded ones stay hidden); already revealed ones are skipped. */
  async reveal(stayIds: string[]): Promise<void> {
    const session = this.ref();
    const wanted = stayIds.filter((id) => !(id in this.revealed) && !(id in this.#revealing));
    if (!session || wanted.length === 0) return;
    for (const id of wanted) this.#revealing[id] = true;
    const result = await this.#api.call('stay.reveal', { session, stayIds: wanted.slice(0, 500) });
    for (const id of wanted) delete this.#revealing[id];
    if (this.#lapsedIf(result) || !result.ok || this.grant?.token !== session.token) return;
    this.revealed = { ...this.revealed, ...Object.fromEntries(result.value.map((stay) => [stay.id, stay])) };
  }

  /** The deliberate second tap on a shielded patient. */
  async revealShielded(stayId: string): Promise<void> {
    const session = this.ref();
    if (!session) return;
    const result = await this.#api.call('stay.reveal', { session, stayIds: [stayId], includeShielded: true });
    if (this.#lapsedIf(result) || !result.ok || this.grant?.token !== session.token) return;
    const [stay] = result.value;
    if (stay) this.revealed = { ...this.revealed, [stay.id]: stay };
  }

  /** Forgets a revealed stay so its details are read again (after a note was saved). */
  forget(stayId: string): void {
    if (!(stayId in this.revealed)) return;
    const { [stayId]: _dropped, ...rest } = this.revealed;
    this.revealed = rest;
  }

  /** A refused session means main already let it lapse: lock here too. */
  #lapsedIf(result: Result<unknown>): boolean {
    if (!result.ok && result.code === 'unauthorized' && this.grant) {
      this.lock('idle');
      return true;
    }
    return false;
  }

  #armIdleTimer(): void {
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => this.lock('idle'), this.relockSeconds * 1000);
  }
}
