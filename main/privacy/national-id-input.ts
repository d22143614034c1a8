/**
 * The identity number a command was given, checked by the one rule (shared/domain/national-id.ts)
 * against the board's clock before anything is keyed by it: a malformed number would key the
 * episode or encounter to nobody, or to another person. Each refusal names its reason for the screen.
 */

import { fail, ok, type Result } from '../../shared/api/result.js';
import { nationalIdKind, type NationalIdKind, type NationalIdProblem, type NationalIdReading } from '../../shared/domain/national-id.js';
import { osloDay } from '../../shared/time/oslo.js';

/** main's English for each problem (logs and scripts). */
const PROBLEM_TEXT: Record<NationalIdProblem, string> = {
  length: 'not 11 digits',
  'check-digits': 'its date or check digits do not hold',
  century: 'its individual number gives its year no century',
  future: 'its birth date is after today',
  'birth-date': 'its date is not the birthDate given',
};

/** The number read at `now` (beside `birthDate` when given; `idType` when given must be its kind), or the refusal to answer. */
export function readNationalIdInput(value: string, now: Date, given: { birthDate?: string; idType?: NationalIdKind } = {}): Result<NationalIdReading> {
  const read = nationalIdKind(value, osloDay(now.getTime()), given.birthDate);
  if ('problem' in read) return fail('invalid-input', `nationalId: ${PROBLEM_TEXT[read.problem]}`, { reason: `national-id-${read.problem}` });
  if (given.idType !== undefined && given.idType !== read.kind) {
    return fail('invalid-input', `idType: ${given.idType}, but the number is a ${read.kind}`, { reason: 'national-id-kind' });
  }
  return ok(read);
}
