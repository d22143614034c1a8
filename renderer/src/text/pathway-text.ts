/** Words of standardised service pathways (docs/pathways.md) in bokmål and English: `language.t.pathway`. */

import type { StepState } from '../../../shared/api/commands/pathway.js';
import type { PathwayRole } from '../../../shared/pathway/pathway-templates.js';

export interface PathwayText {
  /** The board tab and its heading. */
  tab: string;
  dueToday: string;
  dueTodayNone: string;
  all: string;
  none: string;
  state: Record<StepState, string>;
  role: Record<PathwayRole, string>;
  /** The chip's countdown: "forfalt 2 d", "i dag kl. 14:00", "om 3 d". */
  countdown: (dueMs: number, nowMs: number, clock: string) => string;
  /** The chip in words: the step's title and its countdown. */
  chip: (title: string, countdown: string) => string;
  /** Read out before a bed card's chip (screen readers). */
  nextStep: string;
  steps: string;
  complete: string;
  skip: string;
  skipReason: string;
  skipPlaceholder: string;
  doneBy: (when: string, by: string | null, byWork: boolean) => string;
  skippedBy: (by: string | null, reason: string | null) => string;
  start: string;
  startNone: string;
  startedAt: (when: string) => string;
  patient: (place: string) => string;
}

const DAY_MS = 86_400_000;
/** Whole days between two instants, rounded toward the deadline's side (1 d as soon as a day has passed). */
const wholeDays = (ms: number): number => Math.max(1, Math.floor(ms / DAY_MS));

export const nbPathway: PathwayText = {
  tab: 'Forløp',
  dueToday: 'Forfaller i dag',
  dueTodayNone: 'Ingen forløpssteg forfaller i dag.',
  all: 'Alle forløp',
  none: 'Ingen forløp.',
  state: { planned: 'Planlagt', 'due-soon': 'Forfaller snart', overdue: 'Forfalt', done: 'Utført', 'not-applicable': 'Ikke aktuelt' },
  role: {
    nurse: 'Sykepleier',
    physician: 'Lege',
    physiotherapist: 'Fysioterapeut',
    'occupational-therapist': 'Ergoterapeut',
    'case-officer': 'Saksbehandler',
    'unit-leader': 'Enhetsleder',
  },
  countdown: (due, now, clock) => {
    if (now > due) return `forfalt ${wholeDays(now - due)} d`;
    if (due - now < DAY_MS) return `kl. ${clock}`;
    return `om ${wholeDays(due - now)} d`;
  },
  chip: (title, countdown) => `${title} – ${countdown}`,
  nextStep: 'Neste forløpssteg',
  steps: 'Forløpssteg',
  complete: 'Utført',
  skip: 'Ikke aktuelt',
  skipReason: 'Hvorfor er steget ikke aktuelt?',
  skipPlaceholder: 'Begrunnelse',
  doneBy: (when, by, byWork) => `Utført ${when}${by ? ` av ${by}` : ''}${byWork ? ' (registrert arbeid)' : ''}`,
  skippedBy: (by, reason) => `Ikke aktuelt${by ? ` (${by})` : ''}${reason ? `: ${reason}` : ''}`,
  start: 'Start forløp',
  startNone: 'Ingen forløp å starte',
  startedAt: (when) => `startet ${when}`,
  patient: (place) => place,
};

export const enPathway: PathwayText = {
  tab: 'Pathways',
  dueToday: 'Due today',
  dueTodayNone: 'No pathway step is due today.',
  all: 'All pathways',
  none: 'No pathways.',
  state: { planned: 'Planned', 'due-soon': 'Due soon', overdue: 'Overdue', done: 'Done', 'not-applicable': 'Not applicable' },
  role: {
    nurse: 'Nurse',
    physician: 'Physician',
    physiotherapist: 'Physiotherapist',
    'occupational-therapist': 'Occupational therapist',
    'case-officer': 'Case officer',
    'unit-leader': 'Unit leader',
  },
  countdown: (due, now, clock) => {
    // Days as "d", as the bokmål chip says them: the countdown fits beside the title on a bed card.
    if (now > due) return `overdue ${wholeDays(now - due)} d`;
    if (due - now < DAY_MS) return `at ${clock}`;
    return `in ${wholeDays(due - now)} d`;
  },
  chip: (title, countdown) => `${title} – ${countdown}`,
  nextStep: 'Next pathway step',
  steps: 'Pathway steps',
  complete: 'Done',
  skip: 'Not applicable',
  skipReason: 'Why does the step not apply?',
  skipPlaceholder: 'Reason',
  doneBy: (when, by, byWork) => `Done ${when}${by ? ` by ${by}` : ''}${byWork ? ' (recorded work)' : ''}`,
  skippedBy: (by, reason) => `Not applicable${by ? ` (${by})` : ''}${reason ? `: ${reason}` : ''}`,
  start: 'Start pathway',
  startNone: 'No pathway to start',
  startedAt: (when) => `started ${when}`,
  patient: (place) => place,
};
