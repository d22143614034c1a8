/**
 * The audit log as the unit leader reads it on the board: the whole unit's (every board's entries,
 * synced as `auditEntry` records), newest first, with the bed and initials of the stay or task an
 * entry is about, or the bed itself (never a name), so nobody has to look record ids up.
 */

import type { AuditLine } from '../../shared/api/commands/ward.js';
import { AUDIT_ENTRY_LINE } from '../../shared/domain/schema.js';
import type { Db } from '../store/database.js';
import { parseRow, type Row } from '../store/read-model.js';

const AT = "json_extract(entry, '$.at')";

/** Entries older than the one numbered `before` (a line's seq), newest first. */
export function readAuditLog(db: Db, thisBoard: string, limit: number, before?: number): AuditLine[] {
  // The inner query walks the index on the entry's time (rowid breaks ties) and stops at `limit`;
  // an entry that is not a JSON object (a bad replica) is left out rather than shown garbled.
  const rows = db
    .prepare(
      `SELECT e.seq, e.id, e.entry,
         coalesce(s.id, ts.id) AS stayId, coalesce(s.initials, ts.initials) AS initials,
         coalesce(s.shielded, ts.shielded) AS shielded, coalesce(b.id, tb.id) AS stayBedId, coalesce(b.label, tb.label) AS stayBedLabel,
         eb.id AS bedId, eb.label AS bedLabel,
         CASE WHEN t.id IS NOT NULL AND t.stay IS NULL THEN 1 ELSE 0 END AS unitTask
       FROM (
         SELECT rowid AS seq, id, entry FROM auditEntry
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
    .all({ before: before ?? null, limit }) as Row[];
  return rows.map((row) => {
    const line = AUDIT_ENTRY_LINE.parse(JSON.parse(parseRow<'auditEntry', 'entry'>('auditEntry', { id: row.id, entry: row.entry }).entry ?? '{}'));
    const stay = row.stayId === null ? null : parseRow<'stay', 'initials' | 'shielded'>('stay', { id: row.stayId, initials: row.initials, shielded: row.shielded });
    const bed = (id: Row[string], label: Row[string]) => (id === null ? null : parseRow<'bed', 'label'>('bed', { id, label }).label);
    const place =
      row.unitTask === 1
        ? 'unit'
        : stay !== null
          ? [bed(row.stayBedId, row.stayBedLabel), stay.shielded ? null : stay.initials].filter(Boolean).join(' · ') || null
          : bed(row.bedId, row.bedLabel);
    return { seq: Number(row.seq), ...line, place, thisBoard: line.board === thisBoard };
  });
}
