/**
 * The data model as synced fields, declared once in zod: every collection, its fields, their kind,
 * the values or shape a text may take, and whether a field is personal data (never leaves the unit
 * for the leader view). The record types, the inbound check of every change (`valueProblem`) and
 * the read model's row parsing (main/store/read-model.ts) are derived from it.
 */

import { z } from 'zod';
// The legal values of flow and shifts live in the domain (flow-states.ts) and the one calendar; the
// command modules re-export them, so nothing here imports a command module.
import { SHIFT_NAMES as SHIFTS } from '../time/oslo.js';
import { DECLINE_REASONS, HOSPITAL_STATUSES, TRANSFER_STATES } from './flow-states.js';
import { NATIONAL_ID_PROBLEMS } from './national-id.js';
import { DAY_KINDS, PATHWAY_ROLES, PATHWAY_TRIGGERS, STEP_COMPLETIONS } from '../pathway/pathway-kinds.js';
import { ALARM_KINDS, SEVERITIES } from '../alarm/vkp-codes.js';
import { DISPOSITIONS, ENCOUNTER_STATUSES, TRIAGE_COLOURS } from '../reception/reception-kinds.js';
import { bool, compileField, int, oneOf, personal, RISK_FLAGS, shaped, text, type FieldCheck, type RiskFlag } from './field-kinds.js';

export { RISK_FLAGS, valueProblem, type FieldCheck, type FieldKind, type RiskFlag, type TextFormat } from './field-kinds.js';

export const UNIT_KINDS = [
  'hospital-ward',
  'nursing-home',
  'short-term',
  'home-care',
  'home-hospital',
  'allocation-office',
  'shared-reception',
] as const;
export const BED_STATUSES = ['free', 'occupied', 'blocked', 'cleaning'] as const;
export const TASK_STATUSES = ['open', 'done', 'skipped'] as const;
export const STAY_STATUSES = ['active', 'discharged'] as const;
/** How a home-care visit ended (issue 15): carried out, nobody home, refused by the patient, or called off. */
export const VISIT_OUTCOMES = ['done', 'not-home', 'refused', 'cancelled'] as const;
/** How a virtual ward's round or visit was made (issue 17): at home, by video or by phone. */
export const ROUND_MODES = ['home', 'video', 'phone'] as const;
/** How a virtual-ward episode ended: handed to home care, self-managed, back to a ward, died. */
export const EPISODE_OUTCOMES = ['home-care', 'self-managed', 'back-to-ward', 'died'] as const;
/** Who makes a virtual-ward patient's next visit: the hospital or the municipality. */
export const VISIT_MAKERS = ['hospital', 'municipality'] as const;

const instant = shaped('instant');
const date = shaped('date');
const record = shaped('record');
const unitId = shaped('unit');

const riskFlagFields = Object.fromEntries(RISK_FLAGS.map((flag) => [flag, bool()])) as Record<RiskFlag, ReturnType<typeof bool>>;

