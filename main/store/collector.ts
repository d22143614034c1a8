/** Runs the store's collection after the horizon now and then, so growth stays bounded on a replica that runs for months. */

import { logger } from '../log.js';
import type { FieldStore } from './field-store.js';

/** How often to collect: a tenth of the horizon (so nothing outlives it by more than 10 %), at most hourly. */
export function collectionPeriod(horizonMs: number): number {
  return Math.max(1000, Math.min(60 * 60 * 1000, Math.floor(horizonMs / 10)));
}

/**
 * Collects once now, then every period; the returned function stops it. While `connected` says
 * so it also notes contact, so a quiet unit (no edit for weeks) is not taken for one cut off.
 */
export function startCollector(store: FieldStore, connected: () => boolean = () => false, periodMs = collectionPeriod(store.horizonMs)): () => void {
  const run = () => {
    try {
      if (connected()) store.noteContact();
      const collected = store.collect();
      if (collected.fields + collected.changeLog > 0) logger.info({ ...collected }, 'collected what the horizon has passed');
    } catch (error) {
      // A full or failing disk: the next run tries again; nothing is half-deleted (one transaction).
      logger.warn({ err: error }, 'collection failed; will retry');
    }
  };
  run();
  const timer = setInterval(run, periodMs);
  timer.unref();
  return () => clearInterval(timer);
}
