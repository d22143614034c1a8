/** Reads now and again after main's changes, a burst of synced edits coalesced into one read. */

import type { ApiClient } from '../../../shared/api/client.js';

/** Calls `reload` now and `delayMs` after the first change of each burst; returns the stop. */
export function followChanges(api: ApiClient, reload: () => void, delayMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = api.on('state.changed', () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      reload();
    }, delayMs);
  });
  reload();
  return () => {
    unsubscribe();
    clearTimeout(timer);
    timer = undefined;
  };
}
