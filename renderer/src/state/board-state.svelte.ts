/**
 * The board's state: one unit in corridor form, kept current from main's events, and its edits.
 * A tap shows at once (the task moves to done, marked "saving"); "saved" appears only when main
 * answers that the edit is committed; a failure puts the task back and says why.
 */

import type { ApiClient } from '../../../shared/api/client.js';
import { RECENT_DONE_LIMIT, type Language } from '../../../shared/api/commands/ward.js';
import type { BoardCommandName, CommandInput } from '../../../shared/api/contract.js';
import { problemOf, type Problem, type Result } from '../../../shared/api/result.js';
import type { RiskFlag } from '../../../shared/domain/schema.js';
import type { BedStatus, Task } from '../../../shared/domain/types.js';
import { toCorridorState, type CorridorState } from './corridor-view.js';
import { changesScreen } from './follow-changes.js';
import { keepUnchanged } from './keep-unchanged.js';
import { patchTasks } from './patch-tasks.js';
import type { SaveStatus } from './save-status.js';
import { SessionState } from './session-state.svelte.js';
import { SyncState } from './sync-state.svelte.js';
import { AuditState, CapacityState, HandoverState, SettingsState, TemplateState } from './ward-panels.svelte.js';

/** How long "undo" is offered after a task is completed. */
export const UNDO_SECONDS = 8;

/** How long "saved" stays beside an edit; then the mark goes, so a screen that runs for weeks does not pile them up. */
const SAVED_MARK_MS = 60_000;
/** …and at most this many marks, the newest: a burst of taps leaves no more than a screenful behind. */
const SAVED_MARKS_KEPT = 30;

export interface UndoOffer {
  taskId: string;
  title: string;
}

/** One unit's board: load, follow changes, run edits and report whether each is saved. */
export class BoardState {
  /**
   * The unit as last read, without personal data; null until the first answer. Raw (replaced
   * whole, never mutated): 500 tasks are not worth a deep proxy, and unchanged records keep their
   * identity across reads (keep-unchanged.ts), so only what changed re-renders.
   */
  current = $state.raw<CorridorState | null>(null);
  /** Open tasks due beyond what is shown (tomorrow and later). */
  laterTasks = $state(0);
  /** Why the last read failed, or null; `current` then still holds the last good state. */
  loadError = $state<Problem | null>(null);
  /** The completion that can still be undone. */
  undo = $state<UndoOffer | null>(null);
  readonly session: SessionState;
  readonly sync: SyncState;
  readonly capacity: CapacityState;
  readonly handover: HandoverState;
  readonly audit: AuditState;
  readonly settings: SettingsState;
  readonly templates: TemplateState;
  #saves = $state<Record<string, SaveStatus>>({});
  /** Task changes shown ahead of main's answer (the tap paints at once). */
  #optimistic = $state<Record<string, Pick<Task, 'status' | 'doneAt' | 'doneBy'>>>({});
  #loading = false;
  #dirty = false;
  /** Reads started so far, and for each settled tap the count when it was saved: only a read
   *  started after that may overrule what the tap shows (an older one cannot know of it). */
  #reads = 0;
  /** The read number of the latest full read: a task read started before it knows less. */
  #fullRead = 0;
  #savedAtRead: Record<string, number> = {};
  /** When each "saved" mark was set (plain bookkeeping for pruning, not shown). */
  #savedAt: Record<string, number> = {};
  #undoTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #api: ApiClient;

  /** Tasks with this screen's pending taps applied. */
  tasks = $derived.by(() => {
    const tasks = this.current?.tasks ?? [];
    const pending = this.#optimistic;
    if (Object.keys(pending).length === 0) return tasks;
    return tasks.map((task) => (task.id in pending ? { ...task, ...pending[task.id] } : task));
  });

  constructor(api: ApiClient) {
    this.#api = api;
    this.session = new SessionState(api);
    this.sync = new SyncState(api);
    this.capacity = new CapacityState(api, this.session);
    this.handover = new HandoverState(api, this.session);
    this.audit = new AuditState(api, this.session);
    this.settings = new SettingsState(api, this.session);
    this.templates = new TemplateState(api);
  }

