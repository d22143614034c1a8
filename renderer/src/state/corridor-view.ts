/**
 * What a corridor screen may hold: the unit state without personal data. Names and birth dates
 * are dropped on arrival, so no component can render them by mistake.
 */

import { personalFields } from '../../../shared/domain/schema.js';
import type { Stay, UnitState } from '../../../shared/domain/types.js';

/** A stay as corridor mode shows it: initials, bed, flags; never name or birth date. */
export type CorridorStay = Omit<Stay, 'name' | 'birthDate'>;

/** The unit state with every stay stripped of personal data. */
export type CorridorState = Omit<UnitState, 'stays'> & { stays: CorridorStay[] };

// From the schema, so a personal field added there is stripped here without anyone remembering to.
const PERSONAL_STAY_FIELDS = new Set(
  personalFields()
    .filter(({ collection }) => collection === 'stay')
    .map(({ field }) => field),
);

/** Drops every field the schema marks as personal data from every stay. */
export function toCorridorState(state: UnitState): CorridorState {
  return { ...state, stays: state.stays.map(redactStay) };
}

function redactStay(stay: Stay): CorridorStay {
  const entries = Object.entries(stay).filter(([field]) => !PERSONAL_STAY_FIELDS.has(field));
  return Object.fromEntries(entries) as CorridorStay;
}
