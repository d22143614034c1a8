/** A replica's sync status, as /healthz, the `sync.status` event and the offline banner report it. */

/**
 * Why the broker link is down: TLS failed either way (`certificate`), the broker refused the
 * identity (`not-authorised`), or nothing answered (`unreachable`).
 */
export type BrokerRefusal = 'certificate' | 'not-authorised' | 'unreachable';

export interface SyncStatus {
  /** `refused`: the broker said no (certificate, identity), or has never answered since start. */
  broker: 'connected' | 'offline' | 'refused';
  /** Why it is not connected, once an attempt failed; absent or null while connected. */
  brokerReason?: BrokerRefusal | null;
  offlineSince: string | null;
  outbox: number;
  rejected: number;
  /** `rejected` by the wall that refused it (docs/protocol.md, Walls): schema, scope, side, sender, … */
  rejectedBy?: Record<string, number>;
  lastSyncAt: string | null;
  clock: ClockStatus;
  storage: StorageStatus;
}

/** A replica's status before it has heard from a broker: offline, clock and storage ok. */
export const OFFLINE_STATUS: SyncStatus = {
  broker: 'offline',
  offlineSince: null,
  outbox: 0,
  rejected: 0,
  lastSyncAt: null,
  clock: { state: 'ok', offsetMs: 0, since: null },
  storage: { state: 'ok', error: null, since: null },
};

/** This replica's clock as its peers see it: `ahead` holds its changes, `behind` follows the unit's time. */
export interface ClockStatus {
  state: 'ok' | 'ahead' | 'behind';
  /** Its peers' clocks minus its own (median), in ms: negative when it runs ahead. */
  offsetMs: number;
  since: string | null;
}

/** Whether the replica's SQLite file takes writes; anything but `ok` refuses edits. */
export interface StorageStatus {
  state: 'ok' | 'full' | 'read-only' | 'failing';
  error: string | null;
  since: string | null;
}
