/**
 * The hub's part of a transfer. A board writes only its own unit's side of a step; the hub, the
 * one replica holding both units, writes the other side once the transfer is completed: the
 * departure on the leaving unit, or the arrival on the receiving one, and always the arrival's
 * personal fields (name, birth date), which no board ever holds for another unit. It also keeps
 * the stored `status` equal to the state the step times say, after concurrent steps. Before it
 * moves anyone it checks the transfer against its own store (docs/protocol.md, Walls): only a stay
 * it holds in the transfer's `fromUnit`, only once the receiving unit accepted; any other is refused.
 */

import type { Change } from '../../shared/sync/change.js';
import type { FieldStore, RecordEdit } from '../store/field-store.js';
import {
  arrivalEdits,
  arrivalStayId,
  bedOf,
  departureEdits,
  readStay,
  readTransfer,
  type TransferRow,
} from './transfer-records.js';
import { transferState } from './transfer-steps.js';

export interface SettlementOutcome {
  /** Transfer changes the hub made: the caller mirrors them into the receiving unit's scope. */
  transferChanges: { toUnit: string; changes: Change[] }[];
  /** Whether anything at all was committed (the outbox then needs draining). */
  committed: boolean;
  /** Completed transfers the hub would not settle, and why: nothing of them was written. */
  refused: { id: string; reason: string }[];
}

/** Transfers to look at after a batch of merged changes: those changed, and those of changed stays. */
export function transfersTouched(store: FieldStore, changes: readonly Change[]): string[] {
  const ids = new Set(changes.filter((c) => c.c === 'transfer').map((c) => c.id));
  const stays = [...new Set(changes.filter((c) => c.c === 'stay').map((c) => c.id))];
  const byStay = store.db.prepare('SELECT id FROM transfer WHERE stay = ? AND deleted = 0');
  for (const stay of stays) for (const row of byStay.all(stay) as { id: string }[]) ids.add(row.id);
  return [...ids];
}

/** Completed transfers not yet settled, and any whose stored status lags its steps (at start-up). */
export function transfersToReview(store: FieldStore): string[] {
  const rows = store.db.prepare('SELECT * FROM transfer WHERE deleted = 0').all() as TransferRow[];
  const settled = store.db.prepare('SELECT 1 FROM transfer_settled WHERE id = ?');
  return rows
    .filter((row) => row.status !== transferState(row) || (row.completedAt !== null && settled.get(row.id) === undefined))
    .map((row) => row.id);
}

/** Settles and normalises the given transfers in one transaction. */
export function settleTransfers(store: FieldStore, ids: readonly string[], now: Date): SettlementOutcome {
  const outcome: SettlementOutcome = { transferChanges: [], committed: false, refused: [] };
  const markSettled = store.db.prepare('INSERT OR IGNORE INTO transfer_settled (id, settled_at) VALUES (?, ?)');
  store.db.transaction(() => {
    for (const id of ids) {
      const transfer = readTransfer(store.db, id);
      if (!transfer?.fromUnit || !transfer.toUnit) continue;
      const refusal = transferState(transfer) === 'completed' ? settlementProblem(store, transfer) : undefined;
      if (refusal) {
        outcome.refused.push({ id, reason: refusal });
        continue;
      }
      const settled = transferState(transfer) === 'completed' ? settlementEdits(store, transfer) : { edits: [], done: false };
      const edits = [...settled.edits];
      const state = transferState(transfer);
      const normalise = transfer.status !== state;
      if (normalise) edits.push({ c: 'transfer', id, scope: transfer.fromUnit, fields: { status: state } });
      if (edits.length > 0) {
        const changes = store.commit({ actor: 'hub', action: 'transfer.settle', collection: 'transfer', record: id, detail: state }, edits);
        outcome.committed = true;
        const mirrored = changes.filter((c) => c.c === 'transfer');
        if (mirrored.length > 0) outcome.transferChanges.push({ toUnit: transfer.toUnit, changes: mirrored });
      }
      if (settled.done) markSettled.run(id, now.toISOString());
    }
  })();
  return outcome;
}

/**
 * Why the hub may not settle a completed transfer: its stay is not one the hub holds in the
 * transfer's `fromUnit` (so no other unit's patient is discharged or copied), or the receiving unit
 * never accepted it. A stay the hub does not hold yet only defers the settlement (see below).
 */
function settlementProblem(store: FieldStore, transfer: TransferRow): string | undefined {
  if (!transfer.acceptedAt && !transfer.scheduledFor) return `completed, but ${transfer.toUnit} never accepted it`;
  if (transfer.stay === null) return 'a transfer without a stay';
  const heldIn = store.db.prepare("SELECT scope FROM field_state WHERE collection = 'stay' AND id = ? LIMIT 1").pluck().get(transfer.stay) as string | undefined;
  const stay = readStay(store.db, transfer.stay);
  if (!stay) return undefined;
  if (heldIn !== transfer.fromUnit || stay.unit !== transfer.fromUnit) return `stay ${transfer.stay} is not a stay of ${transfer.fromUnit}`;
  return undefined;
}

/**
 * What the hub still has to write for a completed transfer. Each side is written only when the
 * hub's replica shows it not done yet (the stay still active on the leaving unit; no arrival on the
 * receiving one), so a side a board already wrote is not written again. Settled (`done`) only once
 * the leaving stay is on the hub to copy the personal fields from.
 */
function settlementEdits(store: FieldStore, transfer: TransferRow): { edits: RecordEdit[]; done: boolean } {
  const db = store.db;
  const already = db.prepare('SELECT 1 FROM transfer_settled WHERE id = ?').get(transfer.id);
  if (already) return { edits: [], done: false };
  const at = transfer.completedAt as string;
  const from = transfer.fromUnit as string;
  const to = transfer.toUnit as string;
  const leaving = transfer.stay === null ? undefined : readStay(db, transfer.stay);
  // Nothing moves until the hub holds the stay it would move (and copy the name from).
  if (!leaving) return { edits: [], done: false };
  const edits: RecordEdit[] = [];
  if (leaving.status === 'active') edits.push(...departureEdits(db, transfer, leaving, at, from));

  const arrival = readStay(db, arrivalStayId(transfer.id));
  if (!arrival) {
    const bed = transfer.toBedLabel === null ? undefined : bedOf(db, to, transfer.toBedLabel);
    // The promised bed, if it is still there to take; else the patient arrives without one and the unit places them.
    const usable = bed && !bed.taken && bed.status === 'free' ? { id: bed.id } : null;
    edits.push(...arrivalEdits(transfer, usable, at, to));
  }
  if ((arrival?.name ?? null) === null && (leaving.name !== null || leaving.birthDate !== null)) {
    edits.push({ c: 'stay', id: arrivalStayId(transfer.id), scope: to, fields: { name: leaving.name, birthDate: leaving.birthDate } });
  }
  return { edits, done: true };
}