export const COLLECTIONS = {
  unit: {
    municipality: unitId,
    name: text(),
    kind: oneOf(UNIT_KINDS),
    capacity: int(),
    /** NOK the municipality pays per day a discharge-ready patient waits in hospital (allocation office). */
    dailyRate: int(),
    /** Minutes after a discharge the bed's cleaning task falls due (60 when empty). */
    cleaningMinutes: int(),
    /** Minutes a welfare-technology alarm may wait to be accepted, per severity, before the banner (home care; docs/alarms.md; defaults when empty). */
    alarmAcceptRed: int(),
    alarmAcceptYellow: int(),
    alarmAcceptGreen: int(),
    /** Virtual ward (home-hospital): Oslo wall times ("10:00") after which today's round not yet recorded is amber, then red. */
    episodeRoundAmber: text(),
    episodeRoundRed: text(),
    /** A shared reception's member organisations, comma-separated ids (docs/shared-reception.md). */
    organisations: text(),
    /** A shared reception's targets, minutes to triage and to first assessment per colour, as JSON (leader view). */
    receptionTargets: shaped('object'),
    deleted: bool(),
  },
  bed: { unit: unitId, label: text(), room: text(), status: oneOf(BED_STATUSES), sort: int(), deleted: bool() },
  stay: {
    unit: unitId,
    bed: record,
    initials: text(),
    name: personal(text()),
    birthDate: personal(shaped('date')),
    ...riskFlagFields,
    adl: int(),
    nurse: text(),
    admittedAt: instant,
    expectedDischarge: date,
    dischargeReadySince: instant,
    dischargedAt: instant,
    shielded: bool(),
    status: oneOf(STAY_STATUSES),
    /** Free text from staff about this patient (ward board); personal, so shown only to an unlocked screen. */
    note: personal(text()),
    /** Patient flow (allocation office): the hospital that sent the PLO messages about this patient. */
    hospital: text(),
    /** The last PLO state: admitted | discharge-ready | withdrawn | discharged | dead. */
    hospitalStatus: oneOf(HOSPITAL_STATUSES),
    /** When the patient left the hospital (discharged or died), from PLO. */
    hospitalLeftAt: instant,
    /**
     * What is wrong with the identity number in the newest PLO message about this patient (its kind
     * only, never the number), or empty: the office confirms who it is with the hospital.
     */
    idProblem: oneOf(NATIONAL_ID_PROBLEMS),
    /** Home care: the key-box code and how to get in; personal, shown only to an unlocked screen, per patient. */
    keyBox: personal(text()),
    accessNote: personal(text()),
    deleted: bool(),
  },
  task: {
    unit: unitId,
    stay: record,
    /** The bed a cleaning task frees when it is done. */
    bed: record,
    title: text(),
    due: instant,
    recurrenceMinutes: int(),
    /** The code of the template the task was made from (main/ward/task-templates.ts): what the task means. */
    template: text(),
    status: oneOf(TASK_STATUSES),
    doneBy: text(),
    doneAt: instant,
    createdAt: instant,
    deleted: bool(),
  },
  transfer: {
    fromUnit: unitId,
    toUnit: unitId,
    stay: record,
    status: oneOf(TRANSFER_STATES),
    requestedAt: instant,
    acceptedAt: instant,
    scheduledFor: instant,
    completedAt: instant,
    cancelledAt: instant,
    /** When the receiving unit set scheduledFor (the decision's age). */
    scheduledAt: instant,
    declinedAt: instant,
    declineReason: oneOf(DECLINE_REASONS),
    /** Which unit tapped "complete" (each side settles its own records; the hub the other's). */
    completedBy: unitId,
    /** The receiving unit's bed, chosen when it accepts or schedules (its id and label). */
    toBed: record,
    toBedLabel: text(),
    /** Non-personal facts about the patient, so the receiving board can prepare: never a name. */
    initials: text(),
    flags: shaped('flags'),
    adl: int(),
    shielded: bool(),
    /** Where the patient comes from before unit A (the hospital, for the allocation office). */
    origin: text(),
    /**
     * What is wrong with the identity number in the hospital's message about the patient (the
     * stay's idProblem when the transfer was requested; its kind only), or empty: the receiving
     * unit checks who arrives.
     */
    idProblem: oneOf(NATIONAL_ID_PROBLEMS),
    /** Who took each step: the unlocked staff member's name (issue 13, point 6), so the other unit knows whom to phone. */
    requestedBy: text(),
    acceptedBy: text(),
    declinedBy: text(),
    cancelledBy: text(),
    completedByStaff: text(),
    /** The sender's short summary for the receiving unit: clinical, so personal (shown on an unlocked screen only). */
    summary: personal(text()),
    deleted: bool(),
  },
  /**
   * A home-care visit (main/homecare/): to whom, in which agreed window, on which route and in
   * which order, alone or two together, and what happened. Its status is read from these fields.
   */
  visit: {
    unit: unitId,
    stay: record,
    /** The agreed window (`from` and `to` of visit.plan; named so, not as SQL words). */
    windowStart: instant,
    windowEnd: instant,
    title: text(),
    /** The code of the visit template it was made from (main/homecare/visit-templates.ts), when one. */
    template: text(),
    /** The visits made together from one recurring plan share this id. */
    series: record,
    staffCount: int(),
    route: text(),
    /** The place on its route (visit.plan's `order`). */
    routeOrder: int(),
    /** The carer it is given to (a name as the unit writes it on the board). */
    staff: text(),
    startedAt: instant,
    startedBy: text(),
    completedAt: instant,
    completedBy: text(),
    outcome: oneOf(VISIT_OUTCOMES),
    /** What the carer wrote when completing it; about the patient, so personal. */
    note: personal(text()),
    createdAt: instant,
    deleted: bool(),
  },
  /**
   * A virtual-ward episode (issue 17, docs/virtual-ward.md): a patient at home in a virtual bed of a
   * home-hospital unit, from admission to escalation or an ended outcome. Lives in the virtual
   * ward's own scope only; what the municipal home-care unit may see travels in `episodeShare`.
   */
  episode: {
    unit: unitId,
    stay: record,
    bed: record,
    initials: text(),
    startedAt: instant,
    plannedEnd: date,
    nextVisitAt: instant,
    nextVisitBy: oneOf(VISIT_MAKERS),
    /** The municipal home-care unit that shares the patient, when one does. */
    homeCareUnit: unitId,
    escalatedAt: instant,
    /** The ward the patient went back to (its name as the virtual ward writes it). */
    escalatedTo: text(),
    endedAt: instant,
    outcome: oneOf(EPISODE_OUTCOMES),
    /** The hospital's clinical note: never leaves the virtual ward's scope. */
    note: personal(text()),
    /** Hash of the national identity number (as the hub keys PLO episodes): finds readmissions on the hub. */
    patientKey: personal(text()),
    /**
     * The fingerprint of the pseudonym secret `patientKey` was made under (main/privacy/pseudonym.ts):
     * the hub matches only keys made under its own, and counts the others as keyed elsewhere.
     */
    keyedUnder: text(),
    deleted: bool(),
  },
  /** One round or visit of an episode: how it was made, by whom, and the hospital's note of it. */
  episodeRound: {
    unit: unitId,
    episode: record,
    kind: oneOf(['round', 'visit']),
    mode: oneOf(ROUND_MODES),
    /** The Oslo day a round counts for. */
    day: date,
    at: instant,
    by: text(),
    note: personal(text()),
    deleted: bool(),
  },
  /**
   * What the municipal home-care unit sees of a shared virtual-ward patient: written by the hub
   * alone, from the episode, into the home-care unit's scope. Never a hospital note.
   */
  episodeShare: {
    unit: unitId,
    fromUnit: unitId,
    fromName: text(),
    initials: text(),
    plannedEnd: date,
    nextMunicipalVisit: instant,
    handedOverAt: instant,
    status: oneOf(['active', 'ended']),
    deleted: bool(),
  },
  /** Another unit's capacity as the hub last saw it, written by the hub into each unit's scope. */
  capacity: {
    unit: unitId,
    name: text(),
    /** `unknown` for a unit the hub holds before its board configured it. */
    kind: oneOf([...UNIT_KINDS, 'unknown']),
    beds: int(),
    free: int(),
    incoming: int(),
    updatedAt: instant,
    deleted: bool(),
  },
  staffing: { unit: unitId, date, shift: oneOf(SHIFTS), planned: int(), present: int(), deleted: bool() },
  handover: {
    unit: unitId,
    date,
    shift: oneOf(SHIFTS),
    notes: text(),
    /** The outgoing leader who gave the report, and when (issue 13, point 7). */
    givenBy: text(),
    givenAt: instant,
    /** The incoming leader who received it, and when. */
    acknowledgedBy: text(),
    acknowledgedAt: instant,
    deleted: bool(),
  },
  /** A unit's own pathway template (the shipped examples live in shared/pathway/pathway-templates.ts). */
  pathwayTemplate: { unit: unitId, name: text(), trigger: oneOf(PATHWAY_TRIGGERS), deleted: bool() },
  /** One step of a unit's own pathway template: its deadline from the start and how it completes. */
  pathwayTemplateStep: {
    unit: unitId,
    template: record,
    title: text(),
    /** Whole days or weeks, ISO 8601: P1D, P14D, P2W. */
    offset: text(),
    days: oneOf(DAY_KINDS),
    role: oneOf(PATHWAY_ROLES),
    completes: oneOf(STEP_COMPLETIONS),
    /** The IPLOS field or task template code whose done task closes the step. */
    completesWith: text(),
    sort: int(),
    deleted: bool(),
  },
  /** A pathway under way for a patient: its template and the anchor time its deadlines count from. */
  pathway: { unit: unitId, stay: record, template: text(), startedAt: instant, startedBy: text(), trigger: oneOf(PATHWAY_TRIGGERS), deleted: bool() },
  /**
   * What was recorded of one step of a pathway (id: the pathway's id, a dash, the step's id). Done
   * and not-applicable are separate fields, so two offline boards recording one each both keep
   * theirs, and the step reads as done everywhere: recorded work outranks a skip (docs/pathways.md).
   */
  pathwayStep: {
    unit: unitId,
    pathway: record,
    step: text(),
    doneAt: instant,
    doneBy: text(),
    skippedAt: instant,
    skippedBy: text(),
    skipReason: personal(text()),
    deleted: bool(),
  },
  /**
   * One line of the unit's audit log (who, what, which record, when, which board), written once by
   * the board where it happened and synced like any record, so the unit leader reads the whole
   * unit's log on any of its boards. One JSON field (AuditLine without seq and place), not eight:
   * the log is as long as the unit's history of edits and accesses. Its table indexes the line's
   * time, so a text that is not a JSON object would fail the whole batch's write: refused here.
   */
  auditEntry: { entry: shaped('object') },
  /**
   * A welfare-technology alarm (issue 15, docs/alarms.md), written by the hub from a VKP bundle into
   * the home-care unit's scope; the unit's boards escalate and close it. The raw code, system and
   * text are kept as received; who accepted is not a field but the earliest `alarmAccept` record.
   */
  alarm: {
    unit: unitId,
    /** The home-care stay the patient was matched to; null for "ukjent bruker". */
    stay: record,
    initials: text(),
    route: text(),
    code: text(),
    codeSystem: text(),
    codeText: text(),
    severity: oneOf(SEVERITIES),
    kind: oneOf(ALARM_KINDS),
    reportedAt: instant,
    handlingAt: instant,
    calloutAt: instant,
    escalatedAt: instant,
    escalatedBy: text(),
    escalationReason: personal(text()),
    closedAt: instant,
    closedBy: text(),
    summary: personal(text()),
    deleted: bool(),
  },
  /**
   * One encounter of a shared reception (issue 17, docs/shared-reception.md): the shared fields
   * both organisations see. Nothing personal lives here by construction: the private fields are in
   * `encounterPrivate`, in the owning organisation's own scope.
   */
  encounter: {
    unit: unitId,
    owner: unitId,
    responsible: unitId,
    /** The pseudonymous label on the queue (a number the reception gives), never initials or a name. */
    label: text(),
    bay: text(),
    colour: oneOf(TRIAGE_COLOURS),
    /** When the first colour was set; a later change never moves it. */
    triagedAt: instant,
    /** When the colour now shown was set. */
    colourSetAt: instant,
    status: oneOf(ENCOUNTER_STATUSES),
    arrivedAt: instant,
    assessedAt: instant,
    disposition: oneOf(DISPOSITIONS),
    disposedAt: instant,
    deleted: bool(),
  },
  /** Each colour an encounter was given, and when (shared): the triage history. */
  encounterTriage: { unit: unitId, encounter: record, colour: oneOf(TRIAGE_COLOURS), at: instant, deleted: bool() },
  /** A handover of responsibility between the reception's organisations (shared). */
  encounterHandover: { unit: unitId, encounter: record, from: unitId, to: unitId, at: instant, by: text(), board: text(), deleted: bool() },
  /**
   * The owning organisation's private fields of an encounter (id: the encounter's), synced only in
   * the scope `<unit>~<organisation>`: on topics that carry the organisation's id, its boards and the hub alone.
   */
  encounterPrivate: {
    unit: unitId,
    organisation: unitId,
    name: personal(text()),
    /** A keyed hash of the national identity number, never the number. */
    idKey: personal(text()),
    reason: personal(text()),
    note: personal(text()),
    deleted: bool(),
  },
  /** One tap of "Ta" on one board: every attempt is kept, the earliest wins (shared/alarm/handling.ts). */
  alarmAccept: { unit: unitId, alarm: record, by: text(), at: instant, board: text(), deleted: bool() },
} as const satisfies Record<string, Record<string, z.ZodType>>;

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

