/**
 * Handlers of the home-care base station's commands (shared/api/commands/homecare.ts): plan a
 * visit (or a recurring series of them), start, complete with an outcome, assign to a carer or a
 * route; the day by route; a patient's key box and access notes, revealed and audited per patient.
 */

import type { HomecareCommandName, VisitOutcome } from '../../shared/api/commands/homecare.js';
import { fail, ok, type Result } from '../../shared/api/result.js';
import type { FieldValue } from '../../shared/domain/schema.js';
import type { RecordEdit } from '../store/field-store.js';
import { unitLookups } from '../store/read-model.js';
import { newId, type CommandContext, type Handler } from '../replica/command-context.js';
import { readHomecareDay } from './homecare-day.js';
import { recurringWindows, VISIT_TEMPLATES, visitTemplate } from './visit-templates.js';

interface VisitRow {
  id: string;
  startedAt: string | null;
  outcome: VisitOutcome | null;
}

function findVisit(ctx: CommandContext, id: string): VisitRow | undefined {
  return ctx.store.db.prepare('SELECT id, startedAt, outcome FROM visit WHERE unit = ? AND id = ? AND deleted = 0').get(ctx.unit, id) as VisitRow | undefined;
}

/** The visit, open (no outcome yet), or the refusal to show. */
function openVisit(ctx: CommandContext, id: string): Result<VisitRow> {
  const visit = findVisit(ctx, id);
  if (!visit) return fail('not-found', `no visit ${id} on this unit`, { reason: 'visit-unknown' });
  if (visit.outcome !== null) return fail('conflict', `visit ${id} is already ${visit.outcome}`, { reason: 'visit-completed', outcome: visit.outcome });
  return ok(visit);
}

const isHomeCare = (ctx: CommandContext) => unitLookups(ctx.store.db, ctx.unit).unit()?.kind === 'home-care';

export const homecareCommands = {
  'visit.templates': () => ok([...VISIT_TEMPLATES]),

  'visit.plan': (ctx, input) => {
    if (!isHomeCare(ctx)) return fail('conflict', 'visits are planned on a home-care unit', { reason: 'not-home-care' });
    const stay = unitLookups(ctx.store.db, ctx.unit).activeStay(input.stayId);
    if (!stay) return fail('not-found', `no active stay ${input.stayId} on this unit`, { reason: 'stay-unknown' });
    const template = input.template === undefined ? undefined : visitTemplate(input.template);
    if (input.template !== undefined && !template) return fail('not-found', `no visit template ${input.template}`, { reason: 'template-unknown' });
    const windows = recurringWindows(input.from, input.to, input.recurrence);
    const series = input.recurrence ? newId() : null;
    const createdAt = ctx.now().toISOString();
    const edits: RecordEdit[] = windows.map((window) => ({
      c: 'visit',
      id: newId(),
      fields: {
        unit: ctx.unit,
        stay: stay.id,
        windowStart: window.from,
        windowEnd: window.to,
        title: input.title ?? null,
        template: template?.id ?? null,
        series,
        staffCount: input.staffCount ?? template?.staffCount ?? 1,
        route: input.route ?? null,
        routeOrder: input.order ?? null,
        staff: input.staff ?? null,
        createdAt,
      },
    }));
    const ids = edits.map((edit) => edit.id);
    const detail = `${windows[0].from}–${windows[0].to}${windows.length > 1 ? `, ${windows.length} visits` : ''}`;
    ctx.store.commit({ actor: ctx.actor, action: 'visit.plan', collection: 'visit', record: ids[0], detail }, edits);
    return ok({ id: ids[0], ids });
  },

  'visit.start': (ctx, input) => {
    const visit = openVisit(ctx, input.id);
    if (!visit.ok) return visit;
    if (visit.value.startedAt !== null) return fail('conflict', `visit ${input.id} has already started`, { reason: 'visit-started' });
    ctx.store.commit({ actor: ctx.actor, action: 'visit.start', collection: 'visit', record: input.id }, [
      { c: 'visit', id: input.id, fields: { startedAt: ctx.now().toISOString(), startedBy: ctx.actor } },
    ]);
    return ok({ id: input.id });
  },

  'visit.complete': (ctx, input) => {
    const visit = openVisit(ctx, input.id);
    if (!visit.ok) return visit;
    const now = ctx.now().toISOString();
    const fields: Record<string, FieldValue> = { outcome: input.outcome, completedAt: now, completedBy: ctx.actor };
    // Reported done without a start: it started when it was reported, so a report after the window counts late.
    if (input.outcome === 'done' && visit.value.startedAt === null) Object.assign(fields, { startedAt: now, startedBy: ctx.actor });
    if (input.note !== undefined && input.note !== '') fields.note = input.note;
    ctx.store.commit({ actor: ctx.actor, action: 'visit.complete', collection: 'visit', record: input.id, detail: input.outcome }, [
      { c: 'visit', id: input.id, fields },
    ]);
    return ok({ id: input.id });
  },

  'visit.assign': (ctx, input) => {
    const visit = openVisit(ctx, input.id);
    if (!visit.ok) return visit;
    const fields: Record<string, FieldValue> = {};
    if (input.staff !== undefined) fields.staff = input.staff;
    if (input.route !== undefined) fields.route = input.route;
    if (input.order !== undefined) fields.routeOrder = input.order;
    ctx.store.commit({ actor: ctx.actor, action: 'visit.assign', collection: 'visit', record: input.id, detail: JSON.stringify(fields) }, [
      { c: 'visit', id: input.id, fields },
    ]);
    return ok({ id: input.id });
  },

  'homecare.day': (ctx, input) => ok(readHomecareDay(ctx.store.db, ctx.unit, ctx.now(), input.date)),

  'homecare.access': (ctx, input) => {
    const row = ctx.store.db
      .prepare("SELECT id, keyBox, accessNote FROM stay WHERE id = ? AND unit = ? AND deleted = 0 AND status = 'active'")
      .get(input.stayId, ctx.unit) as { id: string; keyBox: string | null; accessNote: string | null } | undefined;
    if (!row) return fail('not-found', `no active stay ${input.stayId} on this unit`, { reason: 'stay-unknown' });
    // One entry per patient, as stay.reveal writes for names: who saw whose key box, when, where.
    ctx.store.audit({ actor: ctx.actor, action: 'homecare.access', collection: 'stay', record: row.id });
    return ok({ stayId: row.id, keyBox: row.keyBox, accessNote: row.accessNote });
  },

  'homecare.setAccess': (ctx, input) => {
    const stay = unitLookups(ctx.store.db, ctx.unit).activeStay(input.stayId);
    if (!stay) return fail('not-found', `no active stay ${input.stayId} on this unit`, { reason: 'stay-unknown' });
    const fields: Record<string, FieldValue> = {};
    if (input.keyBox !== undefined) fields.keyBox = input.keyBox === '' ? null : input.keyBox;
    if (input.accessNote !== undefined) fields.accessNote = input.accessNote === '' ? null : input.accessNote;
    if (Object.keys(fields).length === 0) return fail('invalid-input', 'give keyBox or accessNote', { reason: 'nothing-to-change' });
    ctx.store.commit({ actor: ctx.actor, action: 'homecare.setAccess', collection: 'stay', record: stay.id }, [{ c: 'stay', id: stay.id, fields }]);
    return ok({ id: stay.id });
  },
} satisfies { [K in HomecareCommandName]: Handler<K> };
