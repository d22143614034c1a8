/** Handlers of the leader view's commands on the hub (shared/api/commands/leader.ts). */

import type { Handlers } from './dispatch.js';
import type { HubService } from './hub-service.js';

export const leaderCommands: Handlers<HubService> = {};
