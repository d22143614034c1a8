/** The board's link to the broker as the offline banner shows it: asked once, then kept by events. */

import type { ApiClient } from '../../../shared/api/client.js';
import type { SyncStatus } from '../../../shared/api/contract.js';

export class SyncState {
  status = $state<SyncStatus | null>(null);
  readonly #api: ApiClient;

  constructor(api: ApiClient) {
    this.#api = api;
  }

  get offline(): boolean {
    return this.status !== null && this.status.broker !== 'connected';
  }

  /** Asks now, follows `sync.status` events; returns the unsubscribe. */
  start(): () => void {
    const unsubscribe = this.#api.on('sync.status', (status) => {
      this.status = status;
    });
    // After the socket comes back, events sent meanwhile are lost: ask again (the transport
    // announces a reconnect as a state change).
    const unsubscribeReconnect = this.#api.on('state.changed', ({ collections }) => {
      if (collections.length === 0) void this.load();
    });
    void this.load();
    return () => {
      unsubscribe();
      unsubscribeReconnect();
    };
  }

  async load(): Promise<void> {
    const result = await this.#api.call('sync.state', {});
    if (result.ok) this.status = result.value;
  }
}
