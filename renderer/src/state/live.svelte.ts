/** The Query and Mutation on the page: what they hold lives in Svelte signals, so whatever shows it re-renders. */

import { Mutation, type MutationOptions } from './mutation.js';
import { Query, type Cell, type QueryOptions } from './query.js';
import type { SaveStatus } from './save-status.js';

/** A signal holding its value raw (replaced whole, never deep-proxied: 500 tasks are not worth a proxy). */
export function liveCell<T>(initial: T): Cell<T> {
  let value = $state.raw(initial);
  return {
    get value() {
      return value;
    },
    set value(next: T) {
      value = next;
    },
  };
}

/** A Query whose value, error and loading flag the page follows. */
export function liveQuery<T>(options: Omit<QueryOptions<T>, 'cell'>): Query<T> {
  return new Query({ ...options, cell: liveCell });
}

/** A Mutation whose statuses the page follows, key by key (one edit's status re-renders only its mark). */
export function liveMutation(options: Omit<MutationOptions, 'statuses'> = {}): Mutation {
  const statuses: Record<string, SaveStatus> = $state({});
  return new Mutation({ ...options, statuses });
}
