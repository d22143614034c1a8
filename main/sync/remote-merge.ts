/**
 * Merges a batch from a peer (a live batch, a sync page, a push) through the replica's walls
 * (scope, side) and the store's schema: what is refused is counted, the rest applies. A batch that
 * fails to store is counted whole in `rejected` and fetched again by a round soon.
 */

import type { Change } from '../../shared/sync/change.js';
import type { Refusal, Writer } from '../../shared/sync/scope-rules.js';
import type { FieldStore } from '../store/field-store.js';
import { logger } from '../log.js';
import type { InboundScope } from './inbound-scope.js';
import type { StatusKeeper } from './sync-status.js';

export interface MergeOptions {
  store: FieldStore;
  walls: Pick<InboundScope, 'admit'>;
  status: StatusKeeper;
  /** The digest rounds: a scope's cached root is stale, or a round should come soon. */
  rounds: { changed(scope?: string): void; soon(): void };
  /** Changes that applied (not stale, not refused). */
  onApplied(scope: string, changes: Change[]): void;
}

/** Returns a merge of batches into the store; each call returns how many changes applied. */
export function remoteMerge(options: MergeOptions): (scope: string, changes: readonly Change[], writer: Writer) => number {
  const { store, walls, status, rounds } = options;
  return (scope, changes, writer) => {
    const walled = walls.admit(scope, writer, changes);
    let outcome;
    try {
      outcome = store.applyRemote(walled.admitted, scope);
    } catch (error) {
      if (!store.health.failed(error)) throw error;
      status.count([...walled.refused, ...walled.admitted.map(() => ({ wall: 'storage' as const, reason: 'not stored' }))], { scope });
      logger.warn({ scope, err: error, changes: walled.admitted.length }, 'batch not stored; fetched again once storage works');
      status.emit();
      rounds.soon();
      return 0;
    }
    rounds.changed(scope);
    const refused: Refusal[] = [...walled.refused, ...outcome.refusals];
    status.count(refused, { scope, writer: writer.kind });
    // A change this replica refused may be good later (a clock put right): a round fetches it again.
    if (outcome.rejected > 0) rounds.soon();
    if (outcome.applied.length > 0) {
      status.synced();
      options.onApplied(scope, outcome.applied);
    }
    if (refused.length > 0 || outcome.applied.length > 0) status.emit();
    return outcome.applied.length;
  };
}
