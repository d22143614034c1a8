/**
 * The board's state: one unit in corridor form, kept current from main's events, and its edits.
 * A tap shows at once (the task moves to done, marked "saving"); "saved" appears only when main
 * answers that the edit is committed; a failure puts the task back and says why.
 */

import type { ApiClient } from '../../../shared/api/client.js';
import { RECENT_DONE_LIMIT, type Language, type NextPathwayStep } from '../../../shared/api/commands/ward.js';
import type { BoardCommandName, CommandInput } from '../../../shared/api/contract.js';
import { ok, type Result } from '../../../shared/api/result.js';
import type { RiskFlag } from '../../../shared/domain/schema.js';
import type { BedStatus, Task } from '../../../shared/domain/types.js';
import { toCorridorState, type CorridorState } from './corridor-view.js';
import { followChanges } from './follow-changes.js';
import { PathwayState } from './pathway-state.svelte.js';
import { keepUnchanged } from './keep-unchanged.js';
import { liveMutation, liveQuery } from './live.svelte.js';
import { patchTasks } from './patch-tasks.js';
import { READS } from './reads.js';
import type { Problem, SaveStatus } from './save-status.js';
import { HomecareState } from './homecare-state.svelte.js';
import { HomehospitalState } from './homehospital-state.svelte.js';
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

/** What the board shows of its unit: the corridor state, the count of tasks due later and each patient's next pathway step. */
interface WardView {
  state: CorridorState;
  laterTasks: number;
  pathwaySteps: NextPathwayStep[];
}

/** The steps as already shown when nothing in them changed, so no bed card re-renders for them. */
function keepSteps(previous: NextPathwayStep[] | undefined, next: NextPathwayStep[]): NextPathwayStep[] {
  return previous && JSON.stringify(previous) === JSON.stringify(next) ? previous : next;
}

/** A fresh read with every unchanged record kept as the object already shown (keep-unchanged.ts). */
function keepWard(previous: WardView | null, next: WardView): WardView {
  const was = previous?.state;
  const now = next.state;
  const unit = was?.unit && now.unit && JSON.stringify(was.unit) === JSON.stringify(now.unit) ? was.unit : now.unit;
  return {
    state: { unit, beds: keepUnchanged(was?.beds, now.beds), stays: keepUnchanged(was?.stays, now.stays), tasks: keepUnchanged(was?.tasks, now.tasks) },
    laterTasks: next.laterTasks,
    pathwaySteps: keepSteps(previous?.pathwaySteps, next.pathwaySteps),
  };
}

