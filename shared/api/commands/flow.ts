/**
 * Commands of patient flow (issue: patient flow): transfers between units on the boards, the
 * allocation office's view of hospital patients, and the PLO imports on the hub.
 */

import { z } from 'zod';
import { RISK_FLAGS, type RiskFlag } from '../../domain/schema.js';
import type { UnitKind } from '../../domain/types.js';
import type { NationalIdProblem } from '../../domain/national-id.js';
import { command, freeText, isoDateTime, recordId, shortText, type Created } from '../schema-parts.js';
import { DECLINE_REASONS, HOSPITAL_STATUSES, TRANSFER_STATES, type DeclineReason, type HospitalStatus, type TransferState } from '../../domain/flow-states.js';

export { DECLINE_REASONS, HOSPITAL_STATUSES, TRANSFER_STATES, type DeclineReason, type HospitalStatus, type TransferState };

/** The taps a board may offer on a transfer; `request` makes a new one. */
export const TRANSFER_STEPS = ['cancel', 'accept', 'decline', 'schedule', 'complete', 'place'] as const;
export type TransferStep = (typeof TRANSFER_STEPS)[number];

/**
 * Two steps that cannot both have happened, taken on two boards while they could not see each
 * other: the transfer completed on one side and was cancelled or declined on the other.
 */
export type TransferConflict = 'completed-and-cancelled' | 'completed-and-declined' | 'duplicate-request';

/** One transfer as a board shows it: initials only, never a name. */
export interface TransferView {
  id: string;
  /** `out` on the sending unit's board, `in` on the receiving unit's. */
  direction: 'out' | 'in';
  fromUnit: string;
  toUnit: string;
  fromName: string | null;
  toName: string | null;
  /** The stay on this board's unit: the leaving one (out), or the arrived one once completed (in). */
  stayId: string | null;
  /** Null for a shielded patient. */
  initials: string | null;
  flags: RiskFlag[];
  adl: number | null;
  origin: string | null;
  /**
   * What is wrong with the identity number in the hospital's message about the patient, as the
   * sender's stay had it when the transfer was requested, or null: the receiving unit checks who arrives.
   */
  idProblem: NationalIdProblem | null;
  state: TransferState;
  conflict: TransferConflict | null;
  requestedAt: string;
  acceptedAt: string | null;
  scheduledFor: string | null;
  declinedAt: string | null;
  declineReason: DeclineReason | null;
  cancelledAt: string | null;
  completedAt: string | null;
  /** The receiving unit's bed label, once chosen. */
  toBed: string | null;
  /** When the last step was taken: how old the latest decision is. */
  lastStepAt: string;
  /** What this board may do now. */
  steps: TransferStep[];
  /** Who took each step (the unlocked staff member's name), where one was recorded. */
  by: TransferBy;
  /** Whether the sender wrote a summary for the receiving unit. */
  hasSummary: boolean;
  /** The sender's short summary: personal, so only to an unlocked screen (null on a locked one). */
  summary: string | null;
}

/** The staff member who took each step of a transfer (issue 13, point 6: accountable transfers). */
export interface TransferBy {
  requested: string | null;
  accepted: string | null;
  declined: string | null;
  cancelled: string | null;
  completed: string | null;
}

/** How long the sender's summary for the receiving unit may be. */
export const SUMMARY_MAX = 500;

/** A unit a patient could go to, as the hub last reported it: counts only. */
export interface TargetUnit {
  unit: string;
  name: string;
  kind: UnitKind | string;
  beds: number;
  free: number;
  /** Transfers to it not yet completed, declined or cancelled. */
  incoming: number;
  updatedAt: string | null;
}

/** A place a transfer can land in on this unit. */
/** A bed a transfer may be given: free, not in cleaning or blocked, and not promised to another transfer. */
export interface FreeBed {
  label: string;
  status: 'free';
}

/** A patient on this unit who can be sent elsewhere (no open transfer). */
export interface MovableStay {
  stayId: string;
  place: string | null;
  initials: string | null;
}

/** A board's patient-flow state: its transfers both ways and where patients could go. */
export interface FlowState {
  unit: string;
  now: string;
  transfers: TransferView[];
  units: TargetUnit[];
  freeBeds: FreeBed[];
  movable: MovableStay[];
  /** Whether the unit places patients in beds (a home-care list does not). */
  hasBeds: boolean;
}

/** A hospital patient on the allocation office's list, from PLO. */
export interface HospitalPatient {
  stayId: string;
  /** Null for a shielded patient. */
  initials: string | null;
  hospital: string | null;
  hospitalStatus: HospitalStatus;
  admittedAt: string | null;
  dischargeReadySince: string | null;
  hospitalLeftAt: string | null;
  /** Oslo calendar days from discharge-ready to leaving hospital (or today). */
  daysWaiting: number;
  /** daysWaiting x the daily rate, in NOK. */
  costAccrued: number;
  /** The open transfer, else the latest one. */
  transfer: TransferView | null;
  /**
   * What is wrong with the identity number in the hospital's newest message about this patient, or
   * null: the office confirms who it is with the hospital before a transfer (docs/flow.md).
   */
  idProblem: NationalIdProblem | null;
}

export interface AllocationState {
  unit: string;
  now: string;
  dailyRate: number;
  patients: HospitalPatient[];
  totals: { dischargeReady: number; days: number; cost: number };
  units: TargetUnit[];
}

/** One PLO message the hub imported (no personal data). */
export interface PloImportLine {
  msgId: string;
  type: string;
  genDate: string | null;
  unit: string;
  stayId: string | null;
  file: string | null;
  importedAt: string;
  /** What is wrong with the message's identity number (its kind, never the number), or null; null for messages imported before it was kept. */
  idProblem: NationalIdProblem | null;
}

const unitId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'a unit id');
const bedLabel = shortText(20);

/** Answered by a board. */
export const FLOW_BOARD_COMMANDS = {
  'flow.state': command<FlowState>()(z.strictObject({})),
  'flow.allocation': command<AllocationState>()(z.strictObject({})),
  'flow.setRate': command<Created>()(z.strictObject({ dailyRate: z.int().min(0).max(1_000_000) })),
  'transfer.request': command<Created>()(
    z.strictObject({
      stayId: recordId,
      toUnit: unitId,
      /** What the receiving unit should know to prepare (personal: shown only on an unlocked screen). */
      summary: freeText(SUMMARY_MAX).optional(),
      /** The care level and risk flags to send, where the stay holds none (the allocation office's hospital patients). */
      adl: z.int().min(1).max(5).optional(),
      flags: z.array(z.enum(RISK_FLAGS)).max(RISK_FLAGS.length).optional(),
    }),
  ),
  'transfer.cancel': command<Created>()(z.strictObject({ id: recordId })),
  'transfer.accept': command<Created>()(z.strictObject({ id: recordId, bed: bedLabel.optional() })),
  'transfer.decline': command<Created>()(z.strictObject({ id: recordId, reason: z.enum(DECLINE_REASONS).optional() })),
  'transfer.schedule': command<Created>()(
    z.strictObject({ id: recordId, scheduledFor: isoDateTime, bed: bedLabel.optional() }),
  ),
  'transfer.complete': command<Created>()(z.strictObject({ id: recordId, bed: bedLabel.optional() })),
  'transfer.place': command<Created>()(z.strictObject({ id: recordId, bed: bedLabel })),
} as const;

/** Answered by the hub. */
export const FLOW_HUB_COMMANDS = {
  'plo.imports': command<PloImportLine[]>()(z.strictObject({ limit: z.int().min(1).max(500).optional() })),
} as const;
