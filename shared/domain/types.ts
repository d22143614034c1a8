/** Read-model records as the API returns them (plain JSON, one per synced record). */

import type { RiskFlag } from './schema.js';

export const UNIT_KINDS = [
  'hospital-ward',
  'nursing-home',
  'short-term',
  'home-care',
  'home-hospital',
  'allocation-office',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const BED_STATUSES = ['free', 'occupied', 'blocked', 'cleaning'] as const;
export type BedStatus = (typeof BED_STATUSES)[number];

export const TASK_STATUSES = ['open', 'done', 'skipped'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Unit kinds that keep a list of patients at home rather than beds. */
export const LIST_UNIT_KINDS: readonly UnitKind[] = ['home-care', 'home-hospital'];

export interface Unit {
  id: string;
  municipality: string;
  name: string;
  kind: UnitKind;
  capacity: number;
}

export interface Bed {
  id: string;
  unit: string;
  label: string;
  room: string;
  status: BedStatus;
  sort: number;
}

export type RiskFlags = Record<RiskFlag, boolean>;

export interface Stay {
  id: string;
  unit: string;
  bed: string | null;
  initials: string;
  /** Personal data. */
  name: string | null;
  /** Personal data. */
  birthDate: string | null;
  flags: RiskFlags;
  adl: number | null;
  nurse: string | null;
  admittedAt: string;
  expectedDischarge: string | null;
  dischargeReadySince: string | null;
  dischargedAt: string | null;
  shielded: boolean;
  status: 'active' | 'discharged';
}

export interface Task {
  id: string;
  unit: string;
  stay: string | null;
  title: string;
  due: string | null;
  recurrenceMinutes: number | null;
  status: TaskStatus;
  doneBy: string | null;
  doneAt: string | null;
  createdAt: string;
}

export interface UnitState {
  unit: Unit | null;
  beds: Bed[];
  stays: Stay[];
  tasks: Task[];
}
