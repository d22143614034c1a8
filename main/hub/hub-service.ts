/** The hub's services: a durable replica of every unit of one municipality. */

import { join } from 'node:path';
import { OFFLINE_STATUS, type EventMap, type EventName, type SyncStatus } from '../../shared/api/contract.js';
import { ok, type Result } from '../../shared/api/result.js';
import { HUB_COMMANDS, type BoardLink } from '../../shared/api/contract.js';
import { dispatchCommand, type Handlers } from '../replica/dispatch.js';
import { flowHubCommands } from './flow-hub-commands.js';
import { unitOverviews } from './hub-overview.js';
import { operatorLeaderCommands } from '../leader/leader-commands.js';
import type { UnitState } from '../../shared/domain/types.js';
import { HUB_SCOPE } from '../../shared/sync/protocol.js';
import type { Db } from '../store/database.js';
import type { FieldStore } from '../store/field-store.js';
import { readUnitState } from '../store/read-model.js';
import { openReplicaStore } from '../store/replica-store.js';
import type { ClockWatch } from '../sync/clock-watch.js';
import type { EventListener } from '../board/board-service.js';
import type { HubContext } from './hub-context.js';

export class HubService implements HubContext {
  readonly db: Db;
  readonly store: FieldStore;
  readonly nodeId: string;
  readonly clock: ClockWatch;
  private readonly listeners = new Set<EventListener>();
  syncStatus: SyncStatus = { ...OFFLINE_STATUS };
  /** Where each unit's board can be opened (the demo knows; a real deployment may configure it). */
  directory: BoardLink[] = [];

  constructor(readonly options: { dataDir: string; municipality: string; horizonMs?: number }) {
    ({ db: this.db, nodeId: this.nodeId, store: this.store, clock: this.clock } = openReplicaStore(join(options.dataDir, 'hub.sqlite'), 'hub', HUB_SCOPE, { horizonMs: options.horizonMs }));
    this.store.health.onChange = (storage) => this.setSyncStatus({ ...this.syncStatus, storage });
  }

  /** Every unit the hub holds a scope for. */
  unitIds(): string[] {
    return (this.db.prepare('SELECT DISTINCT scope FROM field_state WHERE scope != ? ORDER BY scope').all(HUB_SCOPE) as { scope: string }[]).map(
      (row) => row.scope,
    );
  }

  units(): UnitState[] {
    return this.unitIds().map((unit) => readUnitState(this.db, unit));
  }

  health() {
    return { ok: this.store.health.ok, role: 'hub', municipality: this.options.municipality, nodeId: this.nodeId, units: this.unitIds().length, ...this.syncStatus };
  }

  /** Operator's view on loopback: every unit the hub holds. */
  stateSnapshot() {
    return { municipality: this.options.municipality, units: this.units() };
  }

  dispatch(command: string, input: unknown): Result<unknown> {
    return dispatchCommand<HubService>(hubCommands, this, command, input);
  }

  emit<K extends EventName>(event: K, data: EventMap[K]): void {
    for (const listener of this.listeners) listener(event, data);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setSyncStatus(status: SyncStatus): void {
    this.syncStatus = status;
    this.emit('sync.status', status);
  }

  close(): void {
    this.listeners.clear();
    this.db.close();
  }
}

/** What the hub answers: its identity, where the boards are, and aggregates for the leader view. */
const hubCommands: Handlers<HubService> = {
  'app.info': (hub) => ok({ role: 'hub', municipality: hub.options.municipality, unit: null, nodeId: hub.nodeId, unitKind: null }),
  'hub.directory': (hub) => ok(hub.directory),
  'hub.overview': (hub) => ok(unitOverviews(hub.db, new Date())),
  ...operatorLeaderCommands,
  ...flowHubCommands,
} satisfies Handlers<HubService>;

/** Hub commands of the contract that have no handler (a test keeps this empty). */
export function unansweredHubCommands(): string[] {
  return Object.keys(HUB_COMMANDS).filter((name) => !(name in hubCommands));
}
