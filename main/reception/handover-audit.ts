/**
 * The receiving organisation's line of a handover (docs/shared-reception.md): the giving board
 * logs the handover in its own organisation's log as it commits it; it may not write into the
 * receiving organisation's scope. So each board of the receiving organisation, when a handover to
 * it is merged (or at start, for one that arrived while it was off), writes that line into its own
 * organisation's scope (once the record is whole: a batch may carry part of it) under an id derived from the handover, with content taken from the shared
 * handover record alone: two boards writing it write the same record, and the log holds it once.
 */

import { privateScope } from '../../shared/reception/reception-kinds.js';
import type { Change } from '../../shared/sync/change.js';
import type { FieldStore } from '../store/field-store.js';

interface HandoverRow {
  id: string;
  encounter: string;
  from: string;
  to: string;
  at: string;
  by: string;
  board: string;
}

/** The audit record id of a handover's receiving line. */
export const receivedAuditId = (handover: string) => `handover-${handover}`;

/** Writes the receiving line of every handover to `organisation` not logged yet; returns how many. */
export function logReceivedHandovers(store: FieldStore, unit: string, organisation: string): number {
  const rows = store.db
    .prepare(
      `SELECT h.id, h.encounter, h."from", h."to", h.at, h."by", h.board FROM encounterHandover h
       WHERE h.unit = ? AND h."to" = ? AND h.deleted = 0 AND h.at IS NOT NULL AND h."from" IS NOT NULL AND h."by" IS NOT NULL AND h.board IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM field_state f WHERE f.collection = 'auditEntry' AND f.id = 'handover-' || h.id)`,
    )
    .all(unit, organisation) as HandoverRow[];
  if (rows.length === 0) return 0;
  const scope = privateScope(unit, organisation);
  for (const row of rows) {
    store.audit({
      actor: row.by,
      action: 'encounter.handover',
      collection: 'encounterHandover',
      record: row.id,
      detail: `${row.from} → ${row.to}`,
      scope,
      sharedAs: { id: receivedAuditId(row.id), at: row.at, board: row.board },
    });
  }
  return rows.length;
}

/** Whether a merged batch brought a handover (the board then checks for its receiving lines). */
export const bringsHandover = (changes: readonly Change[]) => changes.some((change) => change.c === 'encounterHandover');
