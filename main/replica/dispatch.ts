/** Validates a command's input against the contract, runs its handler and never throws. */

import { z } from 'zod';
import { COMMANDS, isCommandName, type CommandName } from '../../shared/api/contract.js';
import { fail, type Result } from '../../shared/api/result.js';
import { logger } from '../log.js';

/** The handlers one host answers with, keyed by command name, each given that host's context. */
export type Handlers<Ctx> = Partial<Record<CommandName, (ctx: Ctx, input: never) => Result<unknown>>>;

export function dispatchCommand<Ctx>(handlers: Handlers<Ctx>, ctx: Ctx, command: string, input: unknown): Result<unknown> {
  const handler = isCommandName(command) ? handlers[command] : undefined;
  if (!isCommandName(command) || !handler) return fail('unknown-command', `no command named ${command} here`);
  const parsed = COMMANDS[command].input.safeParse(input ?? {});
  if (!parsed.success) return fail('invalid-input', z.prettifyError(parsed.error));
  try {
    return (handler as (c: Ctx, i: unknown) => Result<unknown>)(ctx, parsed.data);
  } catch (error) {
    // A failed transaction rolled back whole: the edit is refused and nothing is half-written.
    logger.error({ err: error, command }, 'command failed');
    const message = error instanceof Error ? error.message : String(error);
    if (/SQLITE_FULL|SQLITE_IOERR|SQLITE_READONLY|SQLITE_CANTOPEN|disk/i.test(message)) {
      return fail('storage-failed', `the edit was not saved: ${message}`);
    }
    return fail('internal', `the edit was not saved: ${message}`);
  }
}
