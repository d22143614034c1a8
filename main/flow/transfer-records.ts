/**
 * Transfer records and what completing one writes on each side. The leaving side marks its stay
 * discharged, sends the bed to cleaning and makes a cleaning task; the receiving side gets a new
 * stay from the transfer's non-personal fields and occupies the chosen bed. The ids of those new
 * records derive from the transfer's id, so when a board and the hub (or two boards of one unit)
 * both write a side, they write the same records and the merge keeps one of each.
 */

import { createHash } from 'node:crypto';
import { RISK_FLAGS, type FieldValue, type RiskFlag } from '../../shared/domain/schema.js';
import { NATIONAL_ID_PROBLEMS, type NationalIdProblem } from '../../shared/domain/national-id.js';
import type { RecordEdit } from '../store/field-store.js';
import type { Db } from '../store/database.js';
import { OPEN_STATES, transferState, type TransferFacts } from './transfer-steps.js';
import { cleaningEdits } from '../unit/bed-cleaning.js';

/** A transfer row as stored (read model of the transfer collection). */
export interface TransferRow extends TransferFacts {
  id: string;
  stay: string | null;
  status: string | null;
  scheduledAt: string | null;
  declineReason: string | null;
  completedBy: string | null;
  toBed: string | null;
  toBedLabel: string | null;
  initials: string | null;
  flags: string | null;
  adl: number | null;
  shielded: number | null;
  origin: string | null;
  idProblem: string | null;
  requestedBy: string | null;
  acceptedBy: string | null;
  declinedBy: string | null;
  cancelledBy: string | null;
  completedByStaff: string | null;
  summary: string | null;
}

/** The columns of a stay the flow reads. */
export interface StayRow {
  id: string;
  unit: string | null;
  bed: string | null;
  initials: string | null;
  name: string | null;
  birthDate: string | null;
  adl: number | null;
  shielded: number | null;
  status: string | null;
  hospital: string | null;
  hospitalStatus: string | null;
  hospitalLeftAt: string | null;
  idProblem: string | null;
  dischargeReadySince: string | null;
  admittedAt: string | null;
  [flag: string]: string | number | null;
}

/** The identity-number problem PLO left on a stay (or a transfer took from it), when it is one the check names. */
export function idProblemOf(value: string | null): NationalIdProblem | null {
  return (NATIONAL_ID_PROBLEMS as readonly (string | null)[]).includes(value) ? (value as NationalIdProblem) : null;
}

const derivedId = (prefix: string, transferId: string) =>
  prefix + createHash('sha256').update(`${prefix}:${transferId}`).digest('hex').slice(0, 19);

/** The id of the stay a completed transfer creates on the receiving unit. */
export const arrivalStayId = (transferId: string): string => derivedId('a', transferId);

/** The id of the cleaning task a completed transfer creates on the leaving unit. */
export const cleaningTaskId = (transferId: string): string => derivedId('c', transferId);

export function readTransfer(db: Db, id: string): TransferRow | undefined {
  return db.prepare('SELECT * FROM transfer WHERE id = ? AND deleted = 0').get(id) as TransferRow | undefined;
}

/** Every transfer that joins `unit` to another. */
export function transfersOf(db: Db, unit: string): TransferRow[] {
  return db
    .prepare('SELECT * FROM transfer WHERE (fromUnit = ? OR toUnit = ?) AND deleted = 0 ORDER BY requestedAt')
    .all(unit, unit) as TransferRow[];
}

/** The open transfers of a stay (more than one means two screens asked at once). */
export function openTransfersOfStay(db: Db, stayId: string): TransferRow[] {
  const rows = db.prepare('SELECT * FROM transfer WHERE stay = ? AND deleted = 0').all(stayId) as TransferRow[];
  return rows.filter((row) => OPEN_STATES.includes(transferState(row)));
}

/**
 * The transfers of a stay that are open or completed. A stay leaves its unit once, so more than one
 * means two screens sent the same patient at once: shown as a conflict until one is cancelled.
 */
export function liveTransfersOfStay(db: Db, stayId: string): TransferRow[] {
  const rows = db.prepare('SELECT * FROM transfer WHERE stay = ? AND deleted = 0').all(stayId) as TransferRow[];
  return rows.filter((row) => OPEN_STATES.includes(transferState(row)) || transferState(row) === 'completed');
}

export function readStay(db: Db, id: string): StayRow | undefined {
  return db.prepare('SELECT * FROM stay WHERE id = ? AND deleted = 0').get(id) as StayRow | undefined;
}

/** The risk flags set on a stay, as the transfer carries them ("fall,allergy"). */
export function flagsText(stay: StayRow): string {
  return RISK_FLAGS.filter((flag) => stay[flag] === 1).join(',');
}

export function parseFlags(text: string | null): RiskFlag[] {
  const known = new Set<string>(RISK_FLAGS);
  return (text ?? '').split(',').filter((flag): flag is RiskFlag => known.has(flag));
}

/** The leaving side of a completion: the stay leaves, its bed goes to cleaning with a task. */
export function departureEdits(db: Db, transfer: TransferRow, stay: StayRow, at: string, scope?: string): RecordEdit[] {
  const edits: RecordEdit[] = [{ c: 'stay', id: stay.id, scope, fields: { status: 'discharged', dischargedAt: at } }];
  // Only a bed of the stay's own unit: a stay pointing at another unit's bed must not send that to cleaning.
  const bed = stay.bed === null ? undefined : (db.prepare('SELECT id, label FROM bed WHERE id = ? AND unit = ? AND deleted = 0').get(stay.bed, stay.unit) as { id: string; label: string } | undefined);
  // The same bed loop as a discharge's (unit/bed-cleaning.ts), so the ward treats both alike.
  if (bed && stay.unit !== null) edits.push(...cleaningEdits(db, { unit: stay.unit, bed, at, taskId: cleaningTaskId(transfer.id), scope }));
  return edits;
}

/** The receiving side of a completion: a new stay from the transfer's non-personal fields, in `bed`. */
export function arrivalEdits(transfer: TransferRow, bed: { id: string } | null, at: string, scope?: string): RecordEdit[] {
  const flags = new Set(parseFlags(transfer.flags));
  const fields: Record<string, FieldValue> = {
    unit: transfer.toUnit,
    bed: bed?.id ?? null,
    initials: transfer.initials ?? '?',
    adl: transfer.adl,
    nurse: null,
    admittedAt: at,
    expectedDischarge: null,
    dischargeReadySince: null,
    dischargedAt: null,
    shielded: transfer.shielded === 1,
    status: 'active',
    deleted: false,
    ...Object.fromEntries(RISK_FLAGS.map((flag) => [flag, flags.has(flag)])),
  };
  const edits: RecordEdit[] = [{ c: 'stay', id: arrivalStayId(transfer.id), scope, fields }];
  if (bed) edits.push({ c: 'bed', id: bed.id, scope, fields: { status: 'occupied' } });
  return edits;
}

/** A bed of a unit by label, with whether a patient lies in it. */
export function bedOf(db: Db, unit: string, label: string): { id: string; label: string; status: string; taken: boolean } | undefined {
  const bed = db.prepare('SELECT id, label, status FROM bed WHERE unit = ? AND label = ? AND deleted = 0').get(unit, label) as
    | { id: string; label: string; status: string }
    | undefined;
  if (!bed) return undefined;
  const holder = db.prepare("SELECT 1 FROM stay WHERE bed = ? AND deleted = 0 AND status = 'active'").get(bed.id);
  return { ...bed, taken: holder !== undefined };
}
