/**
 * Opens a replica's store (board or hub): the SQLite file, its node id, the field store on the
 * clock watch's reference time. A folder that cannot hold it (read-only, full) is said so plainly,
 * and a clock found put right since the last run has its future stamps repaired before any edit.
 */

import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { HybridLogicalClock } from '../../shared/sync/hlc.js';
import { ClockWatch, systemClock, type WallClock } from '../sync/clock-watch.js';
import { repairFutureStamps } from './clock-repair.js';
import { openDatabase, type Db } from './database.js';
import { FieldStore, type StoreOptions } from './field-store.js';
import { explainStorageError, probeWrite } from './storage-health.js';

export interface ReplicaStore {
  db: Db;
  nodeId: string;
  store: FieldStore;
  clock: ClockWatch;
}

/**
 * Opens (creating if need be) the store in `file`; throws an explained error when the folder cannot
 * hold it. `time` is the clock watch's (the sync engine's time, when a test injects one).
 */
export function openReplicaStore(file: string, role: 'board' | 'hub', defaultScope: string, options: StoreOptions = {}, time: WallClock = systemClock): ReplicaStore {
  let db: Db | undefined;
  try {
    db = openDatabase(file);
    const nodeId = persistentNodeId(db, role === 'hub' ? 'h' : 'b');
    const clock = ClockWatch.on(role, time);
    const store = new FieldStore(db, new HybridLogicalClock(nodeId, clock.now), nodeId, defaultScope, options);
    // A full or read-only disk is found now, not at the first nurse's tap.
    probeWrite(db, store.health);
    repairFutureStamps(store, clock.now(), false);
    return { db, nodeId, store, clock };
  } catch (error) {
    db?.close();
    throw explainStorageError(error, dirname(file));
  }
}

/** A replica's node id is made once and kept in its database, so its stamps stay its own. */
export function persistentNodeId(db: Db, prefix: string): string {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'nodeId'").get() as { value: string } | undefined;
  if (row) return row.value;
  const id = `${prefix}${randomBytes(6).toString('hex')}`;
  db.prepare("INSERT INTO meta (key, value) VALUES ('nodeId', ?)").run(id);
  return id;
}
