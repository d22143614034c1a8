/**
 * Handlers of the ward board's commands (shared/api/commands/ward.ts). Who may ask is checked
 * before they run (commands/access.ts, sessions.authorize); each reads, or commits one edit.
 */

import type { RevealedStay, ShiftRef } from '../../shared/api/commands/ward.js';
import { OFFLINE_STATUS, type WardCommandName } from '../../shared/api/contract.js';
import { fail, ok, type Result } from '../../shared/api/result.js';
import type { FieldValue } from '../../shared/domain/schema.js';
import { unitLookups } from '../store/read-model.js';
import { readAuditLog } from './audit-log.js';
import { readCapacity } from './capacity-view.js';
import { newId, type CommandContext, type Handler } from '../replica/command-context.js';
import type { Db } from '../store/database.js';
import { readWardState, readWardTasks } from './corridor-state.js';
import { acknowledgeHandover, defaultHandoverShift, readHandover, writeHandoverNotes } from './handover.js';
import { shiftSpan } from '../../shared/time/oslo.js';
import { checkPin, findStaff, removeStaff, saveStaff, unitLeaderCount } from '../staff/pin-lock.js';
import { listStaff, lockedUntil, pinGuardUntil, recordFailure, recordSuccess, releaseStaff } from '../staff/pin-lockout.js';
import { closeSession, closeSessionsOf, firstReveal, openSession, verifySession } from '../staff/sessions.js';
import { writeStaffing } from './staffing.js';
import { createFromTemplate, reopenTask, taskTemplates } from './task-templates.js';
import { readSettings, writeSettings } from './ward-settings.js';
import { refuseExpectedDischarge } from './stay-dates.js';


