/**
 * Keyed pseudonyms of national identity numbers (fødselsnummer, D-nummer): an HMAC-SHA256 under the
 * municipality's pseudonym secret, so a stored key finds the same person again without the number.
 * A bare hash of an 11-digit number is reversed by trying them all (about 40 million, seconds); a
 * keyed one not without the secret. The secret is the one `tavla provision` wrote for the
 * municipality (`--pseudonym-key`, docs/deploy.md), else one made at the replica's first start in
 * its data folder: then keys match within that replica only.
 */

import { createHmac } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { UsageError, type RoleOptions } from '../config/options.js';
import { logger } from '../log.js';
import { secretFile } from '../secret-file.js';

/** What a pseudonym is for: keys of one purpose never equal another's. */
export type PseudonymPurpose = 'plo-patient' | 'reception-id';

/** The file in a replica's data folder holding its own secret when none was provisioned. */
export const LOCAL_PSEUDONYM_FILE = 'pseudonym-secret';

const SECRET_TEXT = /^[A-Za-z0-9_-]{43}$/;

/** The secret, held so that a log line, an inspect or a JSON of whatever holds it never shows the bytes. */
export class PseudonymSecret {
  readonly #key: Buffer;

  constructor(text: string) {
    if (!SECRET_TEXT.test(text)) throw new Error('a pseudonym secret is 43 characters of base64url (32 bytes)');
    this.#key = Buffer.from(text, 'base64url');
  }

  /** The key of `parts` for `purpose`: hex HMAC-SHA256 over the purpose and the parts joined by newlines. */
  of(purpose: PseudonymPurpose, ...parts: string[]): string {
    // A newline inside a part would let two different lists join to the same text.
    if (parts.some((part) => part.includes('\n'))) throw new Error('a pseudonym part holds a newline');
    return createHmac('sha256', this.#key).update([purpose, ...parts].join('\n')).digest('hex');
  }

  /**
   * Names this secret without saying it (an HMAC of a fixed label, cut to 16 hex characters): kept
   * beside keys made under the secret, so a replica given another one can tell they will not match.
   */
  fingerprint(): string {
    return createHmac('sha256', this.#key).update('tavla pseudonym fingerprint').digest('hex').slice(0, 16);
  }

  toJSON(): string {
    return '[pseudonym secret]';
  }

  [inspect.custom](): string {
    return '[pseudonym secret]';
  }
}

/** A PLO patient's key, the same on the hub (plo_episode) and on a virtual-ward board (episode.patientKey). */
export const ploPatientKey = (secret: PseudonymSecret, idType: string, id: string): string => secret.of('plo-patient', idType, id);

/** Reads a provisioned secret file (`--pseudonym-key`); a missing, unreadable or malformed one is a UsageError. */
export function readPseudonymKey(file: string): PseudonymSecret {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new UsageError(`--pseudonym-key: cannot read ${file}: ${(error as Error).message}`);
  }
  if (!SECRET_TEXT.test(text)) {
    throw new UsageError(`--pseudonym-key: ${file} is not a pseudonym key (43 characters of base64url, as tavla provision writes)`);
  }
  if ((statSync(file).mode & 0o077) !== 0) logger.warn({ file }, 'the pseudonym key file is readable by others: set it to mode 600');
  return new PseudonymSecret(text);
}

/** The provisioned secret a configuration names, or undefined when it names none. */
export function loadPseudonymKey(options: Pick<RoleOptions, 'pseudonymKey'>): PseudonymSecret | undefined {
  return options.pseudonymKey === undefined ? undefined : readPseudonymKey(options.pseudonymKey);
}

/** The secret a replica runs with: the provisioned one, else its own, made at its first start in `dataDir`. */
export function replicaPseudonymSecret(dataDir: string, provisioned: PseudonymSecret | undefined): PseudonymSecret {
  if (provisioned) return provisioned;
  logger.info({ dataDir }, 'no provisioned pseudonym key (--pseudonym-key): patient keys match only within this replica (docs/deploy.md)');
  return folderPseudonymSecret(dataDir);
}

/** The secret in `<folder>/pseudonym-secret`, made (mode 600) when missing: a replica's own, or the demo's for all its replicas. */
export function folderPseudonymSecret(folder: string): PseudonymSecret {
  // Never remade: a new secret would stop every key made before from matching.
  return new PseudonymSecret(secretFile(join(folder, LOCAL_PSEUDONYM_FILE), 'the pseudonym secret', 'restore it from the backup of this data folder'));
}
