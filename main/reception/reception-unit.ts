/** A shared reception's unit as its commands read it: its organisations, its bays, the encounters in the room. */

import { parseOrganisations } from '../../shared/reception/reception-kinds.js';
import type { FieldStore } from '../store/field-store.js';

export interface ReceptionUnit {
  kind: string;
  organisations: string[];
  bays: string[];
}

/** The configured unit, or undefined before unit.configure. */
export function receptionUnit(db: FieldStore['db'], unit: string): ReceptionUnit | undefined {
  const row = db.prepare('SELECT kind, organisations FROM unit WHERE id = ? AND deleted = 0').get(unit) as { kind: string; organisations: string | null } | undefined;
  if (!row) return undefined;
  const bays = db.prepare('SELECT label FROM bed WHERE unit = ? AND deleted = 0 ORDER BY sort, label').pluck().all(unit) as string[];
  return { kind: row.kind, organisations: parseOrganisations(row.organisations), bays };
}

/** The bays held by an encounter still in the room: bay -> encounter id. */
export function heldBays(db: FieldStore['db'], unit: string): Map<string, string> {
  const rows = db.prepare('SELECT id, bay FROM encounter WHERE unit = ? AND deleted = 0 AND disposedAt IS NULL AND bay IS NOT NULL').all(unit) as { id: string; bay: string }[];
  return new Map(rows.map((row) => [row.bay, row.id]));
}
