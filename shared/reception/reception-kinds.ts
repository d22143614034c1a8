/**
 * The shared emergency reception's vocabulary (issue 17, docs/shared-reception.md): the triage
 * colours of RETTS, the five-level scale most Norwegian emergency departments and legevakter use
 * (red most urgent), an encounter's statuses, and how a queue is ordered. Pure.
 */

/** RETTS triage colours, most urgent first. */
export const TRIAGE_COLOURS = ['red', 'orange', 'yellow', 'green', 'blue'] as const;
export type TriageColour = (typeof TRIAGE_COLOURS)[number];

/** Where an encounter has ended up: admitted (sykehus), municipal acute bed (KAD), home, transferred elsewhere. */
export const DISPOSITIONS = ['admitted', 'kad', 'home', 'transferred'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** An encounter's status: in the room (waiting, triaged, under assessment) or disposed. */
export const ENCOUNTER_STATUSES = ['waiting', 'triaged', 'assessment', ...DISPOSITIONS] as const;
export type EncounterStatus = (typeof ENCOUNTER_STATUSES)[number];

/** The scope of an organisation's private records in a shared reception: `<unit>~<organisation>`. */
export const PRIVATE_SCOPE_MARK = '~';

export function privateScope(unit: string, organisation: string): string {
  return `${unit}${PRIVATE_SCOPE_MARK}${organisation}`;
}

/** Splits a private scope; undefined for a unit's own scope. */
export function parsePrivateScope(scope: string): { unit: string; organisation: string } | undefined {
  const at = scope.indexOf(PRIVATE_SCOPE_MARK);
  if (at < 0) return undefined;
  return { unit: scope.slice(0, at), organisation: scope.slice(at + 1) };
}

/** What the queue orders by: the colour (untriaged last), then arrival. */
export interface QueueKey {
  colour: TriageColour | null;
  arrivedAt: string;
}

const rank = (colour: TriageColour | null): number => (colour === null ? TRIAGE_COLOURS.length : TRIAGE_COLOURS.indexOf(colour));

/** The queue's order: red first, untriaged after blue, earliest arrival first within a colour. */
export function queueOrder(a: QueueKey, b: QueueKey): number {
  return rank(a.colour) - rank(b.colour) || a.arrivedAt.localeCompare(b.arrivedAt);
}

/** The organisations' names in bokmål, as the boards, the leader view and its CSV write them. */
export const ORGANISATION_NAMES_NB: Readonly<Record<string, string>> = { legevakt: 'Legevakt', sykehus: 'Sykehus' };

/** An organisation's name from `names`; one they do not know is its id, capitalised (ids are lowercase letters and digits). */
export function organisationName(names: Readonly<Record<string, string>>, id: string): string {
  return names[id] ?? id.charAt(0).toUpperCase() + id.slice(1);
}

/** The `unit.organisations` field: ids, comma-separated. */
export function parseOrganisations(field: string | null | undefined): string[] {
  return (field ?? '').split(',').filter((id) => id !== '');
}
