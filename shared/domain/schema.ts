/**
 * The data model as synced fields: every collection, its fields, their storage kind, the values or
 * shape a text may take, and whether a field is personal data (never leaves the unit for the
 * leader view). Every inbound change is checked against it (`valueProblem`).
 */

import { isSafeText } from './text.js';
// The legal values live beside the commands that write them; the schema only reads them (no cycle:
// those modules import nothing from here but types).
import { DECLINE_REASONS, HOSPITAL_STATUSES, TRANSFER_STATES } from '../api/commands/flow.js';
import { SHIFTS } from '../api/commands/ward.js';
import { BED_STATUSES, TASK_STATUSES, UNIT_KINDS } from './types.js';

export type FieldKind = 'text' | 'int' | 'bool';

/**
 * The shape of a text: an instant (ISO 8601 with `Z` or an offset), a calendar date (YYYY-MM-DD),
 * a record id, a unit id (a topic level), or a comma list of risk flags.
 */
export type TextFormat = 'instant' | 'date' | 'record' | 'unit' | 'flags';

export interface FieldSpec {
  readonly kind: FieldKind;
  /** Personal data: purged by writing it away, never part of an aggregate. */
  readonly personal?: true;
  /** A text that must be one of these (null still allowed: a value written away). */
  readonly values?: readonly string[];
  readonly format?: TextFormat;
}

const text: FieldSpec = { kind: 'text' };
const int: FieldSpec = { kind: 'int' };
const bool: FieldSpec = { kind: 'bool' };
const personalText: FieldSpec = { kind: 'text', personal: true };
const oneOf = (values: readonly string[]): FieldSpec => ({ kind: 'text', values });
const shaped = (format: TextFormat): FieldSpec => ({ kind: 'text', format });
const instant = shaped('instant');
const date = shaped('date');
const record = shaped('record');
const unitId = shaped('unit');
/** Stay statuses (shared/domain/types.ts `Stay.status`). */
export const STAY_STATUSES = ['active', 'discharged'] as const;

/** Risk flags of DOMAIN.md: each is its own field so concurrent edits of two flags both survive. */
export const RISK_FLAGS = [
  'fall',
  'pressureUlcer',
  'urinaryInfection',
  'news2',
  'medicines',
  'nutrition',
  'infection',
  'allergy',
  'twoCarers',
  'hlrMinus',
] as const;
export type RiskFlag = (typeof RISK_FLAGS)[number];

const riskFlagFields = Object.fromEntries(RISK_FLAGS.map((flag) => [flag, bool])) as Record<
  RiskFlag,
  FieldSpec
>;

export const COLLECTIONS = {
  unit: {
    municipality: unitId,
    name: text,
    kind: oneOf(UNIT_KINDS),
    capacity: int,
    /** NOK the municipality pays per day a discharge-ready patient waits in hospital (allocation office). */
    dailyRate: int,
    /** Minutes after a discharge the bed's cleaning task falls due (60 when empty). */
    cleaningMinutes: int,
    deleted: bool,
  },
  bed: { unit: unitId, label: text, room: text, status: oneOf(BED_STATUSES), sort: int, deleted: bool },
  stay: {
    unit: unitId,
    bed: record,
    initials: text,
    name: personalText,
    birthDate: { ...date, personal: true },
    ...riskFlagFields,
    adl: int,
    nurse: text,
    admittedAt: instant,
    expectedDischarge: date,
    dischargeReadySince: instant,
    dischargedAt: instant,
    shielded: bool,
    status: oneOf(STAY_STATUSES),
    /** Free text from staff about this patient (ward board); personal, so shown only to an unlocked screen. */
    note: personalText,
    /** Patient flow (allocation office): the hospital that sent the PLO messages about this patient. */
    hospital: text,
    /** The last PLO state: admitted | discharge-ready | withdrawn | discharged | dead. */
    hospitalStatus: oneOf(HOSPITAL_STATUSES),
    /** When the patient left the hospital (discharged or died), from PLO. */
    hospitalLeftAt: instant,
    deleted: bool,
  },
  task: {
    unit: unitId,
    stay: record,
    /** The bed a cleaning task frees when it is done. */
    bed: record,
    title: text,
    due: instant,
    recurrenceMinutes: int,
    status: oneOf(TASK_STATUSES),
    doneBy: text,
    doneAt: instant,
    createdAt: instant,
    deleted: bool,
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
    toBedLabel: text,
    /** Non-personal facts about the patient, so the receiving board can prepare: never a name. */
    initials: text,
    flags: shaped('flags'),
    adl: int,
    shielded: bool,
    /** Where the patient comes from before unit A (the hospital, for the allocation office). */
    origin: text,
    deleted: bool,
  },
  /** Another unit's capacity as the hub last saw it, written by the hub into each unit's scope. */
  capacity: {
    unit: unitId,
    name: text,
    /** `unknown` for a unit the hub holds before its board configured it. */
    kind: oneOf([...UNIT_KINDS, 'unknown']),
    beds: int,
    free: int,
    incoming: int,
    updatedAt: instant,
    deleted: bool,
  },
  staffing: { unit: unitId, date, shift: oneOf(SHIFTS), planned: int, present: int, deleted: bool },
  handover: {
    unit: unitId,
    date,
    shift: oneOf(SHIFTS),
    notes: text,
    /** The outgoing leader who gave the report, and when (issue 13, point 7). */
    givenBy: text,
    givenAt: instant,
    /** The incoming leader who received it, and when. */
    acknowledgedBy: text,
    acknowledgedAt: instant,
    deleted: bool,
  },
  /**
   * One line of the unit's audit log (who, what, which record, when, which board), written once by
   * the board where it happened and synced like any record, so the unit leader reads the whole
   * unit's log on any of its boards. One JSON field (AuditLine without seq and place), not eight:
   * the log is as long as the unit's history of edits and accesses.
   */
  auditEntry: { entry: text },
} as const satisfies Record<string, Record<string, FieldSpec>>;

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