export type FieldName<C extends CollectionName> = keyof (typeof COLLECTIONS)[C] & string;

/** A collection's record as the read model holds it: its id and every field, null where unset or written away. */
export type RecordOf<C extends CollectionName> = { id: string } & {
  -readonly [F in FieldName<C>]: z.output<(typeof COLLECTIONS)[C][F]> | null;
};

/**
 * What an `auditEntry` record's one field holds, as JSON: a line of the unit's audit log (AuditLine
 * of shared/api/commands/ward.ts without seq, place and thisBoard). Read leniently: a part another
 * replica sent malformed reads as empty rather than hiding the line.
 */
export const AUDIT_ENTRY_LINE = z.object({
  at: z.string().catch(''),
  actor: z.string().catch(''),
  action: z.string().catch(''),
  collection: z.string().nullable().catch(null),
  record: z.string().nullable().catch(null),
  board: z.string().catch(''),
  detail: z.string().nullable().catch(null),
});
export type AuditEntryLine = z.output<typeof AUDIT_ENTRY_LINE>;

/** A stored field value as it crosses the wire: plain JSON scalars only. */
export type FieldValue = string | number | boolean | null;

export function isCollection(name: string): name is CollectionName {
  return Object.prototype.hasOwnProperty.call(COLLECTIONS, name);
}

/** Every field of every collection, compiled once (the inbound path checks each change against one). */
const CHECKS = new Map<CollectionName, ReadonlyMap<string, FieldCheck>>(
  COLLECTION_NAMES.map((collection) => [
    collection,
    new Map(Object.entries(COLLECTIONS[collection] as Record<string, z.ZodType>).map(([field, schema]) => [field, compileField(schema)])),
  ]),
);

/** A collection's fields with their compiled checks, in declaration order. */
export function fieldsOf(collection: CollectionName): ReadonlyMap<string, FieldCheck> {
  return CHECKS.get(collection) ?? new Map();
}

export function fieldSpec(collection: CollectionName, field: string): FieldCheck | undefined {
  return CHECKS.get(collection)?.get(field);
}

/** Every personal-data field name, by collection — what the leader view must never carry. */
export function personalFields(): { collection: CollectionName; field: string }[] {
  return COLLECTION_NAMES.flatMap((collection) =>
    [...fieldsOf(collection)].filter(([, check]) => check.personal).map(([field]) => ({ collection, field })),
  );
}

/** Whether a value fits a field's kind, values and format (checked on every inbound change). */
export function valueFits(field: FieldCheck, value: FieldValue): boolean {
  return value === null || field.problem(value) === undefined;
}
