/**
 * A municipality in one process for flow tests: boards and a hub, each with its own SQLite file,
 * and a relay that does what sync does between them (each online board exchanges its whole scope
 * with the hub, the hub settles transfers and refreshes capacity). A board left out of a relay is
 * offline: it keeps working on what it last saw.
 */

import { join } from 'node:path';
import { refreshCapacity } from '../../main/flow/hub-capacity.js';
import { settleTransfers, transfersToReview } from '../../main/flow/hub-settlement.js';
import { BoardService } from '../../main/board/board-service.js';
import { dispatchAs } from '../../main/board/in-process-session.js';
import { HubService } from '../../main/hub/hub-service.js';
import type { FieldStore } from '../../main/store/field-store.js';
import { InboundScope } from '../../main/sync/inbound-scope.js';
import type { Change } from '../../shared/sync/change.js';
import type { Writer } from '../../shared/sync/scope-rules.js';
import type { Result } from '../../shared/api/result.js';
import type { FlowState } from '../../shared/api/commands/flow.js';

export class FlowWorld {
  readonly hub: HubService;
  readonly boards = new Map<string, BoardService>();
  private readonly walls = new Map<FieldStore, InboundScope>();
  now = new Date('2026-11-23T08:00:00Z');

  constructor(private readonly dir: string) {
    this.hub = new HubService({ dataDir: join(dir, 'hub'), municipality: 'fjordvik' });
  }

  /** A board (screen) named `name` of `unit`. */
  add(name: string, unit: string): BoardService {
    const board = new BoardService({ dataDir: join(this.dir, name), municipality: 'fjordvik', unit, now: () => this.now });
    this.boards.set(name, board);
    return board;
  }

  get(name: string): BoardService {
    const board = this.boards.get(name);
    if (!board) throw new Error(`no board ${name}`);
    return board;
  }

  /** Runs a command on a board as its staff member `staff@<name>`, under a session of its own. */
  run(name: string, command: string, input: object = {}): Result<unknown> {
    return dispatchAs(this.get(name), { id: `staff-${name}`, name: `staff@${name}`, role: 'unit-leader' }, command, input);
  }

  /** Runs a command that must succeed; returns the id it answered. */
  id(name: string, command: string, input: object): string {
    const result = this.run(name, command, input);
    if (!result.ok) throw new Error(`${name} ${command}: ${result.code} ${result.message}`);
    return (result.value as { id: string }).id;
  }

  flow(name: string): FlowState {
    const result = this.run(name, 'flow.state');
    if (!result.ok) throw new Error(result.message);
    return result.value as FlowState;
  }

  /** Syncs the named boards (default: all) with the hub until nothing moves. */
  relay(...names: string[]): void {
    const online = (names.length > 0 ? names : [...this.boards.keys()]).map((name) => this.get(name));
    for (let round = 0; round < 3; round += 1) {
      for (const board of online) this.merge(this.hub.store, board.unit, { kind: 'unit', unit: board.unit }, board.store.scopeChanges(board.unit, () => true));
      settleTransfers(this.hub.store, transfersToReview(this.hub.store), this.now);
      refreshCapacity(this.hub.store, this.now);
      for (const board of online) this.merge(board.store, board.unit, { kind: 'hub' }, this.hub.store.scopeChanges(board.unit, () => true));
    }
  }

  /** Merges as sync does, through the receiving replica's walls; a legitimate flow never meets one. */
  private merge(store: FieldStore, scope: string, writer: Writer, changes: Change[]): void {
    const role = store === this.hub.store ? 'hub' : 'board';
    const walls = this.walls.get(store) ?? new InboundScope(store, { municipality: 'fjordvik', role });
    this.walls.set(store, walls);
    const { admitted, refused } = walls.admit(scope, writer, changes);
    if (refused.length > 0) throw new Error(`the walls refused a legitimate change: ${JSON.stringify(refused[0])}`);
    store.applyRemote(admitted, scope);
  }

  close(): void {
    for (const board of this.boards.values()) board.close();
    this.hub.close();
  }
}
