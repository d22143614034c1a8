/**
 * Pathways as the board and the leader view read them: the templates a unit offers (the shipped
 * examples for its kind, then its own), and each pathway's steps with deadline and state. A step's
 * state is derived, never stored: done when it was tapped done or when a done task of its code
 * (or of its IPLOS field's measure) on the patient was recorded since the pathway began — the
 * earlier of the two; else not applicable when skipped; else overdue, due soon (within 24 hours) or
 * planned by its deadline against now. Done outranks a skip, so two offline boards that recorded
 * one each read the same step everywhere once they have synced.
 */

import type { PathwayStepView, PathwayView, StepState } from '../../shared/api/commands/pathway.js';
import type { NextPathwayStep } from '../../shared/api/commands/ward.js';
import type { UnitKind } from '../../shared/domain/types.js';
import { IPLOS_MEASURES } from '../../shared/indicators/iplos.js';
import { EXAMPLE_PATHWAYS, type PathwayStepTemplate, type PathwayTemplate } from '../../shared/pathway/pathway-templates.js';
import type { Db } from '../store/database.js';
import { parseRow, unitLookups } from '../store/read-model.js';
import { stepDue } from './pathway-due.js';

/** A step is "due soon" this long before its deadline. */
export const DUE_SOON_MS = 24 * 3_600_000;

type Row = Record<string, string | number | null>;

/** The task template code whose done task closes a step by recorded work; undefined for a tap. */
export function workCode(step: Pick<PathwayStepTemplate, 'completes' | 'completesWith'>): string | undefined {
  if (step.completes === 'task') return step.completesWith ?? undefined;
  if (step.completes === 'iplos') return IPLOS_MEASURES.find((measure) => measure.iplosField === step.completesWith)?.template;
  return undefined;
}

/** The templates a unit offers: the shipped examples for its kind, then its own (not removed). */
export function unitTemplates(db: Db, unit: string, kind: UnitKind | null, options: { withRemoved?: boolean } = {}): PathwayTemplate[] {
  const examples = EXAMPLE_PATHWAYS.filter((template) => kind !== null && template.unitKinds.includes(kind));
  const removed = options.withRemoved ? '' : 'AND deleted = 0';
  const own = (db.prepare(`SELECT * FROM pathwayTemplate WHERE unit = ? ${removed} ORDER BY name`).all(unit) as Row[]).map((row) => parseRow('pathwayTemplate', row));
  const stepRows = (db.prepare('SELECT * FROM pathwayTemplateStep WHERE unit = ? AND deleted = 0 ORDER BY sort').all(unit) as Row[]).map((row) => parseRow('pathwayTemplateStep', row));
  const ownTemplates = own.map((template): PathwayTemplate => ({
    id: template.id,
    name: template.name ?? '',
    trigger: template.trigger ?? 'manual',
    unitKinds: kind ? [kind] : [],
    origin: 'unit',
    steps: stepRows
      .filter((step) => step.template === template.id)
      .map((step) => ({
        id: step.id,
        title: step.title ?? '',
        offset: step.offset ?? 'P0D',
        days: step.days ?? 'calendar',
        role: step.role ?? 'nurse',
        completes: step.completes ?? 'tap',
        completesWith: step.completesWith,
      })),
  }));
  return [...examples, ...ownTemplates];
}

/** The id of the record of what was done of one step of one pathway. */
export const stepRecordId = (pathwayId: string, stepId: string): string => `${pathwayId}-${stepId}`;

interface DoneTask {
  stay: string;
  template: string;
  doneAt: string;
  doneBy: string | null;
}

function stateOf(due: number, now: number, done: boolean, skipped: boolean): StepState {
  if (done) return 'done';
  if (skipped) return 'not-applicable';
  if (now > due) return 'overdue';
  return due - now <= DUE_SOON_MS ? 'due-soon' : 'planned';
}

export interface ListOptions {
  stayId?: string;
  /** Skip reasons are personal: only an unlocked screen gets them. */
  withReasons: boolean;
  /** Pathways of discharged patients too (the leader view's history); the board shows active stays only. */
  withDischarged?: boolean;
}

