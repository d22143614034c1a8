/**
 * The leader view's shared-reception figures (issue 17, point 5): per reception the caller sees,
 * per organisation, from the hub's shared encounter records only. The hub holds every
 * organisation's private scope too; this reads none of it (no `encounterPrivate`, no label).
 */

import type { ReceptionLeaderView } from '../../shared/api/commands/leader.js';
import { organisationFigures, receptionTargetsOf, type HandoverFact, type ReceptionFact } from '../../shared/indicators/reception.js';
import { parseOrganisations } from '../../shared/reception/reception-kinds.js';
import { osloHour } from '../../shared/time/oslo.js';
import type { FieldStore } from '../store/field-store.js';

export function receptionLeaderView(db: FieldStore['db'], sees: (unit: string) => boolean, now: Date, hours = 24): ReceptionLeaderView {
  const since = new Date(now.getTime() - hours * 3_600_000).toISOString();
  const units = db.prepare("SELECT id, name, organisations, receptionTargets FROM unit WHERE kind = 'shared-reception' AND deleted = 0 ORDER BY name").all() as {
    id: string;
    name: string | null;
    organisations: string | null;
    receptionTargets: string | null;
  }[];
  const facts = db.prepare(
    `SELECT owner, responsible, (SELECT colour FROM encounterTriage t WHERE t.encounter = e.id AND t.deleted = 0 ORDER BY at LIMIT 1) AS colour,
            arrivedAt, triagedAt, assessedAt, disposition
     FROM encounter e WHERE unit = ? AND deleted = 0 AND arrivedAt >= ? AND owner IS NOT NULL`,
  );
  const handovers = db.prepare('SELECT "from", "to" FROM encounterHandover WHERE unit = ? AND deleted = 0 AND at >= ?');
  return {
    hours,
    receptions: units
      .filter((unit) => sees(unit.id))
      .map((unit) => {
        const rows = facts.all(unit.id, since) as ReceptionFact[];
        const moves = handovers.all(unit.id, since) as HandoverFact[];
        const targets = receptionTargetsOf(unit.receptionTargets);
        return {
          unit: unit.id,
          name: unit.name ?? unit.id,
          organisations: parseOrganisations(unit.organisations).map((organisation) =>
            organisationFigures(organisation, rows, moves, targets, hours, (iso) => osloHour(Date.parse(iso))),
          ),
        };
      }),
  };
}
