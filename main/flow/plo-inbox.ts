/**
 * The running hub's PLO inbox: a folder the message exchange (or an operator) drops files into.
 * Polled, not watched through fs.watch, which misses events on network shares. A file is taken
 * once it has not changed for a moment (a writer may still be writing it); imported files move to
 * `imported/`, unreadable ones to `rejected/` with their reason. A file the store could not take
 * waits and is tried again later.
 */

import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { logger } from '../log.js';
import type { PloTarget } from './plo-apply.js';
import { importPloFile, ploFilesIn, type PloFileResult } from './plo-import.js';

export interface PloInboxOptions {
  dir: string;
  /** The store and unit to import into, or undefined while the hub knows no allocation office. */
  target: () => PloTarget | undefined;
  /** Called after every poll that imported or rejected something. */
  onResults: (results: PloFileResult[]) => void;
  intervalMs?: number;
  /** A file must be this old (unchanged) before it is read. */
  settleMs?: number;
}

export interface PloInbox {
  /** Polls once now (tests, and the first poll at start). */
  poll(): PloFileResult[];
  stop(): void;
}

const RETRY_FAILED_MS = 30_000;

export function watchPloInbox(options: PloInboxOptions): PloInbox {
  const { dir, intervalMs = 1000, settleMs = 1000 } = options;
  mkdirSync(dir, { recursive: true });
  const failedAt = new Map<string, number>();
  let waitingLogged = false;

  const poll = (): PloFileResult[] => {
    const target = options.target();
    if (!target) {
      if (!waitingLogged) logger.warn({ dir }, 'PLO inbox waits: the hub knows no allocation office yet');
      waitingLogged = true;
      return [];
    }
    waitingLogged = false;
    const now = Date.now();
    const results: PloFileResult[] = [];
    for (const file of ploFilesIn(dir)) {
      const retryAt = (failedAt.get(file) ?? 0) + RETRY_FAILED_MS;
      if (now < retryAt) continue;
      let modified: number;
      try {
        modified = statSync(file).mtimeMs;
      } catch {
        continue; // gone meanwhile
      }
      if (now - modified < settleMs) continue;
      const result = importPloFile(target, file, { importedDir: join(dir, 'imported') });
      if (result.outcome === 'failed') failedAt.set(file, now);
      else failedAt.delete(file);
      if (result.idProblem !== null) logger.warn({ file: result.file, type: result.type, idProblem: result.idProblem }, 'PLO message imported with an identity number that fails its check');
      else logger.info({ file: result.file, outcome: result.outcome, type: result.type, reason: result.reason }, 'PLO message');
      results.push(result);
    }
    if (results.length > 0) options.onResults(results);
    return results;
  };

  const timer = setInterval(() => {
    try {
      poll();
    } catch (error) {
      // The folder may be briefly unreachable (a share remounting): try again on the next tick.
      logger.error({ err: error, dir }, 'PLO inbox poll failed');
    }
  }, intervalMs);
  timer.unref();
  return { poll, stop: () => clearInterval(timer) };
}
