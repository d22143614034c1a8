/**
 * The envelope every command answers with: errors cross boundaries as codes, never as throws. A
 * failure carries a code, an English `message` for logs and scripts, and — where a screen can say
 * more than the code — `params` naming the reason and its facts; the screen words them itself.
 */

export const ERROR_CODES = [
  'invalid-input',
  'unknown-command',
  'not-found',
  'conflict',
  'unauthorized',
  'forbidden',
  'locked-out',
  'storage-failed',
  'internal',
  /** The screen has no connection to its board (set by the transport, never by main). */
  'offline',
  /** The call got no answer in time (set by the transport). */
  'timeout',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

type None = Record<never, never>;

/** Why a command failed, by reason, with the plain facts a screen needs to say it. */
export interface ErrorReasons {
  'unit-not-configured': None;
  'unit-unknown': { unit: string };
  'bed-unknown': { bed: string };
  'bed-required': None;
  /** `status` is the bed's (`cleaning`, `blocked`) or `occupied` when a patient holds it. */
  'bed-not-free': { bed: string; status: string };
  'bed-promised': { bed: string };
  'bed-holds-patient': { bed: string };
  'bed-occupied-by-admission': None;
  'bed-in-use': { bed: string };
  'stay-unknown': None;
  'patient-left': None;
  'patient-has-bed': None;
  'transfer-open': None;
  'transfer-unknown': None;
  /** A transfer step that its state no longer allows (`state`: the transfer's state now). */
  'transfer-step': { state: string };
  'transfer-to-self': None;
  'transfer-to-office': None;
  'task-unknown': None;
  'task-not-open': { status: string };
  'task-already-open': None;
  'template-unknown': None;
  'template-for-patient': None;
  'template-for-unit': None;
  'nothing-to-change': None;
  'staff-unknown': None;
  'pin-required': None;
  'no-unit-leader': None;
  'last-unit-leader': None;
  'wrong-pin': None;
  'session-ended': None;
  'screen-locked': None;
  /** The role the command needs (`roles`: a comma list). */
  'role-required': { roles: string };
  /** Wrong PINs locked the pad until `until` (an ISO instant). */
  'pin-locked': { until: string };
  'shielded-alone': None;
  /** A reveal names one patient, unless it is the overview of a screen that shows all names. */
  'reveal-one-at-a-time': None;
  /** The overview's names were asked for on a screen that is not set to show all. */
  'reveal-all-off': None;
  'read-only-address': None;
  'not-your-unit': { unit: string };
  'municipal-leader-only': None;
  'benefit-unknown': None;
  'baseline-in-future': None;
  // Home care's visits (issue 15).
  'visit-unknown': None;
  /** The visit already has its outcome (`outcome`). */
  'visit-completed': { outcome: string };
  'visit-started': None;
  'not-home-care': None;
  /** Admission and plan dates that cannot be (issue 13, point 2): checked against the board's clock. */
  'birth-date-future': None;
  'admitted-in-future': None;
  /** An admission registered afterwards goes back at most this many hours. */
  'admitted-too-early': { hours: string };
  'discharge-before-admission': None;
  'pathway-template-unknown': None;
  /** The patient already has this pathway under way. */
  'pathway-running': None;
  'pathway-unknown': None;
  'pathway-step-unknown': None;
  /** A shipped example cannot be removed or changed; a unit makes its own. */
  'pathway-example': None;
  /** A step completed by recorded work names an IPLOS field or task code Tavla does not know. */
  'pathway-work-unknown': { code: string };
  'alarm-unknown': None;
  'alarm-closed': None;
  /** An identity number that is not one (shared/domain/national-id.ts): the same problems the forms name. */
  'national-id-length': None;
  'national-id-check-digits': None;
  /** Its individual number gives its year no century. */
  'national-id-century': None;
  /** Its birth date is after today. */
  'national-id-future': None;
  /** A fødselsnummer or D-number whose date is not the birth date given beside it. */
  'national-id-birth-date': None;
  /** The `idType` given is not the kind the number tells. */
  'national-id-kind': None;
  // The virtual ward (issue 17).
  'episode-unknown': None;
  'episode-ended': None;
  'not-virtual-ward': None;
  'start-out-of-range': None;
  'end-before-start': None;
  'home-care-self': None;
  // The shared reception (issue 17).
  'organisations-kind': None;
  'not-reception': None;
  'organisation-missing': None;
  'organisation-unknown': None;
  'organisation-not-own': None;
  'organisation-not-owner': None;
  'organisation-not-responsible': None;
  'handover-same': None;
  'encounter-unknown': None;
  'encounter-disposed': None;
  'bay-unknown': { bay: string };
  'bay-taken': { bay: string };
}
export type ErrorReason = keyof ErrorReasons;

/** A failure's reason and facts: `{ reason: 'bed-not-free', bed: '115', status: 'cleaning' }`. */
export type ErrorParams = { [R in ErrorReason]: { reason: R } & ErrorReasons[R] }[ErrorReason];

/** What went wrong, as a screen keeps it to word it: the code, main's English, the reason's facts. */
export interface Problem {
  code: ErrorCode;
  message: string;
  params?: ErrorParams;
}

export type Failure = { ok: false } & Problem;

export type Result<T> = { ok: true; value: T } | Failure;

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string, params?: ErrorParams): Result<T> {
  return params ? { ok: false, code, message, params } : { ok: false, code, message };
}

/** The problem of a failed result, without the envelope (what state classes keep for a screen). */
export function problemOf(failure: Failure): Problem {
  return failure.params ? { code: failure.code, message: failure.message, params: failure.params } : { code: failure.code, message: failure.message };
}
