/** The handlers of a unit's core commands: each checks the unit's state, then commits one edit. */

import type { UnitCommandName } from '../../shared/api/contract.js';
import { fail, ok } from '../../shared/api/result.js';
import type { FieldValue } from '../../shared/domain/schema.js';
import { LIST_UNIT_KINDS } from '../../shared/domain/types.js';
import type { RecordEdit } from '../store/field-store.js';
import { readUnitState, unitLookups } from '../store/read-model.js';
import { newId, type CommandContext, type Handler } from '../replica/command-context.js';
import { corridorUnitState } from '../ward/corridor-state.js';
import { refuseAdmissionDates } from '../ward/stay-dates.js';
import { bedFreedBy, cleaningEdits } from './bed-cleaning.js';
import { admissionPathways } from '../pathway/pathway-commands.js';

/** A virtual ward's beds: V1..VN (docs/virtual-ward.md). */
const virtualBedLabels = (count: number): string[] => Array.from({ length: count }, (_, i) => `V${i + 1}`);

export const unitCommands = {
  // Names only ever reach a screen through stay.reveal with an unlocked session (ward commands).
  'unit.state': (ctx) => ok(corridorUnitState(readUnitState(ctx.store.db, ctx.unit))),

  'unit.configure': (ctx, input) => {
    if ((input.kind === 'shared-reception') !== (input.organisations !== undefined)) {
      return fail('invalid-input', 'organisations: two or more for a shared reception, and for no other kind', { reason: 'organisations-kind' });
    }
    const state = readUnitState(ctx.store.db, ctx.unit);
    const beds = input.virtualBeds === undefined ? input.beds : virtualBedLabels(input.virtualBeds).map((label) => ({ label, room: label }));
    const wanted = new Set(beds.map((bed) => bed.label));
    const occupiedRemoved = state.beds.filter((bed) => !wanted.has(bed.label) && bed.status === 'occupied');
    if (occupiedRemoved.length > 0) {
      return fail('conflict', `bed ${occupiedRemoved[0].label} is occupied and cannot be removed`, { reason: 'bed-in-use', bed: occupiedRemoved[0].label });
    }
    const edits: RecordEdit[] = [
      {
        c: 'unit',
        id: ctx.unit,
        fields: {
          municipality: ctx.municipality,
          name: input.name,
          kind: input.kind,
          capacity: input.capacity ?? beds.length,
          ...(input.cleaningMinutes === undefined ? {} : { cleaningMinutes: input.cleaningMinutes }),
          ...(input.alarmAcceptMinutes === undefined
            ? {}
            : { alarmAcceptRed: input.alarmAcceptMinutes.red, alarmAcceptYellow: input.alarmAcceptMinutes.yellow, alarmAcceptGreen: input.alarmAcceptMinutes.green }),
          ...(input.organisations === undefined ? {} : { organisations: input.organisations.join(',') }),
          ...(input.receptionTargets === undefined ? {} : { receptionTargets: JSON.stringify(input.receptionTargets) }),
          deleted: false,
        },
      },
    ];
    const byLabel = new Map(state.beds.map((bed) => [bed.label, bed]));
    beds.forEach((bed, sort) => {
      const existing = byLabel.get(bed.label);
      const fields: Record<string, FieldValue> = { room: bed.room ?? bed.label, sort };
      if (!existing) Object.assign(fields, { unit: ctx.unit, label: bed.label, status: 'free', deleted: false });
      edits.push({ c: 'bed', id: existing?.id ?? newId(), fields });
    });
    for (const bed of state.beds) {
      if (!wanted.has(bed.label)) edits.push({ c: 'bed', id: bed.id, fields: { deleted: true } });
    }
    ctx.store.commit({ actor: ctx.actor, action: 'unit.configure', collection: 'unit', record: ctx.unit }, edits);
    return ok({ id: ctx.unit });
  },

  'stay.admit': (ctx, input) => {
    const lookup = unitLookups(ctx.store.db, ctx.unit);
    const unit = lookup.unit();
    if (!unit) return fail('conflict', 'the unit is not configured yet (unit.configure)', { reason: 'unit-not-configured' });
    const listUnit = LIST_UNIT_KINDS.includes(unit.kind);
    const bed = input.bed === undefined ? undefined : lookup.bedByLabel(input.bed);
    if (!listUnit && input.bed === undefined) return fail('invalid-input', 'bed: required on a unit with beds', { reason: 'bed-required' });
    if (input.bed !== undefined && !bed) return fail('not-found', `bed ${input.bed} does not exist`, { reason: 'bed-unknown', bed: input.bed });
    if (bed && bed.status !== 'free') return fail('conflict', `bed ${bed.label} is ${bed.status}, not free`, { reason: 'bed-not-free', bed: bed.label, status: bed.status });
    const refused = refuseAdmissionDates(input, ctx.now());
    if (refused) return refused;
    const id = newId();
    const fields: Record<string, FieldValue> = {
      unit: ctx.unit,
      bed: bed?.id ?? null,
      initials: input.initials.toUpperCase(),
      name: input.name,
      birthDate: input.birthDate,
      adl: input.adl ?? null,
      nurse: input.nurse ?? null,
      admittedAt: new Date(input.admittedAt ?? ctx.now()).toISOString(),
      expectedDischarge: input.expectedDischarge ?? null,
      shielded: input.shielded ?? false,
      status: 'active',
      deleted: false,
      ...input.flags,
    };
    const edits: RecordEdit[] = [{ c: 'stay', id, fields }];
    if (bed) edits.push({ c: 'bed', id: bed.id, fields: { status: 'occupied' } });
    // An admission starts the unit's admission pathways (docs/pathways.md), in the same commit.
    edits.push(...admissionPathways(ctx, unit.kind, id, fields.admittedAt as string));
    ctx.store.commit({ actor: ctx.actor, action: 'stay.admit', collection: 'stay', record: id }, edits);
    return ok({ id });
  },

  'stay.setFlag': (ctx, input) => {
    const stay = unitLookups(ctx.store.db, ctx.unit).activeStay(input.stayId);
    if (!stay) return fail('not-found', `no active stay ${input.stayId} on this unit`, { reason: 'stay-unknown' });
    ctx.store.commit(
      { actor: ctx.actor, action: 'stay.setFlag', collection: 'stay', record: stay.id, detail: `${input.flag}=${input.value}` },
      [{ c: 'stay', id: stay.id, fields: { [input.flag]: input.value } }],
    );
    return ok({ id: stay.id });
  },

  'stay.discharge': (ctx, input) => {
    const stay = unitLookups(ctx.store.db, ctx.unit).activeStay(input.stayId);
    if (!stay) return fail('not-found', `no active stay ${input.stayId} on this unit`, { reason: 'stay-unknown' });
    const now = ctx.now().toISOString();
    const edits: RecordEdit[] = [{ c: 'stay', id: stay.id, fields: { status: 'discharged', dischargedAt: now } }];
    const bed = stay.bed === null ? undefined : readBed(ctx, stay.bed);
    if (bed) edits.push(...cleaningEdits(ctx.store.db, { unit: ctx.unit, bed, at: now, taskId: newId() }));
    ctx.store.commit({ actor: ctx.actor, action: 'stay.discharge', collection: 'stay', record: stay.id }, edits);
    return ok({ id: stay.id });
  },

  'bed.setStatus': (ctx, input) => {
    const lookup = unitLookups(ctx.store.db, ctx.unit);
    const bed = lookup.bedByLabel(input.bed);
    if (!bed) return fail('not-found', `bed ${input.bed} does not exist`, { reason: 'bed-unknown', bed: input.bed });
    const holder = lookup.stayInBed(bed.id);
    if (holder && input.status !== 'occupied') {
      return fail('conflict', `bed ${bed.label} holds a patient: discharge or move the patient first`, { reason: 'bed-holds-patient', bed: bed.label });
    }
    if (!holder && input.status === 'occupied') return fail('conflict', 'admit a patient to occupy a bed', { reason: 'bed-occupied-by-admission' });
    ctx.store.commit(
      { actor: ctx.actor, action: 'bed.setStatus', collection: 'bed', record: bed.id, detail: input.status },
      [{ c: 'bed', id: bed.id, fields: { status: input.status } }],
    );
    return ok({ id: bed.id });
  },

  'task.create': (ctx, input) => {
    if (input.stayId !== undefined) {
      const stay = unitLookups(ctx.store.db, ctx.unit).activeStay(input.stayId);
      if (!stay) return fail('not-found', `no active stay ${input.stayId} on this unit`, { reason: 'stay-unknown' });
    }
    const id = newId();
    ctx.store.commit({ actor: ctx.actor, action: 'task.create', collection: 'task', record: id }, [
      {
        c: 'task',
        id,
        fields: {
          unit: ctx.unit,
          stay: input.stayId ?? null,
          title: input.title,
          due: input.due === undefined ? null : new Date(input.due).toISOString(),
          recurrenceMinutes: input.recurrenceMinutes ?? null,
          status: 'open',
          createdAt: ctx.now().toISOString(),
          deleted: false,
        },
      },
    ]);
    return ok({ id });
  },

  'task.complete': (ctx, input) => {
    const task = unitLookups(ctx.store.db, ctx.unit).task(input.id);
    if (!task) return fail('not-found', `no task ${input.id} on this unit`, { reason: 'task-unknown' });
    if (task.status !== 'open') return fail('conflict', `task is already ${task.status}`, { reason: 'task-not-open', status: task.status });
    const now = ctx.now();
    const edits: RecordEdit[] = [
      // Done on a locked screen: doneBy stays null ("done on the board"), never a name nobody proved.
      { c: 'task', id: task.id, fields: { status: 'done', doneBy: ctx.staff?.name ?? null, doneAt: now.toISOString() } },
    ];
    const freed = bedFreedBy(ctx.store.db, task.id);
    if (freed) edits.push(freed);
    if (task.recurrenceMinutes !== null) {
      const from = task.due === null ? now : new Date(task.due);
      // The next round means what this one meant: it keeps the template code.
      const { template } = ctx.store.db.prepare('SELECT template FROM task WHERE id = ?').get(task.id) as { template: string | null };
      edits.push({
        c: 'task',
        id: newId(),
        fields: {
          unit: task.unit,
          stay: task.stay,
          title: task.title,
          template,
          due: new Date(from.getTime() + task.recurrenceMinutes * 60_000).toISOString(),
          recurrenceMinutes: task.recurrenceMinutes,
          status: 'open',
          createdAt: now.toISOString(),
          deleted: false,
        },
      });
    }
    ctx.store.commit({ actor: ctx.actor, action: 'task.complete', collection: 'task', record: task.id }, edits);
    return ok({ id: task.id });
  },
} satisfies { [K in UnitCommandName]: Handler<K> };

function readBed(ctx: CommandContext, bedId: string): { id: string; label: string } | undefined {
  return ctx.store.db.prepare('SELECT id, label FROM bed WHERE id = ? AND deleted = 0').get(bedId) as
    | { id: string; label: string }
    | undefined;
}
