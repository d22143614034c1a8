/**
 * The board's other views, each reading what it shows from main: capacity (with staffing),
 * handover (with notes and the acknowledgement), and — for the unit leader — the access log and
 * the screen's staff and settings. Edits carry the unlocked session; main checks the role.
 */

import type { ApiClient } from '../../../shared/api/client.js';
import type { AuditLine, CapacityView, HandoverSide, HandoverView, Shift, StaffRole, TaskTemplate, WardSettings } from '../../../shared/api/commands/ward.js';
import { fail, type Result } from '../../../shared/api/result.js';
import { followChanges } from './follow-changes.js';
import { liveMutation, liveQuery } from './live.svelte.js';
import type { Mutation } from './mutation.js';
import type { Query } from './query.js';
import { READS } from './reads.js';
import type { Problem } from './save-status.js';
import type { SessionState } from './session-state.svelte.js';

/** A panel reads again this long after the first change of a burst: a burst of synced edits is one read. */
const RELOAD_AFTER_MS = 250;

/** Runs one edit under a key; whether main saved it. */
async function saved(saves: Mutation, key: string, call: () => Promise<Result<unknown>>): Promise<boolean> {
  return (await saves.run(key, call))?.ok === true;
}

/** A read a panel can make only on an unlocked screen. */
function withSession<T>(session: SessionState, read: (session: NonNullable<ReturnType<SessionState['ref']>>) => Promise<Result<T>>): () => Promise<Result<T>> {
  return () => {
    const ref = session.ref();
    return ref ? read(ref) : Promise.resolve(fail('unauthorized', 'the screen is locked'));
  };
}

export class CapacityState {
  readonly loader: Query<CapacityView>;
  readonly saves = liveMutation();
  readonly #api: ApiClient;
  readonly #session: SessionState;

  constructor(api: ApiClient, session: SessionState) {
    this.#api = api;
    this.#session = session;
    this.loader = liveQuery({ read: () => api.call('capacity.view', {}) });
  }

