/**
 * The board's other views, each reading what it shows from main: capacity (with staffing),
 * handover (with notes and the acknowledgement), and — for the unit leader — the access log and
 * the screen's staff and settings. Edits carry the unlocked session; main checks the role.
 */

import type { ApiClient } from '../../../shared/api/client.js';
import type { AuditLine, CapacityView, HandoverView, Shift, StaffRole, TaskTemplate, WardSettings } from '../../../shared/api/commands/ward.js';
import { problemOf, type Problem, type Result } from '../../../shared/api/result.js';
import { PanelLoader } from './panel-loader.svelte.js';
import type { SaveStatus } from './save-status.js';
import type { SessionState } from './session-state.svelte.js';

/** Runs one edit and keeps its save status under a key. */
class Saves {
  status = $state<Record<string, SaveStatus>>({});

  async run(key: string, call: () => Promise<Result<unknown>>): Promise<boolean> {
    this.status[key] = { state: 'pending' };
    const result = await call();
    this.status[key] = result.ok ? { state: 'saved' } : { state: 'failed', ...problemOf(result) };
    return result.ok;
  }
}

export class CapacityState {
  readonly loader: PanelLoader<CapacityView>;
  readonly saves = new Saves();
  readonly #api: ApiClient;
  readonly #session: SessionState;

  constructor(api: ApiClient, session: SessionState) {
    this.#api = api;
    this.#session = session;
    this.loader = new PanelLoader(api, () => api.call('capacity.view', {}));
  }

  /** Planned or present staff of the shift shown, set to a new count. */
  setStaffing(which: 'planned' | 'present', count: number): Promise<boolean> {
    const view = this.loader.value;
    const session = this.#session.ref();
    if (!view || !session) return Promise.resolve(false);
    const { date, shift } = view.shift;
    return this.saves.run(`staffing:${which}`, () => this.#api.call('staffing.set', { session, date, shift, [which]: Math.max(0, count) }));
  }
}

export class HandoverState {
  /** Which shift: the one a screen opens by default (just ended in a shift's first hour), or a chosen one. */
  chosen = $state<{ date: string; shift: Shift } | null>(null);
  readonly loader: PanelLoader<HandoverView>;
  readonly saves = new Saves();
  readonly #api: ApiClient;
  readonly #session: SessionState;

  constructor(api: ApiClient, session: SessionState) {
    this.#api = api;
    this.#session = session;
    this.loader = new PanelLoader(api, () => {
      const session = this.#session.ref();
      return api.call('handover.view', { ...(this.chosen ?? {}), ...(session ? { session } : {}) });
    });
  }

  choose(shift: { date: string; shift: Shift } | null): void {
    this.chosen = shift;
    void this.loader.load();
  }

  acknowledge(): Promise<boolean> {
    const view = this.loader.value;
    const session = this.#session.ref();
    if (!view || !session) return Promise.resolve(false);
    return this.saves.run('acknowledge', () => this.#api.call('handover.acknowledge', { session, date: view.date, shift: view.shift }));
  }

  setNotes(notes: string): Promise<boolean> {
    const view = this.loader.value;
    const session = this.#session.ref();
    if (!view || !session) return Promise.resolve(false);
    return this.saves.run('notes', () => this.#api.call('handover.setNotes', { session, date: view.date, shift: view.shift, notes }));
  }
}

export class AuditState {
  lines = $state<AuditLine[]>([]);
  error = $state<Problem | null>(null);
  readonly #api: ApiClient;
  readonly #session: SessionState;

  constructor(api: ApiClient, session: SessionState) {
    this.#api = api;
    this.#session = session;
  }

  /** The newest entries, or the page before the oldest shown. */
  async load(older = false): Promise<void> {
    const session = this.#session.ref();
    if (!session) return;
    const before = older ? this.lines.at(-1)?.seq : undefined;
    const result = await this.#api.call('audit.list', { session, limit: 100, ...(before === undefined ? {} : { before }) });
    if (!result.ok) {
      this.error = problemOf(result);
      return;
    }
    this.error = null;
    this.lines = older ? [...this.lines, ...result.value] : result.value;
  }

  clear(): void {
    this.lines = [];
  }
}

export class SettingsState {
  settings = $state<WardSettings | null>(null);
  readonly saves = new Saves();
  readonly #api: ApiClient;
  readonly #session: SessionState;

  constructor(api: ApiClient, session: SessionState) {
    this.#api = api;
    this.#session = session;
  }

  async load(): Promise<void> {
    const result = await this.#api.call('ward.settings', {});
    if (result.ok) this.settings = result.value;
  }

  async setRelock(relockSeconds: number): Promise<void> {
    const session = this.#session.ref();
    if (!session) return;
    const ok = await this.saves.run('relock', () => this.#api.call('ward.configure', { session, relockSeconds }));
    if (ok) {
      this.#session.relockSeconds = relockSeconds;
      await this.load();
    }
  }

  async addStaff(name: string, role: StaffRole, pin: string): Promise<boolean> {
    const session = this.#session.ref();
    if (!session) return false;
    const ok = await this.saves.run('staff', () => this.#api.call('staff.set', { session, name, role, pin }));
    if (ok) await this.#session.loadStaff();
    return ok;
  }

  /** Lets a member locked out by wrong PINs try again now (a unit leader's session). */
  async releaseStaff(id: string): Promise<void> {
    const session = this.#session.ref();
    if (!session) return;
    if (await this.saves.run(`release:${id}`, () => this.#api.call('staff.release', { session, id }))) await this.#session.loadStaff();
  }

  async removeStaff(id: string): Promise<void> {
    const session = this.#session.ref();
    if (!session) return;
    if (await this.saves.run(`remove:${id}`, () => this.#api.call('staff.remove', { session, id }))) await this.#session.loadStaff();
  }
}

/** The task templates in the screen's language, read once per language. */
export class TemplateState {
  templates = $state<TaskTemplate[]>([]);
  #language: string | null = null;
  readonly #api: ApiClient;

  constructor(api: ApiClient) {
    this.#api = api;
  }

  async load(language: 'nb' | 'en'): Promise<void> {
    if (this.#language === language) return;
    this.#language = language;
    const result = await this.#api.call('task.templates', { language });
    if (result.ok) this.templates = result.value;
  }
}
