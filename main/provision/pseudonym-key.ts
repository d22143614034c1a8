/**
 * The municipality's pseudonym secret (main/privacy/pseudonym.ts): made by the first provision, beside
 * the CA's key, and copied into every replica's folder, so the hub and every board key an identity
 * number alike. Backed up with the CA; never remade, since a new one would stop every key matching.
 */

import { join } from 'node:path';
import { secretFile } from '../secret-file.js';

/** The secret's file in the provisioned folder's `ca/`, made (mode 600) when missing; its path. */
export function ensurePseudonymKey(caDir: string): string {
  const file = join(caDir, 'pseudonym.key');
  secretFile(file, "the municipality's pseudonym secret", 'restore ca/ from its backup: a new secret would stop every patient key matching (docs/deploy.md)');
  return file;
}