  /** Reads now and after every change to what the view shows, while it is on screen; returns the stop. */
  start(): () => void {
    return followChanges(this.#api, () => void this.loader.load(), { reads: READS['capacity.view'], delayMs: RELOAD_AFTER_MS });
  }

  /** Planned or present staff of the shift shown, set to a new count. */
  setStaffing(which: 'planned' | 'present', count: number): Promise<boolean> {
    const view = this.loader.value;
    const session = this.#session.ref();
    if (!view || !session) return Promise.resolve(false);
    const { date, shift } = view.shift;
    return saved(this.saves, `staffing:${which}`, () => this.#api.call('staffing.set', { session, date, shift, [which]: Math.max(0, count) }));
  }
}

export class HandoverState {
  /** Which shift: the one a screen opens by default (just ended in a shift's first hour), or a chosen one. */
  chosen = $state<{ date: string; shift: Shift } | null>(null);
  readonly loader: Query<HandoverView>;
  readonly saves = liveMutation();
  readonly #api: ApiClient;
  readonly #session: SessionState;

  constructor(api: ApiClient, session: SessionState) {
    this.#api = api;
    this.#session = session;
    this.loader = liveQuery({
      read: () => {
        const session = this.#session.ref();
        return api.call('handover.view', { ...(this.chosen ?? {}), ...(session ? { session } : {}) });
      },
    });
  }

  /** Reads now and after every change to what the view shows, while it is on screen; returns the stop. */
  start(): () => void {
    return followChanges(this.#api, () => void this.loader.load(), { reads: READS['handover.view'], delayMs: RELOAD_AFTER_MS });
  }

  choose(shift: { date: string; shift: Shift } | null): void {
    this.chosen = shift;
    void this.loader.load();
  }

  /** The giver's or the receiver's acknowledgement of the shift shown, saved under the side's key. */
  acknowledge(side: HandoverSide): Promise<boolean> {
    const view = this.loader.value;
    const session = this.#session.ref();
    if (!view || !session) return Promise.resolve(false);
    return saved(this.saves, side, () => this.#api.call('handover.acknowledge', { session, date: view.date, shift: view.shift, side }));
  }

  setNotes(notes: string): Promise<boolean> {
    const view = this.loader.value;
    const session = this.#session.ref();
    if (!view || !session) return Promise.resolve(false);
    return saved(this.saves, 'notes', () => this.#api.call('handover.setNotes', { session, date: view.date, shift: view.shift, notes }));
  }
}

export class AuditState {
  /** Whether the read asked for is the page before the oldest shown (else the newest). */
  #older = false;
  readonly #session: SessionState;
  readonly #pages: Query<AuditLine[]>;

  constructor(api: ApiClient, session: SessionState) {
    this.#session = session;
    this.#pages = liveQuery({
      read: withSession(session, (ref) => {
        const before = this.#older ? this.lines.at(-1)?.seq : undefined;
        return api.call('audit.list', { session: ref, limit: 100, ...(before === undefined ? {} : { before }) });
      }),
      keep: (shown, page) => (this.#older ? [...(shown ?? []), ...page] : page),
    });
  }

  get lines(): AuditLine[] {
    return this.#pages.value ?? [];
  }

  get error(): Problem | null {
    return this.#pages.error;
  }

  /** The newest entries, or the page before the oldest shown. */
  load(older = false): Promise<void> {
    if (!this.#session.ref()) return Promise.resolve();
    this.#older = older;
    return this.#pages.load();
  }

  clear(): void {
    this.#pages.set([]);
  }
}

export class SettingsState {
  readonly saves = liveMutation();
  readonly #api: ApiClient;
  readonly #session: SessionState;
  readonly #settings: Query<WardSettings>;

  constructor(api: ApiClient, session: SessionState) {
    this.#api = api;
    this.#session = session;
    this.#settings = liveQuery({ read: () => api.call('ward.settings', {}) });
  }

  get settings(): WardSettings | null {
    return this.#settings.value;
  }

  load(): Promise<void> {
    return this.#settings.load();
  }

  async setRelock(relockSeconds: number): Promise<void> {
    const session = this.#session.ref();
    if (!session) return;
    const ok = await saved(this.saves, 'relock', () => this.#api.call('ward.configure', { session, relockSeconds }));
    if (ok) {
      this.#session.relockSeconds = relockSeconds;
      await this.load();
    }
  }

  /** A staff-room screen shows every name on the overview while unlocked; a corridor screen only the card opened. */
  async setRevealAll(revealAll: boolean): Promise<void> {
    const session = this.#session.ref();
    if (!session) return;
    const ok = await saved(this.saves, 'revealAll', () => this.#api.call('ward.configure', { session, revealAll }));
    if (ok) {
      this.#session.setRevealAll(revealAll);
      await this.load();
    }
  }

  async addStaff(name: string, role: StaffRole, pin: string): Promise<boolean> {
    const session = this.#session.ref();
    if (!session) return false;
    const ok = await saved(this.saves, 'staff', () => this.#api.call('staff.set', { session, name, role, pin }));
    if (ok) await this.#session.loadStaff();
    return ok;
  }

  /** Lets a member locked out by wrong PINs try again now (a unit leader's session). */
  async releaseStaff(id: string): Promise<void> {
    const session = this.#session.ref();
    if (!session) return;
    if (await saved(this.saves, `release:${id}`, () => this.#api.call('staff.release', { session, id }))) await this.#session.loadStaff();
  }

  async removeStaff(id: string): Promise<void> {
    const session = this.#session.ref();
    if (!session) return;
    if (await saved(this.saves, `remove:${id}`, () => this.#api.call('staff.remove', { session, id }))) await this.#session.loadStaff();
  }
}

/** The task templates in the screen's language, read once per language. */
export class TemplateState {
  #language: 'nb' | 'en' = 'nb';
  #asked: 'nb' | 'en' | null = null;
  readonly #templates: Query<TaskTemplate[]>;

  constructor(api: ApiClient) {
    this.#templates = liveQuery({ read: () => api.call('task.templates', { language: this.#language }) });
  }

  get templates(): TaskTemplate[] {
    return this.#templates.value ?? [];
  }

  load(language: 'nb' | 'en'): Promise<void> {
    if (this.#asked === language) return Promise.resolve();
    this.#asked = this.#language = language;
    return this.#templates.load();
  }
}
