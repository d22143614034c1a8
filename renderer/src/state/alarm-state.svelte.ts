/** The home-care board's alarms: the strip's list, read again on every synced change and every half minute (the banner is a matter of time). */

import type { ApiClient } from '../../../shared/api/client.js';
import type { AlarmList } from '../../../shared/api/commands/alarm.js';
import type { BoardCommandName, CommandInput } from '../../../shared/api/contract.js';
import { api } from '../api/api.js';
import { followChanges } from './follow-changes.js';
import { liveMutation, liveQuery } from './live.svelte.js';
import { READS } from './reads.js';
import type { Problem, SaveStatus } from './save-status.js';
import type { SessionState } from './session-state.svelte.js';

const RELOAD_AFTER_MS = 150;
const TICK_MS = 30_000;

export class AlarmState {
  readonly #api: ApiClient;
  readonly #list = liveQuery<AlarmList>({ read: () => this.#api.call('alarm.list', {}) });
  readonly #saves = liveMutation({ exclusive: true });
  #session: SessionState | undefined;

  constructor(client: ApiClient) {
    this.#api = client;
  }

  get current(): AlarmList | null {
    return this.#list.value;
  }

  get loadError(): Problem | null {
    return this.#list.error;
  }

  /** Loads now, after every change to alarms, and every half minute; returns the stop. */
  start(session: SessionState): () => void {
    this.#session = session;
    const stopFollowing = followChanges(this.#api, () => void this.#list.load(), { reads: READS['alarm.list'], delayMs: RELOAD_AFTER_MS });
    const tick = setInterval(() => void this.#list.load(), TICK_MS);
    return () => {
      stopFollowing();
      clearInterval(tick);
    };
  }

  accept(id: string): Promise<void> {
    return this.#save(id, 'alarm.accept', { id });
  }

  escalate(id: string, reason: string): Promise<void> {
    return this.#save(id, 'alarm.escalate', { id, reason });
  }

  /** Gives the alarm to a route, or takes it off (null). */
  assign(id: string, route: string | null): Promise<void> {
    return this.#save(id, 'alarm.assign', { id, route });
  }

  close(id: string, summary: string): Promise<void> {
    return this.#save(id, 'alarm.close', { id, summary });
  }

  saveStatus(id: string): SaveStatus | undefined {
    return this.#saves.status[id];
  }

  async #save<K extends BoardCommandName>(id: string, command: K, input: CommandInput<K>): Promise<void> {
    const session = this.#session;
    if (!session) return;
    await this.#saves.run(id, () => session.send(command, input));
    await this.#list.load();
  }
}

/** One per page, like the flow state. */
export const alarms = new AlarmState(api);
