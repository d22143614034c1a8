/**
 * Commands of a virtual ward, the hospital at home (issue 17, docs/virtual-ward.md): admit to a
 * virtual bed, record a round or visit, plan the next visit, escalate back to a ward, end the
 * episode with an outcome; the board of virtual beds; what a municipal home-care unit sees of a
 * shared patient; and the leader view's virtual-ward figures.
 */

import { z } from 'zod';
import { EPISODE_OUTCOMES, ROUND_MODES, VISIT_MAKERS } from '../../domain/schema.js';
import { osloDay } from '../../time/oslo.js';
import { command, freeText, isoDate, isoDateTime, person, recordId, shortText, type Created } from '../schema-parts.js';

export { EPISODE_OUTCOMES, ROUND_MODES, VISIT_MAKERS };
export type RoundMode = (typeof ROUND_MODES)[number];
export type EpisodeOutcome = (typeof EPISODE_OUTCOMES)[number];
export type VisitMaker = (typeof VISIT_MAKERS)[number];

/** Today's round of an episode: not recorded yet, recorded, or the patient was escalated today. */
export const ROUND_STATES = ['not-yet', 'done', 'escalated'] as const;
export type RoundState = (typeof ROUND_STATES)[number];
/** How late today's round is: `none` before the amber time (or once done), then `amber`, then `red`. */
export type RoundColour = 'none' | 'amber' | 'red';

/** The most virtual beds one unit configures (V1..VN). */
export const MAX_VIRTUAL_BEDS = 200;
/** The Oslo wall times a round turns amber and red when the unit has not set its own. */
export const DEFAULT_ROUND_TIMES = { amber: '10:00', red: '12:00' } as const;

/** A patient in a virtual bed, in corridor form: initials, never a name or a note. */
export interface VirtualBedEpisode {
  id: string;
  initials: string;
  startedAt: string;
  /** Day n of the episode (the admission day is day 1), and how many days it is planned for. */
  day: number;
  plannedDays: number | null;
  plannedEnd: string | null;
  nextVisit: { at: string; by: VisitMaker } | null;
  round: RoundState;
  colour: RoundColour;
  /** Today's recorded round: when and how. */
  roundAt: string | null;
  roundMode: RoundMode | null;
  homeCareUnit: string | null;
}

export interface VirtualBed {
  id: string;
  label: string;
  episode: VirtualBedEpisode | null;
}

/** An episode that left its virtual bed today (escalated or ended). */
export interface EpisodeLeft {
  id: string;
  initials: string;
  bed: string | null;
  at: string;
  round: RoundState;
  outcome: EpisodeOutcome | null;
  escalatedTo: string | null;
}

export interface VirtualWardBoard {
  now: string;
  day: string;
  /** Today's amber and red instants (the unit's Oslo wall times): the screen turns colour at them without a read. */
  amberAt: string;
  redAt: string;
  roundTimes: { amber: string; red: string };
  beds: VirtualBed[];
  leftToday: EpisodeLeft[];
}

/** What a home-care unit sees of a patient it shares with a virtual ward: the shared fields only. */
export interface SharedEpisode {
  id: string;
  fromUnit: string;
  fromName: string;
  initials: string;
  plannedEnd: string | null;
  nextMunicipalVisit: string | null;
  handedOverAt: string | null;
  status: 'active' | 'ended';
}

/** One home-hospital unit's figures (the leader view): counts only, no patient. */
export interface VirtualWardFigures {
  unit: string;
  name: string;
  capacity: number;
  occupied: number;
  occupancyPercent: number | null;
  /** Occupied virtual beds counted at each Oslo midnight of the period (DOMAIN.md's bed-day). */
  bedDays: number;
  visits: Record<RoundMode, number>;
  escalations: number;
  ended: Record<EpisodeOutcome, number>;
  /** Episodes ended in the period whose patient the hub saw admitted to hospital (PLO) within 30 days after. */
  readmissions30: number;
  /** Ended in the period with a key made under the hub's pseudonym secret (or made before episodes named theirs). */
  endedWithKey: number;
  /** Ended in the period with a key made under another secret (a board given another key): never matched. */
  endedKeyedElsewhere: number;
}

