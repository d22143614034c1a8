/** Handlers of the patient-flow commands a board answers (shared/api/commands/flow.ts). */

import type { FlowBoardCommandName } from '../../shared/api/contract.js';
import type { Handler } from './command-context.js';

export const flowCommands = {} satisfies { [K in FlowBoardCommandName]: Handler<K> };
