/** The board's link to the broker as the offline banner shows it: asked once, then kept by `sync.status` events, never re-read per edit. */

import type { ApiClient } from '../../../shared/api/client.js';
import type { SyncStatus } from '../../../shared/api/contract.js';
import { liveQuery } from './live.svelte.js';

export class SyncState {
  readonly #api: ApiClient;
  readonly #status = liveQuery<SyncStatus>({ read: () => this.#api.call('sync.state', {}) });

  constructor(api: ApiClient) {
    this.#api = api;
  }

  get status(): SyncStatus | null {
    return this.#status.value;
  }

  get offline(): boolean {
    return this.status !== null && this.status.broker !== 'connected';
  }

  /** Asks now, follows `sync.status` events; returns the unsubscribe. */
  start(): () => void {
    const unsubscribe = this.#api.on('sync.status', (status) => this.#status.set(status));
    // After the socket comes back, events sent meanwhile are lost: ask again (the transport
    // announces a reconnect as a change of anything, an empty list). An edit's change names what
    // it touched, and its status comes as an event: no read.
    const unsubscribeReconnect = this.#api.on('state.changed', ({ collections }) => {
      if (collections.length === 0) void this.load();
    });
    void this.load();
    return () => {
      unsubscribe();
      unsubscribeReconnect();
    };
  }

  load(): Promise<void> {
    return this.#status.load();
  }
}
