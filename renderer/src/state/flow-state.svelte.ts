/** Patient flow on a board: its transfers, the allocation office's patients, and each step's save status. */

import type { ApiClient } from '../../../shared/api/client.js';
import { api } from '../api/api.js';
import type { AllocationState, DeclineReason, FlowState as FlowStateValue } from '../../../shared/api/commands/flow.js';
import type { BoardCommandName, CommandInput } from '../../../shared/api/contract.js';
import { problemOf, type Problem, type Result } from '../../../shared/api/result.js';
import type { SaveStatus } from './save-status.js';
import { followChanges } from './follow-changes.js';
import type { SessionState } from './session-state.svelte.js';

const RELOAD_AFTER_MS = 150;

export class FlowState {
  /** Transfers both ways, other units' capacity, this unit's free beds. */
  current = $state<FlowStateValue | null>(null);
  /** The allocation office's hospital patients; loaded only on its board. */
  allocation = $state<AllocationState | null>(null);
  loadError = $state<Problem | null>(null);
  #saves = $state<Record<string, SaveStatus>>({});
  #loadSeq = 0;
  readonly #api: ApiClient;
  #withAllocation = false;
  /** The screen's session: every transfer step needs an unlocked screen, and asks for the PIN first. */
  #session: SessionState | undefined;

  constructor(client: ApiClient) {
    this.#api = client;
  }

  /**
   * Loads now and after every change (a burst of synced edits becomes one reload); the allocation
   * office's board also loads its hospital patients. Returns the stop.
   */
  start(options: { session: SessionState; allocation?: boolean }): () => void {
    this.#withAllocation = options.allocation ?? false;
    this.#session = options.session;
    return followChanges(this.#api, () => void this.load(), RELOAD_AFTER_MS);
  }

  async load(): Promise<void> {
    const seq = ++this.#loadSeq;
    const [flow, allocation] = await Promise.all([
      this.#api.call('flow.state', {}),
      this.#withAllocation ? this.#api.call('flow.allocation', {}) : Promise.resolve(undefined),
    ]);
    // Answers can overtake each other; only the latest read may land.
    if (seq !== this.#loadSeq) return;
    const failed = !flow.ok ? flow : allocation && !allocation.ok ? allocation : undefined;
    if (failed && !failed.ok) {
      this.loadError = problemOf(failed);
      return;
    }
    if (flow.ok) this.current = flow.value;
    if (allocation?.ok) this.allocation = allocation.value;
    this.loadError = null;
  }

  request(stayId: string, toUnit: string): Promise<void> {
    return this.#save(`request:${stayId}`, () => this.#send('transfer.request', { stayId, toUnit }));
  }

  cancel(id: string): Promise<void> {
    return this.#save(id, () => this.#send('transfer.cancel', { id }));
  }

  accept(id: string, bed: string | undefined): Promise<void> {
    return this.#save(id, () => this.#send('transfer.accept', { id, ...(bed ? { bed } : {}) }));
  }

  decline(id: string, reason: DeclineReason | undefined): Promise<void> {
    return this.#save(id, () => this.#send('transfer.decline', { id, ...(reason ? { reason } : {}) }));
  }

  schedule(id: string, scheduledFor: string, bed: string | undefined): Promise<void> {
    return this.#save(id, () => this.#send('transfer.schedule', { id, scheduledFor, ...(bed ? { bed } : {}) }));
  }

  complete(id: string, bed: string | undefined): Promise<void> {
    return this.#save(id, () => this.#send('transfer.complete', { id, ...(bed ? { bed } : {}) }));
  }

  place(id: string, bed: string): Promise<void> {
    return this.#save(id, () => this.#send('transfer.place', { id, bed }));
  }

  setRate(dailyRate: number): Promise<void> {
    return this.#save('rate', () => this.#send('flow.setRate', { dailyRate }));
  }

  /** Where the last step on a transfer (or a request for a stay: `request:<stayId>`) stands. */
  saveStatus(key: string): SaveStatus | undefined {
    return this.#saves[key];
  }

  #send<K extends BoardCommandName>(command: K, input: CommandInput<K>): Promise<Result<unknown> | null> {
    if (!this.#session) return Promise.resolve(null);
    return this.#session.send(command, input);
  }

  async #save(key: string, run: () => Promise<Result<unknown> | null>): Promise<void> {
    // A second tap while the first is in flight would be refused by main as out of order anyway.
    if (this.#saves[key]?.state === 'pending') return;
    this.#saves[key] = { state: 'pending' };
    const result = await run();
    // Null: the PIN dialog was closed, nothing was sent.
    if (result === null) delete this.#saves[key];
    else this.#saves[key] = result.ok ? { state: 'saved' } : { state: 'failed', ...problemOf(result) };
  }
}

/** One per page, like the board's language: the transfer panel and the allocation office read it. */
export const flow = new FlowState(api);
