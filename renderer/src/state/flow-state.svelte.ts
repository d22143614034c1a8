/** Patient flow on a board: its transfers, the allocation office's patients, and each step's save status. */

import type { ApiClient } from '../../../shared/api/client.js';
import { api } from '../api/api.js';
import type { AllocationState, DeclineReason, FlowState as FlowStateValue, TransferView } from '../../../shared/api/commands/flow.js';
import type { RiskFlag } from '../../../shared/domain/schema.js';
import type { BoardCommandName, CommandInput, CommandOutput } from '../../../shared/api/contract.js';
import type { Result } from '../../../shared/api/result.js';
import { followChanges } from './follow-changes.js';
import { liveMutation, liveQuery } from './live.svelte.js';
import { READS } from './reads.js';
import type { Problem, SaveStatus } from './save-status.js';
import type { SessionState } from './session-state.svelte.js';
import { playChime } from './chime.js';

const RELOAD_AFTER_MS = 150;
/** What the ward board shows of flow only in the open transfers panel (and the audit entry every edit writes). */
const BEDS_AND_STAYS: readonly string[] = ['bed', 'stay', 'auditEntry'];

/** What the sender adds to a request: a short summary, and the care level and flags a hospital patient has none of. */
export interface RequestDetails {
  summary?: string;
  adl?: number;
  flags?: RiskFlag[];
}

/** A request to this unit still waiting for its answer. */
const isNewRequest = (t: TransferView) => t.direction === 'in' && t.state === 'requested' && t.steps.includes('accept');

export class FlowState {
  readonly #api: ApiClient;
  // Read with the session while unlocked: only then does main add the senders' summaries (personal).
  readonly #flow = liveQuery<FlowStateValue>({ read: () => this.#read('flow.state'), landed: (value) => this.#heard(value) });
  readonly #allocation = liveQuery<AllocationState>({ read: () => this.#read('flow.allocation') });
  /** Requests to this unit the banner shows: waiting for an answer and not closed on this screen. */
  #dismissed = $state<Record<string, true>>({});
  /** Whether this screen plays a sound on a new request (a ward setting, off by default). */
  chimeOn = $state(false);
  /** Requests this page has seen (plain bookkeeping): null until the first read, so a restart does not ring for old ones. */
  #heardOf: Record<string, true> | null = null;
  /** Whether the screen was unlocked at the last read (plain bookkeeping). */
  #unlocked = false;
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

  /** New requests to this unit the banner shows (not yet answered, not closed on this screen). */
  get newRequests(): TransferView[] {
    return (this.#flow.value?.transfers ?? []).filter((t) => isNewRequest(t) && !(t.id in this.#dismissed));
  }

  /** The banner was closed, or its requests opened: it shows them no more on this screen. */
  acknowledge(ids: string[]): void {
    this.#dismissed = { ...this.#dismissed, ...Object.fromEntries(ids.map((id) => [id, true] as const)) };
  }

  /**
   * The screen locked or unlocked: the summaries come with an unlocked read only, and leave the
   * page the moment it locks (stripped at once, then read again in corridor form).
   */
  followSession(unlocked: boolean): void {
    if (unlocked === this.#unlocked) return;
    this.#unlocked = unlocked;
    if (!unlocked) {
      const flowValue = this.#flow.value;
      if (flowValue) this.#flow.set({ ...flowValue, transfers: flowValue.transfers.map(withoutSummary) });
      const allocation = this.#allocation.value;
      if (allocation) this.#allocation.set({ ...allocation, patients: allocation.patients.map((p) => ({ ...p, transfer: p.transfer && withoutSummary(p.transfer) })) });
    }
    void this.load();
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
    this.#unlocked = options.session.unlocked;
    void this.#readChime();
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

  request(stayId: string, toUnit: string, details: RequestDetails = {}): Promise<void> {
    const extra = {
      ...(details.summary?.trim() ? { summary: details.summary.trim() } : {}),
      ...(details.adl !== undefined ? { adl: details.adl } : {}),
      ...(details.flags !== undefined ? { flags: details.flags } : {}),
    };
    return this.#save(`request:${stayId}`, () => this.#send('transfer.request', { stayId, toUnit, ...extra }));
  }

  /** Turns the new-request sound on or off on this screen (a unit leader's setting: asks for the PIN). */
  setChime(on: boolean): Promise<void> {
    return this.#save('chime', async () => {
      const result = await this.#send('ward.configure', { transferChime: on ? 1 : 0 });
      if (result?.ok) this.chimeOn = (result.value as CommandOutput<'ward.configure'>).transferChime === 1;
      return result;
    });
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

  async #read<K extends 'flow.state' | 'flow.allocation'>(command: K): Promise<Result<CommandOutput<K>>> {
    // A read needs no session (session.send never waits for a PIN for one); it carries it while unlocked.
    const sent = this.#session ? await this.#session.send(command, {} as CommandInput<K>) : null;
    return sent ?? this.#api.call(command, {} as CommandInput<K>);
  }

  async #readChime(): Promise<void> {
    const result = await this.#api.call('ward.settings', {});
    if (result.ok) this.chimeOn = result.value.transferChime === 1;
  }

  /** A read landed: a request this page had not seen rings once, when the screen's sound is on. */
  #heard(value: FlowStateValue): void {
    const requests = value.transfers.filter(isNewRequest).map((t) => t.id);
    const known = this.#heardOf;
    this.#heardOf = { ...known, ...Object.fromEntries(requests.map((id) => [id, true] as const)) };
    if (known === null) return;
    const fresh = requests.filter((id) => !(id in known));
    if (fresh.length > 0) void this.#ring(fresh.length);
  }

  async #ring(count: number): Promise<void> {
    // The setting is read again, so a change made on another screen of this board counts at once.
    await this.#readChime();
    if (this.chimeOn) for (let i = 0; i < count; i += 1) playChime(i);
  }

  #send<K extends BoardCommandName>(command: K, input: CommandInput<K>): Promise<Result<unknown> | null> {
    if (!this.#session) return Promise.resolve(null);
    return this.#session.send(command, input);
  }

  async #save(key: string, run: () => Promise<Result<unknown> | null>): Promise<void> {
    await this.#saves.run(key, run);
  }
}

function withoutSummary(t: TransferView): TransferView {
  return t.summary === null ? t : { ...t, summary: null };
}

/** One per page, like the board's language: the transfer panel and the allocation office read it. */
export const flow = new FlowState(api);
