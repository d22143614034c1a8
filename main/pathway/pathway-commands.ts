/**
 * The handlers of pathway commands (docs/pathways.md): the unit's own templates, starting a
 * pathway for a patient, recording a step done or not applicable, and the list with deadlines.
 * Every edit is one commit of ordinary synced records, so pathways work offline like the rest.
 */

import type { PathwayCommandName } from '../../shared/api/contract.js';
import { fail, ok, type Result } from '../../shared/api/result.js';
import type { UnitKind } from '../../shared/domain/types.js';
import { IPLOS_MEASURES } from '../../shared/indicators/iplos.js';
import { EXAMPLE_PATHWAYS, type PathwayTemplate } from '../../shared/pathway/pathway-templates.js';
import type { RecordEdit } from '../store/field-store.js';
import { unitLookups } from '../store/read-model.js';
import { newId, type CommandContext, type Handler } from '../replica/command-context.js';
import { taskTemplates } from '../ward/task-templates.js';
import { listPathways, stepRecordId, unitTemplates } from './pathway-view.js';

const kindOf = (ctx: CommandContext): UnitKind | null => unitLookups(ctx.store.db, ctx.unit).unit()?.kind ?? null;

function offered(ctx: CommandContext, templateId: string): PathwayTemplate | undefined {
  return unitTemplates(ctx.store.db, ctx.unit, kindOf(ctx)).find((template) => template.id === templateId);
}

/** The edits that start `template` for a stay at `startedAt` (also used when an admission starts one by itself). */
export function startEdits(ctx: CommandContext, stayId: string, template: PathwayTemplate, startedAt: string): RecordEdit {
  return {
    c: 'pathway',
    id: newId(),
    fields: { unit: ctx.unit, stay: stayId, template: template.id, startedAt, startedBy: ctx.actor, trigger: template.trigger, deleted: false },
  };
}

/** The pathways an admission to this unit starts by itself: the templates of trigger `admission` offered for its kind. */
export function admissionPathways(ctx: CommandContext, kind: UnitKind, stayId: string, at: string): RecordEdit[] {
  return unitTemplates(ctx.store.db, ctx.unit, kind)
    .filter((template) => template.trigger === 'admission')
    .map((template) => startEdits(ctx, stayId, template, at));
}

function findStep(ctx: CommandContext, pathwayId: string, stepId: string): Result<{ unit: string }> {
  const row = ctx.store.db.prepare('SELECT template FROM pathway WHERE unit = ? AND id = ? AND deleted = 0').get(ctx.unit, pathwayId) as { template: string } | undefined;
  if (!row) return fail('not-found', `pathway ${pathwayId} does not exist`, { reason: 'pathway-unknown' });
  const template = unitTemplates(ctx.store.db, ctx.unit, kindOf(ctx), { withRemoved: true }).find((candidate) => candidate.id === row.template);
  if (!template?.steps.some((step) => step.id === stepId)) return fail('not-found', `pathway ${pathwayId} has no step ${stepId}`, { reason: 'pathway-step-unknown' });
  return ok({ unit: ctx.unit });
}

const TASK_CODES = new Set(taskTemplates().map((template) => template.id));
const IPLOS_FIELDS = new Set(IPLOS_MEASURES.map((measure) => measure.iplosField));

