/**
 * The hub's operator token: the bearer token its loopback `GET /api/state` (every name in the
 * municipality) asks for. Made once from node:crypto's random bytes, kept in the hub's data folder
 * readable by its owner alone, so only someone who can read that folder can read the dump.
 */

import { createHash, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import { secretFile } from '../secret-file.js';
import { bearerToken } from './bearer.js';

/** The file in the hub's data folder that holds the token. */
export const OPERATOR_TOKEN_FILE = 'operator-token';

/** The hub's operator token and its file: created at first start (mode 600), the same ever after. */
export function operatorToken(dataDir: string): { token: string; file: string } {
  const file = join(dataDir, OPERATOR_TOKEN_FILE);
  return { token: secretFile(file, 'an operator token', 'delete it and the hub makes a new one'), file };
}

/** Whether an `Authorization` header carries the token; compared in constant time. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const given = bearerToken(header);
  if (given === undefined) return false;
  // Hashes first: equal lengths for timingSafeEqual, and the time says nothing about the length.
  return timingSafeEqual(digest(given), digest(token));
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
