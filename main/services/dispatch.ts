/** Validates a command's input against the contract, runs its handler and never throws. */

import { z } from 'zod';
import { COMMANDS, isCommandName } from '../../shared/api/contract.js';
import { fail, type Result } from '../../shared/api/result.js';
import { logger } from '../log.js';
import { unitCommands, type CommandContext } from './unit-commands.js';

export function dispatchUnitCommand(ctx: CommandContext, command: string, input: unknown): Result<unknown> {
  if (!isCommandName(command)) return fail('unknown-command', `no command named ${command}`);
  const parsed = COMMANDS[command].input.safeParse(input ?? {});
  if (!parsed.success) return fail('invalid-input', z.prettifyError(parsed.error));
  try {
    const handler = unitCommands[command] as (c: CommandContext, i: unknown) => Result<unknown>;
    return handler(ctx, parsed.data);
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
