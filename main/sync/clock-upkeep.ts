/**
 * The engine's upkeep around its clock and its disk, once a period before each digest round and
 * when the clock's verdict changes or the wall clock is stepped: a store that failed a write tries
 * one again, sent marks the disk refused are written again, a clock found ahead is remembered, and
 * a clock put right repairs its future stamps and releases the outbox (clock-policy.ts).
 */

import type { ClockStatus } from '../../shared/api/contract.js';
import type { FieldStore } from '../store/field-store.js';
import { logger } from '../log.js';
import { clockMoved, settleClock } from './clock-policy.js';
import type { ClockWatch } from './clock-watch.js';
import type { SentMarks } from './sent-marks.js';
import type { StatusKeeper } from './sync-status.js';

export interface UpkeepDeps {
  store: FieldStore;
  clock: ClockWatch;
  sentMarks: SentMarks;
  status: StatusKeeper;
  rounds: { changed(scope?: string): void; soon(): void };
  /** Publishes the outbox (held while the clock is ahead). */
  drain(): void;
}

export interface ClockUpkeep {
  /** Each period, before the round. */
  beforeRound(): void;
  /** The wall clock was stepped (someone set the time). */
  stepped(): void;
  /** Behind: what it refused as ahead was good after all. Ahead: remember by how much, for the repair. */
  verdictChanged(clock: ClockStatus): void;
}

export function clockUpkeep({ store, clock, sentMarks, status, rounds, drain }: UpkeepDeps): ClockUpkeep {
  const beforeRound = () => {
    if (!store.health.ok) sentMarks.probe();
    try {
      if (settleClock(store, clock) > 0) {
        logger.warn('clock put right: future stamps re-stamped');
        rounds.changed();
        drain();
      }
    } catch (error) {
      logger.warn({ err: error }, 'clock repair deferred');
    }
    if (sentMarks.size > 0) sentMarks.retry();
    status.recount();
    status.emit();
  };
  return {
    beforeRound,
    stepped() {
      clockMoved(store, 'stepped');
      beforeRound();
    },
    verdictChanged(verdict) {
      try {
        clockMoved(store, verdict);
      } catch (error) {
        logger.warn({ err: error }, 'clock change not recorded');
      }
      logger.warn({ clock: verdict }, 'clock verdict changed');
      rounds.soon();
      status.emit();
      if (verdict.state !== 'ahead') drain();
    },
  };
}
