/**
 * The data model as synced fields: every collection, its fields, their storage kind and whether
 * a field is personal data (never leaves the unit for the leader view).
 */

import { isSafeText } from './text.js';

export type FieldKind = 'text' | 'int' | 'bool';

export interface FieldSpec {
  readonly kind: FieldKind;
  /** Personal data: purged by writing it away, never part of an aggregate. */
  readonly personal?: true;
}

const text: FieldSpec = { kind: 'text' };
const int: FieldSpec = { kind: 'int' };
const bool: FieldSpec = { kind: 'bool' };
const personalText: FieldSpec = { kind: 'text', personal: true };

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
    municipality: text,
    name: text,
    kind: text,
    capacity: int,
    /** NOK the municipality pays per day a discharge-ready patient waits in hospital (allocation office). */
    dailyRate: int,
    deleted: bool,
  },
  bed: { unit: text, label: text, room: text, status: text, sort: int, deleted: bool },
  stay: {
    unit: text,
    bed: text,
    initials: text,
    name: personalText,
    birthDate: personalText,
    ...riskFlagFields,
    adl: int,
    nurse: text,
    admittedAt: text,
    expectedDischarge: text,
    dischargeReadySince: text,
    dischargedAt: text,
    shielded: bool,
    status: text,
    /** Free text from staff about this patient (ward board); personal, so shown only to an unlocked screen. */
    note: personalText,
    /** Patient flow (allocation office): the hospital that sent the PLO messages about this patient. */
    hospital: text,
    /** The last PLO state: admitted | discharge-ready | withdrawn | discharged | dead. */
    hospitalStatus: text,
    /** When the patient left the hospital (discharged or died), from PLO. */
    hospitalLeftAt: text,
    deleted: bool,
  },
  task: {
    unit: text,
    stay: text,
    title: text,
    due: text,
    recurrenceMinutes: int,
    status: text,
    doneBy: text,
    doneAt: text,
    createdAt: text,
    deleted: bool,
  },
  transfer: {
    fromUnit: text,
    toUnit: text,
    stay: text,
    status: text,
    requestedAt: text,
    acceptedAt: text,
    scheduledFor: text,
    completedAt: text,
    cancelledAt: text,
    /** When the receiving unit set scheduledFor (the decision's age). */
    scheduledAt: text,
    declinedAt: text,
    declineReason: text,
    /** Which unit tapped "complete" (each side settles its own records; the hub the other's). */
    completedBy: text,
    /** The receiving unit's bed, chosen when it accepts or schedules (its id and label). */
    toBed: text,
    toBedLabel: text,
    /** Non-personal facts about the patient, so the receiving board can prepare: never a name. */
    initials: text,
    flags: text,
    adl: int,
    shielded: bool,
    /** Where the patient comes from before unit A (the hospital, for the allocation office). */
    origin: text,
    deleted: bool,
  },
  /** Another unit's capacity as the hub last saw it, written by the hub into each unit's scope. */
  capacity: {
    unit: text,
    name: text,
    kind: text,
    beds: int,
    free: int,
    incoming: int,
    updatedAt: text,
    deleted: bool,
  },
  staffing: { unit: text, date: text, shift: text, planned: int, present: int, deleted: bool },
  handover: {
    unit: text,
    date: text,
    shift: text,
    notes: text,
    acknowledgedBy: text,
    acknowledgedAt: text,
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

/** Whether a value fits a field's kind (checked on every inbound change). */
export function valueFits(spec: FieldSpec, value: FieldValue): boolean {
  if (value === null) return true;
  switch (spec.kind) {
    case 'text':
      return typeof value === 'string' && value.length <= 4000 && isSafeText(value);
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'bool':
      return typeof value === 'boolean';
  }
}
