/** Handlers of the patient-flow commands the hub answers (shared/api/commands/flow.ts). */

import type { Handlers } from './dispatch.js';
import type { HubService } from './hub-service.js';

export const flowHubCommands: Handlers<HubService> = {};