export type FieldName<C extends CollectionName> = keyof (typeof COLLECTIONS)[C] & string;

/** A stored field value as it crosses the wire: plain JSON scalars only. */
export type FieldValue = string | number | boolean | null;

export function isCollection(name: string): name is CollectionName {
  return Object.prototype.hasOwnProperty.call(COLLECTIONS, name);
}

export function fieldSpec(collection: CollectionName, field: string): FieldSpec | undefined {
  const fields: Record<string, FieldSpec> = COLLECTIONS[collection];
  return Object.prototype.hasOwnProperty.call(fields, field) ? fields[field] : undefined;
}

/** Every personal-data field name, by collection — what the leader view must never carry. */
export function personalFields(): { collection: CollectionName; field: string }[] {
  return COLLECTION_NAMES.flatMap((collection) =>
    Object.entries(COLLECTIONS[collection] as Record<string, FieldSpec>)
      .filter(([, spec]) => spec.personal)
      .map(([field]) => ({ collection, field })),
  );
}

/** Whether a value fits a field's kind, values and format (checked on every inbound change). */
export function valueFits(spec: FieldSpec, value: FieldValue): boolean {
  return valueProblem(spec, value) === undefined;
}

/** Why a value does not fit its field, in words for the log; undefined when it fits. */
export function valueProblem(spec: FieldSpec, value: FieldValue): string | undefined {
  if (value === null) return undefined;
  switch (spec.kind) {
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value) ? undefined : 'not an integer';
    case 'bool':
      return typeof value === 'boolean' ? undefined : 'not a boolean';
    case 'text': {
      if (typeof value !== 'string') return 'not a text';
      if (value.length > 4000) return 'longer than 4,000 characters';
      if (!isSafeText(value)) return 'holds NUL or a bidirectional control character';
      // A personal value never goes into a log line.
      const shown = () => (spec.personal ? 'the value' : JSON.stringify(value.slice(0, 40)));
      if (spec.values && !spec.values.includes(value)) return `${shown()} is not one of ${spec.values.join(', ')}`;
      if (spec.format && !FORMATS[spec.format](value)) return `${shown()} is not ${FORMAT_NAMES[spec.format]}`;
      return undefined;
    }
  }
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RISK_FLAG_NAMES = new Set<string>(RISK_FLAGS);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real day of the Gregorian calendar (1950-02-30 is not); checked on every synced date, so no Date. */
function isCalendarDay(match: RegExpExecArray | null): boolean {
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

const FORMATS: Record<TextFormat, (value: string) => boolean> = {
  instant: (value) => isCalendarDay(INSTANT.exec(value)),
  date: (value) => isCalendarDay(DATE.exec(value)),
  record: (value) => /^[A-Za-z0-9_-]{1,64}$/.test(value),
  unit: (value) => /^[a-z0-9][a-z0-9-]{0,31}$/.test(value),
  flags: (value) => value === '' || value.split(',').every((flag) => RISK_FLAG_NAMES.has(flag)),
};
const FORMAT_NAMES: Record<TextFormat, string> = {
  instant: 'an ISO 8601 instant with an offset',
  date: 'a calendar date (YYYY-MM-DD)',
  record: 'a record id',
  unit: 'a unit id',
  flags: 'a list of risk flags',
};
