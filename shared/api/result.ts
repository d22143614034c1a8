/** The envelope every command answers with: errors cross boundaries as codes, never as throws. */

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
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Result<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, code, message };
}
