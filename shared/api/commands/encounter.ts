/**
 * Commands of a shared emergency reception's board (issue 17, docs/shared-reception.md). A board
 * runs for one organisation: it writes the shared encounter in the unit's scope and the private
 * fields in its organisation's own scope, and lists the queue with its own organisation's private
 * fields only.
 */

import { z } from 'zod';
import { DISPOSITIONS, TRIAGE_COLOURS, type Disposition, type EncounterStatus, type TriageColour } from '../../reception/reception-kinds.js';
import { command, freeText, person, recordId, shortText, type Created } from '../schema-parts.js';

const organisation = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'an organisation id: lowercase letters, digits and -');

/** One colour given to an encounter, and when. */
export interface TriageMark {
  colour: TriageColour;
  at: string;
}

/** The owning organisation's own fields: on its own boards only. */
export interface EncounterPrivateView {
  name: string | null;
  reason: string | null;
  note: string | null;
  /** Whether a national identity number was given (its keyed hash is stored, never the number). */
  identified: boolean;
}

/** One encounter as the queue shows it: the shared fields, and the private ones only to the owner's boards. */
export interface EncounterView {
  id: string;
  label: string;
  owner: string;
  responsible: string;
  bay: string | null;
  colour: TriageColour | null;
  status: EncounterStatus;
  arrivedAt: string;
  /** The first triage: a later colour never moves it. */
  triagedAt: string | null;
  colourSetAt: string | null;
  assessedAt: string | null;
  disposition: Disposition | null;
  disposedAt: string | null;
  minutesSinceArrival: number;
  minutesSinceTriage: number | null;
  triage: TriageMark[];
  /** Null on another organisation's board, and on a locked screen. */
  private: EncounterPrivateView | null;
}

export interface EncounterList {
  /** The organisation this board runs for; null on a board started without one. */
  organisation: string | null;
  organisations: string[];
  /** In the room, sorted by colour (red first, untriaged last), then arrival. */
  queue: EncounterView[];
  /** Disposed in the last 12 hours, newest first. */
  recent: EncounterView[];
  /** Configured bays and which encounter holds each. */
  bays: { label: string; encounter: string | null }[];
}

export const ENCOUNTER_COMMANDS = {
  'encounter.list': command<EncounterList>()(z.strictObject({})),
  'encounter.arrive': command<Created>()(
    z.strictObject({
      /** The owning organisation; this board's own when absent (a board writes private fields for its own only). */
      organisation: organisation.optional(),
      label: shortText(12),
      bay: shortText(20).optional(),
      name: person.optional(),
      /** Eleven digits; stored as a keyed hash only. */
      nationalId: z.string().regex(/^\d{11}$/, 'eleven digits').optional(),
      reason: freeText(200).optional(),
      note: freeText(2000).optional(),
    }),
  ),
  'encounter.triage': command<Created>()(z.strictObject({ id: recordId, colour: z.enum(TRIAGE_COLOURS) })),
  'encounter.assess': command<Created>()(z.strictObject({ id: recordId, bay: shortText(20).optional() })),
  'encounter.note': command<Created>()(z.strictObject({ id: recordId, note: freeText(2000) })),
  'encounter.handover': command<Created>()(z.strictObject({ id: recordId, to: organisation })),
  'encounter.dispose': command<Created>()(z.strictObject({ id: recordId, disposition: z.enum(DISPOSITIONS) })),
} as const;
