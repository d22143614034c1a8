/**
 * The demo's pathways (issue 16): admissions over the seeded month started the unit's admission
 * pathways by themselves; here a few of their steps are recorded done and one not applicable, and a
 * home-care patient gets everyday rehabilitation started 14 days ago less three hours, so its day-14 evaluation falls due
 * within the day — a board shows every state: planned, due soon, overdue, done, not applicable.
 */

import type { PathwayView } from '../../shared/api/commands/pathway.js';

type Run = (command: string, input: object) => string;

export function seedPathways(run: Run, list: () => PathwayView[], clock: { now: Date | undefined }, today: Date, kind: string, stays: readonly string[]): void {
  if (kind === 'home-care' && stays.length > 0) {
    clock.now = new Date(today.getTime() - 13 * 86_400_000);
    run('pathway.start', { stayId: stays[0], template: 'ex-everyday-rehab', startedAt: new Date(today.getTime() - 14 * 86_400_000 + 3 * 3_600_000).toISOString() });
  }
  // The rehabilitation just started keeps its steps open (its evaluation is the one due soon).
  const open = list()
    .filter((pathway) => pathway.template !== 'ex-everyday-rehab')
    .flatMap((pathway) => pathway.steps.filter((step) => step.state !== 'done' && step.state !== 'not-applicable').map((step) => ({ pathway, step })));
  clock.now = new Date(today.getTime() - 2 * 3_600_000);
  open.slice(0, 2).forEach(({ pathway, step }) => run('pathway.completeStep', { pathwayId: pathway.id, stepId: step.id }));
  const skip = open.at(-1);
  if (skip && open.length > 2) run('pathway.skipStep', { pathwayId: skip.pathway.id, stepId: skip.step.id, reason: 'Gjort ved innleggelse på sykehuset' });
}
