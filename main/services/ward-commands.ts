/** Handlers of the ward board's commands (shared/api/commands/ward.ts). */

import type { WardCommandName } from '../../shared/api/contract.js';
import type { Handler } from './command-context.js';

export const wardCommands = {} satisfies { [K in WardCommandName]: Handler<K> };
