/** Commands of a unit's board: set the unit up, admit and discharge, flags, beds and tasks. */

import { z } from 'zod';
import { RISK_FLAGS } from '../../domain/schema.js';
import { BED_STATUSES, UNIT_KINDS, type UnitState } from '../../domain/types.js';
import { MAX_VIRTUAL_BEDS } from './homehospital.js';
import { TRIAGE_COLOURS } from '../../reception/reception-kinds.js';
import { command, isoDate, isoDateTime, person, recordId, shortText, type Created } from '../schema-parts.js';

const riskFlagInput = z.enum(RISK_FLAGS);
const flagsInput = z.partialRecord(riskFlagInput, z.boolean());

export const UNIT_COMMANDS = {
  'unit.state': command<UnitState>()(z.strictObject({})),
  'unit.configure': command<Created>()(
    z.strictObject({
      name: shortText(80),
      kind: z.enum(UNIT_KINDS),
      capacity: z.int().min(0).max(10_000).optional(),
      /** Minutes after a discharge the bed's cleaning task falls due (60 by default). */
      cleaningMinutes: z.int().min(0).max(24 * 60).optional(),
      /** Minutes an alarm may wait to be accepted before every board of the unit shows a banner, per severity (5/15/60 by default). */
      alarmAcceptMinutes: z.strictObject({ red: z.int().min(1).max(24 * 60), yellow: z.int().min(1).max(24 * 60), green: z.int().min(1).max(24 * 60) }).optional(),
      /** A shared reception's member organisations (two or more ids; docs/shared-reception.md). */
      organisations: z
        .array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'an organisation id: lowercase letters, digits and -'))
        .min(2)
        .max(8)
        .refine((ids) => new Set(ids).size === ids.length, 'organisation ids must be unique')
        .optional(),
      /** A shared reception's targets for the leader view: minutes to triage and to first assessment, per colour. */
      receptionTargets: z
        .strictObject({ triage: z.partialRecord(z.enum(TRIAGE_COLOURS), z.int().min(0).max(24 * 60)), assessment: z.partialRecord(z.enum(TRIAGE_COLOURS), z.int().min(0).max(24 * 60)) })
        .optional(),
      beds: z
        .array(z.strictObject({ label: shortText(20), room: shortText(20).optional() }))
        .max(500)
        .refine((beds) => new Set(beds.map((bed) => bed.label)).size === beds.length, 'bed labels must be unique'),
      /** A virtual ward (home-hospital): this many virtual beds, V1..VN, instead of `beds` (issue 17). */
      virtualBeds: z.int().min(1).max(MAX_VIRTUAL_BEDS).optional(),
    })
      .refine((v) => v.virtualBeds === undefined || v.kind === 'home-hospital', { message: 'virtualBeds: only a home-hospital unit has virtual beds', path: ['virtualBeds'] })
      .refine((v) => v.virtualBeds === undefined || v.beds.length === 0, { message: 'beds: give virtualBeds or beds, not both', path: ['beds'] }),
  ),
  'stay.admit': command<Created>()(
    z.strictObject({
      bed: shortText(20).optional(),
      name: person,
      initials: shortText(4),
      birthDate: isoDate,
      flags: flagsInput.optional(),
      adl: z.int().min(1).max(5).optional(),
      nurse: shortText(80).optional(),
      expectedDischarge: isoDate.optional(),
      shielded: z.boolean().optional(),
      /** When the patient came, if the admission is registered afterwards (at most 24 h back; default now). */
      admittedAt: isoDateTime.optional(),
    }),
  ),
  'stay.setFlag': command<Created>()(
    z.strictObject({ stayId: recordId, flag: riskFlagInput, value: z.boolean() }),
  ),
  'stay.discharge': command<Created>()(z.strictObject({ stayId: recordId })),
  'bed.setStatus': command<Created>()(
    z.strictObject({ bed: shortText(20), status: z.enum(BED_STATUSES) }),
  ),
  'task.create': command<Created>()(
    z.strictObject({
      title: shortText(120),
      stayId: recordId.optional(),
      due: isoDateTime.optional(),
      recurrenceMinutes: z.int().min(5).max(7 * 24 * 60).optional(),
    }),
  ),
  // No `by`: the actor is the unlocked session's staff member, or, on a locked screen, the board.
  'task.complete': command<Created>()(z.strictObject({ id: recordId })),
} as const;
