/** What every board command handler is given, and the handler's type. */

import { randomUUID } from 'node:crypto';
import type { BoardCommandName, CommandOutput, ParsedInput, SyncStatus } from '../../shared/api/contract.js';
import type { Result } from '../../shared/api/result.js';
import type { FieldStore } from '../store/field-store.js';

export interface CommandContext {
  store: FieldStore;
  municipality: string;
  unit: string;
  /** Who acts: the unlocked staff member, or the board itself. */
  actor: string;
  now: () => Date;
  /** The board's link to the broker now (the offline banner asks on load). */
  syncStatus?: () => SyncStatus;
}

/** A board command's handler: checks the unit's state, commits one edit, answers an envelope. */
export type Handler<K extends BoardCommandName> = (ctx: CommandContext, input: ParsedInput<K>) => Result<CommandOutput<K>>;

/** A new record id: 20 hex characters, unique across replicas without coordination. */
export const newId = (): string => randomUUID().replaceAll('-', '').slice(0, 20);
