/**
 * The hub's leader address: the leader view and nothing else, for leaders' desktops and leader
 * screens on the municipality's network. It answers the leader's commands (aggregates only, see
 * docs/leader.md) for one caller — a signed-in leader or a wall screen's device token — narrowed to
 * the units that caller sees; the operator's `/api/state`, the hub's unit overview and the
 * allocation office's commands stay on the hub's loopback address. A read-only address (for wall
 * screens anyone walks past) also refuses the leader's edits: benefits and daily rates.
 */

import type { BoardLink } from '../../shared/api/contract.js';
import { LEADER_COMMANDS, LEADER_EDIT_COMMANDS } from '../../shared/api/commands/leader.js';
import { fail, ok } from '../../shared/api/result.js';
import { sees, type LeaderCaller } from '../leader/leader-scope.js';
import { dispatchLeader } from '../leader/leader-commands.js';
import type { HubService } from '../hub/hub-service.js';
import type { HostTarget } from './http-host.js';

/** What the leader address answers. */
export const LEADER_ADDRESS_COMMANDS: ReadonlySet<string> = new Set(['app.info', 'hub.directory', ...Object.keys(LEADER_COMMANDS)]);

export interface LeaderAddressOptions {
  readOnly?: boolean;
  /** False once the caller's session ended or its token was revoked: every command is refused. */
  alive?: () => boolean;
  /** The name the page shows as signed in (a desktop's leader), with a sign-out link. */
  signedInAs?: string;
}

/** The hub seen through the leader address by one caller: only the leader's commands, no state dump. */
export function leaderAddress(hub: HubService, caller: LeaderCaller, options: LeaderAddressOptions = {}): HostTarget {
  const refused = new Set<string>(options.readOnly ? LEADER_EDIT_COMMANDS : []);
  const mayEdit = caller.mayEdit && !options.readOnly;
  const asked: LeaderCaller = mayEdit === caller.mayEdit ? caller : { ...caller, mayEdit };
  return {
    health: () => hub.health(),
    dispatch: (command, input) => {
      if (options.alive && !options.alive()) return fail('unauthorized', 'the sign-in has ended: open the leader address again to sign in', { reason: 'session-ended' });
      if (!LEADER_ADDRESS_COMMANDS.has(command)) {
        return fail('unknown-command', `${command} is not served on the leader address; only the leader view's commands are`);
      }
      if (refused.has(command)) {
        return fail('forbidden', `${command}: this leader address is read-only (a leader screen); change benefits and rates from the leader address for desktops`, { reason: 'read-only-address' });
      }
      if (command === 'hub.directory') {
        const links = hub.dispatch(command, input);
        return links.ok ? ok((links.value as BoardLink[]).filter((link) => sees(caller, link.unit))) : links;
      }
      if (command === 'app.info') {
        const info = hub.dispatch(command, input);
        if (!info.ok) return info;
        return ok({ ...(info.value as object), ...(options.readOnly ? { readOnly: true } : {}), ...(options.signedInAs ? { signedInAs: options.signedInAs } : {}) });
      }
      return dispatchLeader(hub, asked, command, input);
    },
    subscribe: (listener) => hub.subscribe(listener),
  };
}
