/**
 * The audit log as the unit leader reads it on the board: the whole unit's (every board's entries,
 * synced as `auditEntry` records), newest first, with the bed and initials of the stay or task an
 * entry is about, or the bed itself (never a name), so nobody has to look record ids up.
 */

import type { AuditLine } from '../../shared/api/commands/ward.js';
import type { Db } from '../store/database.js';

const AT = "json_extract(entry, '$.at')";

/** Entries older than the one numbered `before` (a line's seq), newest first. */
export function readAuditLog(db: Db, thisBoard: string, limit: number, before?: number): AuditLine[] {
  // The inner query walks the index on the entry's time (rowid breaks ties) and stops at `limit`;
  // an entry that is not a JSON object (a bad replica) is left out rather than shown garbled.
  const rows = db
    .prepare(
      `SELECT e.seq, json_extract(e.entry, '$.at') AS at, json_extract(e.entry, '$.actor') AS actor,
         json_extract(e.entry, '$.action') AS action, json_extract(e.entry, '$.collection') AS collection,
         json_extract(e.entry, '$.record') AS record, json_extract(e.entry, '$.board') AS board,
         json_extract(e.entry, '$.detail') AS detail,
         coalesce(s.id, ts.id) AS stayId, coalesce(s.initials, ts.initials) AS initials,
         coalesce(s.shielded, ts.shielded) AS shielded, coalesce(b.label, tb.label) AS bed, eb.label AS bedItself,
         CASE WHEN t.id IS NOT NULL AND t.stay IS NULL THEN 1 ELSE 0 END AS unitTask
       FROM (
         SELECT rowid AS seq, entry FROM auditEntry
         WHERE json_valid(entry) AND json_type(entry) = 'object'
           AND (@before IS NULL OR (${AT}, rowid) < (SELECT ${AT}, rowid FROM auditEntry WHERE rowid = @before))
         ORDER BY ${AT} DESC, rowid DESC LIMIT @limit
       ) e
         LEFT JOIN stay s ON json_extract(e.entry, '$.collection') = 'stay' AND s.id = json_extract(e.entry, '$.record')
         LEFT JOIN bed b ON b.id = s.bed
         LEFT JOIN task t ON json_extract(e.entry, '$.collection') = 'task' AND t.id = json_extract(e.entry, '$.record')
         LEFT JOIN stay ts ON ts.id = t.stay
         LEFT JOIN bed tb ON tb.id = ts.bed
         LEFT JOIN bed eb ON json_extract(e.entry, '$.collection') = 'bed' AND eb.id = json_extract(e.entry, '$.record')
       ORDER BY json_extract(e.entry, '$.at') DESC, e.seq DESC`,
    )
    .all({ before: before ?? null, limit }) as Record<string, unknown>[];
  return rows.map((row) => {
    const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
    const place =
      row.unitTask === 1
        ? 'unit'
        : row.stayId !== null
          ? [row.bed, row.shielded === 1 ? null : row.initials].filter(Boolean).join(' · ') || null
          : text(row.bedItself);
    return {
      seq: Number(row.seq),
      at: String(row.at ?? ''),
      actor: String(row.actor ?? ''),
      action: String(row.action ?? ''),
      collection: text(row.collection),
      record: text(row.record),
      place,
      board: String(row.board ?? ''),
      thisBoard: row.board === thisBoard,
      detail: text(row.detail),
    };
  });
}
