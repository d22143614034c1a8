/**
 * What a replica does about its clock (docs/protocol.md, "Clocks"), in one place for the sync
 * engine and the property tests: after each round, refusals its peers' clocks agree with become
 * permanent, a clock judged ahead remembers by how much, and a clock that is right again repairs its
 * future stamps; on a step or a "behind" verdict, the refusals since the last step are forgotten.
 */

import type { ClockStatus } from '../../shared/api/contract.js';
import { rememberClockAhead, repairFutureStamps } from '../store/clock-repair.js';
import type { FieldStore } from '../store/field-store.js';
import type { ClockWatch } from './clock-watch.js';

/** After a round: returns how many future stamps were re-stamped (they now wait in the outbox). */
export function settleClock(store: FieldStore, clock: ClockWatch): number {
  const status = clock.status();
  if (clock.confirmed) store.refused.confirm();
  if (status.state === 'ahead') {
    rememberClockAhead(store, -status.offsetMs);
    return 0;
  }
  return repairFutureStamps(store, clock.now(), clock.confirmed || status.state === 'behind');
}

/** The clock was stepped, or its verdict changed. */
export function clockMoved(store: FieldStore, status: ClockStatus | 'stepped'): void {
  if (status === 'stepped' || status.state === 'behind') store.refused.forgetRecent();
  if (status !== 'stepped' && status.state === 'ahead') rememberClockAhead(store, -status.offsetMs);
}
