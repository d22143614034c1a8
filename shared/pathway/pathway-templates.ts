/**
 * Standardised service pathways (standardiserte tjenesteforløp) as data: a template names the event
 * that starts it and its steps, each with a deadline as an offset from the start and how the step
 * completes. The shipped examples carry sourced deadlines (docs/pathways.md); a unit leader adds
 * the unit's own on the board (`pathway.saveTemplate`), stored as synced records.
 */

import type { UnitKind } from '../domain/types.js';
import type { DayKind, PathwayRole, PathwayTrigger, StepCompletion } from './pathway-kinds.js';

export { DAY_KINDS, PATHWAY_ROLES, PATHWAY_TRIGGERS, STEP_COMPLETIONS, type DayKind, type PathwayRole, type PathwayTrigger, type StepCompletion } from './pathway-kinds.js';

/** An offset: whole days or weeks, ISO 8601 (`P1D`, `P14D`, `P2W`); `P0D` is the start itself. */
export const OFFSET_PATTERN = /^P(\d{1,3})([DW])$/;

/** The offset in days, or undefined when it is not one this product takes. */
export function offsetDays(offset: string): number | undefined {
  const match = OFFSET_PATTERN.exec(offset);
  if (!match) return undefined;
  const n = Number(match[1]);
  return match[2] === 'W' ? n * 7 : n;
}

export interface PathwayStepTemplate {
  /** Unique within its template: lower-case letters, digits and dashes, at most 40. */
  id: string;
  title: string;
  offset: string;
  days: DayKind;
  role: PathwayRole;
  completes: StepCompletion;
  /** The IPLOS field (`iplos`) or the task template code (`task`) whose done task closes the step; null for `tap`. */
  completesWith: string | null;
}

export interface PathwayTemplate {
  id: string;
  name: string;
  trigger: PathwayTrigger;
  /** The unit kinds it is offered on (an admission starts it only on these). */
  unitKinds: readonly UnitKind[];
  steps: readonly PathwayStepTemplate[];
  /** `example`: shipped with Tavla; `unit`: the unit's own, editable by its leader. */
  origin: 'example' | 'unit';
}

const step = (id: string, title: string, offset: string, role: PathwayRole, completes: StepCompletion = 'tap', completesWith: string | null = null, days: DayKind = 'calendar'): PathwayStepTemplate => ({
  id,
  title,
  offset,
  days,
  role,
  completes,
  completesWith,
});

/**
 * The shipped examples (docs/pathways.md gives each source). Nutrition risk screening within 1 day
 * of a short-term stay, 1 week of a long-term place and 2 weeks of the start of home health
 * services (Helsedirektoratet, nasjonal faglig retningslinje for forebygging og behandling av
 * underernæring); everyday rehabilitation of about 4 weeks with an evaluation at day 14 and a
 * follow-up visit 6 weeks after the end (Larvik); a home visit within 3 working days (Bamble) and an
 * application decided within 4 weeks (Horten).
 */
export const EXAMPLE_PATHWAYS: readonly PathwayTemplate[] = [
  {
    id: 'ex-nutrition-short-term',
    name: 'Ernæring, korttidsopphold',
    trigger: 'admission',
    unitKinds: ['short-term'],
    origin: 'example',
    steps: [step('screening', 'Ernæringskartlegging', 'P1D', 'nurse', 'iplos', 'poErnKartlagt')],
  },
  {
    id: 'ex-nutrition-long-term',
    name: 'Ernæring, langtidsplass',
    trigger: 'admission',
    unitKinds: ['nursing-home'],
    origin: 'example',
    steps: [
      step('screening', 'Ernæringskartlegging', 'P1W', 'nurse', 'iplos', 'poErnKartlagt'),
      step('medication-review', 'Legemiddelgjennomgang', 'P4W', 'physician', 'task', 'medication-review'),
    ],
  },
  {
    id: 'ex-nutrition-home-care',
    name: 'Ernæring, oppstart hjemmesykepleie',
    trigger: 'admission',
    unitKinds: ['home-care'],
    origin: 'example',
    steps: [step('screening', 'Ernæringskartlegging', 'P2W', 'nurse', 'iplos', 'poErnKartlagt')],
  },
  {
    id: 'ex-home-after-hospital',
    name: 'Utskrevet til hjemmetjenesten',
    trigger: 'plo-discharged',
    unitKinds: ['home-care'],
    origin: 'example',
    steps: [
      step('home-visit', 'Kartleggingsbesøk hjemme', 'P3D', 'nurse', 'tap', null, 'working'),
      step('screening', 'Ernæringskartlegging', 'P2W', 'nurse', 'iplos', 'poErnKartlagt'),
      step('decision', 'Vedtak om tjenester fattet', 'P4W', 'case-officer'),
    ],
  },
  {
    id: 'ex-everyday-rehab',
    name: 'Hverdagsrehabilitering',
    trigger: 'manual',
    unitKinds: ['home-care'],
    origin: 'example',
    steps: [
      step('planning', 'Planleggingsmøte: mål og tester («Hva er viktig for deg?»)', 'P0D', 'occupational-therapist'),
      step('evaluation', 'Midtveisevaluering', 'P14D', 'physiotherapist'),
      step('end', 'Avslutningsmøte', 'P4W', 'occupational-therapist'),
      step('follow-up', 'Oppfølgingsbesøk 6 uker etter avslutning', 'P10W', 'physiotherapist'),
    ],
  },
];