export const wardCommands = {
  'ward.state': (ctx) => ok(readWardState(ctx.store.db, ctx.unit, ctx.now())),
  'ward.tasks': (ctx, input) => ok(readWardTasks(ctx.store.db, ctx.unit, input.ids, ctx.now())),
  'ward.settings': (ctx) => ok(readSettings(ctx.store.db)),
  'ward.configure': (ctx, changes) => {
    const settings = writeSettings(ctx.store.db, changes);
    ctx.store.audit({ actor: ctx.actor, action: 'ward.configure', detail: JSON.stringify(changes) });
    return ok(settings);
  },
  'sync.state': (ctx) => ok(ctx.syncStatus?.() ?? OFFLINE_STATUS),

  'staff.list': (ctx) => ok(listStaff(ctx.store.db, ctx.now())),
  'staff.set': (ctx, input) => {
    const db = ctx.store.db;
    // First-run setup (access.ts lets it through without a session while the board has no unit
    // leader; IT does it over the loopback API) may add only that unit leader.
    if (ctx.staff === null && input.role !== 'unit-leader') return fail('conflict', 'set up a unit leader first: the board has none', { reason: 'no-unit-leader' });
    const actor = ctx.actor;
    const existing = input.id === undefined ? undefined : findStaff(db, input.id);
    if (!existing && input.pin === undefined) return fail('invalid-input', 'pin: a new staff member needs a PIN', { reason: 'pin-required' });
    if (existing?.role === 'unit-leader' && input.role !== 'unit-leader' && unitLeaderCount(db) === 1) {
      return fail('conflict', 'the board needs at least one unit leader', { reason: 'last-unit-leader' });
    }
    const id = existing?.id ?? input.id ?? newId();
    saveStaff(db, { id, name: input.name, role: input.role }, input.pin, ctx.now());
    if (existing && (existing.role !== input.role || input.pin !== undefined)) closeSessionsOf(ctx.store, id);
    ctx.store.audit({
      actor,
      action: existing ? 'staff.update' : 'staff.add',
      record: id,
      detail: `${input.name} (${input.role})${input.pin === undefined ? '' : ', new PIN'}`,
    });
    return ok({ id });
  },
  'staff.remove': (ctx, input) => {
    const target = findStaff(ctx.store.db, input.id);
    if (!target) return fail('not-found', `no staff member ${input.id} on this board`, { reason: 'staff-unknown' });
    if (target.role === 'unit-leader' && unitLeaderCount(ctx.store.db) === 1) return fail('conflict', 'the board needs at least one unit leader', { reason: 'last-unit-leader' });
    removeStaff(ctx.store.db, target.id, ctx.now());
    closeSessionsOf(ctx.store, target.id);
    ctx.store.audit({ actor: ctx.actor, action: 'staff.remove', record: target.id, detail: target.name });
    return ok({ id: target.id });
  },
  'staff.release': (ctx, input) => {
    const target = findStaff(ctx.store.db, input.id);
    if (!target) return fail('not-found', `no staff member ${input.id} on this board`, { reason: 'staff-unknown' });
    releaseStaff(ctx.store.db, target.id);
    ctx.store.audit({ actor: ctx.actor, action: 'staff.release', record: target.id, detail: target.name });
    return ok({ id: target.id });
  },

  'session.unlock': (ctx, input) => {
    const db = ctx.store.db;
    const now = ctx.now();
    const settings = readSettings(db);
    // A stream of wrong PINs is slowed board-wide, and locks only the staff member it was tried for.
    const wait = pinGuardUntil(db, now) ?? lockedUntil(db, input.staffId, now);
    if (wait) return lockedOut(wait, now);
    const staff = checkPin(db, input.staffId, input.pin);
    if (!staff) {
      const tried = findStaff(db, input.staffId);
      const until = recordFailure(db, tried?.id, now, settings);
      ctx.store.audit({ actor: tried?.name ?? 'unknown', action: until ? 'session.lockout' : 'session.unlock-failed', record: tried?.id, detail: `screen ${input.screen}` });
      return until ? lockedOut(until, now) : fail('unauthorized', 'wrong PIN', { reason: 'wrong-pin' });
    }
    recordSuccess(db, staff.id);
    const { token, expiresAt } = openSession(ctx.store, staff, input.screen, now);
    ctx.store.audit({ actor: staff.name, action: 'session.unlock', detail: `${staff.role}, screen ${input.screen}` });
    return ok({ token, staff, relockSeconds: settings.relockSeconds, expiresAt: expiresAt.toISOString() });
  },
  'session.touch': (ctx, input) => {
    const session = verifySession(ctx.store, input.session, ctx.now());
    if (!session) return fail('unauthorized', 'the screen has locked again', { reason: 'session-ended' });
    return ok({ expiresAt: new Date(session.expiresAt).toISOString() });
  },
  'session.lock': (ctx, input) => {
    const staff = closeSession(ctx.store, input.session);
    if (staff) ctx.store.audit({ actor: staff.name, action: 'session.lock', detail: `${input.reason ?? 'manual'}, screen ${input.session.screen}` });
    return ok({ locked: true as const });
  },

  'stay.reveal': (ctx, input) => {
    if (input.includeShielded && (input.stayIds.length !== 1 || input.overview)) {
      return fail('invalid-input', 'includeShielded: a shielded patient is revealed on its own, one at a time', { reason: 'shielded-alone' });
    }
    if (input.overview) return revealOverview(ctx, input.stayIds);
    if (input.stayIds.length !== 1) {
      return fail('invalid-input', 'stayIds: a reveal names one patient (the card tapped); overview: true shows all on a staff-room screen', { reason: 'reveal-one-at-a-time' });
    }
    const row = readRevealable(ctx.store.db, ctx.unit, input.stayIds[0]);
    if (!row) return ok([]);
    const shielded = row.shielded === 1;
    if (shielded && !input.includeShielded) return ok([{ id: row.id, shielded, name: null, birthDate: null, note: null }]);
    // One entry per patient and session, as the national access log has it: who looked at whose
    // record, when, where. A shielded patient's every deliberate second tap is its own entry.
    if (shielded || !ctx.session || firstReveal(ctx.store, ctx.session, row.id)) {
      ctx.store.audit({ actor: ctx.actor, action: 'stay.reveal', collection: 'stay', record: row.id, detail: shielded ? 'shielded' : undefined });
    }
    return ok([{ id: row.id, shielded, name: row.name, birthDate: row.birthDate, note: row.note }]);
  },
  'stay.note': (ctx, input) => {
    const stay = unitLookups(ctx.store.db, ctx.unit).activeStay(input.stayId);
    if (!stay) return fail('not-found', `no active stay ${input.stayId} on this unit`, { reason: 'stay-unknown' });
    ctx.store.commit({ actor: ctx.actor, action: 'stay.note', collection: 'stay', record: stay.id }, [
      { c: 'stay', id: stay.id, fields: { note: input.note === '' ? null : input.note } },
    ]);
    return ok({ id: stay.id });
  },
  'stay.plan': (ctx, input) => {
    const stay = unitLookups(ctx.store.db, ctx.unit).activeStay(input.stayId);
    if (!stay) return fail('not-found', `no active stay ${input.stayId} on this unit`, { reason: 'stay-unknown' });
    const fields: Record<string, FieldValue> = {};
    if (input.nurse !== undefined) fields.nurse = input.nurse === '' ? null : input.nurse;
    if (input.expectedDischarge !== undefined) {
      const refused = refuseExpectedDischarge(input.expectedDischarge, stay.admittedAt);
      if (refused) return refused;
      fields.expectedDischarge = input.expectedDischarge;
    }
    if (input.adl !== undefined) fields.adl = input.adl;
    if (Object.keys(fields).length === 0) return fail('invalid-input', 'nothing to change: give nurse, expectedDischarge or adl', { reason: 'nothing-to-change' });
    ctx.store.commit(
      { actor: ctx.actor, action: 'stay.plan', collection: 'stay', record: stay.id, detail: Object.keys(fields).join(',') },
      [{ c: 'stay', id: stay.id, fields }],
    );
    return ok({ id: stay.id });
  },

  'task.templates': (_ctx, input) => ok(taskTemplates(input.language)),
  // Quick actions that work on a locked screen too (access.ts): ctx.actor is the session's staff
  // member, or the board itself.
  'task.fromTemplate': (ctx, input) => createFromTemplate(ctx, input),
  'task.reopen': (ctx, input) => reopenTask(ctx, input.id),

  'capacity.view': (ctx, input) => ok(readCapacity(ctx.store.db, ctx.unit, ctx.now(), input.days)),
  'staffing.set': (ctx, input) => {
    if (input.planned === undefined && input.present === undefined) return fail('invalid-input', 'give planned, present or both', { reason: 'nothing-to-change' });
    return ok(writeStaffing(ctx, input));
  },

  'handover.view': (ctx, input) => {
    const now = ctx.now();
    let ref: ShiftRef;
    if (input.date !== undefined && input.shift !== undefined) ref = shiftSpan(input.date, input.shift);
    else if (input.date === undefined && input.shift === undefined) ref = defaultHandoverShift(now);
    else return fail('invalid-input', 'give both date and shift, or neither');
    return ok(readHandover(ctx.store.db, ctx.unit, ref, now, ctx.staff !== null));
  },
  'handover.setNotes': (ctx, input) => {
    return ok(writeHandoverNotes(ctx, input));
  },
  'handover.acknowledge': (ctx, input) => {
    return acknowledgeHandover(ctx, input, ctx.actor);
  },

  'audit.list': (ctx, input) => {
    ctx.store.audit({ actor: ctx.actor, action: 'audit.read' });
    return ok(readAuditLog(ctx.store.db, ctx.store.board, input.limit ?? 200, input.before));
  },
} satisfies { [K in WardCommandName]: Handler<K> };