export const pathwayCommands = {
  'pathway.templates': (ctx) => ok(unitTemplates(ctx.store.db, ctx.unit, kindOf(ctx))),

  'pathway.saveTemplate': (ctx, input) => {
    if (input.id !== undefined && EXAMPLE_PATHWAYS.some((example) => example.id === input.id)) {
      return fail('conflict', 'a shipped example cannot be changed; save it under a new name', { reason: 'pathway-example' });
    }
    for (const step of input.steps) {
      const code = step.completesWith;
      if (step.completes === 'iplos' && !IPLOS_FIELDS.has(code ?? '')) return fail('invalid-input', `no IPLOS field ${code}`, { reason: 'pathway-work-unknown', code: code ?? '' });
      if (step.completes === 'task' && !TASK_CODES.has(code ?? '')) return fail('invalid-input', `no task template ${code}`, { reason: 'pathway-work-unknown', code: code ?? '' });
    }
    const db = ctx.store.db;
    const id = input.id ?? newId();
    if (input.id !== undefined && !db.prepare('SELECT 1 FROM pathwayTemplate WHERE unit = ? AND id = ?').get(ctx.unit, input.id)) {
      return fail('not-found', `template ${input.id} does not exist`, { reason: 'pathway-template-unknown' });
    }
    const existing = new Set((db.prepare('SELECT id FROM pathwayTemplateStep WHERE unit = ? AND template = ? AND deleted = 0').all(ctx.unit, id) as { id: string }[]).map((row) => row.id));
    const edits: RecordEdit[] = [{ c: 'pathwayTemplate', id, fields: { unit: ctx.unit, name: input.name, trigger: input.trigger, deleted: false } }];
    const kept = new Set<string>();
    input.steps.forEach((step, sort) => {
      const stepId = step.id !== undefined && existing.has(step.id) ? step.id : newId();
      kept.add(stepId);
      edits.push({
        c: 'pathwayTemplateStep',
        id: stepId,
        fields: {
          unit: ctx.unit,
          template: id,
          title: step.title,
          offset: step.offset,
          days: step.days,
          role: step.role,
          completes: step.completes,
          completesWith: step.completesWith ?? null,
          sort,
          deleted: false,
        },
      });
    });
    for (const old of existing) if (!kept.has(old)) edits.push({ c: 'pathwayTemplateStep', id: old, fields: { deleted: true } });
    ctx.store.commit({ actor: ctx.actor, action: 'pathway.saveTemplate', collection: 'pathwayTemplate', record: id }, edits);
    return ok({ id });
  },

  'pathway.removeTemplate': (ctx, input) => {
    if (EXAMPLE_PATHWAYS.some((example) => example.id === input.id)) return fail('conflict', 'a shipped example cannot be removed', { reason: 'pathway-example' });
    if (!ctx.store.db.prepare('SELECT 1 FROM pathwayTemplate WHERE unit = ? AND id = ? AND deleted = 0').get(ctx.unit, input.id)) {
      return fail('not-found', `template ${input.id} does not exist`, { reason: 'pathway-template-unknown' });
    }
    ctx.store.commit({ actor: ctx.actor, action: 'pathway.removeTemplate', collection: 'pathwayTemplate', record: input.id }, [{ c: 'pathwayTemplate', id: input.id, fields: { deleted: true } }]);
    return ok({ id: input.id });
  },

  'pathway.start': (ctx, input) => {
    if (!unitLookups(ctx.store.db, ctx.unit).activeStay(input.stayId)) return fail('not-found', `no patient ${input.stayId} on this unit`, { reason: 'stay-unknown' });
    const template = offered(ctx, input.template);
    if (!template) return fail('not-found', `pathway template ${input.template} is not offered here`, { reason: 'pathway-template-unknown' });
    const running = ctx.store.db.prepare('SELECT 1 FROM pathway WHERE unit = ? AND stay = ? AND template = ? AND deleted = 0').get(ctx.unit, input.stayId, template.id);
    if (running) return fail('conflict', `the patient already has ${template.id} under way`, { reason: 'pathway-running' });
    const startedAt = input.startedAt === undefined ? ctx.now().toISOString() : new Date(input.startedAt).toISOString();
    const edit = startEdits(ctx, input.stayId, template, startedAt);
    ctx.store.commit({ actor: ctx.actor, action: 'pathway.start', collection: 'stay', record: input.stayId, detail: template.id }, [edit]);
    return ok({ id: edit.id });
  },

  'pathway.completeStep': (ctx, input) => {
    const found = findStep(ctx, input.pathwayId, input.stepId);
    if (!found.ok) return found;
    const id = stepRecordId(input.pathwayId, input.stepId);
    const held = ctx.store.db.prepare('SELECT doneAt FROM pathwayStep WHERE id = ?').get(id) as { doneAt: string | null } | undefined;
    if (held?.doneAt) return ok({ id }); // done once is done: the first time and person stand
    ctx.store.commit({ actor: ctx.actor, action: 'pathway.completeStep', collection: 'pathway', record: input.pathwayId, detail: input.stepId }, [
      { c: 'pathwayStep', id, fields: { unit: ctx.unit, pathway: input.pathwayId, step: input.stepId, doneAt: ctx.now().toISOString(), doneBy: ctx.actor, deleted: false } },
    ]);
    return ok({ id });
  },

  'pathway.skipStep': (ctx, input) => {
    const found = findStep(ctx, input.pathwayId, input.stepId);
    if (!found.ok) return found;
    const id = stepRecordId(input.pathwayId, input.stepId);
    ctx.store.commit({ actor: ctx.actor, action: 'pathway.skipStep', collection: 'pathway', record: input.pathwayId, detail: input.stepId }, [
      {
        c: 'pathwayStep',
        id,
        fields: { unit: ctx.unit, pathway: input.pathwayId, step: input.stepId, skippedAt: ctx.now().toISOString(), skippedBy: ctx.actor, skipReason: input.reason, deleted: false },
      },
    ]);
    return ok({ id });
  },

  'pathway.list': (ctx, input) =>
    ok(listPathways(ctx.store.db, ctx.unit, kindOf(ctx), ctx.now().getTime(), { stayId: input.stayId, withReasons: ctx.staff !== null })),
} satisfies { [K in PathwayCommandName]: Handler<K> };
