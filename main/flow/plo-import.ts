/**
 * Imports PLO message files into the hub's store, one file at a time and one transaction per
 * message. A file that cannot be read is moved aside into `rejected/` beside it, with its reason in
 * `<name>.reason.txt`; the other files still import. A file the store could not take (disk full)
 * stays where it is, so trying again later imports it.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { moveAside } from '../inbox-files.js';
import { logger } from '../log.js';
import type { NationalIdProblem } from '../../shared/domain/national-id.js';
import { applyPloMessage, type PloTarget } from './plo-apply.js';
import { parsePloMessage } from './plo-parse.js';

export interface PloFileResult {
  file: string;
  outcome: 'imported' | 'duplicate' | 'rejected' | 'failed';
  type: string | null;
  initials: string | null;
  /** Why it was rejected or failed, or a note on an import that changed nothing. */
  reason: string | null;
  /** Where the file went, when it was moved. */
  movedTo: string | null;
  /** An imported message whose identity number fails its check: taken, and flagged (PloApplied.idProblem). */
  idProblem: NationalIdProblem | null;
}

export interface PloFileOptions {
  /** Move a file that imported (or was already imported) into this folder; leave it when absent. */
  importedDir?: string;
}

export const REJECTED_DIR = 'rejected';

/** The message files of a folder (*.xml, not in subfolders), in name order. */
export function ploFilesIn(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && extname(entry.name).toLowerCase() === '.xml')
    .map((entry) => join(folder, entry.name))
    .sort();
}

/** Imports one file; never throws. */
export function importPloFile(target: PloTarget, file: string, options: PloFileOptions = {}): PloFileResult {
  const result: PloFileResult = { file, outcome: 'rejected', type: null, initials: null, reason: null, movedTo: null, idProblem: null };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ...result, outcome: 'failed', reason: `cannot read the file: ${(error as Error).message}` };
  }
  const parsed = parsePloMessage(text);
  if (!parsed.ok) {
    return { ...result, reason: parsed.reason, movedTo: moveAside(file, join(dirname(file), REJECTED_DIR), parsed.reason) };
  }
  try {
    const applied = applyPloMessage(target, parsed.message, basename(file));
    const moved = options.importedDir ? moveAside(file, options.importedDir) : null;
    return { ...result, outcome: applied.outcome, type: parsed.message.type, initials: applied.initials, reason: applied.note, movedTo: moved, idProblem: applied.idProblem };
  } catch (error) {
    // The transaction rolled back whole; the file is fine and stays for the next try.
    logger.error({ err: error, file }, 'PLO import failed');
    return { ...result, outcome: 'failed', type: parsed.message.type, reason: `not saved: ${(error as Error).message}` };
  }
}

/** Imports a file, or every message file of a folder; `onFile` sees each result as it comes. */
export function importPloPath(
  target: PloTarget,
  path: string,
  onFile: (result: PloFileResult, index: number, total: number) => void = () => undefined,
): PloFileResult[] {
  const files = statSync(path).isDirectory() ? ploFilesIn(path) : [path];
  return files.map((file, index) => {
    const result = importPloFile(target, file);
    onFile(result, index, files.length);
    return result;
  });
}

/** Whether every result counts as imported (a message imported before counts). */
export function allImported(results: readonly PloFileResult[]): boolean {
  return results.every((r) => r.outcome === 'imported' || r.outcome === 'duplicate');
}

/**
 * The allocation office whose scope PLO patients go into: the one named, else the only unit of
 * kind allocation-office the hub knows. Throws with what to do when that is not one unit.
 */
export function allocationOffice(db: PloTarget['store']['db'], named?: string): string {
  if (named !== undefined) return named;
  const rows = db.prepare("SELECT id FROM unit WHERE kind = 'allocation-office' AND deleted = 0 ORDER BY id").all() as { id: string }[];
  if (rows.length === 1) return rows[0].id;
  if (rows.length === 0) throw new Error('the hub knows no allocation-office unit yet: configure its board first, or name it with --unit');
  throw new Error(`the hub knows several allocation offices (${rows.map((r) => r.id).join(', ')}): name one with --unit`);
}