interface RevealRow {
  id: string;
  name: string | null;
  birthDate: string | null;
  note: string | null;
  shielded: number | null;
}

function readRevealable(db: Db, unit: string, id: string): RevealRow | undefined {
  return db
    .prepare("SELECT id, name, birthDate, note, shielded FROM stay WHERE id = ? AND unit = ? AND deleted = 0 AND status = 'active'")
    .get(id, unit) as RevealRow | undefined;
}

/**
 * A staff-room screen's overview (`revealAll`): the names of the unit's patients asked for, no
 * birth date or note (those come with the card, logged per patient), shielded ones never, under
 * one audit entry for the look at the whole overview.
 */
function revealOverview(ctx: CommandContext, stayIds: readonly string[]): Result<RevealedStay[]> {
  if (!readSettings(ctx.store.db).revealAll) {
    return fail('forbidden', 'overview: this screen is not set to show every name (ward.configure revealAll)', { reason: 'reveal-all-off' });
  }
  const revealed = [...new Set(stayIds)].flatMap((id): RevealedStay[] => {
    const row = readRevealable(ctx.store.db, ctx.unit, id);
    if (!row) return [];
    const shielded = row.shielded === 1;
    return [{ id: row.id, shielded, name: shielded ? null : row.name, birthDate: null, note: null }];
  });
  const named = revealed.filter((stay) => stay.name !== null).length;
  if (named > 0) ctx.store.audit({ actor: ctx.actor, action: 'stay.reveal-overview', detail: String(named) });
  return ok(revealed);
}

function lockedOut(until: Date, now: Date) {
  const seconds = Math.ceil((until.getTime() - now.getTime()) / 1000);
  return fail('locked-out', `too many wrong PINs: try again in ${seconds} s (at ${until.toISOString()})`, { reason: 'pin-locked', until: until.toISOString() });
}
