/**
 * Handlers of the patient-flow commands a board answers (shared/api/commands/flow.ts). Each step
 * is checked against the state machine on this board's replica (main/flow/transfer-steps.ts) and
 * committed in one transaction together with what it does to this unit's own records; the hub
 * carries the transfer to the other unit and writes that unit's side (main/flow/hub-settlement.ts).
 */

import type { FlowBoardCommandName } from '../../shared/api/contract.js';
import { fail, ok, type Result } from '../../shared/api/result.js';
import type { Created } from '../../shared/api/schema-parts.js';
import { RISK_FLAGS, type FieldValue } from '../../shared/domain/schema.js';
import type { TransferStep } from '../../shared/api/commands/flow.js';
import { readAllocation } from './allocation-view.js';
import { placesInBeds, readFlowState, targetUnits } from './flow-view.js';
import {
  arrivalEdits,
  arrivalStayId,
  bedOf,
  departureEdits,
  flagsText,
  idProblemOf,
  openTransfersOfStay,
  readStay,
  readTransfer,
  type TransferRow,
} from './transfer-records.js';
import { checkStep, transferState, type Side } from './transfer-steps.js';
import type { RecordEdit } from '../store/field-store.js';
import { newId, type CommandContext, type Handler } from '../replica/command-context.js';

