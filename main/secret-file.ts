/**
 * A secret the hub makes once and keeps in its data folder, readable by its owner alone: 32 random
 * bytes from node:crypto as base64url (the operator token, the VKP mapping key). Made at first use
 * with `wx`, so two starts never overwrite each other's; a file found readable by others is set
 * back to mode 600 with a warning (a copy or a restore widened it).
 */

import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { logger } from './log.js';

const SECRET = /^[A-Za-z0-9_-]{43}$/;

/** The secret in `file` (made when missing): `what` names it in a sentence, `broken` says what to do when the file holds something else. */
export function secretFile(file: string, what: string, broken: string): string {
  try {
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if ((statSync(file).mode & 0o077) !== 0) {
    chmodSync(file, 0o600);
    logger.warn({ file }, `the file of ${what} was readable by others; set it to mode 600`);
  }
  const text = readFileSync(file, 'utf8').trim();
  if (!SECRET.test(text)) throw new Error(`${file} does not hold ${what} (43 characters of base64url); ${broken}`);
  return text;
}
