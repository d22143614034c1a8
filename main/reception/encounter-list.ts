/**
 * The reception's queue as a board shows it: every encounter's shared fields, and the private
 * fields only of the board's own organisation (and only to an unlocked screen). A board holds no
 * other organisation's private scope at all; the filter by owner is the second wall.
 */

import type { EncounterList, EncounterView, TriageMark } from '../../shared/api/commands/encounter.js';
import { queueOrder, type Disposition, type EncounterStatus, type TriageColour } from '../../shared/reception/reception-kinds.js';
import type { FieldStore } from '../store/field-store.js';
import { heldBays, receptionUnit } from './reception-unit.js';

interface EncounterRow {
  id: string;
  label: string | null;
  owner: string | null;
  responsible: string | null;
  bay: string | null;
  colour: TriageColour | null;
  status: EncounterStatus | null;
  arrivedAt: string | null;
  triagedAt: string | null;
  colourSetAt: string | null;
  assessedAt: string | null;
  disposition: Disposition | null;
  disposedAt: string | null;
}

interface PrivateRow {
  id: string;
  organisation: string | null;
  name: string | null;
  idKey: string | null;
  reason: string | null;
  note: string | null;
}

/** Disposed encounters stay on the list this long (the "recent" column). */
const RECENT_MS = 12 * 3_600_000;

const minutesBetween = (from: string, to: Date) => Math.max(0, Math.floor((to.getTime() - Date.parse(from)) / 60_000));

export function readEncounterList(db: FieldStore['db'], unit: string, organisation: string | null, now: Date, unlocked: boolean): EncounterList {
  const reception = receptionUnit(db, unit);
  const since = new Date(now.getTime() - RECENT_MS).toISOString();
  const rows = db
    .prepare('SELECT * FROM encounter WHERE unit = ? AND deleted = 0 AND arrivedAt IS NOT NULL AND (disposedAt IS NULL OR disposedAt >= ?)')
    .all(unit, since) as EncounterRow[];
  const marks = new Map<string, TriageMark[]>();
  const triage = db.prepare('SELECT encounter, colour, at FROM encounterTriage WHERE unit = ? AND deleted = 0 ORDER BY at').all(unit) as { encounter: string; colour: TriageColour; at: string }[];
  for (const mark of triage) marks.set(mark.encounter, [...(marks.get(mark.encounter) ?? []), { colour: mark.colour, at: mark.at }]);
  const own = new Map<string, PrivateRow>();
  if (organisation && unlocked) {
    const privates = db.prepare('SELECT * FROM encounterPrivate WHERE unit = ? AND organisation = ? AND deleted = 0').all(unit, organisation) as PrivateRow[];
    for (const row of privates) own.set(row.id, row);
  }
  const views = rows.map((row): EncounterView => {
    const mine = row.owner === organisation ? own.get(row.id) : undefined;
    const arrivedAt = row.arrivedAt as string;
    return {
      id: row.id,
      label: row.label ?? '',
      owner: row.owner ?? '',
      responsible: row.responsible ?? row.owner ?? '',
      bay: row.bay,
      colour: row.colour,
      status: row.status ?? 'waiting',
      arrivedAt,
      triagedAt: row.triagedAt,
      colourSetAt: row.colourSetAt,
      assessedAt: row.assessedAt,
      disposition: row.disposition,
      disposedAt: row.disposedAt,
      minutesSinceArrival: minutesBetween(arrivedAt, now),
      minutesSinceTriage: row.triagedAt ? minutesBetween(row.triagedAt, now) : null,
      triage: marks.get(row.id) ?? [],
      private: mine ? { name: mine.name, reason: mine.reason, note: mine.note, identified: mine.idKey !== null } : null,
    };
  });
  const queue = views.filter((view) => view.disposedAt === null).sort(queueOrder);
  const recent = views.filter((view) => view.disposedAt !== null).sort((a, b) => (b.disposedAt ?? '').localeCompare(a.disposedAt ?? ''));
  const held = heldBays(db, unit);
  return {
    organisation,
    organisations: reception?.organisations ?? [],
    queue,
    recent,
    bays: (reception?.bays ?? []).map((label) => ({ label, encounter: held.get(label) ?? null })),
  };
}
