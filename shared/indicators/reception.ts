/**
 * The shared reception's leader figures per organisation (issue 17, point 5; docs/shared-reception.md):
 * arrivals per hour, time to triage and to first assessment per colour against configurable
 * targets, the disposition mix and handovers each way. From shared fields only: no label, no
 * private field is an input, so none can be an output. Pure.
 */

import { DISPOSITIONS, TRIAGE_COLOURS, type Disposition, type TriageColour } from '../reception/reception-kinds.js';

/** An encounter's shared times as the figures read them; `colour`: the first triage's. */
export interface ReceptionFact {
  owner: string;
  responsible: string;
  colour: TriageColour | null;
  arrivedAt: string;
  triagedAt: string | null;
  assessedAt: string | null;
  disposition: Disposition | null;
}

export interface ReceptionTargets {
  /** Minutes from arrival to triage, per colour. */
  triage: Record<TriageColour, number>;
  /** Minutes from arrival to first assessment, per colour. */
  assessment: Record<TriageColour, number>;
}

/**
 * The defaults when the unit sets none (`unit.configure receptionTargets`). No sourced Norwegian
 * target was found: these follow the usual RETTS time-to-doctor levels and are meant to be set.
 */
export const DEFAULT_RECEPTION_TARGETS: ReceptionTargets = {
  triage: { red: 0, orange: 15, yellow: 15, green: 15, blue: 15 },
  assessment: { red: 0, orange: 20, yellow: 60, green: 120, blue: 240 },
};

export interface ColourFigures {
  colour: TriageColour;
  encounters: number;
  /** Medians in minutes; null without any. */
  toTriage: number | null;
  toAssessment: number | null;
  /** Shares 0–1 within the target; null without any. */
  triageOnTarget: number | null;
  assessmentOnTarget: number | null;
  targets: { triage: number; assessment: number };
}

export interface OrganisationFigures {
  organisation: string;
  arrivals: number;
  /** Arrivals per hour over the window. */
  perHour: number;
  /** Arrivals by hour of the day (Oslo), 24 counts. */
  byHour: number[];
  colours: ColourFigures[];
  /** Encounters that left, by disposition, while this organisation was responsible. */
  dispositions: Record<Disposition, number>;
  handoversOut: number;
  handoversIn: number;
}

export interface HandoverFact {
  from: string;
  to: string;
}

const minutes = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return Math.round((sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2) * 10) / 10;
}

const share = (values: number[], target: number) => (values.length === 0 ? null : values.filter((v) => v <= target).length / values.length);

/** One organisation's figures over a window of `hours`; `hourOf` maps an instant to its Oslo hour. */
export function organisationFigures(
  organisation: string,
  facts: readonly ReceptionFact[],
  handovers: readonly HandoverFact[],
  targets: ReceptionTargets,
  hours: number,
  hourOf: (iso: string) => number,
): OrganisationFigures {
  const owned = facts.filter((fact) => fact.owner === organisation);
  const byHour = Array.from({ length: 24 }, () => 0);
  for (const fact of owned) byHour[hourOf(fact.arrivedAt)] += 1;
  const colours = TRIAGE_COLOURS.map((colour): ColourFigures => {
    const mine = owned.filter((fact) => fact.colour === colour);
    const toTriage = mine.flatMap((fact) => (fact.triagedAt ? [minutes(fact.arrivedAt, fact.triagedAt)] : []));
    const toAssessment = mine.flatMap((fact) => (fact.assessedAt ? [minutes(fact.arrivedAt, fact.assessedAt)] : []));
    const target = { triage: targets.triage[colour], assessment: targets.assessment[colour] };
    return {
      colour,
      encounters: mine.length,
      toTriage: median(toTriage),
      toAssessment: median(toAssessment),
      triageOnTarget: share(toTriage, target.triage),
      assessmentOnTarget: share(toAssessment, target.assessment),
      targets: target,
    };
  });
  const dispositions = Object.fromEntries(DISPOSITIONS.map((d) => [d, facts.filter((fact) => fact.responsible === organisation && fact.disposition === d).length])) as Record<Disposition, number>;
  return {
    organisation,
    arrivals: owned.length,
    perHour: hours > 0 ? Math.round((owned.length / hours) * 100) / 100 : 0,
    byHour,
    colours,
    dispositions,
    handoversOut: handovers.filter((h) => h.from === organisation).length,
    handoversIn: handovers.filter((h) => h.to === organisation).length,
  };
}

/** A unit's targets: its own where it set them (JSON), the defaults for any colour it left out. */
export function receptionTargetsOf(field: string | null): ReceptionTargets {
  let set: Partial<Record<keyof ReceptionTargets, Partial<Record<TriageColour, number>>>> = {};
  try {
    set = field ? (JSON.parse(field) as typeof set) : {};
  } catch {
    set = {};
  }
  return {
    triage: { ...DEFAULT_RECEPTION_TARGETS.triage, ...set.triage },
    assessment: { ...DEFAULT_RECEPTION_TARGETS.assessment, ...set.assessment },
  };
}
