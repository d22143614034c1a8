/**
 * What a board's and the hub's services both are over their replica core: the store, the node id,
 * the clock watch, the event stream, the sync status and closing. Each role's service adds its own
 * commands (main/board/board-service.ts, main/hub/hub-service.ts).
 */

import type { SyncStatus } from '../../shared/api/contract.js';
import type { Db } from '../store/database.js';
import type { FieldStore } from '../store/field-store.js';
import type { ClockWatch } from '../sync/clock-watch.js';
import { ReplicaCore, type ReplicaCoreOptions } from './replica-core.js';

export abstract class ReplicaService {
  readonly db: Db;
  readonly store: FieldStore;
  readonly nodeId: string;
  /** The clock's standing against the unit's, whose reference time the store's HLC reads. */
  readonly clock: ClockWatch;
  readonly emit: ReplicaCore['emit'];
  readonly subscribe: ReplicaCore['subscribe'];
  readonly setSyncStatus: ReplicaCore['setSyncStatus'];
  protected readonly core: ReplicaCore;

  constructor(core: ReplicaCoreOptions) {
    this.core = new ReplicaCore(core);
    ({ db: this.db, store: this.store, nodeId: this.nodeId, clock: this.clock, emit: this.emit, subscribe: this.subscribe, setSyncStatus: this.setSyncStatus } = this.core);
  }

  /** The link to the broker and the outbox, as last told (`sync.status`). */
  get syncStatus(): SyncStatus {
    return this.core.syncStatus;
  }

  close(): void {
    this.core.close();
  }
}
