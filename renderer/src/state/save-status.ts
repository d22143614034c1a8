/** Where one edit stands ("saved" only once main has committed it, "failed" with the reason), and a problem as it travels. */

import type { Result } from '../../../shared/api/result.js';

/**
 * Why a read or an edit failed: the error envelope as main sent it (code, message, and any
 * parameters), unworded. Components word it in the screen's language; state never does.
 */
export type Problem = Omit<Extract<Result<never>, { ok: false }>, 'ok'>;

/** The save status one edit shows next to what it changed. */
export type SaveStatus = { state: 'pending' } | { state: 'saved' } | ({ state: 'failed' } & Problem);

/** A failed result's envelope, without the `ok` flag. */
export function problemOf(result: Extract<Result<unknown>, { ok: false }>): Problem {
  const { ok: _failed, ...problem } = result;
  return problem;
}
