/**
 * `tavla import-plo <file or folder>`: imports PLO messages into a stopped hub's store, printing
 * one line per file as it goes (initials and message type only, never a name). Exit code 0 when
 * every file imported (a message imported before counts), 1 when any was rejected or not saved,
 * 2 for a usage error. The hub sends what was imported to the allocation office's boards when it
 * next starts.
 */

import { existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { runningHubPid } from '../flow/hub-lock.js';
import { allImported, allocationOffice, importPloPath, type PloFileResult } from '../flow/plo-import.js';
import { HubService } from '../hub/hub-service.js';
import { required, UsageError } from '../config/options.js';
import type { ParsedCommand } from './options.js';
import { loadPseudonymKey } from '../privacy/pseudonym.js';

const OUTCOME_TEXT: Record<PloFileResult['outcome'], string> = {
  imported: 'imported',
  duplicate: 'already imported',
  rejected: 'REJECTED',
  failed: 'NOT SAVED',
};

export function importPlo({ options, path }: ParsedCommand): number {
  const municipality = required(options.municipality, 'municipality', 'import-plo');
  const dataDir = options.data ?? join('.tavla', municipality, '_hub');
  if (path === undefined || !existsSync(path)) throw new UsageError(`no such file or folder: ${path ?? ''}`);
  if (!existsSync(join(dataDir, 'hub.sqlite'))) {
    throw new UsageError(`no hub store in ${dataDir} (hub.sqlite): check --data, or start the hub once first`);
  }
  const pid = runningHubPid(dataDir);
  if (pid !== undefined) {
    process.stderr.write(`tavla: the hub is running on ${dataDir} (pid ${pid}); put the files in its --plo-inbox folder instead\n`);
    return 1;
  }
  // The running hub's key (its --config's pseudonymKey): under another one the episodes would not be found.
  const hub = new HubService({ dataDir, municipality, pseudonyms: loadPseudonymKey(options) });
  try {
    if (hub.pseudonymMismatch()) {
      process.stderr.write(
        `tavla: the hub's PLO episodes in ${dataDir} were keyed under another pseudonym secret: give import-plo the hub's own (its --config, or --pseudonym-key)\n`,
      );
      return 2;
    }
    let unit: string;
    try {
      unit = allocationOffice(hub.db, options.unit);
    } catch (error) {
      process.stderr.write(`tavla: ${(error as Error).message}\n`);
      return 1;
    }
    const known = hub.db.prepare('SELECT municipality FROM unit WHERE id = ? AND deleted = 0').get(unit) as { municipality: string | null } | undefined;
    if (known?.municipality && known.municipality !== municipality) {
      process.stderr.write(`tavla: unit ${unit} belongs to ${known.municipality}, not ${municipality}\n`);
      return 1;
    }
    const results = importPloPath({ store: hub.store, unit, now: () => new Date(), pseudonyms: hub.pseudonyms }, path, (result, index, total) => {
      process.stdout.write(`[${index + 1}/${total}] ${basename(result.file)}: ${describe(result)}\n`);
    });
    const count = (outcome: PloFileResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
    const flagged = results.filter((r) => r.idProblem !== null).length;
    process.stdout.write(
      `${results.length} file${results.length === 1 ? '' : 's'}: ${count('imported')} imported, ${count('duplicate')} already imported, ` +
        `${count('rejected')} rejected, ${count('failed')} not saved (into ${unit})` +
        `${flagged > 0 ? `; ${flagged} imported with an identity number that fails its check: have the sender correct it` : ''}\n`,
    );
    return allImported(results) ? 0 : 1;
  } finally {
    hub.close();
  }
}

function describe(result: PloFileResult): string {
  const what = [result.type, result.initials].filter(Boolean).join(' ');
  const parts = [OUTCOME_TEXT[result.outcome], what ? `(${what})` : ''];
  if (result.reason) parts.push(`— ${result.reason}`);
  if (result.outcome === 'rejected' && result.movedTo) parts.push(`→ moved to ${relative(process.cwd(), result.movedTo) || result.movedTo}`);
  return parts.filter(Boolean).join(' ');
}
