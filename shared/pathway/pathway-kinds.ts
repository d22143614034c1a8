/** The legal values of a pathway's fields: a leaf the field schema and the templates both read. */

/** What starts a pathway: a PLO discharge (LOG_UTSKREVET) of the unit's patient, an admission to the unit (a short-term or long-term stay, the start of home care), or a tap. */
export const PATHWAY_TRIGGERS = ['plo-discharged', 'admission', 'manual'] as const;
export type PathwayTrigger = (typeof PATHWAY_TRIGGERS)[number];

/** How a step's offset counts: calendar days (wall time in Europe/Oslo) or working days (Monday–Friday, not a Norwegian public holiday). */
export const DAY_KINDS = ['calendar', 'working'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

/** Who answers for a step. */
export const PATHWAY_ROLES = ['nurse', 'physician', 'physiotherapist', 'occupational-therapist', 'case-officer', 'unit-leader'] as const;
export type PathwayRole = (typeof PATHWAY_ROLES)[number];

/**
 * How a step completes: by a tap (`pathway.completeStep`), by recorded work — the IPLOS field a done
 * task of its measure records (shared/indicators/iplos.ts), or a done task of a given template code.
 */
export const STEP_COMPLETIONS = ['tap', 'iplos', 'task'] as const;
export type StepCompletion = (typeof STEP_COMPLETIONS)[number];
