/** The hub's services: a durable replica of every unit of one municipality. */

import { join } from 'node:path';
import { ok, type Result } from '../../shared/api/result.js';
import { HUB_COMMANDS, type BoardLink } from '../../shared/api/contract.js';
import { dispatchCommand, type Handlers } from '../replica/dispatch.js';
import { ReplicaService } from '../replica/replica-service.js';
import { flowHubCommands } from './flow-hub-commands.js';
import { unitOverviews } from './hub-overview.js';
import { operatorLeaderCommands } from '../leader/leader-commands.js';
import type { UnitState } from '../../shared/domain/types.js';
import { HUB_SCOPE } from '../../shared/sync/protocol.js';
import { readUnitState } from '../store/read-model.js';
import type { HubContext } from './hub-context.js';
import { UnitReceipts } from './unit-receipts.js';
import { replicaPseudonymSecret, type PseudonymSecret } from '../privacy/pseudonym.js';
import { keyedUnderAnother, unitsKeyedElsewhere } from '../replica/keyed-under.js';
import { logger } from '../log.js';

/** The hub: the replica core on every unit's scope, and the hub's own commands (overview, leader, flow). */
export class HubService extends ReplicaService implements HubContext {
  /** Where each unit's board can be opened (the demo knows; a real deployment may configure it). */
  directory: BoardLink[] = [];
  /** When each unit last reported, for the leader view's "data sist mottatt" (the runtime feeds it). */
  readonly receipts = new UnitReceipts();
  /** The aggregate sink's state for `/healthz`, when the runtime started one (main/warehouse/warehouse-sink.ts, WarehouseStatus). */
  warehouse: (() => object) | undefined;

  /** What PLO patients are keyed under (plo_episode): the secret the virtual-ward boards key theirs under too. */
  readonly pseudonyms: PseudonymSecret;

  /** `pseudonyms`: the municipality's provisioned secret; without it the hub makes its own in `dataDir`. */
  constructor(readonly options: { dataDir: string; municipality: string; horizonMs?: number; pseudonyms?: PseudonymSecret }) {
    super({ file: join(options.dataDir, 'hub.sqlite'), role: 'hub', scope: HUB_SCOPE, municipality: options.municipality, horizonMs: options.horizonMs });
    this.pseudonyms = replicaPseudonymSecret(options.dataDir, options.pseudonyms);
    if (this.pseudonymMismatch()) {
      logger.warn({ dataDir: options.dataDir }, "this hub's PLO episodes were keyed under another pseudonym secret: they match no new message or virtual-ward admission until it runs with that one (docs/deploy.md)");
    }
  }

  /** Whether the PLO episodes this store holds were keyed under another secret than the hub's now. */
  pseudonymMismatch(): boolean {
    return keyedUnderAnother(this.db, this.pseudonyms);
  }

  /** Every unit the hub holds a scope for. */
  unitIds(): string[] {
    // A shared reception's organisation scopes (`<unit>~<organisation>`) are not units (docs/shared-reception.md).
    return this.store.storedScopes().filter((scope) => scope !== HUB_SCOPE && !scope.includes('~'));
  }

  units(): UnitState[] {
    return this.unitIds().map((unit) => readUnitState(this.db, unit));
  }

  /** The R4 schema for VKP bundles, compiled in a worker at the hub's start (hub-runtime.ts); in /healthz. */
  fhirSchema: 'compiling' | 'ready' | 'failed' | undefined;

  health() {
    const elsewhere = unitsKeyedElsewhere(this.db, this.pseudonyms);
    return this.core.health({
      units: this.unitIds().length,
      ...(this.pseudonymMismatch() ? { pseudonymSecret: 'another-than-the-keys' } : {}),
      // Boards whose virtual-ward keys were made under another secret: their readmissions are never matched.
      ...(elsewhere.length > 0 ? { unitsKeyedElsewhere: elsewhere } : {}),
      ...(this.warehouse ? { warehouse: this.warehouse() } : {}),
      ...(this.fhirSchema ? { fhirSchema: this.fhirSchema } : {}),
    });
  }

  /** Operator's view on loopback: every unit the hub holds. */
  stateSnapshot() {
    return { municipality: this.options.municipality, units: this.units() };
  }

  dispatch(command: string, input: unknown): Result<unknown> {
    return this.core.command(() => dispatchCommand<HubService>(hubCommands, this, command, input));
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
