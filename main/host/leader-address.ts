/**
 * The hub's leader address: the leader view and nothing else, for leaders' desktops and leader
 * screens on the municipality's network. It answers the leader's commands (aggregates only, see
 * docs/leader.md) and the page's identity; the operator's `/api/state`, the hub's unit overview
 * and the allocation office's commands stay on the hub's loopback address. A read-only address
 * (for wall screens anyone walks past) also refuses the leader's edits: benefits and daily rates.
 */

import { LEADER_COMMANDS, LEADER_EDIT_COMMANDS } from '../../shared/api/commands/leader.js';
import { fail, ok } from '../../shared/api/result.js';
import type { HostTarget } from './http-host.js';

/** What the leader address answers. */
export const LEADER_ADDRESS_COMMANDS: ReadonlySet<string> = new Set(['app.info', 'hub.directory', ...Object.keys(LEADER_COMMANDS)]);

/** The hub seen through the leader address: only the leader's commands, and no state dump. */
export function leaderAddress(hub: HostTarget, options: { readOnly?: boolean } = {}): HostTarget {
  const refused = new Set<string>(options.readOnly ? LEADER_EDIT_COMMANDS : []);
  return {
    health: () => hub.health(),
    dispatch: (command, input, actor) => {
      if (!LEADER_ADDRESS_COMMANDS.has(command)) {
        return fail('unknown-command', `${command} is not served on the leader address; only the leader view's commands are`);
      }
      if (refused.has(command)) {
        return fail('unauthorized', `${command}: this leader address is read-only (a leader screen); change benefits and rates from the leader address for desktops`);
      }
      const result = hub.dispatch(command, input, actor);
      return command === 'app.info' && result.ok && options.readOnly ? ok({ ...(result.value as object), readOnly: true }) : result;
    },
    subscribe: (listener) => hub.subscribe(listener),
  };
}
