/**
 * The home-care base station's day (issue 15): `homecare.day` kept on screen and read again after
 * a change to what it draws on; starting and completing a visit with its save status per visit;
 * a patient's key box and access notes, revealed per patient while unlocked and gone when it locks;
 * planning a visit from the base station's form, with the templates it offers.
 */

import type { ApiClient } from '../../../shared/api/client.js';
import type { HomecareDay, VisitAccess, VisitOutcome, VisitTemplate } from '../../../shared/api/commands/homecare.js';
import type { CommandInput } from '../../../shared/api/contract.js';
import { followChanges } from './follow-changes.js';
import { liveMutation, liveQuery } from './live.svelte.js';
import type { Query } from './query.js';
import { READS } from './reads.js';
import type { SessionState } from './session-state.svelte.js';

/** A burst of synced edits (another board's round) is one read. */
const RELOAD_AFTER_MS = 250;
/** Statuses move with the clock (a window ends, a visit turns late) without any edit: read again this often. */
const CLOCK_READ_MS = 60_000;

export class HomecareState {
  readonly loader: Query<HomecareDay>;
  /** The visit templates the planning form offers (`visit.templates`). */
  readonly templates: Query<VisitTemplate[]>;
  readonly saves = liveMutation({ exclusive: true, savedForMs: 10_000, keepSaved: 20 });
  /** Key boxes and access notes revealed on this screen, by stay; emptied when the screen locks. */
  access = $state<Record<string, VisitAccess>>({});
  readonly #api: ApiClient;
  readonly #session: SessionState;

  constructor(api: ApiClient, session: SessionState) {
    this.#api = api;
    this.#session = session;
    this.loader = liveQuery({ read: () => api.call('homecare.day', {}) });
    this.templates = liveQuery({ read: () => api.call('visit.templates', {}) });
  }

  /** Reads the templates once, the day now, after every change to the visits, patients or staffing, and each minute; returns the stop. */
  start(): () => void {
    void this.templates.load();
    const stop = followChanges(this.#api, () => void this.loader.load(), { reads: READS['homecare.day'], delayMs: RELOAD_AFTER_MS });
    const timer = setInterval(() => void this.loader.load(), CLOCK_READ_MS);
    return () => {
      stop();
      clearInterval(timer);
    };
  }

  get day(): HomecareDay | null {
    return this.loader.value;
  }

  /** Starts a visit (the PIN first on a locked screen). */
  async startVisit(id: string): Promise<boolean> {
    const result = await this.saves.run(`visit:${id}`, () => this.#session.send('visit.start', { id }));
    if (result?.ok) await this.loader.load();
    return result?.ok === true;
  }

  /** Completes a visit with its outcome. */
  async complete(id: string, outcome: VisitOutcome): Promise<boolean> {
    const result = await this.saves.run(`visit:${id}`, () => this.#session.send('visit.complete', { id, outcome }));
    if (result?.ok) await this.loader.load();
    return result?.ok === true;
  }

  /**
   * Plans a visit, or a series of them (the PIN first on a locked screen); the day is read again
   * once it is saved. `key` is the form's own save status, so a new form starts without an old refusal.
   */
  async plan(key: string, input: CommandInput<'visit.plan'>): Promise<boolean> {
    const result = await this.saves.run(key, () => this.#session.send('visit.plan', input));
    if (result?.ok) await this.loader.load();
    return result?.ok === true;
  }

  /** Reveals one patient's key box and access notes (logged in main); only while unlocked. */
  async revealAccess(stayId: string): Promise<void> {
    const result = await this.#session.send('homecare.access', { stayId });
    if (result?.ok && this.#session.unlocked) this.access = { ...this.access, [stayId]: result.value };
  }

  /** The screen locked: what was revealed leaves the page. */
  forgetAccess(): void {
    if (Object.keys(this.access).length > 0) this.access = {};
  }
}
