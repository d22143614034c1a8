/** One board's services: its unit's store, the command dispatcher and the event stream. */

import { join } from 'node:path';
import { OFFLINE_STATUS, type EventMap, type EventName, type SyncStatus } from '../../shared/api/contract.js';
import type { Result } from '../../shared/api/result.js';
import type { Db } from '../store/database.js';
import type { FieldStore } from '../store/field-store.js';
import { openReplicaStore } from '../store/replica-store.js';
import type { ClockWatch } from '../sync/clock-watch.js';
import { readUnitState } from '../store/read-model.js';
import type { Change } from '../../shared/sync/change.js';
import { corridorUnitState } from '../ward/corridor-state.js';
import { dispatchCommand } from '../replica/dispatch.js';
import type { CommandContext } from '../replica/command-context.js';
import { flowCommands } from '../flow/flow-commands.js';
import { unitCommands } from '../unit/unit-commands.js';
import { wardCommands } from '../ward/ward-commands.js';
import { authorize } from '../staff/sessions.js';
import { WARD_QUIET_COMMANDS } from '../../shared/api/commands/ward.js';
import { FLOW_QUIET_COMMANDS } from '../../shared/api/commands/flow.js';
import { ok } from '../../shared/api/result.js';

export interface BoardOptions {
  dataDir: string;
  municipality: string;
  unit: string;
  now?: () => Date;
  /** The collection horizon of its store. */
  horizonMs?: number;
}

/** Up to this many tasks in one synced batch are named in `state.changed` (ward.tasks reads at most 200). */
const PATCHABLE_TASKS = 50;

const READ_ONLY = new Set(['unit.state', 'app.info', ...WARD_QUIET_COMMANDS, ...FLOW_QUIET_COMMANDS]);

/** A commit's changes as screens hear of them: the collections, and a few tasks by id (a screen re-reads just those). */
function changedEvent(changes: readonly Change[]): EventMap['state.changed'] {
  const collections = [...new Set(changes.map((change) => change.c))];
  const tasks = [...new Set(changes.filter((change) => change.c === 'task').map((change) => change.id))];
  const onlyTasks = tasks.length > 0 && tasks.length <= PATCHABLE_TASKS && collections.every((c) => c === 'task' || c === 'auditEntry');
  return onlyTasks ? { collections, tasks } : { collections };
}

export type EventListener = <K extends EventName>(event: K, data: EventMap[K]) => void;

export class BoardService {
  readonly db: Db;
  readonly store: FieldStore;
  readonly nodeId: string;
  /** The clock's standing against the unit's, whose reference time the store's HLC reads. */
  readonly clock: ClockWatch;
  private readonly listeners = new Set<EventListener>();
  private readonly now: () => Date;
  /** What this board's own commits changed during the command running now (from the store's commit hook). */
  private committed: Change[] = [];
  syncStatus: SyncStatus = { ...OFFLINE_STATUS };

  constructor(readonly options: BoardOptions) {
    ({ db: this.db, nodeId: this.nodeId, store: this.store, clock: this.clock } = openReplicaStore(join(options.dataDir, 'tavla.sqlite'), 'board', options.unit, { horizonMs: options.horizonMs }));
    this.now = options.now ?? (() => new Date());
    this.syncStatus.outbox = this.store.outboxSize();
    this.store.health.onChange = (storage) => this.setSyncStatus({ ...this.syncStatus, storage });
    this.store.onCommit(({ origin, changes }) => {
      if (origin === 'local') this.committed.push(...changes);
    });
  }

  get unit(): string {
    return this.options.unit;
  }

  /**
   * Runs one command for a screen or script. The actor is never the caller's to say: it is the
   * staff member of the session the input carries (commands/access.ts says which commands need one).
   */
  dispatch(command: string, input: unknown): Result<unknown> {
    const logged = this.store.localChanges;
    this.committed = [];
    const result = this.run(command, input);
    const edited = result.ok && !READ_ONLY.has(command);
    // An access that changes no state (an unlock, a refused PIN, a lapsed session) still logs its
    // audit entry, which syncs like an edit.
    if (edited || this.store.localChanges !== logged) {
      this.afterCommit();
      this.syncStatus.outbox = this.store.outboxSize();
      if (edited) this.emit('state.changed', changedEvent(this.committed));
      this.emit('sync.status', this.syncStatus);
    }
    return result;
  }

  private run(command: string, input: unknown): Result<unknown> {
    const call = authorize(this.store, command, input, this.now());
    if (!call.ok) return call;
    const { staff, setup, session } = call.value;
    const ctx: CommandContext = {
      store: this.store,
      municipality: this.options.municipality,
      unit: this.unit,
      actor: staff?.name ?? (setup ? 'setup' : boardActor(this.nodeId)),
      staff,
      session,
      now: this.now,
      syncStatus: () => this.syncStatus,
    };
    return dispatchCommand<CommandContext>(
      { ...unitCommands, ...wardCommands, ...flowCommands, 'app.info': () => ok(this.info()) },
      ctx,
      command,
      call.value.input,
    );
  }

  /** Hooked by the sync engine: publish the outbox after every local commit. */
  afterCommit: () => void = () => undefined;

  /** What the sync engine reports: remote changes merged, or a new connection status. */
  remoteApplied(changes: readonly Change[]): void {
    this.emit('state.changed', changedEvent(changes));
  }

  setSyncStatus(status: SyncStatus): void {
    this.syncStatus = status;
    this.emit('sync.status', status);
  }

  info() {
    const kind = this.db.prepare('SELECT kind FROM unit WHERE id = ? AND deleted = 0').get(this.unit) as { kind: string } | undefined;
    return { role: 'board' as const, municipality: this.options.municipality, unit: this.unit, nodeId: this.nodeId, unitKind: kind?.kind ?? null };
  }

  state() {
    return readUnitState(this.db, this.unit);
  }

  /** `GET /api/state`: the unit as `unit.state` gives it, personal fields blanked (names need a session). */
  stateSnapshot() {
    return corridorUnitState(this.state());
  }

  health() {
    return {
      ok: this.store.health.ok,
      role: 'board',
      municipality: this.options.municipality,
      unit: this.unit,
      nodeId: this.nodeId,
      ...this.syncStatus,
    };
  }

  emit<K extends EventName>(event: K, data: EventMap[K]): void {
    for (const listener of this.listeners) listener(event, data);
  }

  /** Subscribes to every event; returns the unsubscribe. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.listeners.clear();
    this.db.close();
  }
}

/** The audit actor of an edit made on a locked screen: the board, never a person. */
export const boardActor = (nodeId: string): string => `tavla ${nodeId}`;
