/** Patient flow on a board: its transfers, the allocation office's patients, and each step's save status. */

import type { ApiClient } from '../../../shared/api/client.js';
import { api } from '../api/api.js';
import type { AllocationState, DeclineReason, FlowState as FlowStateValue } from '../../../shared/api/commands/flow.js';
import type { BoardCommandName, CommandInput } from '../../../shared/api/contract.js';
import type { Result } from '../../../shared/api/result.js';
import { followChanges } from './follow-changes.js';
import { liveMutation, liveQuery } from './live.svelte.js';
import { READS } from './reads.js';
import type { Problem, SaveStatus } from './save-status.js';
import type { SessionState } from './session-state.svelte.js';

const RELOAD_AFTER_MS = 150;
/** What the ward board shows of flow only in the open transfers panel (and the audit entry every edit writes). */
const BEDS_AND_STAYS: readonly string[] = ['bed', 'stay', 'auditEntry'];

export class FlowState {
  readonly #api: ApiClient;
  readonly #flow = liveQuery<FlowStateValue>({ read: () => this.#api.call('flow.state', {}) });
  readonly #allocation = liveQuery<AllocationState>({ read: () => this.#api.call('flow.allocation', {}) });
  /** Each transfer step's save status; a second tap on a step still saving is not sent (main would refuse it as out of order). */
  readonly #saves = liveMutation({ exclusive: true });
  #withAllocation = false;
  /** The screen's session: every transfer step needs an unlocked screen, and asks for the PIN first. */
  #session: SessionState | undefined;
  /** Whether the free beds and movable patients are on the screen (the office's board, or the transfers panel open). */
  #detailShown = false;
  /** A bed or stay changed while they were not shown: read when they are. */
  #stale = false;

  constructor(client: ApiClient) {
    this.#api = client;
  }

  /** Transfers both ways, other units' capacity, this unit's free beds. */
  get current(): FlowStateValue | null {
    return this.#flow.value;
  }

  /** The allocation office's hospital patients; loaded only on its board. */
  get allocation(): AllocationState | null {
    return this.#allocation.value;
  }

  get loadError(): Problem | null {
    return this.#flow.error ?? (this.#withAllocation ? this.#allocation.error : null);
  }

  /**
   * Loads now and after every change to transfers, stays, beds or capacity (a burst of synced edits
   * becomes one reload); the allocation office's board also loads its hospital patients. Returns the stop.
   */
  start(options: { session: SessionState; allocation?: boolean }): () => void {
    this.#withAllocation = options.allocation ?? false;
    this.#detailShown = this.#withAllocation;
    this.#session = options.session;
    // A tap on a bed or a patient costs the ward board one read (ward.state): the transfers' count and
    // reservations read transfers, and the free beds and movable patients wait until the panel opens.
    const later = (collections: readonly string[]) => {
      const deferred = !this.#detailShown && collections.every((c) => BEDS_AND_STAYS.includes(c));
      if (deferred) this.#stale = true;
      return deferred;
    };
    return followChanges(this.#api, () => void this.load(), { reads: READS['flow.state'], delayMs: RELOAD_AFTER_MS, later });
  }

  /** The transfers panel opened or closed: once open, what changed meanwhile is read. */
  showDetail(shown: boolean): void {
    this.#detailShown = shown || this.#withAllocation;
    if (this.#detailShown && this.#stale) void this.load();
  }

  async load(): Promise<void> {
    this.#stale = false;
    await Promise.all([this.#flow.load(), this.#withAllocation ? this.#allocation.load() : undefined]);
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
    return this.#saves.status[key];
  }

  #send<K extends BoardCommandName>(command: K, input: CommandInput<K>): Promise<Result<unknown> | null> {
    if (!this.#session) return Promise.resolve(null);
    return this.#session.send(command, input);
  }

  async #save(key: string, run: () => Promise<Result<unknown> | null>): Promise<void> {
    await this.#saves.run(key, run);
  }
}

/** One per page, like the board's language: the transfer panel and the allocation office read it. */
export const flow = new FlowState(api);
