/**
 * The hub's operator token: the bearer token its loopback `GET /api/state` (every name in the
 * municipality) asks for. Made once from node:crypto's random bytes, kept in the hub's data folder
 * readable by its owner alone, so only someone who can read that folder can read the dump.
 */

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { logger } from '../log.js';
import { bearerToken } from './bearer.js';

/** The file in the hub's data folder that holds the token. */
export const OPERATOR_TOKEN_FILE = 'operator-token';
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The hub's operator token and its file: created at first start (mode 600), the same ever after. */
export function operatorToken(dataDir: string): { token: string; file: string } {
  const file = join(dataDir, OPERATOR_TOKEN_FILE);
  try {
    // `wx`: never overwrite a token another start has just written.
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if ((statSync(file).mode & 0o077) !== 0) {
    // Someone widened it (a copy, a restore): the token is only as secret as the file.
    chmodSync(file, 0o600);
    logger.warn({ file }, 'the operator token file was readable by others; set it to mode 600');
  }
  const token = readFileSync(file, 'utf8').trim();
  if (!TOKEN.test(token)) {
    throw new Error(`${file} does not hold an operator token (43 characters of base64url); delete it and the hub makes a new one`);
  }
  return { token, file };
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