export interface VirtualWardView {
  asOf: string;
  from: string;
  to: string;
  units: VirtualWardFigures[];
}

/** How far back an admission to a virtual bed may be registered afterwards. */
export const MAX_BACKDATE_DAYS = 60;
/** How far ahead of the clock a start may lie (two clocks a little apart). */
const START_SLACK_MS = 60_000;

/**
 * Why an episode cannot start at `startedAt` (ms) with its planned end on the Oslo day `plannedEnd`,
 * at `now` (ms), or null: the start lies at most MAX_BACKDATE_DAYS back and not in the future, the
 * end on or after the start's day. `episode.admit`'s rule, and the admit form's.
 */
export function episodeStartProblem(startedAt: number, plannedEnd: string, now: number): 'start-out-of-range' | 'end-before-start' | null {
  if (startedAt > now + START_SLACK_MS || startedAt < now - MAX_BACKDATE_DAYS * 86_400_000) return 'start-out-of-range';
  return plannedEnd < osloDay(startedAt) ? 'end-before-start' : null;
}

export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a 24-hour Oslo wall time, HH:MM');
const nationalId = z.string().regex(/^\d{11}$/, 'an identity number of 11 digits');
const nextVisit = z.strictObject({ at: isoDateTime, by: z.enum(VISIT_MAKERS) });

export const HOMEHOSPITAL_COMMANDS = {
  'episode.board': command<VirtualWardBoard>()(z.strictObject({})),
  'episode.admit': command<Created>()(
    z.strictObject({
      bed: shortText(20),
      name: person,
      initials: shortText(4),
      birthDate: isoDate,
      plannedEnd: isoDate,
      /** When the episode began, if registered afterwards (at most 60 days back; default now). */
      startedAt: isoDateTime.optional(),
      nationalId: nationalId.optional(),
      idType: z.enum(['FNR', 'DNR', 'HNR']).optional(),
      homeCareUnit: recordId.optional(),
      nextVisit: nextVisit.optional(),
      note: freeText(1000).optional(),
    }),
  ),
  'episode.recordRound': command<Created>()(
    z.strictObject({ id: recordId, kind: z.enum(['round', 'visit']).optional(), mode: z.enum(ROUND_MODES), note: freeText(1000).optional(), nextVisit: nextVisit.optional() }),
  ),
  'episode.planVisit': command<Created>()(z.strictObject({ id: recordId, at: isoDateTime, by: z.enum(VISIT_MAKERS) })),
  'episode.escalate': command<Created>()(z.strictObject({ id: recordId, to: shortText(80), note: freeText(1000).optional() })),
  'episode.end': command<Created>()(z.strictObject({ id: recordId, outcome: z.enum(EPISODE_OUTCOMES) })),
  'episode.settings': command<Created>()(z.strictObject({ amber: clockTime, red: clockTime }).refine((v) => v.red > v.amber, { message: 'red: after amber', path: ['red'] })),
  'episode.shared': command<SharedEpisode[]>()(z.strictObject({})),
} as const;

/** The leader view's virtual-ward figures (hub): per home-hospital unit, over the last `days` whole days. */
export const HOMEHOSPITAL_LEADER_COMMANDS = {
  'leader.virtualWard': command<VirtualWardView>()(z.strictObject({ unit: recordId.optional(), days: z.int().min(1).max(90).optional() })),
} as const;

export type HomehospitalCommandName = keyof typeof HOMEHOSPITAL_COMMANDS;

/**
 * Today's round colour at `now`: none once recorded or escalated, and on the admission day (the
 * admission was that day's round); else amber from `amberAt`, red from `redAt`. The board answers
 * the instants, so a screen turns the colour at the boundary without asking again.
 */
export function roundColourAt(round: RoundState, due: boolean, now: number, amberAt: number, redAt: number): RoundColour {
  if (round !== 'not-yet' || !due) return 'none';
  if (now >= redAt) return 'red';
  return now >= amberAt ? 'amber' : 'none';
}
