import { describe, expect, it } from 'vitest';
import { explainStorageError, StorageHealth, storageFailure } from '../../../main/store/storage-health.js';
import { tempDir } from '../../support/temp-dir.js';

const sqlite = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('storage health', () => {
  it('tells full, read-only and failing apart by the error, and ignores errors that are not the disk\'s', () => {
    expect(storageFailure(sqlite('SQLITE_FULL', 'database or disk is full'))).toBe('full');
    expect(storageFailure(sqlite('SQLITE_READONLY', 'attempt to write a readonly database'))).toBe('read-only');
    expect(storageFailure(sqlite('SQLITE_IOERR_WRITE', 'disk I/O error'))).toBe('failing');
    expect(storageFailure(new TypeError('x is undefined'))).toBeUndefined();
  });

  it('turns not ok at the first failed write, keeps since when across failures, and ok at the next write that commits', () => {
    const health = new StorageHealth();
    const seen: string[] = [];
    health.onChange = (status) => seen.push(status.state);
    expect(() => health.guard(() => {
      throw sqlite('SQLITE_FULL', 'database or disk is full');
    })).toThrow(/full/);
    const since = health.status.since;
    expect(health.status).toMatchObject({ state: 'full', error: 'database or disk is full' });
    expect(health.failed(sqlite('SQLITE_FULL', 'database or disk is full'))).toBe(true);
    expect(health.status.since).toBe(since);
    expect(health.guard(() => 42)).toBe(42);
    expect(health.status).toEqual({ state: 'ok', error: null, since: null });
    expect(seen).toEqual(['full', 'ok']);
  });

  it('explains an unusable folder in words, with the error', () => {
    const dir = tempDir();
    try {
      expect(explainStorageError(sqlite('SQLITE_READONLY', 'attempt to write a readonly database'), dir.path).message).toBe(
        `the data folder ${dir.path} is read-only: attempt to write a readonly database`,
      );
      expect(explainStorageError(new Error('odd'), dir.path).message).toBe(`cannot use the data folder ${dir.path}: odd`);
    } finally {
      dir.remove();
    }
  });
});