  /** Loads now and again on every state change; returns the unsubscribe. */
  start(): () => void {
    const unsubscribe = this.#api.on('state.changed', ({ collections, tasks }) => {
      if (!changesScreen(collections)) return;
      if (tasks) void this.#refreshTasks(tasks);
      else void this.load();
    });
    const stopSession = this.session.start();
    const stopSync = this.sync.start();
    void this.load();
    return () => {
      unsubscribe();
      stopSession();
      stopSync();
      clearTimeout(this.#undoTimer);
    };
  }

  /**
   * Reads the unit's state from main. Reads never overlap: a change announced during a read
   * triggers one more read when it lands, so a burst of edits costs two reads, not one each.
   */
  async load(): Promise<void> {
    if (this.#loading) {
      this.#dirty = true;
      return;
    }
    this.#loading = true;
    try {
      do {
        this.#dirty = false;
        const read = ++this.#reads;
        this.#fullRead = read;
        const result = await this.#api.call('ward.state', {});
        if (result.ok) {
          const next = toCorridorState(result.value);
          const previous = this.current;
          this.current = {
            unit: previous?.unit && next.unit && JSON.stringify(previous.unit) === JSON.stringify(next.unit) ? previous.unit : next.unit,
            beds: keepUnchanged(previous?.beds, next.beds),
            stays: keepUnchanged(previous?.stays, next.stays),
            tasks: keepUnchanged(previous?.tasks, next.tasks),
          };
          this.laterTasks = result.value.laterTasks;
          this.loadError = null;
          this.#settleOptimistic(read);
          this.#pruneSavedMarks();
        } else {
          this.loadError = problemOf(result);
        }
      } while (this.#dirty);
    } finally {
      this.#loading = false;
    }
  }

  /**
   * After another board's tap: reads just the tasks it touched and patches them in, instead of the
   * whole unit (500 tasks). A full read in flight, or one that starts meanwhile, covers them instead.
   */
  async #refreshTasks(ids: string[]): Promise<void> {
    if (this.#loading || this.current === null) return this.load();
    const read = ++this.#reads;
    const result = await this.#api.call('ward.tasks', { ids });
    if (this.#fullRead > read) return;
    if (!result.ok || this.current === null) return this.load();
    const tasks = patchTasks(this.current.tasks, result.value.tasks, result.value.gone, RECENT_DONE_LIMIT);
    if (tasks !== this.current.tasks) this.current = { ...this.current, tasks };
    this.laterTasks = result.value.laterTasks;
    this.#settleOptimistic(read, ids);
  }

  /** Marks a task done (one tap); undo is offered for a few seconds once it is saved. */
  async completeTask(id: string): Promise<void> {
    const task = this.tasks.find((t) => t.id === id);
    const saved = await this.#save(`task:${id}`, id, 'done', () => this.#call('task.complete', { id }));
    if (saved && task) this.#offerUndo({ taskId: id, title: task.title });
  }

  /** Undoes a completion. */
  async reopenTask(id: string): Promise<void> {
    if (this.undo?.taskId === id) this.dismissUndo();
    await this.#save(`task:${id}`, id, 'open', () => this.#call('task.reopen', { id }));
  }

  dismissUndo(): void {
    clearTimeout(this.#undoTimer);
    this.undo = null;
  }

  /** A new task from a template, for a patient or the unit. */
  createFromTemplate(template: string, stayId: string | undefined, language: Language): Promise<boolean> {
    return this.#save(`new:${template}:${stayId ?? 'unit'}`, undefined, undefined, () =>
      this.#call('task.fromTemplate', { template, language, ...(stayId === undefined ? {} : { stayId }) }),
    );
  }

  setBedStatus(label: string, status: BedStatus): Promise<boolean> {
    return this.#save(`bed:${label}`, undefined, undefined, () => this.#call('bed.setStatus', { bed: label, status }));
  }

  setFlag(stayId: string, flag: RiskFlag, value: boolean): Promise<boolean> {
    return this.#save(`flag:${stayId}:${flag}`, undefined, undefined, () => this.#call('stay.setFlag', { stayId, flag, value }));
  }

  discharge(stayId: string): Promise<boolean> {
    return this.#save(`discharge:${stayId}`, undefined, undefined, () => this.#call('stay.discharge', { stayId }));
  }

  async setNote(stayId: string, note: string): Promise<boolean> {
    const saved = await this.#save(`note:${stayId}`, undefined, undefined, () => this.#call('stay.note', { stayId, note }));
    if (saved) {
      this.session.forget(stayId);
      await this.session.reveal([stayId]);
    }
    return saved;
  }

  /** Where the last edit of a task stands, if it was edited on this screen. */
  taskSaveStatus(id: string): SaveStatus | undefined {
    return this.#saves[`task:${id}`];
  }

  /** Where any edit stands, by its key (`bed:101`, `flag:<stay>:fall`, `note:<stay>`, …). */
  saveStatus(key: string): SaveStatus | undefined {
    return this.#saves[key];
  }

  /** Sends a command as this screen: signed while unlocked; one that needs a session asks for the PIN first. */
  #call<K extends BoardCommandName>(command: K, input: CommandInput<K>): Promise<Result<unknown> | null> {
    return this.session.send(command, input);
  }

  async #save(
    key: string,
    taskId: string | undefined,
    shown: Task['status'] | undefined,
    run: () => Promise<Result<unknown> | null>,
  ): Promise<boolean> {
    // A second tap while the first is in flight would only log a duplicate edit.
    if (this.#saves[key]?.state === 'pending') return false;
    this.#saves[key] = { state: 'pending' };
    if (taskId !== undefined && shown !== undefined) {
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- turned into a string at once, never kept
      const doneAt = new Date().toISOString();
      // A locked screen's tap is the board's: no name until main says whose it was.
      const doneBy = this.session.grant?.staff.name ?? null;
      this.#optimistic[taskId] = shown === 'open' ? { status: 'open', doneAt: null, doneBy: null } : { status: shown, doneAt, doneBy };
      delete this.#savedAtRead[taskId];
    }
    const result = await run();
    if (result === null) {
      // The PIN dialog was closed: nothing was sent.
      delete this.#saves[key];
      if (taskId !== undefined) delete this.#optimistic[taskId];
      return false;
    }
    if (result.ok) {
      this.#saves[key] = { state: 'saved' };
      this.#savedAt[key] = Date.now();
      if (taskId !== undefined) this.#savedAtRead[taskId] = this.#reads;
    } else {
      this.#saves[key] = { state: 'failed', ...problemOf(result) };
      if (taskId !== undefined) delete this.#optimistic[taskId];
    }
    return result.ok;
  }

  /**
   * Drops a tap's shown status once main's state shows it, or a read after the save says otherwise;
   * a read of some tasks (`only`) settles only those.
   */
  #settleOptimistic(read: number, only?: readonly string[]): void {
    const shown: Record<string, Task['status']> = Object.fromEntries((this.current?.tasks ?? []).map((t) => [t.id, t.status]));
    for (const [id, pending] of Object.entries(this.#optimistic)) {
      if (only && !only.includes(id)) continue;
      const savedAt = this.#savedAtRead[id];
      if (shown[id] === pending.status || (savedAt !== undefined && read > savedAt)) {
        delete this.#optimistic[id];
        delete this.#savedAtRead[id];
      }
    }
  }

  #pruneSavedMarks(): void {
    const old = Date.now() - SAVED_MARK_MS;
    const newestFirst = Object.entries(this.#savedAt).sort(([, a], [, b]) => b - a);
    for (const [rank, [key, at]] of newestFirst.entries()) {
      if (at > old && rank < SAVED_MARKS_KEPT) continue;
      delete this.#savedAt[key];
      if (this.#saves[key]?.state === 'saved') delete this.#saves[key];
    }
  }

  #offerUndo(offer: UndoOffer): void {
    clearTimeout(this.#undoTimer);
    this.undo = offer;
    this.#undoTimer = setTimeout(() => (this.undo = null), UNDO_SECONDS * 1000);
  }
}
