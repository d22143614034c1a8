/**
 * The pathways a PLO discharge starts (issue 16, point 5): when the hospital reports a patient
 * discharged (`LOG_UTSKREVET`) whom the allocation office has sent to a home-care unit, that unit's
 * templates of trigger `plo-discharged` start for the patient's stay there, anchored at the
 * discharge time the message carries. Exactly once: a pathway's id derives from what joins the
 * message to the unit (the transfer) and the template, and one already under way for the stay is
 * left alone, so a repeated or corrected message starts nothing new.
 */

import { createHash } from 'node:crypto';
import type { UnitKind } from '../../shared/domain/types.js';
import type { Db } from '../store/database.js';
import type { RecordEdit } from '../store/field-store.js';
import { unitTemplates } from './pathway-view.js';

/** Where a discharged patient goes on: the home-care unit, the patient's stay there, and the key that joins them (a transfer's id). */
export interface DischargeDestination {
  unit: string;
  stay: string;
  key: string;
}

/** The id of the pathway a discharge starts from one template for one destination. */
export const dischargePathwayId = (key: string, template: string): string =>
  `d${createHash('sha256').update(`plo-pathway:${key}:${template}`).digest('hex').slice(0, 19)}`;

/** The edits that start the destination's `plo-discharged` pathways at `leftAt`; none when it is not home care or they are under way. */
export function dischargePathwayEdits(db: Db, to: DischargeDestination, leftAt: string, actor: string): RecordEdit[] {
  const unit = db.prepare('SELECT kind FROM unit WHERE id = ? AND deleted = 0').get(to.unit) as { kind: UnitKind | null } | undefined;
  if (unit?.kind !== 'home-care') return [];
  // The id even when removed since (a removed pathway stays removed), or the template under way for the stay (started by hand).
  const running = db.prepare('SELECT 1 FROM pathway WHERE id = ? OR (unit = ? AND stay = ? AND template = ? AND deleted = 0)');
  return unitTemplates(db, to.unit, unit.kind)
    .filter((template) => template.trigger === 'plo-discharged')
    .map((template) => ({ template, id: dischargePathwayId(to.key, template.id) }))
    .filter(({ template, id }) => !running.get(id, to.unit, to.stay, template.id))
    .map(({ template, id }) => ({
      c: 'pathway',
      id,
      scope: to.unit,
      fields: { unit: to.unit, stay: to.stay, template: template.id, startedAt: leftAt, startedBy: actor, trigger: 'plo-discharged', deleted: false },
    }));
}
