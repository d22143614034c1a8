/** What every board command handler is given, and the handler's type. */

import { randomUUID } from 'node:crypto';
import type { SessionRef, StaffMember } from '../../shared/api/commands/ward.js';
import type { BoardCommandName, CommandOutput, ParsedInput, SyncStatus } from '../../shared/api/contract.js';
import type { Result } from '../../shared/api/result.js';
import type { FieldStore } from '../store/field-store.js';
import type { PseudonymSecret } from '../privacy/pseudonym.js';

export interface CommandContext {
  store: FieldStore;
  municipality: string;
  unit: string;
  /** A shared reception's board: the organisation it runs for (`--organisation`). */
  organisation?: string;
  /**
   * Who acts, for the audit log: the unlocked session's staff member's name, `setup` during the
   * board's first-run setup, or `tavla <board>` on a locked screen. Never taken from a client.
   */
  actor: string;
  /** The unlocked session's staff member, or null on a locked screen (commands/access.ts says which may run so). */
  staff: StaffMember | null;
  /** The session the call carried, when it was good (session.lock and session.touch act on it). */
  session?: SessionRef;
  now: () => Date;
  /** The secret identity numbers are keyed under (main/privacy/pseudonym.ts); never logged nor answered. */
  pseudonyms: PseudonymSecret;
  /** The board's link to the broker now (the offline banner asks on load). */
  syncStatus?: () => SyncStatus;
}

/** A board command's handler: checks the unit's state, commits one edit, answers an envelope. */
export type Handler<K extends BoardCommandName> = (ctx: CommandContext, input: ParsedInput<K>) => Result<CommandOutput<K>>;

/** A new record id: 20 hex characters, unique across replicas without coordination. */
export const newId = (): string => randomUUID().replaceAll('-', '').slice(0, 20);
