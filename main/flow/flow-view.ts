/**
 * What a board shows of patient flow: its transfers both ways (initials only), the units a patient
 * could go to with their free capacity as the hub last reported it, and its own free beds.
 */

import type { DeclineReason, FlowState, TargetUnit, TransferView } from '../../shared/api/commands/flow.js';
import { LIST_UNIT_KINDS, type UnitKind } from '../../shared/domain/types.js';
import type { Db } from '../store/database.js';
import { arrivalStayId, idProblemOf, liveTransfersOfStay, parseFlags, transfersOf, type TransferRow } from './transfer-records.js';
import { allowedSteps, isOpen, lastStepAt, sideOf, transferConflict, transferState } from './transfer-steps.js';

/** Finished transfers stay on the board this long, so both sides see how it ended. */
const RECENT_DONE_MS = 3 * 24 * 3_600_000;

/** Whether patients on a unit of this kind lie in beds (not a list at home, not an office). */
export function placesInBeds(kind: string | null | undefined): boolean {
  return kind !== undefined && kind !== null && kind !== 'allocation-office' && !LIST_UNIT_KINDS.includes(kind as UnitKind);
}

/** The units this board's unit may send patients to, from the hub's capacity records. */
export function targetUnits(db: Db, unit: string): TargetUnit[] {
  const rows = db
    .prepare('SELECT unit, name, kind, beds, free, incoming, updatedAt FROM capacity WHERE deleted = 0 AND unit != ? ORDER BY name')
    .all(unit) as { unit: string; name: string | null; kind: string | null; beds: number | null; free: number | null; incoming: number | null; updatedAt: string | null }[];
  return rows.map((row) => ({
    unit: row.unit,
    name: row.name ?? row.unit,
    kind: row.kind ?? 'unknown',
    beds: row.beds ?? 0,
    free: row.free ?? 0,
    incoming: row.incoming ?? 0,
    updatedAt: row.updatedAt,
  }));
}

/** One transfer as `unit`'s board shows it. */
export function transferView(db: Db, row: TransferRow, unit: string, names: Map<string, string>, withPersonal = false): TransferView {
  const direction = sideOf(row, unit) === 'to' ? 'in' : 'out';
  const state = transferState(row);
  const arrival = direction === 'in' && state === 'completed' ? arrivalOf(db, row.id) : undefined;
  const duplicate = direction === 'out' && row.stay !== null && liveTransfersOfStay(db, row.stay).some((other) => other.id !== row.id) && (isOpen(row) || state === 'completed');
  return {
    id: row.id,
    direction,
    fromUnit: row.fromUnit ?? '',
    toUnit: row.toUnit ?? '',
    fromName: names.get(row.fromUnit ?? '') ?? null,
    toName: names.get(row.toUnit ?? '') ?? null,
    stayId: direction === 'out' ? row.stay : (arrival?.id ?? null),
    initials: row.shielded === 1 ? null : row.initials,
    flags: parseFlags(row.flags),
    adl: row.adl,
    origin: row.origin,
    idProblem: idProblemOf(row.idProblem),
    state,
    conflict: transferConflict(row) ?? (duplicate ? 'duplicate-request' : null),
    requestedAt: row.requestedAt ?? '',
    acceptedAt: row.acceptedAt,
    scheduledFor: row.scheduledFor,
    declinedAt: row.declinedAt,
    declineReason: row.declineReason as DeclineReason | null,
    cancelledAt: row.cancelledAt,
    completedAt: row.completedAt,
    toBed: row.toBedLabel,
    lastStepAt: lastStepAt(row),
    steps: allowedSteps(row, unit, arrival !== undefined && arrival.bed === null && arrival.status === 'active' && placesInBeds(kindOf(db, unit))),
    by: { requested: row.requestedBy, accepted: row.acceptedBy, declined: row.declinedBy, cancelled: row.cancelledBy, completed: row.completedByStaff },
    hasSummary: row.summary !== null && row.summary !== '',
    // Personal: the sender's summary goes only to an unlocked screen, as names do.
    summary: withPersonal ? row.summary : null,
  };
}

