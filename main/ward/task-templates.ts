/**
 * Task templates (a new task in at most three taps: "new task", the template, the patient) and
 * undoing a completion. Both write through FieldStore.commit like every other edit. A task made
 * from a template carries its code (`task.template`): indicators and the bed loop read what a task
 * means from the code, never from its title.
 */

import type { Language, TaskTemplate } from '../../shared/api/commands/ward.js';
import { fail, ok, type Result } from '../../shared/api/result.js';
import type { Created } from '../../shared/api/schema-parts.js';
import type { RecordEdit } from '../store/field-store.js';
import { unitLookups } from '../store/read-model.js';
import { newId, type CommandContext } from '../replica/command-context.js';

interface TemplateSpec {
  id: string;
  title: Record<Language, string>;
  target: 'stay' | 'unit';
  dueInMinutes: number;
  recurrenceMinutes: number | null;
}

/** The ward's everyday tasks; recurring ones come back by themselves when completed. */
const TEMPLATES: readonly TemplateSpec[] = [
  { id: 'turn', title: { nb: 'Snu pasienten', en: 'Reposition the patient' }, target: 'stay', dueInMinutes: 30, recurrenceMinutes: 120 },
  { id: 'news2', title: { nb: 'NEWS2-måling', en: 'NEWS2 observations' }, target: 'stay', dueInMinutes: 30, recurrenceMinutes: 240 },
  { id: 'vitals', title: { nb: 'Mål blodtrykk og puls', en: 'Blood pressure and pulse' }, target: 'stay', dueInMinutes: 60, recurrenceMinutes: null },
  { id: 'fluids', title: { nb: 'Væskeregistrering', en: 'Fluid balance' }, target: 'stay', dueInMinutes: 60, recurrenceMinutes: 180 },
  { id: 'medicines', title: { nb: 'Gi medisiner', en: 'Give medicines' }, target: 'stay', dueInMinutes: 30, recurrenceMinutes: null },
  { id: 'mobilise', title: { nb: 'Mobilisering', en: 'Mobilise' }, target: 'stay', dueInMinutes: 60, recurrenceMinutes: null },
  { id: 'call-family', title: { nb: 'Ring pårørende', en: 'Call next of kin' }, target: 'stay', dueInMinutes: 60, recurrenceMinutes: null },
  { id: 'medicine-room', title: { nb: 'Sjekk medisinrommet', en: 'Check the medicine room' }, target: 'unit', dueInMinutes: 60, recurrenceMinutes: null },
  { id: 'fridge', title: { nb: 'Kontroller kjøleskapstemperatur', en: 'Check fridge temperature' }, target: 'unit', dueInMinutes: 30, recurrenceMinutes: 1440 },
  { id: 'supplies', title: { nb: 'Bestill varer', en: 'Order supplies' }, target: 'unit', dueInMinutes: 120, recurrenceMinutes: null },
  // The IPLOS measures a nursing home records (shared/indicators/iplos.ts reads these codes; a test checks each has one).
  { id: 'medication-review', title: { nb: 'Legemiddelgjennomgang', en: 'Medication review' }, target: 'stay', dueInMinutes: 1440, recurrenceMinutes: null },
  { id: 'nutrition-screening', title: { nb: 'Ernæringskartlegging', en: 'Nutrition screening' }, target: 'stay', dueInMinutes: 1440, recurrenceMinutes: null },
  { id: 'physician-assessment', title: { nb: 'Legevurdering', en: 'Physician assessment' }, target: 'stay', dueInMinutes: 1440, recurrenceMinutes: null },
  { id: 'dental-assessment', title: { nb: 'Tannhelsevurdering', en: 'Dental assessment' }, target: 'stay', dueInMinutes: 1440, recurrenceMinutes: null },
];

/** The code of the task that cleans a room after its patient left (made by a discharge or a transfer, never picked). */
export const CLEANING_TEMPLATE = 'clean-room';

/** The templates, titled in the screen's language. */
export function taskTemplates(language: Language = 'nb'): TaskTemplate[] {
  return TEMPLATES.map(({ title, ...rest }) => ({ ...rest, title: title[language] }));
}

/** Due times are rounded up to the next five minutes: "14:35", not "14:32". */
function dueFrom(now: Date, minutes: number): string {
  const step = 5 * 60_000;
  return new Date(Math.ceil((now.getTime() + minutes * 60_000) / step) * step).toISOString();
}

/** Creates a task from a template, for a patient or for the unit. */
export function createFromTemplate(
  ctx: CommandContext,
  input: { template: string; stayId?: string; language?: Language },
): Result<Created> {
  const template = TEMPLATES.find((t) => t.id === input.template);
  if (!template) return fail('not-found', `no task template ${input.template}`, { reason: 'template-unknown' });
  if (template.target === 'stay' && input.stayId === undefined) return fail('invalid-input', 'stayId: this template is for a patient', { reason: 'template-for-patient' });
  if (template.target === 'unit' && input.stayId !== undefined) return fail('invalid-input', 'stayId: this template is for the unit', { reason: 'template-for-unit' });
  if (input.stayId !== undefined && !unitLookups(ctx.store.db, ctx.unit).activeStay(input.stayId)) {
    return fail('not-found', `no active stay ${input.stayId} on this unit`, { reason: 'stay-unknown' });
  }
  const now = ctx.now();
  const id = newId();
  ctx.store.commit({ actor: ctx.actor, action: 'task.create', collection: 'task', record: id, detail: `template ${template.id}` }, [
    {
      c: 'task',
      id,
      fields: {
        unit: ctx.unit,
        stay: input.stayId ?? null,
        title: template.title[input.language ?? 'nb'],
        template: template.id,
        due: dueFrom(now, template.dueInMinutes),
        recurrenceMinutes: template.recurrenceMinutes,
        status: 'open',
        createdAt: now.toISOString(),
        deleted: false,
      },
    },
  ]);
  return ok({ id });
}

/**
 * Undoes a completion: the task is open again, and the next occurrence its completion created (a
 * recurring task) is withdrawn, so undo leaves the list exactly as before the tap.
 */
export function reopenTask(ctx: CommandContext, taskId: string): Result<Created> {
  const task = unitLookups(ctx.store.db, ctx.unit).task(taskId);
  if (!task) return fail('not-found', `no task ${taskId} on this unit`, { reason: 'task-unknown' });
  if (task.status === 'open') return fail('conflict', 'the task is already open', { reason: 'task-already-open' });
  const edits: RecordEdit[] = [{ c: 'task', id: task.id, fields: { status: 'open', doneBy: null, doneAt: null } }];
  if (task.recurrenceMinutes !== null && task.doneAt !== null) {
    const next = ctx.store.db
      .prepare(
        "SELECT id FROM task WHERE unit = ? AND deleted = 0 AND status = 'open' AND title = ? AND createdAt = ? AND stay IS ? AND id != ?",
      )
      .get(ctx.unit, task.title, task.doneAt, task.stay, task.id) as { id: string } | undefined;
    if (next) edits.push({ c: 'task', id: next.id, fields: { deleted: true } });
  }
  ctx.store.commit({ actor: ctx.actor, action: 'task.reopen', collection: 'task', record: task.id }, edits);
  return ok({ id: task.id });
}
