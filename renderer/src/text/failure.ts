/** A failed command in the screen's words: by its reason when main named one, else by its code. */

import type { ErrorCode, ErrorParams, ErrorReason, ErrorReasons, Problem } from '../../../shared/api/result.js';

/** One language's words for failures: one per code (the fallback), one per reason. */
export interface ErrorText {
  code: Record<ErrorCode, string>;
  reason: { [R in ErrorReason]: (facts: ErrorReasons[R]) => string };
}

/** The words for a problem; never main's English `message`, which is for logs and scripts. */
export function wordFailure(text: ErrorText, problem: Pick<Problem, 'code' | 'params'>): string {
  const params: ErrorParams | undefined = problem.params;
  if (params && Object.hasOwn(text.reason, params.reason)) {
    // The mapped table pairs each reason with its own facts; TypeScript cannot follow the pairing
    // through an index, so the one lookup is widened here.
    const word = text.reason[params.reason] as (facts: ErrorParams) => string;
    return word(params);
  }
  return text.code[problem.code] ?? text.code.internal;
}
