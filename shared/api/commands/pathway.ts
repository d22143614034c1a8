/** Commands of standardised service pathways (docs/pathways.md): templates, start, steps, the list. */

import { z } from 'zod';
import { DAY_KINDS, OFFSET_PATTERN, PATHWAY_ROLES, PATHWAY_TRIGGERS, STEP_COMPLETIONS, type DayKind, type PathwayRole, type PathwayTemplate, type PathwayTrigger } from '../../pathway/pathway-templates.js';
import { command, isoDateTime, recordId, shortText, type Created } from '../schema-parts.js';

/** planned; due within 24 hours; past its deadline; done (tapped or by recorded work); not applicable (skipped with a reason). */
export const STEP_STATES = ['planned', 'due-soon', 'overdue', 'done', 'not-applicable'] as const;
export type StepState = (typeof STEP_STATES)[number];

/** One step of a pathway as the board shows it. */
export interface PathwayStepView {
  id: string;
  title: string;
  role: PathwayRole;
  offset: string;
  days: DayKind;
  /** The deadline (ISO 8601 UTC). */
  due: string;
  state: StepState;
  doneAt: string | null;
  /** Who: the staff member who tapped it, or whoever did the task that recorded the work. */
  doneBy: string | null;
  /** The step closed itself from recorded work (a done task of its code). */
  byRecordedWork: boolean;
  skippedAt: string | null;
  skippedBy: string | null;
  /** Why it does not apply: shown only to an unlocked screen (null on a locked one). */
  skipReason: string | null;
}

export interface PathwayView {
  id: string;
  stayId: string;
  template: string;
  name: string;
  trigger: PathwayTrigger;
  startedAt: string;
  startedBy: string;
  steps: PathwayStepView[];
  /** The first step neither done nor skipped, by deadline: the chip on the patient's card. */
  next: PathwayStepView | null;
}

const stepInput = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and - only, at most 40').optional(),
    title: shortText(120),
    offset: z.string().regex(OFFSET_PATTERN, 'whole days or weeks as ISO 8601: P1D, P14D, P2W (at most 999)'),
    days: z.enum(DAY_KINDS),
    role: z.enum(PATHWAY_ROLES),
    completes: z.enum(STEP_COMPLETIONS),
    completesWith: shortText(40).optional(),
  })
  .refine((step) => (step.completes === 'tap') === (step.completesWith === undefined), {
    message: 'completesWith names the IPLOS field or task code of a step completed by recorded work, and only then',
    path: ['completesWith'],
  });

export const PATHWAY_COMMANDS = {
  /** The pathways this unit offers: the shipped examples for its kind and its own. */
  'pathway.templates': command<PathwayTemplate[]>()(z.strictObject({})),
  /** Adds or changes one of the unit's own templates (the unit leader). */
  'pathway.saveTemplate': command<Created>()(
    z.strictObject({
      id: recordId.optional(),
      name: shortText(80),
      trigger: z.enum(PATHWAY_TRIGGERS),
      steps: z.array(stepInput).min(1).max(30),
    }),
  ),
  'pathway.removeTemplate': command<Created>()(z.strictObject({ id: recordId })),
  'pathway.start': command<Created>()(
    z.strictObject({ stayId: recordId, template: recordId, startedAt: isoDateTime.optional() }),
  ),
  'pathway.completeStep': command<Created>()(z.strictObject({ pathwayId: recordId, stepId: recordId })),
  'pathway.skipStep': command<Created>()(z.strictObject({ pathwayId: recordId, stepId: recordId, reason: shortText(200) })),
  /** The pathways of one patient, or of every patient of the unit, with each step's deadline and state. */
  'pathway.list': command<PathwayView[]>()(z.strictObject({ stayId: recordId.optional() })),
} as const;