export const flowCommands = {
  // The sender's summary is personal: only a call with an unlocked session reads it.
  'flow.state': (ctx) => ok(readFlowState(ctx.store.db, ctx.unit, ctx.now(), ctx.staff !== null)),

  'flow.allocation': (ctx) => ok(readAllocation(ctx.store.db, ctx.unit, ctx.now(), ctx.staff !== null)),

  'flow.setRate': (ctx, input) => {
    if (!unitKind(ctx)) return fail('conflict', 'the unit is not configured yet (unit.configure)', { reason: 'unit-not-configured' });
    ctx.store.commit(
      { actor: ctx.actor, action: 'flow.setRate', collection: 'unit', record: ctx.unit, detail: String(input.dailyRate) },
      [{ c: 'unit', id: ctx.unit, fields: { dailyRate: input.dailyRate } }],
    );
    return ok({ id: ctx.unit });
  },

  'transfer.request': (ctx, input) => {
    const db = ctx.store.db;
    if (!unitKind(ctx)) return fail('conflict', 'the unit is not configured yet (unit.configure)', { reason: 'unit-not-configured' });
    if (input.toUnit === ctx.unit) return fail('invalid-input', 'toUnit: a transfer goes to another unit', { reason: 'transfer-to-self' });
    const stay = readStay(db, input.stayId);
    if (!stay || stay.unit !== ctx.unit || stay.status !== 'active') return fail('not-found', `no active stay ${input.stayId} on this unit`, { reason: 'stay-unknown' });
    const target = targetUnits(db, ctx.unit).find((u) => u.unit === input.toUnit);
    // Only units the hub has told this board about: a mistyped id must not start a transfer to nowhere.
    if (!target) return fail('not-found', `unit ${input.toUnit} is not known here yet (the hub reports the units)`, { reason: 'unit-unknown', unit: input.toUnit });
    if (target.kind === 'allocation-office') return fail('invalid-input', 'toUnit: patients are not transferred to the allocation office', { reason: 'transfer-to-office' });
    if (openTransfersOfStay(db, stay.id).length > 0) return fail('conflict', 'this patient already has an open transfer', { reason: 'transfer-open' });
    const id = newId();
    const summary = input.summary === undefined || input.summary === '' ? null : input.summary;
    const fields: Record<string, FieldValue> = {
      fromUnit: ctx.unit,
      toUnit: input.toUnit,
      stay: stay.id,
      status: 'requested',
      requestedAt: ctx.now().toISOString(),
      initials: stay.initials,
      flags: input.flags ? RISK_FLAGS.filter((flag) => input.flags?.includes(flag)).join(',') : flagsText(stay),
      adl: input.adl ?? stay.adl,
      shielded: stay.shielded === 1,
      origin: stay.hospital,
      idProblem: idProblemOf(stay.idProblem),
      requestedBy: staffName(ctx),
      summary,
      deleted: false,
    };
    ctx.store.commit({ actor: ctx.actor, action: 'transfer.request', collection: 'transfer', record: id, detail: `to ${input.toUnit}` }, [
      { c: 'transfer', id, fields },
    ]);
    return ok({ id });
  },

  'transfer.cancel': (ctx, input) =>
    step(ctx, input.id, 'cancel', (transfer, at) => {
      const edits: RecordEdit[] = [];
      // A patient who left hospital (or died) while the transfer was open leaves the office's list with it.
      const stay = transfer.stay === null ? undefined : readStay(ctx.store.db, transfer.stay);
      if (stay?.status === 'active' && stay.hospitalLeftAt && ['discharged', 'dead'].includes(stay.hospitalStatus ?? '')) {
        edits.push({ c: 'stay', id: stay.id, fields: { status: 'discharged', dischargedAt: stay.hospitalLeftAt } });
      }
      return ok({ edits, transfer: { cancelledAt: at, cancelledBy: staffName(ctx), status: 'cancelled' } });
    }),

  'transfer.accept': (ctx, input) =>
    step(ctx, input.id, 'accept', (transfer, at) => {
      const bed = chooseBed(ctx, transfer, input.bed, ['free']);
      if (!bed.ok) return bed;
      return ok({ edits: [], transfer: { acceptedAt: at, acceptedBy: staffName(ctx), status: 'accepted', ...bed.value } });
    }),

  'transfer.decline': (ctx, input) =>
    step(ctx, input.id, 'decline', (_transfer, at) =>
      ok({ edits: [], transfer: { declinedAt: at, declinedBy: staffName(ctx), declineReason: input.reason ?? null, status: 'declined' } }),
    ),

  'transfer.schedule': (ctx, input) =>
    step(ctx, input.id, 'schedule', (transfer, at) => {
      const bed = chooseBed(ctx, transfer, input.bed ?? transfer.toBedLabel ?? undefined, ['free']);
      if (!bed.ok) return bed;
      const fields: Record<string, FieldValue> = {
        scheduledFor: new Date(input.scheduledFor).toISOString(),
        scheduledAt: at,
        status: 'scheduled',
        ...bed.value,
      };
      if (!transfer.acceptedAt) Object.assign(fields, { acceptedAt: at, acceptedBy: staffName(ctx) });
      return ok({ edits: [], transfer: fields });
    }),

  'transfer.complete': (ctx, input) =>
    step(ctx, input.id, 'complete', (transfer, at, side) => {
      const done = { completedAt: at, completedBy: ctx.unit, completedByStaff: staffName(ctx), status: 'completed' };
      if (side === 'from') {
        const stay = transfer.stay === null ? undefined : readStay(ctx.store.db, transfer.stay);
        if (!stay || stay.status !== 'active') return fail('conflict', 'the patient is no longer on this unit', { reason: 'patient-left' });
        return ok({ edits: departureEdits(ctx.store.db, transfer, stay, at), transfer: done });
      }
      const bed = chooseBed(ctx, transfer, input.bed ?? transfer.toBedLabel ?? undefined, ['free']);
      if (!bed.ok) return bed;
      const place = bed.value.toBed === null ? null : { id: bed.value.toBed as string };
      return ok({ edits: arrivalEdits(transfer, place, at), transfer: { ...done, ...bed.value } });
    }),

  'transfer.place': (ctx, input) =>
    step(ctx, input.id, 'place', (transfer) => {
      const arrival = readStay(ctx.store.db, arrivalStayId(transfer.id));
      if (!arrival || arrival.status !== 'active') return fail('not-found', 'the patient of this transfer is not on this unit', { reason: 'patient-left' });
      if (arrival.bed !== null) return fail('conflict', 'the patient already has a bed', { reason: 'patient-has-bed' });
      const bed = chooseBed(ctx, transfer, input.bed, ['free']);
      if (!bed.ok) return bed;
      const edits: RecordEdit[] = [
        { c: 'stay', id: arrival.id, fields: { bed: bed.value.toBed } },
        { c: 'bed', id: bed.value.toBed as string, fields: { status: 'occupied' } },
      ];
      return ok({ edits, transfer: bed.value });
    }),
} satisfies { [K in FlowBoardCommandName]: Handler<K> };

