/**
 * The transfer state machine. Each step writes its own time field once (requestedAt, acceptedAt,
 * scheduledFor, declinedAt, cancelledAt, completedAt) and the state is derived from which are set,
 * by a fixed precedence. Per-field last-writer-wins merges two boards' concurrent steps into the
 * union of their fields, so every replica derives the same state; the two combinations that cannot
 * both be true in the world are reported as a conflict instead of being hidden.
 */

import type { TransferConflict, TransferState, TransferStep } from '../../shared/api/commands/flow.js';

/** The fields of a transfer record the machine reads. */
export interface TransferFacts {
  fromUnit: string | null;
  toUnit: string | null;
  requestedAt: string | null;
  acceptedAt: string | null;
  scheduledFor: string | null;
  declinedAt: string | null;
  cancelledAt: string | null;
  completedAt: string | null;
}

/** States in which the transfer still waits for someone. */
export const OPEN_STATES: readonly TransferState[] = ['requested', 'accepted', 'scheduled'];

export type Side = 'from' | 'to';

/** Who may take each step, and in which states. Request makes a new record and is not listed. */
const RULES: Record<TransferStep, { sides: readonly Side[]; states: readonly TransferState[] }> = {
  cancel: { sides: ['from'], states: OPEN_STATES },
  accept: { sides: ['to'], states: ['requested'] },
  decline: { sides: ['to'], states: OPEN_STATES },
  schedule: { sides: ['to'], states: OPEN_STATES },
  complete: { sides: ['from', 'to'], states: ['accepted', 'scheduled'] },
  place: { sides: ['to'], states: ['completed'] },
};

/**
 * The state, by precedence: completion is a physical fact with side effects on both units, so it
 * outranks everything; a cancel outranks a decline (both end the transfer, neither moves anyone);
 * a schedule implies acceptance.
 */
export function transferState(t: TransferFacts): TransferState {
  if (t.completedAt) return 'completed';
  if (t.cancelledAt) return 'cancelled';
  if (t.declinedAt) return 'declined';
  if (t.scheduledFor) return 'scheduled';
  if (t.acceptedAt) return 'accepted';
  return 'requested';
}

/** The impossible pair a concurrent merge produced, if any. */
export function transferConflict(t: TransferFacts): TransferConflict | null {
  if (t.completedAt && t.cancelledAt) return 'completed-and-cancelled';
  if (t.completedAt && t.declinedAt) return 'completed-and-declined';
  return null;
}

export function isOpen(t: TransferFacts): boolean {
  return OPEN_STATES.includes(transferState(t));
}

/** Which end of the transfer a unit is, or undefined for a unit it does not join. */
export function sideOf(t: TransferFacts, unit: string): Side | undefined {
  if (t.fromUnit === unit) return 'from';
  if (t.toUnit === unit) return 'to';
  return undefined;
}

/** Whether `unit` may take `step` now; the reason when not. */
export function checkStep(t: TransferFacts, unit: string, step: TransferStep): { ok: true; side: Side } | { ok: false; message: string } {
  const side = sideOf(t, unit);
  if (!side) return { ok: false, message: 'this transfer does not involve this unit' };
  const rule = RULES[step];
  const state = transferState(t);
  if (!rule.sides.includes(side)) {
    const whose = rule.sides.includes('from') ? 'the sending unit' : 'the receiving unit';
    return { ok: false, message: `only ${whose} may ${step} a transfer` };
  }
  if (!rule.states.includes(state)) return { ok: false, message: `cannot ${step} a transfer that is ${state}` };
  return { ok: true, side };
}

/** Every step `unit` may take now (place only when the arrival still lacks a bed). */
export function allowedSteps(t: TransferFacts, unit: string, arrivedWithoutBed = false): TransferStep[] {
  return (Object.keys(RULES) as TransferStep[]).filter(
    (step) => checkStep(t, unit, step).ok && (step !== 'place' || arrivedWithoutBed),
  );
}

/** When the latest step was taken (a schedule counts from when it was set, not the time it names). */
export function lastStepAt(t: TransferFacts & { scheduledAt: string | null }): string {
  const times = [t.requestedAt, t.acceptedAt, t.scheduledAt, t.declinedAt, t.cancelledAt, t.completedAt].filter(
    (time): time is string => typeof time === 'string',
  );
  return times.sort().at(-1) ?? '';
}