/** One unit's board: load, follow changes, run edits and report whether each is saved. */
export class BoardState {
  /** The completion that can still be undone. */
  undo = $state<UndoOffer | null>(null);
  readonly session: SessionState;
  readonly sync: SyncState;
  readonly capacity: CapacityState;
  readonly handover: HandoverState;
  readonly audit: AuditState;
  readonly settings: SettingsState;
  readonly templates: TemplateState;
  /** A home-care unit's day of visits (shown instead of beds and tasks). */
  readonly homecare: HomecareState;
  /** A virtual ward's beds and rounds (issue 17), and a home-care unit's shared patients. */
  readonly homehospital: HomehospitalState;
  /** Standardised service pathways: read while the pathways tab or a patient card shows them. */
  readonly pathways: PathwayState;
  /** The board's edits; a second tap on what is still saving is not sent. */
  readonly #saves = liveMutation({ exclusive: true, savedForMs: SAVED_MARK_MS, keepSaved: SAVED_MARKS_KEPT });
  /**
   * The unit as last read. Raw (replaced whole, never mutated): 500 tasks are not worth a deep
   * proxy, and unchanged records keep their identity across reads, so only what changed re-renders.
   */
  readonly #ward = liveQuery<WardView>({
    read: async () => {
      const read = ++this.#reads;
      this.#fullRead = read;
      const result = await this.#api.call('ward.state', {});
      return result.ok ? ok({ state: toCorridorState(result.value), laterTasks: result.value.laterTasks, pathwaySteps: result.value.pathwaySteps }) : result;
    },
    keep: keepWard,
    // Reads never overlap: the one landing is the latest started.
    landed: () => {
      this.#settleOptimistic(this.#fullRead);
      this.#saves.prune();
    },
  });
  /** Task changes shown ahead of main's answer (the tap paints at once). */
  #optimistic = $state<Record<string, Pick<Task, 'status' | 'doneAt' | 'doneBy'>>>({});
  /** Reads started so far, and for each settled tap the count when it was saved: only a read
   *  started after that may overrule what the tap shows (an older one cannot know of it). */
  #reads = 0;
  /** The read number of the latest full read: a task read started before it knows less. */
  #fullRead = 0;
  #savedAtRead: Record<string, number> = {};
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
    this.homecare = new HomecareState(api, this.session);
    this.homehospital = new HomehospitalState(api, this.session);
    this.pathways = new PathwayState(api, this.session);
  }

  /** The unit as last read, without personal data; null until the first answer. */
  get current(): CorridorState | null {
    return this.#ward.value?.state ?? null;
  }

  /** Open tasks due beyond what is shown (tomorrow and later). */
  get laterTasks(): number {
    return this.#ward.value?.laterTasks ?? 0;
  }

  /** Each patient's earliest open pathway step, by stay (the overview's bed cards chip the urgent ones). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- derived: replaced whole with each read, never mutated
  pathwayNext = $derived(new Map((this.#ward.value?.pathwaySteps ?? []).map((step) => [step.stayId, step])));

  /** Why the last read failed, or null; `current` then still holds the last good state. */
  get loadError(): Problem | null {
    return this.#ward.error;
  }

  /**
   * Loads now and again after every change to what the board shows — a change naming a few tasks
   * (a tap, here or on another board) by reading just those; returns the unsubscribe.
   */
  start(): () => void {
    const unsubscribe = followChanges(this.#api, () => void this.load(), {
      reads: READS['ward.state'],
      patchTasks: (ids) => void this.#refreshTasks(ids),
    });
    const stopSession = this.session.start();
    const stopSync = this.sync.start();
    return () => {
      unsubscribe();
      stopSession();
      stopSync();
      clearTimeout(this.#undoTimer);
    };
  }

  /** Reads the unit's state from main; a change announced during a read costs one more read when it lands, not one each. */
  load(): Promise<void> {
    return this.#ward.load();
  }

  /**
   * After a tap (this board's or another's): reads just the tasks it touched and patches them in,
   * instead of the whole unit (500 tasks). A full read in flight, or one that starts meanwhile,
   * covers them instead.
   */
  async #refreshTasks(ids: string[]): Promise<void> {
    if (this.#ward.loading || this.#ward.value === null) return this.load();
    const read = ++this.#reads;
    const result = await this.#api.call('ward.tasks', { ids });
    const shown = this.#ward.value;
    if (this.#fullRead > read) return;
    if (!result.ok || shown === null) return this.load();
    const tasks = patchTasks(shown.state.tasks, result.value.tasks, result.value.gone, RECENT_DONE_LIMIT);
    this.#ward.set({
      state: tasks === shown.state.tasks ? shown.state : { ...shown.state, tasks },
      laterTasks: result.value.laterTasks,
      pathwaySteps: result.value.pathwaySteps ? keepSteps(shown.pathwaySteps, result.value.pathwaySteps) : shown.pathwaySteps,
    });
    this.#settleOptimistic(read, ids);
    this.#saves.prune();
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

  /**
   * Admits a patient (an unlocked screen only); saved under `admit:<bed>`. The nurse who just wrote
   * the name sees it on the card that is open on the bed: the new stay is revealed (and logged) at once.
   */
  async admit(input: CommandInput<'stay.admit'>): Promise<boolean> {
    let admitted: string | undefined;
    const saved = await this.#save(`admit:${input.bed ?? 'list'}`, undefined, undefined, async () => {
      const result = await this.#call('stay.admit', input);
      if (result?.ok) admitted = (result.value as { id: string }).id;
      return result;
    });
    if (saved && admitted !== undefined) await this.session.reveal([admitted]);
    return saved;
  }

  /** Changes one part of a stay's plan (nurse, ADL, expected discharge); saved under `plan:<stay>:<part>`. */
  plan(stayId: string, part: 'nurse' | 'adl' | 'expectedDischarge', fields: Omit<CommandInput<'stay.plan'>, 'stayId'>): Promise<boolean> {
    return this.#save(`plan:${stayId}:${part}`, undefined, undefined, () => this.#call('stay.plan', { stayId, ...fields }));
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
    return this.#saves.status[`task:${id}`];
  }

  /** Where any edit stands, by its key (`bed:101`, `flag:<stay>:fall`, `note:<stay>`, …). */
  saveStatus(key: string): SaveStatus | undefined {
    return this.#saves.status[key];
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
    if (this.#saves.busy(key)) return false;
    if (taskId !== undefined && shown !== undefined) {
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- turned into a string at once, never kept
      const doneAt = new Date().toISOString();
      // A locked screen's tap is the board's: no name until main says whose it was.
      const doneBy = this.session.grant?.staff.name ?? null;
      this.#optimistic[taskId] = shown === 'open' ? { status: 'open', doneAt: null, doneBy: null } : { status: shown, doneAt, doneBy };
      delete this.#savedAtRead[taskId];
    }
    const result = await this.#saves.run(key, run);
    // Null: the PIN dialog was closed, nothing was sent.
    if (result?.ok) {
      if (taskId !== undefined) this.#savedAtRead[taskId] = this.#reads;
    } else if (taskId !== undefined) {
      delete this.#optimistic[taskId];
    }
    return result?.ok === true;
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

  #offerUndo(offer: UndoOffer): void {
    clearTimeout(this.#undoTimer);
    this.undo = offer;
    this.#undoTimer = setTimeout(() => (this.undo = null), UNDO_SECONDS * 1000);
  }
}