/**
 * Who took a step, as the transfer records it for the other unit. Every step needs an unlocked
 * session (commands/access.ts, enforced before any handler), so this is the staff member's name;
 * null only for a caller inside the process that bypassed the door.
 */
function staffName(ctx: CommandContext): string | null {
  return ctx.staff?.name ?? null;
}

function unitKind(ctx: CommandContext): string | undefined {
  return (ctx.store.db.prepare('SELECT kind FROM unit WHERE id = ? AND deleted = 0').get(ctx.unit) as { kind: string } | undefined)?.kind;
}

type StepOutcome = Result<{ edits: RecordEdit[]; transfer: Record<string, FieldValue> }>;

/**
 * Runs one step: the transfer must exist here and the state machine must allow this unit the step;
 * then this unit's own edits and the transfer's fields are committed together, the transfer last,
 * so whoever reads the change log in order sees the side effects before the step that caused them.
 */
function step(
  ctx: CommandContext,
  id: string,
  name: TransferStep,
  build: (transfer: TransferRow, at: string, side: Side) => StepOutcome,
): Result<Created> {
  const transfer = readTransfer(ctx.store.db, id);
  if (!transfer) return fail('not-found', `no transfer ${id} here`, { reason: 'transfer-unknown' });
  const allowed = checkStep(transfer, ctx.unit, name);
  if (!allowed.ok) return fail('conflict', allowed.message, { reason: 'transfer-step', state: transferState(transfer) });
  const at = ctx.now().toISOString();
  const built = build(transfer, at, allowed.side);
  if (!built.ok) return built;
  const detail = `${transferState(transfer)} -> ${String(built.value.transfer.status ?? transferState(transfer))}`;
  ctx.store.commit({ actor: ctx.actor, action: `transfer.${name}`, collection: 'transfer', record: id, detail }, [
    ...built.value.edits,
    { c: 'transfer', id, fields: built.value.transfer },
  ]);
  return ok({ id });
}

/**
 * The receiving unit's bed for a transfer: required on a unit with beds, must be in one of
 * `statuses`, hold nobody, and not be promised to another open transfer. Null on a list unit.
 */
function chooseBed(
  ctx: CommandContext,
  transfer: TransferRow,
  label: string | undefined,
  statuses: readonly string[],
): Result<{ toBed: string | null; toBedLabel: string | null }> {
  if (!placesInBeds(unitKind(ctx))) return ok({ toBed: null, toBedLabel: null });
  if (label === undefined) return fail('invalid-input', 'bed: choose the bed the patient will have', { reason: 'bed-required' });
  const bed = bedOf(ctx.store.db, ctx.unit, label);
  if (!bed) return fail('not-found', `bed ${label} does not exist`, { reason: 'bed-unknown', bed: label });
  if (bed.taken || !statuses.includes(bed.status)) {
    const status = bed.taken ? 'occupied' : bed.status;
    return fail('conflict', `bed ${label} is ${status}, not ${statuses.join(' or ')}`, { reason: 'bed-not-free', bed: label, status });
  }
  const promised = ctx.store.db
    .prepare(
      "SELECT id FROM transfer WHERE toUnit = ? AND toBed = ? AND id != ? AND deleted = 0 AND completedAt IS NULL AND cancelledAt IS NULL AND declinedAt IS NULL",
    )
    .get(ctx.unit, bed.id, transfer.id);
  if (promised) return fail('conflict', `bed ${label} is promised to another transfer`, { reason: 'bed-promised', bed: label });
  return ok({ toBed: bed.id, toBedLabel: bed.label });
}
