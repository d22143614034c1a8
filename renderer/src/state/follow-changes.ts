/**
 * Which of main's changes a screen follows: only those touching the collections it reads, a burst
 * coalesced into one read, and another board's few tasks patched in rather than the unit re-read.
 */

import type { ApiClient } from '../../../shared/api/client.js';
import type { CollectionName } from '../../../shared/domain/schema.js';

/**
 * Whether a change announced by main can alter what a screen shows. An empty list means
 * "something changed" (a reconnect: events may have been missed). Otherwise the change must touch
 * a collection the screen reads; without a list, any but the audit log (another board's unlock or
 * reveal adds only audit entries, which only the access log reads, on demand).
 */
export function changesScreen(collections: readonly string[], reads?: readonly CollectionName[]): boolean {
  if (collections.length === 0) return true;
  return collections.some((collection) => (reads ? (reads as readonly string[]).includes(collection) : collection !== 'auditEntry'));
}

export interface Follow {
  /** The collections the screen's read draws on; omitted: every collection but the audit log. */
  reads?: readonly CollectionName[];
  /** Read this long after the first change of a burst, so the burst costs one read; 0 (default): at once. */
  delayMs?: number;
  /** Re-reads just these tasks instead of `reload`, when a change named them and touched nothing else the screen reads. */
  patchTasks?: (ids: string[]) => void;
  /**
   * A change the screen need not read for now (what it would refresh is not on the screen): true
   * skips it, and the screen reads when that part is shown again. A reconnect is never skipped.
   */
  later?: (collections: readonly string[]) => boolean;
}

/** Calls `reload` now and after every change the screen follows; returns the stop. */
export function followChanges(api: ApiClient, reload: () => void, follow: Follow = {}): () => void {
  const { reads, delayMs = 0, patchTasks, later } = follow;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The tasks the burst so far named, or null once one of its changes needs a whole read. */
  let tasks: Set<string> | null = new Set();
  const flush = () => {
    const named = tasks;
    timer = undefined;
    tasks = new Set();
    if (patchTasks && named && named.size > 0) patchTasks([...named]);
    else reload();
  };
  const unsubscribe = api.on('state.changed', (change) => {
    if (!changesScreen(change.collections, reads)) return;
    if (later && change.collections.length > 0 && later(change.collections)) return;
    if (change.tasks && tasks) for (const id of change.tasks) tasks.add(id);
    else tasks = null;
    if (delayMs <= 0) flush();
    else timer ??= setTimeout(flush, delayMs);
  });
  reload();
  return () => {
    unsubscribe();
    clearTimeout(timer);
    timer = undefined;
  };
}
