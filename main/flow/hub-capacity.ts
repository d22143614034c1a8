/**
 * Other units' capacity for every board. A board holds only its own unit, so to choose where a
 * patient can go it needs the hub to tell it: the hub writes, into each unit's scope, one capacity
 * record per other unit (name, kind, beds, free places, transfers under way to it). Counts only,
 * never a personal field. A record is rewritten only when its numbers change.
 */

import { createHash } from 'node:crypto';
import type { FieldValue } from '../../shared/domain/schema.js';
import { LIST_UNIT_KINDS, type UnitKind } from '../../shared/domain/types.js';
import type { FieldStore, RecordEdit } from '../store/field-store.js';
import { OPEN_STATES, transferState } from './transfer-steps.js';
import type { TransferRow } from './transfer-records.js';

interface UnitFigures {
  unit: string;
  name: string;
  kind: string;
  beds: number;
  free: number;
  incoming: number;
}

/** The id of the record in `scope` that describes `unit` (unique across scopes on the hub). */
export const capacityId = (scope: string, unit: string): string =>
  'k' + createHash('sha256').update(`capacity:${scope}/${unit}`).digest('hex').slice(0, 19);

/** Every unit's figures now, from the hub's replica. */
export function unitFigures(store: FieldStore): UnitFigures[] {
  const db = store.db;
  const units = db.prepare('SELECT id, name, kind, capacity FROM unit WHERE deleted = 0').all() as {
    id: string;
    name: string | null;
    kind: string | null;
    capacity: number | null;
  }[];
  const bedCount = db.prepare('SELECT count(*) AS beds FROM bed WHERE unit = ? AND deleted = 0');
  const patients = db.prepare("SELECT count(*) AS n FROM stay WHERE unit = ? AND deleted = 0 AND status = 'active'");
  const transfers = db.prepare('SELECT * FROM transfer WHERE toUnit = ? AND deleted = 0 AND completedAt IS NULL');
  const freeBeds = db.prepare("SELECT id FROM bed WHERE unit = ? AND deleted = 0 AND status = 'free'");
  return units.map((unit) => {
    const kind = unit.kind ?? 'unknown';
    const list = LIST_UNIT_KINDS.includes(kind as UnitKind);
    const places = list ? (unit.capacity ?? 0) : (bedCount.get(unit.id) as { beds: number }).beds;
    const taken = (patients.get(unit.id) as { n: number }).n;
    const open = (transfers.all(unit.id) as TransferRow[]).filter((t) => OPEN_STATES.includes(transferState(t)));
    // A place promised to an accepted transfer is not free for the next patient.
    const promised = open.filter((t) => transferState(t) !== 'requested');
    const promisedBeds = new Set(promised.map((t) => t.toBed).filter((bed): bed is string => bed !== null));
    const free = list
      ? Math.max(0, places - taken - promised.length)
      : (freeBeds.all(unit.id) as { id: string }[]).filter((bed) => !promisedBeds.has(bed.id)).length;
    return { unit: unit.id, name: unit.name ?? unit.id, kind, beds: places, free, incoming: open.length };
  });
}

/** Brings every unit's capacity records up to date; returns whether anything was written. */
export function refreshCapacity(store: FieldStore, now: Date): boolean {
  const figures = unitFigures(store);
  const current = store.db.prepare('SELECT unit, name, kind, beds, free, incoming, deleted FROM capacity WHERE id = ?');
  const edits: RecordEdit[] = [];
  for (const scope of figures) {
    for (const other of figures) {
      if (other.unit === scope.unit) continue;
      const id = capacityId(scope.unit, other.unit);
      const row = current.get(id) as (Omit<UnitFigures, 'unit'> & { unit: string; deleted: number }) | undefined;
      const wanted: Record<string, FieldValue> = { unit: other.unit, name: other.name, kind: other.kind, beds: other.beds, free: other.free, incoming: other.incoming };
      const changed = Object.entries(wanted).filter(([field, value]) => row?.[field as keyof typeof row] !== value);
      if (row && row.deleted === 0 && changed.length === 0) continue;
      edits.push({
        c: 'capacity',
        id,
        scope: scope.unit,
        fields: { ...Object.fromEntries(row ? changed : Object.entries(wanted)), updatedAt: now.toISOString(), deleted: false },
      });
    }
  }
  // A unit that has gone (deleted) is taken off every other board's list.
  const known = new Set(figures.map((f) => f.unit));
  const listed = store.db
    .prepare("SELECT c.id, c.unit, f.scope FROM capacity c JOIN field_state f ON f.collection = 'capacity' AND f.id = c.id AND f.field = 'unit' WHERE c.deleted = 0")
    .all() as { id: string; unit: string; scope: string }[];
  for (const row of listed) {
    if (!known.has(row.unit) || !known.has(row.scope)) edits.push({ c: 'capacity', id: row.id, scope: row.scope, fields: { deleted: true, updatedAt: now.toISOString() } });
  }
  if (edits.length === 0) return false;
  store.commit({ actor: 'hub', action: 'capacity.refresh', collection: 'capacity', detail: `${edits.length} records` }, edits);
  return true;
}
