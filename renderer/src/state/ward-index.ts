/**
 * Lookups the board's components share, built once per state: where a stay is, how many of its
 * tasks are due or overdue, and the words for a place ("101 · IH") that never hold a name.
 */

import { RISK_FLAGS, type RiskFlag } from '../../../shared/domain/schema.js';
import type { TransferView } from '../../../shared/api/commands/flow.js';
import type { Bed, Task } from '../../../shared/domain/types.js';
import type { BoardText } from '../text/board-text.js';
import type { CorridorState, CorridorStay } from './corridor-view.js';

export interface TaskCounts {
  due: number;
  overdue: number;
  /** When the next open task not yet overdue falls due (ISO), if one has a due time. */
  nextDue: string | null;
}

/** A free bed promised to an incoming transfer: who is coming (initials, never a name) and from where. */
export interface Reservation {
  initials: string | null;
  from: string | null;
}

/** The board's free beds promised to incoming transfers (accepted or scheduled), by bed label. */
export function reservationsOf(transfers: readonly TransferView[]): Map<string, Reservation> {
  const open = transfers.filter((t) => t.direction === 'in' && (t.state === 'accepted' || t.state === 'scheduled') && t.toBed !== null);
  return new Map(open.map((t) => [t.toBed as string, { initials: t.initials, from: t.fromName }]));
}

export interface WardIndex {
  bedById: Map<string, Bed>;
  stayById: Map<string, CorridorStay>;
  stayByBed: Map<string, CorridorStay>;
  counts: Map<string | null, TaskCounts>;
  /** "101 · IH", "101 · Skjermet", "IH" on a list unit, "Enheten" for a unit task. */
  placeOf(stayId: string | null): string;
  /** Stays in the order of their beds (list units: admission order). */
  staysInOrder: CorridorStay[];
}

export function indexWard(state: CorridorState, tasks: readonly Task[], now: Date, t: BoardText): WardIndex {
  const bedById = new Map(state.beds.map((b) => [b.id, b]));
  const stayById = new Map(state.stays.map((s) => [s.id, s]));
  const stayByBed = new Map(state.stays.filter((s) => s.bed !== null).map((s) => [s.bed as string, s]));
  const counts = new Map<string | null, TaskCounts>();
  const nowIso = now.toISOString();
  for (const task of tasks) {
    if (task.status !== 'open') continue;
    const entry = counts.get(task.stay) ?? { due: 0, overdue: 0, nextDue: null };
    if (task.due !== null && task.due < nowIso) entry.overdue += 1;
    else {
      entry.due += 1;
      if (task.due !== null && (entry.nextDue === null || task.due < entry.nextDue)) entry.nextDue = task.due;
    }
    counts.set(task.stay, entry);
  }
  const who = (stay: CorridorStay) => (stay.shielded ? t.shielded : stay.initials);
  const placeOf = (stayId: string | null) => {
    if (stayId === null) return t.unit;
    const stay = stayById.get(stayId);
    if (!stay) return t.discharged;
    const bed = stay.bed === null ? undefined : bedById.get(stay.bed);
    return bed ? `${bed.label} · ${who(stay)}` : who(stay);
  };
  const bedOrder = new Map(state.beds.map((b, i) => [b.id, i]));
  const staysInOrder = [...state.stays].sort(
    (a, b) => (a.bed === null ? Infinity : (bedOrder.get(a.bed) ?? Infinity)) - (b.bed === null ? Infinity : (bedOrder.get(b.bed) ?? Infinity)),
  );
  return { bedById, stayById, stayByBed, counts, placeOf, staysInOrder };
}

/** The flags that are set on a stay, in the schema's order. */
export function activeFlags(stay: CorridorStay): RiskFlag[] {
  return RISK_FLAGS.filter((flag) => stay.flags[flag]);
}
