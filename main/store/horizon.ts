/**
 * The collection horizon, one rule for every path: a record whose tombstone (`deleted = true`) is
 * older than the horizon, a board's copy of a shared audit entry older than it, and a sent
 * change-log row older than it are collected. Expired records are left out of digests, pulls and
 * fetches on every replica the moment they expire (whether or not they are deleted yet), so two
 * replicas that collect at different times still agree. A replica that was out of contact for
 * longer than the horizon may hold what its peers have collected: it starts over from a peer.
 */

import { encodeStamp } from '../../shared/sync/hlc.js';
import { isCollection } from '../../shared/domain/schema.js';
import type { Db } from './database.js';

/** Three weeks: longer than any holiday a board is left switched off, short enough to bound growth. */
export const DEFAULT_HORIZON_MS = 21 * 24 * 60 * 60 * 1000;

/** The smallest stamp not yet expired: any stamp that sorts below it is older than the horizon. */
export function cutoffStamp(now: number, horizonMs: number): string {
  return encodeStamp({ wall: Math.max(0, Math.floor(now - horizonMs)), counter: 0, node: '0' }).slice(0, 9);
}

/** Finds one expired tombstone through the partial index, or none. */
export const ANY_EXPIRED_TOMBSTONE = "SELECT 1 FROM field_state WHERE field = 'deleted' AND value = 'true' AND hlc < ? LIMIT 1";

/**
 * A condition on field_state rows (alias-free, one `?` for the cutoff per `?` it holds): true for
 * the fields that have not expired. The hub keeps expired audit entries (the long log) but leaves
 * them out as well. The tombstone clause is needed only while an expired tombstone waits for the
 * collector (at most a tenth of the horizon), so it is left out otherwise: it costs a fifth of a scan.
 */
export function unexpired(withTombstones: boolean): string {
  const audit = "NOT (collection = 'auditEntry' AND hlc < ?)";
  if (!withTombstones) return audit;
  return `${audit} AND (collection, id) NOT IN (SELECT collection, id FROM field_state WHERE field = 'deleted' AND value = 'true' AND hlc < ?)`;
}

export interface Collected {
  records: number;
  fields: number;
  changeLog: number;
}

/**
 * Deletes what has expired, in one transaction: expired tombstoned records (and, unless `keepAudit`,
 * expired audit entries) with their read-model rows, and sent change-log rows. A record with an
 * unsent change is kept until the change is sent.
 */
export function collectExpired(db: Db, cutoff: string, keepAudit: boolean): Collected {
  return db.transaction(() => {
    const unsent = 'NOT EXISTS (SELECT 1 FROM change_log l WHERE l.sent = 0 AND l.collection = f.collection AND l.id = f.id)';
    const records = db
      .prepare(
        `SELECT collection, id FROM field_state f WHERE field = 'deleted' AND value = 'true' AND hlc < ? AND ${unsent}` +
          (keepAudit ? '' : ` UNION SELECT collection, id FROM field_state f WHERE collection = 'auditEntry' AND hlc < ? AND ${unsent}`),
      )
      .raw()
      .all(...(keepAudit ? [cutoff] : [cutoff, cutoff])) as [string, string][];
    const fields = dropRecords(db, records);
    const changeLog = db.prepare('DELETE FROM change_log WHERE sent = 1 AND hlc < ?').run(cutoff).changes;
    return { records: records.length, fields, changeLog };
  })();
}

/** Deletes records from field_state, their read-model rows and their change-log rows; returns the fields deleted. */
export function dropRecords(db: Db, records: readonly (readonly [string, string])[]): number {
  const fields = db.prepare('DELETE FROM field_state WHERE collection = ? AND id = ?');
  const log = db.prepare('DELETE FROM change_log WHERE collection = ? AND id = ?');
  let dropped = 0;
  for (const [collection, id] of records) {
    dropped += fields.run(collection, id).changes;
    log.run(collection, id);
    // The table name comes from the schema's list, never from input.
    if (isCollection(collection)) db.prepare(`DELETE FROM "${collection}" WHERE id = ?`).run(id);
  }
  return dropped;
}