/** The unit's pathways (or one patient's) with every step's deadline and state at `now`. */
export function listPathways(db: Db, unit: string, kind: UnitKind | null, now: number, options: ListOptions): PathwayView[] {
  const templates = new Map(unitTemplates(db, unit, kind, { withRemoved: true }).map((template) => [template.id, template]));
  const activeOnly = options.withDischarged ? '' : "AND stay IN (SELECT id FROM stay WHERE unit = ? AND deleted = 0 AND status = 'active')";
  const params: string[] = options.withDischarged ? [unit] : [unit, unit];
  const oneStay = options.stayId === undefined ? '' : 'AND stay = ?';
  if (options.stayId !== undefined) params.push(options.stayId);
  const pathways = (db.prepare(`SELECT * FROM pathway WHERE unit = ? AND deleted = 0 ${activeOnly} ${oneStay} ORDER BY startedAt`).all(...params) as Row[]).map((row) => parseRow('pathway', row));
  if (pathways.length === 0) return [];
  const recorded = new Map(
    (db.prepare('SELECT * FROM pathwayStep WHERE unit = ? AND deleted = 0').all(unit) as Row[]).map((row) => {
      const step = parseRow('pathwayStep', row);
      return [step.id, step];
    }),
  );
  // Only the codes the pathways' steps close by, on their patients: a ward's recurring template
  // tasks (turning, NEWS2) are most of its done tasks and never close a step.
  const codes = [...new Set(pathways.flatMap((p) => templates.get(p.template ?? '')?.steps.map(workCode) ?? []).filter((c): c is string => c !== undefined))];
  const stays = [...new Set(pathways.map((p) => p.stay).filter((s): s is string => s !== null))];
  const doneTasks =
    codes.length === 0 || stays.length === 0
      ? []
      : (db
          .prepare(
            `SELECT stay, template, doneAt, doneBy FROM task WHERE unit = ? AND deleted = 0 AND status = 'done' AND doneAt IS NOT NULL
             AND template IN (${codes.map(() => '?').join(', ')}) AND stay IN (${stays.map(() => '?').join(', ')}) ORDER BY doneAt`,
          )
          .all(unit, ...codes, ...stays) as DoneTask[]);
  const tasksByStay = new Map<string, DoneTask[]>();
  for (const task of doneTasks) tasksByStay.set(task.stay, [...(tasksByStay.get(task.stay) ?? []), task]);

  const views: PathwayView[] = [];
  for (const pathway of pathways) {
    const template = templates.get(pathway.template ?? '');
    if (!template || !pathway.startedAt || !pathway.stay) continue;
    const startedAt = Date.parse(pathway.startedAt);
    const steps = template.steps.map((step): PathwayStepView => {
      const due = stepDue(startedAt, step.offset, step.days) ?? startedAt;
      const record = recorded.get(stepRecordId(pathway.id, step.id));
      const code = workCode(step);
      const work = code === undefined ? undefined : tasksByStay.get(pathway.stay!)?.find((task) => task.template === code && Date.parse(task.doneAt) >= startedAt);
      const tapped = record?.doneAt ?? null;
      const byWork = work !== undefined && (tapped === null || Date.parse(work.doneAt) < Date.parse(tapped));
      const doneAt = byWork ? work.doneAt : tapped;
      const skippedAt = record?.skippedAt ?? null;
      return {
        id: step.id,
        title: step.title,
        role: step.role,
        offset: step.offset,
        days: step.days,
        due: new Date(due).toISOString(),
        state: stateOf(due, now, doneAt !== null, skippedAt !== null),
        doneAt,
        doneBy: byWork ? work.doneBy : (record?.doneBy ?? null),
        byRecordedWork: byWork,
        skippedAt,
        skippedBy: record?.skippedBy ?? null,
        skipReason: options.withReasons ? (record?.skipReason ?? null) : null,
      };
    });
    const open = steps.filter((step) => step.state !== 'done' && step.state !== 'not-applicable').sort((a, b) => a.due.localeCompare(b.due));
    views.push({
      id: pathway.id,
      stayId: pathway.stay,
      template: template.id,
      name: template.name,
      trigger: pathway.trigger ?? 'manual',
      startedAt: pathway.startedAt,
      startedBy: pathway.startedBy ?? '',
      steps,
      next: open[0] ?? null,
    });
  }
  return views;
}

/**
 * Each active patient's earliest open step over all their pathways, at `now`: what the overview's
 * bed cards chip. A unit with no pathway under way answers at the cost of one index lookup.
 */
export function nextPathwaySteps(db: Db, unit: string, now: number): NextPathwayStep[] {
  if (!db.prepare('SELECT 1 FROM pathway WHERE unit = ? AND deleted = 0 LIMIT 1').get(unit)) return [];
  const kind = unitLookups(db, unit).unit()?.kind ?? null;
  const earliest = new Map<string, NextPathwayStep>();
  for (const { stayId, next } of listPathways(db, unit, kind, now, { withReasons: false })) {
    if (next === null) continue;
    const held = earliest.get(stayId);
    if (!held || next.due < held.due) earliest.set(stayId, { stayId, title: next.title, due: next.due, state: next.state });
  }
  return [...earliest.values()];
}
