/**
 * A running hub holds `hub.lock` (its process id) in its data folder, so `tavla import-plo` does
 * not write into the store of a live hub: two processes stamping with one node id could issue the
 * same clock value twice. A lock whose process is gone is stale and ignored.
 */

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK = 'hub.lock';

/** The process id of a hub running on this data folder, if any. */
export function runningHubPid(dataDir: string): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(join(dataDir, LOCK), 'utf8').trim());
  } catch {
    return undefined;
  }
  if (!Number.isSafeInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else — still a running hub.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
  }
}

/** Marks the folder as held by this process; returns the release. */
export function holdHubLock(dataDir: string): () => void {
  const file = join(dataDir, LOCK);
  writeFileSync(file, `${process.pid}\n`);
  return () => {
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file);
    } catch {
      // Already gone: nothing to release.
    }
  };
}
