/** The board's state: one unit in corridor view, kept current from main's events, and its edits. */

import type { ApiClient } from '../../../shared/api/client.js';
import type { ErrorCode, Result } from '../../../shared/api/result.js';
import { toCorridorState, type CorridorState } from './corridor-view.js';
import type { SaveStatus } from './save-status.js';

/** Who edits from the board until staff sign in with a PIN. */
export const BOARD_ACTOR = 'Tavla';

/** One unit's board: load, follow changes, run edits and report whether each is saved. */
export class BoardState {
  /** The unit as last read, without personal data; null until the first answer. */
  current = $state<CorridorState | null>(null);
  /** Why the last read failed, or null; `current` then still holds the last good state. */
  loadError = $state<{ code: ErrorCode; message: string } | null>(null);
  #saves = $state<Record<string, SaveStatus>>({});
  #loadSeq = 0;
  readonly #api: ApiClient;

  constructor(api: ApiClient) {
    this.#api = api;
  }

  /** Loads now and again on every state change; returns the unsubscribe. */
  start(): () => void {
    const unsubscribe = this.#api.on('state.changed', () => void this.load());
    void this.load();
    return unsubscribe;
  }

  /** Reads the unit's state from main. */
  async load(): Promise<void> {
    const seq = ++this.#loadSeq;
    const result = await this.#api.call('unit.state', {});
    // Answers can overtake each other; only the latest read may land.
    if (seq !== this.#loadSeq) return;
    if (result.ok) {
      this.current = toCorridorState(result.value);
      this.loadError = null;
    } else {
      this.loadError = { code: result.code, message: result.message };
    }
  }

  /** Marks a task done; follow it with taskSaveStatus(id). */
  completeTask(id: string, by: string): Promise<void> {
    return this.#save(`task:${id}`, () => this.#api.call('task.complete', { id, by }));
  }

  /** Where the last edit of a task stands, if it was edited on this screen. */
  taskSaveStatus(id: string): SaveStatus | undefined {
    return this.#saves[`task:${id}`];
  }

  async #save(key: string, run: () => Promise<Result<unknown>>): Promise<void> {
    // A second tap while the first is in flight would only log a duplicate edit.
    if (this.#saves[key]?.state === 'pending') return;
    this.#saves[key] = { state: 'pending' };
    const result = await run();
    this.#saves[key] = result.ok ? { state: 'saved' } : { state: 'failed', code: result.code, message: result.message };
  }
}
