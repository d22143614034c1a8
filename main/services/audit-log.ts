/**
 * The audit log as the unit leader reads it on the board: newest first, with the bed and initials
 * of the stay or task an entry is about (never a name), so nobody has to look record ids up.
 */

import type { AuditLine } from '../../shared/api/commands/ward.js';
import type { Db } from '../store/database.js';

/** Entries older than `before` (a seq), newest first. */
export function readAuditLog(db: Db, limit: number, before?: number): AuditLine[] {
  const rows = db
    .prepare(
      `SELECT a.seq, a.at, a.actor, a.action, a.collection, a.record, a.board, a.detail,
         coalesce(s.id, ts.id) AS stayId, coalesce(s.initials, ts.initials) AS initials,
         coalesce(s.shielded, ts.shielded) AS shielded, coalesce(b.label, tb.label) AS bed,
         CASE WHEN t.id IS NOT NULL AND t.stay IS NULL THEN 1 ELSE 0 END AS unitTask
       FROM audit a
         LEFT JOIN stay s ON a.collection = 'stay' AND s.id = a.record
         LEFT JOIN bed b ON b.id = s.bed
         LEFT JOIN task t ON a.collection = 'task' AND t.id = a.record
         LEFT JOIN stay ts ON ts.id = t.stay
         LEFT JOIN bed tb ON tb.id = ts.bed
       WHERE a.seq < ? ORDER BY a.seq DESC LIMIT ?`,
    )
    .all(before ?? Number.MAX_SAFE_INTEGER, limit) as (Omit<AuditLine, 'place'> & {
    stayId: string | null;
    initials: string | null;
    shielded: number | null;
    bed: string | null;
    unitTask: number;
  })[];
  return rows.map(({ stayId, initials, shielded, bed, unitTask, ...entry }) => ({
    ...entry,
    place: unitTask === 1 ? 'unit' : stayId === null ? null : [bed, shielded === 1 ? null : initials].filter(Boolean).join(' · ') || null,
  }));
}
