/**
 * The pathway steps of one unit as the leader view counts them (issue 16, point 4): every step of
 * every pathway of a patient the unit holds (discharged ones too), with its deadline, when it was
 * done and whether it is not applicable, by the same reading as the board's (pathway-view.ts).
 * Template and step titles only: nothing that tells who.
 */

import type { UnitKind } from '../../shared/domain/types.js';
import type { NamedStepTiming } from '../../shared/indicators/pathway-on-time.js';
import type { Db } from '../store/database.js';
import { listPathways } from './pathway-view.js';

/**
 * The unit's steps. A pathway whose patient the unit never held (started by a PLO discharge for a
 * transfer that was then declined) is left out: its patient never came.
 */
export function pathwayStepFigures(db: Db, unit: string, kind: string): NamedStepTiming[] {
  const views = listPathways(db, unit, kind as UnitKind, Date.now(), { withReasons: false, withDischarged: true });
  if (views.length === 0) return [];
  const held = new Set((db.prepare('SELECT id FROM stay WHERE unit = ? AND deleted = 0').all(unit) as { id: string }[]).map((row) => row.id));
  return views
    .filter((view) => held.has(view.stayId))
    .flatMap((view) =>
      view.steps.map((step, order) => ({
        template: view.template,
        templateName: view.name,
        step: step.id,
        title: step.title,
        order,
        due: Date.parse(step.due),
        doneAt: step.doneAt === null ? null : Date.parse(step.doneAt),
        notApplicable: step.state === 'not-applicable',
      })),
    );
}
