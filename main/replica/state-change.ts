/** How a committed transaction is told to screens: the `state.changed` event a commit notice makes. */

import type { StateChange } from '../../shared/api/contract.js';
import type { Change } from '../../shared/sync/change.js';
import type { CommitNotice } from '../store/field-store.js';

/** Up to this many tasks in one commit are named in `state.changed` (ward.tasks reads at most 200). */
export const PATCHABLE_TASKS = 50;

/**
 * The event for one commit, or for several commits of one command merged: the collections
 * touched and, when only a few tasks (and audit entries) changed, those tasks, so a screen can
 * re-read just them. Local and remote commits are described by the same rule.
 */
export function stateChangeOf(origin: CommitNotice['origin'], changes: readonly Change[]): StateChange {
  const collections = [...new Set(changes.map((change) => change.c))];
  const tasks = [...new Set(changes.filter((change) => change.c === 'task').map((change) => change.id))];
  const onlyTasks = tasks.length > 0 && tasks.length <= PATCHABLE_TASKS && collections.every((c) => c === 'task' || c === 'auditEntry');
  return onlyTasks ? { collections, tasks, origin } : { collections, origin };
}
