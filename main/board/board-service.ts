/** One board's services: the replica core on its unit's store, and the unit's commands. */

import { join } from 'node:path';
import type { Result } from '../../shared/api/result.js';
import { readUnitState } from '../store/read-model.js';
import { corridorUnitState } from '../ward/corridor-state.js';
import type { CommandContext } from '../replica/command-context.js';
import { ReplicaService } from '../replica/replica-service.js';
import { dispatchCommand } from '../replica/dispatch.js';
import { flowCommands } from '../flow/flow-commands.js';
import { homecareCommands } from '../homecare/visit-commands.js';
import { pathwayCommands } from '../pathway/pathway-commands.js';
import { alarmCommands } from '../alarm/alarm-commands.js';
import { homehospitalCommands } from '../homehospital/episode-commands.js';
import { encounterCommands } from '../reception/encounter-commands.js';
import { bringsHandover, logReceivedHandovers } from '../reception/handover-audit.js';
import { logger } from '../log.js';
import { unitCommands } from '../unit/unit-commands.js';
import { wardCommands } from '../ward/ward-commands.js';
import { authorize } from '../staff/sessions.js';
import { ok } from '../../shared/api/result.js';
import { replicaPseudonymSecret, type PseudonymSecret } from '../privacy/pseudonym.js';
import { keyedUnderAnother } from '../replica/keyed-under.js';

export type { EventListener } from '../replica/replica-core.js';

export interface BoardOptions {
  dataDir: string;
  municipality: string;
  unit: string;
  /** A shared reception's board: the organisation it runs for (docs/shared-reception.md). */
  organisation?: string;
  now?: () => Date;
  /** The collection horizon of its store. */
  horizonMs?: number;
  /** The municipality's provisioned pseudonym secret; without it the board makes its own in `dataDir`. */
  pseudonyms?: PseudonymSecret;
}

/** A board: the replica core on its unit's store, and the unit's commands (ward, unit, flow). */
export class BoardService extends ReplicaService {
  private readonly now: () => Date;
  /** What identity numbers are keyed under on this board (a virtual ward's admissions, a reception's arrivals). */
  readonly pseudonyms: PseudonymSecret;

  constructor(readonly options: BoardOptions) {
    super({ file: join(options.dataDir, 'tavla.sqlite'), role: 'board', scope: options.unit, municipality: options.municipality, horizonMs: options.horizonMs });
    this.now = options.now ?? (() => new Date());
    this.pseudonyms = replicaPseudonymSecret(options.dataDir, options.pseudonyms);
    if (keyedUnderAnother(this.db, this.pseudonyms)) {
      logger.warn({ dataDir: options.dataDir }, "this board's patient keys were made under another pseudonym secret: new admissions and arrivals will not match them until it runs with that one (docs/deploy.md)");
    }
    const organisation = options.organisation;
    if (organisation) {
      // The receiving organisation logs a handover to it once, in its own log (main/reception/handover-audit.ts).
      const logReceived = () => {
        try {
          logReceivedHandovers(this.store, options.unit, organisation);
        } catch (error) {
          logger.error({ err: error }, 'logging a received handover failed; tried again at the next one');
        }
      };
      this.store.onCommit((notice) => {
        if (notice.origin === 'remote' && bringsHandover(notice.changes)) logReceived();
      });
      logReceived();
    }
  }

  get organisation(): string | undefined {
    return this.options.organisation;
  }

  get unit(): string {
    return this.options.unit;
  }

  /**
   * Runs one command for a screen or script. The actor is never the caller's to say: it is the
   * staff member of the session the input carries (commands/access.ts says which commands need one).
   */
  dispatch(command: string, input: unknown): Result<unknown> {
    return this.core.command(() => this.run(command, input));
  }

  private run(command: string, input: unknown): Result<unknown> {
    const call = authorize(this.store, command, input, this.now());
    if (!call.ok) return call;
    const { staff, setup, session } = call.value;
    const ctx: CommandContext = {
      store: this.store,
      municipality: this.options.municipality,
      unit: this.unit,
      organisation: this.options.organisation,
      actor: staff?.name ?? (setup ? 'setup' : boardActor(this.nodeId)),
      staff,
      session,
      now: this.now,
      pseudonyms: this.pseudonyms,
      syncStatus: () => this.syncStatus,
    };
    return dispatchCommand<CommandContext>(
      { ...unitCommands, ...wardCommands, ...flowCommands, ...homecareCommands, ...pathwayCommands, ...alarmCommands, ...homehospitalCommands, ...encounterCommands, 'app.info': () => ok(this.info()) },
      ctx,
      command,
      call.value.input,
    );
  }

  info() {
    const kind = this.db.prepare('SELECT kind FROM unit WHERE id = ? AND deleted = 0').get(this.unit) as { kind: string } | undefined;
    return { role: 'board' as const, municipality: this.options.municipality, unit: this.unit, nodeId: this.nodeId, unitKind: kind?.kind ?? null, organisation: this.options.organisation ?? null };
  }

  state() {
    return readUnitState(this.db, this.unit);
  }

  /** `GET /api/state`: the unit as `unit.state` gives it, personal fields blanked (names need a session). */
  stateSnapshot() {
    return corridorUnitState(this.state());
  }

  health() {
    return this.core.health({ unit: this.unit, ...(keyedUnderAnother(this.db, this.pseudonyms) ? { pseudonymSecret: 'another-than-the-keys' } : {}) });
  }
}

/** The audit actor of an edit made on a locked screen: the board, never a person. */
export const boardActor = (nodeId: string): string => `tavla ${nodeId}`;
