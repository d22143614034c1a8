/**
 * Pathway steps done on time (issue 16, point 4): steps done by their deadline / steps that fell
 * due in the period. A step not applicable (skipped with a reason, and not done) counts in neither;
 * a step done after its deadline, or not done at all, counts in the denominator only. There is no
 * grace window: a pathway's deadline is a day, not a medication round (docs/pathways.md).
 */

import { percent, roundOrNull } from './definitions.js';

/** One step of one pathway as the formula needs it (epoch ms). */
export interface PathwayStepTiming {
  due: number;
  /** When it was done (tapped, or its recorded work), else null. */
  doneAt: number | null;
  /** Skipped with a reason and not done: its state reads "not applicable". */
  notApplicable: boolean;
}

/** Whether a step counts as fallen due in [from, to): its deadline is in it and it was applicable. */
export function isStepDueBetween(step: PathwayStepTiming, from: number, to: number): boolean {
  return !step.notApplicable && step.due >= from && step.due < to;
}

/** Whether a step was done no later than its deadline (to the millisecond). */
export function isStepDoneOnTime(step: PathwayStepTiming): boolean {
  return step.doneAt !== null && step.doneAt <= step.due;
}

/** Counts for steps due in [from, to): how many fell due, how many were done on time, and the share. */
export function pathwayStepsOnTime(steps: readonly PathwayStepTiming[], from: number, to: number): { due: number; onTime: number; percent: number | null } {
  const due = steps.filter((step) => isStepDueBetween(step, from, to));
  const onTime = due.filter(isStepDoneOnTime).length;
  return { due: due.length, onTime, percent: percent(onTime, due.length) };
}

/** One step of a template as the drill-down shows it: how often it fell due, and how it went. */
export interface PathwayStepOnTime {
  step: string;
  title: string;
  due: number;
  onTime: number;
  /** Done, but after the deadline. */
  late: number;
  /** Not done at all (as of now). */
  notDone: number;
}

/** One unit's one template over the period: its share on time and every step that fell due. */
export interface PathwayTemplateOnTime {
  unit: string;
  unitName: string;
  template: string;
  name: string;
  due: number;
  onTime: number;
  /** Per cent, one decimal; null when nothing fell due. */
  value: number | null;
  steps: PathwayStepOnTime[];
}

/** A step with the names the drill-down groups it by (template and step titles; never a patient). */
export interface NamedStepTiming extends PathwayStepTiming {
  template: string;
  templateName: string;
  step: string;
  title: string;
  /** The step's place in its template. */
  order: number;
}

/** One unit's steps due in [from, to) grouped by template and step: templates by name, steps in template order. */
export function pathwayTemplateRows(unit: { id: string; name: string }, steps: readonly NamedStepTiming[], from: number, to: number): PathwayTemplateOnTime[] {
  const rows = new Map<string, PathwayTemplateOnTime>();
  const order = new Map<string, number>();
  for (const timing of steps) {
    if (!isStepDueBetween(timing, from, to)) continue;
    let row = rows.get(timing.template);
    if (!row) {
      row = { unit: unit.id, unitName: unit.name, template: timing.template, name: timing.templateName, due: 0, onTime: 0, value: null, steps: [] };
      rows.set(timing.template, row);
    }
    let step = row.steps.find((candidate) => candidate.step === timing.step);
    if (!step) {
      step = { step: timing.step, title: timing.title, due: 0, onTime: 0, late: 0, notDone: 0 };
      row.steps.push(step);
      order.set(`${timing.template}\n${timing.step}`, timing.order);
    }
    const onTime = isStepDoneOnTime(timing);
    row.due += 1;
    step.due += 1;
    if (onTime) {
      row.onTime += 1;
      step.onTime += 1;
    } else if (timing.doneAt === null) step.notDone += 1;
    else step.late += 1;
  }
  return [...rows.values()]
    .map((row) => {
      const place = (step: PathwayStepOnTime) => order.get(`${row.template}\n${step.step}`) ?? 0;
      return { ...row, value: roundOrNull(percent(row.onTime, row.due)), steps: row.steps.sort((a, b) => place(a) - place(b)) };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}
