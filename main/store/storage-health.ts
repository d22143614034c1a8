/**
 * Whether this replica's SQLite file takes writes. Every write path (a command, a merged batch, the
 * outbox's sent marks) reports here; the first failure turns /healthz `ok` false and the board's
 * "Tavla får ikke lagret" banner on, the next successful write (or probe) turns them off. A store
 * that cannot be opened at all is explained (full or read-only) before the process gives up.
 */

import { accessSync, constants, statfsSync } from 'node:fs';
import type { StorageStatus } from '../../shared/api/contract.js';

export const STORAGE_OK: StorageStatus = { state: 'ok', error: null, since: null };

/** What a storage error means, from SQLite's or the OS's error code; undefined for anything else. */
export function storageFailure(error: unknown): StorageStatus['state'] | undefined {
  const code = String((error as { code?: unknown })?.code ?? '');
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || /database or disk is full/i.test(message)) return 'full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || /readonly/i.test(message)) return 'read-only';
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN' || code === 'EIO' || /disk I\/O error/i.test(message)) return 'failing';
  return undefined;
}

/** The live storage state of one store. */
export class StorageHealth {
  private current: StorageStatus = STORAGE_OK;
  /** Told whenever the state changes. */
  onChange: (status: StorageStatus) => void = () => undefined;

  get status(): StorageStatus {
    return this.current;
  }

  get ok(): boolean {
    return this.current.state === 'ok';
  }

  /** Records a failed write; false when the error is not a storage error (a bug, not the disk). */
  failed(error: unknown): boolean {
    const state = storageFailure(error);
    if (!state) return false;
    const message = error instanceof Error ? error.message : String(error);
    const since = this.current.state === 'ok' ? new Date().toISOString() : this.current.since;
    const changed = state !== this.current.state || message !== this.current.error;
    this.current = { state, error: message, since };
    if (changed) this.onChange(this.current);
    return true;
  }

  /** Records a write that committed. */
  succeeded(): void {
    if (this.current.state === 'ok') return;
    this.current = STORAGE_OK;
    this.onChange(this.current);
  }

  /** Runs one write, recording how it went; rethrows its error. */
  guard<T>(write: () => T): T {
    try {
      const result = write();
      this.succeeded();
      return result;
    } catch (error) {
      this.failed(error);
      throw error;
    }
  }
}

/** Why a data folder cannot hold the store, in words for the operator: read-only, full, or the error itself. */
export function explainStorageError(error: unknown, dir: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  let state = storageFailure(error);
  try {
    accessSync(dir, constants.W_OK);
  } catch (access) {
    if (storageFailure(access) === 'read-only') state = 'read-only';
  }
  try {
    const fs = statfsSync(dir);
    if (fs.bavail * fs.bsize < 64 * 1024) state = 'full';
  } catch {
    // No statfs (or no folder): keep what the error said.
  }
  if (state === 'read-only') return new Error(`the data folder ${dir} is read-only: ${message}`);
  if (state === 'full') return new Error(`the data folder ${dir} is full (no space left on its disk): ${message}`);
  return new Error(`cannot use the data folder ${dir}: ${message}`);
}

/** One small durable write, to learn whether the store takes writes (again); throws when it does not. */
export function probeWrite(db: { prepare(sql: string): { run(...args: unknown[]): unknown } }, health: StorageHealth): void {
  health.guard(() =>
    db.prepare("INSERT INTO meta (key, value) VALUES ('storageProbe', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(new Date().toISOString()),
  );
}
