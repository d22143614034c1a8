/**
 * The states of patient flow that records hold (transfers, hospital stays): the field schema's
 * enumerations, and the words the flow commands use. In the domain, so the schema needs no command module.
 */

/**
 * Where a transfer stands. Derived from which step times are set (never from the last write of
 * one status field), so steps taken at the same time on two boards merge into one state.
 */
export const TRANSFER_STATES = ['requested', 'accepted', 'scheduled', 'declined', 'cancelled', 'completed'] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];

/** Why the receiving unit said no, as codes (free text could carry personal data across units). */
export const DECLINE_REASONS = ['no-bed', 'care-level', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** What the patient's last PLO message said. */
export const HOSPITAL_STATUSES = ['admitted', 'discharge-ready', 'withdrawn', 'discharged', 'dead'] as const;
export type HospitalStatus = (typeof HOSPITAL_STATUSES)[number];
