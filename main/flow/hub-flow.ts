/**
 * Patient flow on the running hub, wired into its sync: after every merged batch it settles and
 * normalises the transfers touched and (debounced) refreshes every unit's capacity records; it
 * watches the PLO inbox when one is configured; and it holds the hub lock so `tavla import-plo`
 * leaves a live store alone. Whatever it commits goes out through the hub's outbox.
 */

import type { Change } from '../../shared/sync/change.js';
import { logger } from '../log.js';
import type { HubContext } from '../hub/hub-context.js';
import type { SyncEngine } from '../sync/sync-engine.js';
import { refreshCapacity } from './hub-capacity.js';
import { holdHubLock } from './hub-lock.js';
import { settleTransfers, transfersToReview, transfersTouched } from './hub-settlement.js';
import { watchPloInbox, type PloInbox } from './plo-inbox.js';
import { allocationOffice } from './plo-import.js';
import type { PseudonymSecret } from '../privacy/pseudonym.js';

export interface HubFlowOptions {
  service: HubContext;
  sync: SyncEngine;
  dataDir: string;
  /** A folder to watch for PLO message files. */
  ploInbox?: string;
  /** The allocation office PLO patients go to (default: the only one the hub knows). */
  ploUnit?: string;
  /** The hub's pseudonym secret, that PLO patients are keyed under (HubService.pseudonyms). */
  pseudonyms: PseudonymSecret;
  now?: () => Date;
}

export interface HubFlow {
  /** Call with every batch the hub's sync merged. */
  applied(scope: string, changes: readonly Change[]): void;
  stop(): void;
}

/** Collections whose changes can move a unit's capacity figures. */
const CAPACITY_INPUTS = new Set(['unit', 'bed', 'stay', 'transfer']);
const CAPACITY_DEBOUNCE_MS = 250;

export function startHubFlow(options: HubFlowOptions): HubFlow {
  const { service, sync } = options;
  const now = options.now ?? (() => new Date());
  const release = holdHubLock(options.dataDir);
  let capacityTimer: NodeJS.Timeout | undefined;

  // Screens hear of what was committed from the store's commit notice (HubService), the outbox here.
  const published = () => sync.notifyLocalCommit();

  /** Refused settlements already counted: a refused transfer is looked at again on every touch. */
  const refusedOnce = new Set<string>();
  const settle = (ids: readonly string[]) => {
    if (ids.length === 0) return;
    const outcome = settleTransfers(service.store, ids, now());
    const fresh = outcome.refused.filter(({ id, reason }) => !refusedOnce.has(`${id}:${reason}`));
    for (const { id, reason } of fresh) refusedOnce.add(`${id}:${reason}`);
    sync.refuse(fresh.map(({ id, reason }) => ({ wall: 'settlement' as const, reason: `transfer ${id}: ${reason}` })), { role: 'hub' });
    if (!outcome.committed) return;
    // The outbox publishes into the leaving unit's scope; the receiving unit gets the same changes here.
    for (const { toUnit, changes } of outcome.transferChanges) {
      sync.publishInto(toUnit, changes).catch((error: unknown) => logger.debug({ err: error, toUnit }, 'transfer mirror deferred'));
    }
    published();
  };

  const refresh = () => {
    capacityTimer = undefined;
    try {
      if (refreshCapacity(service.store, now())) published();
    } catch (error) {
      logger.error({ err: error }, 'capacity refresh failed');
    }
  };
  const scheduleRefresh = () => {
    capacityTimer ??= setTimeout(refresh, CAPACITY_DEBOUNCE_MS);
  };

  let inbox: PloInbox | undefined;
  if (options.ploInbox) {
    inbox = watchPloInbox({
      dir: options.ploInbox,
      target: () => {
        try {
          return { store: service.store, unit: allocationOffice(service.db, options.ploUnit), now, pseudonyms: options.pseudonyms };
        } catch {
          return undefined;
        }
      },
      onResults: () => {
        published();
        scheduleRefresh();
      },
    });
  }

  // What happened while the hub was down: settle it now, and report capacity as it is.
  try {
    settle(transfersToReview(service.store));
  } catch (error) {
    logger.error({ err: error }, 'transfer review at start failed');
  }
  scheduleRefresh();

  return {
    applied(_scope, changes) {
      try {
        settle(transfersTouched(service.store, changes));
      } catch (error) {
        // A settlement that fails rolled back whole; the next batch (or the next start) tries again.
        logger.error({ err: error }, 'transfer settlement failed');
      }
      if (changes.some((c) => CAPACITY_INPUTS.has(c.c))) scheduleRefresh();
    },
    stop() {
      clearTimeout(capacityTimer);
      inbox?.stop();
      release();
    },
  };
}
