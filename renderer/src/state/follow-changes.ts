/** Reads now and again after main's changes, a burst of synced edits coalesced into one read. */

import type { ApiClient } from '../../../shared/api/client.js';

/**
 * Whether a change announced by main can alter what a screen shows: not when all it brought is
 * audit entries (another board's unlock or reveal), which only the access log reads, on demand.
 * An empty list means "something changed" (a local edit, a reconnect).
 */
export function changesScreen(collections: readonly string[]): boolean {
  return collections.length === 0 || collections.some((collection) => collection !== 'auditEntry');
}

/** Calls `reload` now and `delayMs` after the first change of each burst; returns the stop. */
export function followChanges(api: ApiClient, reload: () => void, delayMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = api.on('state.changed', ({ collections }) => {
    if (!changesScreen(collections)) return;
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