function kindOf(db: Db, unit: string): string | undefined {
  return (db.prepare('SELECT kind FROM unit WHERE id = ? AND deleted = 0').get(unit) as { kind: string } | undefined)?.kind;
}

function arrivalOf(db: Db, transferId: string): { id: string; bed: string | null; status: string | null } | undefined {
  return db.prepare('SELECT id, bed, status FROM stay WHERE id = ? AND deleted = 0').get(arrivalStayId(transferId)) as
    | { id: string; bed: string | null; status: string | null }
    | undefined;
}

/** Unit names this board knows: its own, and every unit the hub reported. */
export function unitNames(db: Db): Map<string, string> {
  const names = new Map<string, string>();
  for (const row of db.prepare('SELECT unit, name FROM capacity WHERE deleted = 0').all() as { unit: string; name: string | null }[]) {
    if (row.name) names.set(row.unit, row.name);
  }
  for (const row of db.prepare('SELECT id, name FROM unit WHERE deleted = 0').all() as { id: string; name: string | null }[]) {
    if (row.name) names.set(row.id, row.name);
  }
  return names;
}

/** The transfers a board shows: every open one, and those finished in the last days. */
export function visibleTransfers(db: Db, unit: string, now: Date, withPersonal = false): TransferView[] {
  const names = unitNames(db);
  const since = new Date(now.getTime() - RECENT_DONE_MS).toISOString();
  const views = transfersOf(db, unit)
    .map((row) => transferView(db, row, unit, names, withPersonal))
    .filter((view) => view.steps.length > 0 || view.conflict !== null || ['requested', 'accepted', 'scheduled'].includes(view.state) || view.lastStepAt >= since);
  // Open ones first, oldest request first (who has waited longest); then the finished, newest first.
  const open = views.filter((v) => ['requested', 'accepted', 'scheduled'].includes(v.state));
  const done = views.filter((v) => !open.includes(v)).sort((a, b) => b.lastStepAt.localeCompare(a.lastStepAt));
  return [...open, ...done];
}

/** The board's whole patient-flow state. */
export function readFlowState(db: Db, unit: string, now: Date, withPersonal = false): FlowState {
  const kind = kindOf(db, unit);
  const transfers = visibleTransfers(db, unit, now, withPersonal);
  const reserved = new Set(transfers.filter((t) => t.direction === 'in' && ['accepted', 'scheduled'].includes(t.state)).map((t) => t.toBed));
  const beds = db
    .prepare(
      // Only a free bed is offered: one in cleaning or blocked is not ready for a patient (the bed loop: docs/board.md).
      `SELECT b.label, b.status FROM bed b WHERE b.unit = ? AND b.deleted = 0 AND b.status = 'free'
         AND NOT EXISTS (SELECT 1 FROM stay s WHERE s.bed = b.id AND s.deleted = 0 AND s.status = 'active')
       ORDER BY b.sort, b.label`,
    )
    .all(unit) as { label: string; status: 'free' }[];
  const leaving = new Set(transfers.filter((t) => t.direction === 'out' && ['requested', 'accepted', 'scheduled'].includes(t.state)).map((t) => t.stayId));
  const stays = db
    .prepare(
      `SELECT s.id, s.initials, s.shielded, b.label FROM stay s LEFT JOIN bed b ON b.id = s.bed
       WHERE s.unit = ? AND s.deleted = 0 AND s.status = 'active' ORDER BY b.sort, b.label, s.admittedAt`,
    )
    .all(unit) as { id: string; initials: string | null; shielded: number | null; label: string | null }[];
  return {
    unit,
    now: now.toISOString(),
    transfers,
    units: targetUnits(db, unit).filter((u) => u.kind !== 'allocation-office'),
    freeBeds: beds.filter((bed) => !reserved.has(bed.label)),
    movable: stays
      .filter((s) => !leaving.has(s.id))
      .map((s) => ({ stayId: s.id, place: s.label, initials: s.shielded === 1 ? null : s.initials })),
    hasBeds: placesInBeds(kind),
  };
}
