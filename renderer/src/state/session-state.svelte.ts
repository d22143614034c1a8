/**
 * This screen's privacy: locked (corridor mode) by default; a staff PIN unlocks it for one person,
 * and it locks itself again after the configured idle time. Names live here, only while unlocked,
 * and are dropped the moment the screen locks, so they leave the page (DOM included). An unlock
 * names nobody: each patient's name comes when a nurse opens that patient's card (one reveal, one
 * access-log entry), unless the board is a staff-room screen set to show every name (`revealAll`).
 */

import type { ApiClient } from '../../../shared/api/client.js';
import { needsSession } from '../../../shared/api/commands/access.js';
import type { ListedStaff, RevealedStay, SessionGrant, SessionRef, StaffMember } from '../../../shared/api/commands/ward.js';
import type { BoardCommandName, CommandInput, CommandOutput } from '../../../shared/api/contract.js';
import type { Result } from '../../../shared/api/result.js';
import { liveQuery } from './live.svelte.js';
import type { Query } from './query.js';
import { problemOf, type Problem } from './save-status.js';

/** The screen tells main it is in use at most this often (main lets an idle session lapse). */
const TOUCH_EVERY_MS = 10_000;

export type UnlockProblem = Problem;

export class SessionState {
  /** This page's identity: a token is bound to the screen it was issued to. */
  readonly screen: string;
  grant = $state<SessionGrant | null>(null);
  /** Names and notes of stays whose card was opened, by stay id; empty whenever the screen is locked. */
  revealed = $state<Record<string, RevealedStay>>({});
  /** On a staff-room screen (`revealAll`), the overview's names (no birth date, no note); empty when locked. */
  overview = $state<Record<string, RevealedStay>>({});
  /** This board shows every name on the overview while unlocked (ward settings, per board). */
  revealAll = $state(false);
  relockSeconds = $state(90);
  /** Set when the screen locked itself for idleness (a polite word for the next person). */
  lockedForIdle = $state(false);
  /** An edit on a locked screen waits for a PIN: the view opens the unlock dialog while this is set. */
  unlockWanted = $state(false);
  /** Edits waiting for the PIN dialog to close (plain bookkeeping, not shown). */
  #waiting: ((session: SessionRef | undefined) => void)[] = [];
  readonly #api: ApiClient;
  readonly #staff: Query<ListedStaff[]>;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #lastTouch = 0;
  /** Stays whose reveal is in flight (plain bookkeeping, not shown). */
  #revealing: Record<string, true> = {};
  /** An overview reveal is in flight. */
  #overviewAsked = false;

  constructor(api: ApiClient) {
    this.#api = api;
    this.screen = `scr-${crypto.randomUUID()}`;
    this.#staff = liveQuery({ read: () => api.call('staff.list', {}) });
  }

  /** Who may unlock this screen. */
  get staff(): ListedStaff[] {
    return this.#staff.value ?? [];
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

  /**
   * Sends a board command from this screen: with the session while unlocked, and — for a command
   * that needs one (commands/access.ts) on a locked screen — only after the PIN dialog unlocked it.
   * Null when the person closed the dialog instead: nothing was sent.
   */
  async send<K extends BoardCommandName>(command: K, input: CommandInput<K>): Promise<Result<CommandOutput<K>> | null> {
    const session = needsSession(command) ? await this.#ensure() : this.ref();
    if (needsSession(command) && !session) return null;
    const result = await this.#api.call(command, session ? { ...input, session } : input);
    this.#lapsedIf(result);
    return result;
  }

  /**
   * Asks for the PIN on a locked screen, as an edit does, before a form that takes personal data
   * opens (admitting to a virtual bed): true once unlocked, false when the dialog was closed instead.
   */
  async ensureUnlocked(): Promise<boolean> {
    return (await this.#ensure()) !== undefined;
  }

  /** The unlock dialog closed (unlocked or not): edits waiting for it go on, or are dropped. */
  unlockClosed(): void {
    this.unlockWanted = false;
    const session = this.ref();
    for (const resume of this.#waiting.splice(0)) resume(session);
  }

  #ensure(): Promise<SessionRef | undefined> {
    const session = this.ref();
    if (session) return Promise.resolve(session);
    this.unlockWanted = true;
    return new Promise((resume) => this.#waiting.push(resume));
  }

  /** Loads who may unlock, and the relock time; listens for activity. Returns the stop. */
  start(): () => void {
    void this.loadStaff();
    void this.#api.call('ward.settings', {}).then((result) => {
      if (result.ok) {
        this.relockSeconds = result.value.relockSeconds;
        this.revealAll = result.value.revealAll;
      }
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

  loadStaff(): Promise<void> {
    return this.#staff.load();
  }

  async unlock(staffId: string, pin: string): Promise<UnlockProblem | null> {
    const result = await this.#api.call('session.unlock', { staffId, pin, screen: this.screen });
    if (!result.ok) return problemOf(result);
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
    this.overview = {};
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

  /**
   * Reveals the name and details of each of these stays, one patient per call (main logs each
   * once per session); shielded ones stay hidden, already revealed ones are skipped.
   */
  async reveal(stayIds: string[]): Promise<void> {
    const session = this.ref();
    const wanted = stayIds.filter((id) => !(id in this.revealed) && !(id in this.#revealing));
    if (!session) return;
    await Promise.all(wanted.map((id) => this.#revealOne(session, id)));
  }

  async #revealOne(session: SessionRef, stayId: string): Promise<void> {
    this.#revealing[stayId] = true;
    const result = await this.#api.call('stay.reveal', { session, stayIds: [stayId] });
    delete this.#revealing[stayId];
    if (this.#lapsedIf(result) || !result.ok || this.grant?.token !== session.token) return;
    this.revealed = { ...this.revealed, ...Object.fromEntries(result.value.map((stay) => [stay.id, stay])) };
  }

  /** A staff-room screen's overview: every name at once (one access-log entry), only when the board is set so. */
  async revealOverview(stayIds: string[]): Promise<void> {
    const session = this.ref();
    const wanted = stayIds.filter((id) => !(id in this.overview));
    if (!session || !this.revealAll || wanted.length === 0 || this.#overviewAsked) return;
    this.#overviewAsked = true;
    const result = await this.#api.call('stay.reveal', { session, stayIds: wanted.slice(0, 500), overview: true });
    this.#overviewAsked = false;
    if (this.#lapsedIf(result) || !result.ok || this.grant?.token !== session.token || !this.revealAll) return;
    this.overview = { ...this.overview, ...Object.fromEntries(result.value.map((stay) => [stay.id, stay])) };
  }

  /** What the overview may name: the cards opened in this session, and on a staff-room screen all. */
  get onOverview(): Record<string, RevealedStay> {
    return { ...this.overview, ...this.revealed };
  }

  /** The board's setting changed (Innstillinger): a screen no longer showing all drops the overview's names. */
  setRevealAll(on: boolean): void {
    this.revealAll = on;
    if (!on) this.overview = {};
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
