/**
 * Read-model records as the API returns them (plain JSON, one per synced record): views of the
 * replicated records of shared/domain/schema.ts, whose types are derived from it. A view names the
 * fields it shows and what it shows for one never written (null: nothing, a value: that value).
 */

import { BED_STATUSES, RISK_FLAGS, TASK_STATUSES, UNIT_KINDS, type CollectionName, type RecordOf, type RiskFlag } from './schema.js';

export { BED_STATUSES, TASK_STATUSES, UNIT_KINDS };

export type UnitKind = (typeof UNIT_KINDS)[number];
export type BedStatus = (typeof BED_STATUSES)[number];
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Unit kinds that keep a list of patients at home rather than beds. */
export const LIST_UNIT_KINDS: readonly UnitKind[] = ['home-care', 'home-hospital'];

/** The fields a view shows, each with what it shows when unset (null: the record's null). */
type Fallbacks<C extends CollectionName> = { readonly [F in Exclude<keyof RecordOf<C>, 'id'>]?: NonNullable<RecordOf<C>[F]> | null };

/** A view's record type: a field with a fallback is never null. */
export type Viewed<C extends CollectionName, V extends Fallbacks<C>> = { id: string } & {
  -readonly [F in keyof V & keyof RecordOf<C>]: V[F] extends null ? RecordOf<C>[F] : NonNullable<RecordOf<C>[F]>;
};

export const UNIT_VIEW = { municipality: '', name: '', kind: 'nursing-home', capacity: 0 } as const satisfies Fallbacks<'unit'>;
export const BED_VIEW = { unit: '', label: '', room: '', status: 'free', sort: 0 } as const satisfies Fallbacks<'bed'>;
export const STAY_VIEW = {
  unit: '',
  bed: null,
  initials: '',
  /** Personal data. */
  name: null,
  /** Personal data. */
  birthDate: null,
  adl: null,
  nurse: null,
  admittedAt: '',
  expectedDischarge: null,
  dischargeReadySince: null,
  dischargedAt: null,
  shielded: false,
  status: 'active',
} as const satisfies Fallbacks<'stay'>;
export const TASK_VIEW = {
  unit: '',
  stay: null,
  title: '',
  due: null,
  recurrenceMinutes: null,
  status: 'open',
  doneBy: null,
  doneAt: null,
  createdAt: '',
} as const satisfies Fallbacks<'task'>;

export type Unit = Viewed<'unit', typeof UNIT_VIEW>;
export type Bed = Viewed<'bed', typeof BED_VIEW>;
export type RiskFlags = Record<RiskFlag, boolean>;
/** A stay with its risk flags (one field each in the record) gathered into one object. */
export type Stay = Viewed<'stay', typeof STAY_VIEW> & { flags: RiskFlags };
export type Task = Viewed<'task', typeof TASK_VIEW>;

/** A record as a view shows it. */
export function viewOf<C extends CollectionName, V extends Fallbacks<C>>(record: RecordOf<C>, view: V): Viewed<C, V> {
  const fields = record as Record<string, unknown>;
  const shown: Record<string, unknown> = { id: record.id };
  const fallbacks = view as Record<string, unknown>;
  for (const field in fallbacks) shown[field] = fields[field] ?? fallbacks[field];
  return shown as Viewed<C, V>;
}

/** A stay record as the API shows it, its flags gathered (an unset flag is not raised). */
export function stayView(record: RecordOf<'stay'>): Stay {
  const flags = Object.fromEntries(RISK_FLAGS.map((flag) => [flag, record[flag] ?? false])) as RiskFlags;
  return { ...viewOf(record, STAY_VIEW), flags };
}

export interface UnitState {
  unit: Unit | null;
  beds: Bed[];
  stays: Stay[];
  tasks: Task[];
}
