/**
 * The hub's leader address: the leader view and nothing else, for leaders' desktops and leader
 * screens on the municipality's network. It answers the leader's commands (aggregates only, see
 * docs/leader.md) and the page's identity; the operator's `/api/state`, the hub's unit overview
 * and the allocation office's commands stay on the hub's loopback address.
 */

import { LEADER_COMMANDS } from '../../shared/api/commands/leader.js';
import { fail } from '../../shared/api/result.js';
import type { HostTarget } from './http-host.js';

/** What the leader address answers. */
export const LEADER_ADDRESS_COMMANDS: ReadonlySet<string> = new Set(['app.info', 'hub.directory', ...Object.keys(LEADER_COMMANDS)]);

/** The hub seen through the leader address: only the leader's commands, and no state dump. */
export function leaderAddress(hub: HostTarget): HostTarget {
  return {
    health: () => hub.health(),
    dispatch: (command, input, actor) =>
      LEADER_ADDRESS_COMMANDS.has(command)
        ? hub.dispatch(command, input, actor)
        : fail('unknown-command', `${command} is not served on the leader address; only the leader view's commands are`),
    subscribe: (listener) => hub.subscribe(listener),
  };
}
