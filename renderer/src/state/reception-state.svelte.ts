/**
 * The shared reception's queue: read with the screen's session while it is unlocked (the own
 * organisation's private fields then come along), without it when locked; read again on every
 * synced change, on lock and unlock, and every half minute (the minutes shown are a matter of time).
 */

import type { EncounterList } from '../../../shared/api/commands/encounter.js';
import type { BoardCommandName, CommandInput } from '../../../shared/api/contract.js';
import type { Disposition, TriageColour } from '../../../shared/reception/reception-kinds.js';
import { fail, type Result } from '../../../shared/api/result.js';
import { api } from '../api/api.js';
import { followChanges } from './follow-changes.js';
import { liveMutation, liveQuery } from './live.svelte.js';
import { READS } from './reads.js';
import type { Problem, SaveStatus } from './save-status.js';
import type { SessionState } from './session-state.svelte.js';

const RELOAD_AFTER_MS = 150;
const TICK_MS = 30_000;

export class ReceptionState {
  #session: SessionState | undefined;
  readonly #list = liveQuery<EncounterList>({ read: () => this.#read() });
  readonly #saves = liveMutation({ exclusive: true });

  get current(): EncounterList | null {
    return this.#list.value;
  }

  get loadError(): Problem | null {
    return this.#list.error;
  }

  /** Loads now, after every change to encounters, and every half minute; returns the stop. */
  start(session: SessionState): () => void {
    this.#session = session;
    void this.#list.load();
    const stopFollowing = followChanges(api, () => void this.#list.load(), { reads: READS['encounter.list'], delayMs: RELOAD_AFTER_MS });
    const tick = setInterval(() => void this.#list.load(), TICK_MS);
    return () => {
      stopFollowing();
      clearInterval(tick);
    };
  }

  /** The screen locked or unlocked: the private fields come or go. */
  reload(): void {
    void this.#list.load();
  }

  triage(id: string, colour: TriageColour): Promise<void> {
    return this.#save(id, 'encounter.triage', { id, colour });
  }

  assess(id: string): Promise<void> {
    return this.#save(id, 'encounter.assess', { id });
  }

  handover(id: string, to: string): Promise<void> {
    return this.#save(id, 'encounter.handover', { id, to });
  }

  dispose(id: string, disposition: Disposition): Promise<void> {
    return this.#save(id, 'encounter.dispose', { id, disposition });
  }

  saveStatus(id: string): SaveStatus | undefined {
    return this.#saves.status[id];
  }

  async #read(): Promise<Result<EncounterList>> {
    const session = this.#session;
    if (!session) return api.call('encounter.list', {});
    return (await session.send('encounter.list', {})) ?? fail('unauthorized', 'no session');
  }

  async #save<K extends BoardCommandName>(id: string, command: K, input: CommandInput<K>): Promise<void> {
    const session = this.#session;
    if (!session) return;
    await this.#saves.run(id, () => session.send(command, input));
    await this.#list.load();
  }
}

/** One per page, like the alarm state. */
export const reception = new ReceptionState();
