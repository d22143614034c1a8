/**
 * The hub's copy of a shared virtual-ward patient into the municipal home-care unit's scope
 * (issue 17, point 2): from each episode that names a home-care unit, an `episodeShare` record
 * holding the shared fields only — initials, planned end, the next visit when the municipality
 * makes it, the handover to home care. The hospital's notes, rounds and identity key stay in the
 * virtual ward's scope, which the home-care unit's broker identity cannot read.
 */

import type { Change } from '../../shared/sync/change.js';
import type { FieldValue } from '../../shared/domain/schema.js';
import type { FieldStore, RecordEdit } from '../store/field-store.js';

interface EpisodeRow {
  id: string;
  unit: string;
  initials: string | null;
  plannedEnd: string | null;
  nextVisitAt: string | null;
  nextVisitBy: string | null;
  homeCareUnit: string | null;
  endedAt: string | null;
  outcome: string | null;
  deleted: number;
}

type ShareRow = Record<string, FieldValue> & { id: string };

/** The shared fields of one episode, as the home-care unit sees them. */
function sharedFields(episode: EpisodeRow, fromName: string): Record<string, FieldValue> {
  return {
    unit: episode.homeCareUnit,
    fromUnit: episode.unit,
    fromName,
    initials: episode.initials,
    plannedEnd: episode.plannedEnd,
    nextMunicipalVisit: episode.nextVisitBy === 'municipality' ? episode.nextVisitAt : null,
    handedOverAt: episode.outcome === 'home-care' ? episode.endedAt : null,
    status: episode.endedAt === null ? 'active' : 'ended',
    deleted: episode.deleted === 1,
  };
}

/** The edits that bring the shares of these episodes up to date: only fields that differ, none when nothing does. */
export function shareEdits(store: FieldStore, episodeIds: Iterable<string>): RecordEdit[] {
  const db = store.db;
  const readEpisode = db.prepare('SELECT id, unit, initials, plannedEnd, nextVisitAt, nextVisitBy, homeCareUnit, endedAt, outcome, deleted FROM episode WHERE id = ?');
  const homeCare = db.prepare("SELECT 1 FROM unit WHERE id = ? AND kind = 'home-care' AND deleted = 0");
  const unitName = db.prepare('SELECT name FROM unit WHERE id = ?');
  const readShare = db.prepare('SELECT * FROM episodeShare WHERE id = ?');
  const edits: RecordEdit[] = [];
  for (const id of new Set(episodeIds)) {
    const episode = readEpisode.get(id) as EpisodeRow | undefined;
    if (!episode?.homeCareUnit || !episode.unit || !homeCare.get(episode.homeCareUnit)) continue;
    const name = (unitName.get(episode.unit) as { name: string | null } | undefined)?.name ?? episode.unit;
    const wanted = sharedFields(episode, name);
    const held = readShare.get(id) as ShareRow | undefined;
    const fields = Object.fromEntries(Object.entries(wanted).filter(([field, value]) => !held || stored(held[field]) !== stored(value)));
    if (Object.keys(fields).length > 0) edits.push({ c: 'episodeShare', id, scope: episode.homeCareUnit, fields });
  }
  return edits;
}

// SQLite keeps booleans as 0/1.
const stored = (value: FieldValue | undefined): FieldValue => (typeof value === 'boolean' ? (value ? 1 : 0) : (value ?? null));

/** Writes the shares a merged batch changed (the episodes it touched); returns how many records it wrote. */
export function shareEpisodes(store: FieldStore, changes: readonly Change[]): number {
  const touched = changes.filter((change) => change.c === 'episode').map((change) => change.id);
  return writeShares(store, touched);
}

/** Every episode's share, brought up to date (the hub's start; a home-care unit configured later). */
export function shareAllEpisodes(store: FieldStore): number {
  const ids = (store.db.prepare('SELECT id FROM episode WHERE homeCareUnit IS NOT NULL').all() as { id: string }[]).map((row) => row.id);
  return writeShares(store, ids);
}

function writeShares(store: FieldStore, ids: string[]): number {
  if (ids.length === 0) return 0;
  const edits = shareEdits(store, ids);
  if (edits.length === 0) return 0;
  store.commit({ actor: 'hub', action: 'episode.share', collection: 'episodeShare', record: edits[0].id, detail: `${edits.length} shared` }, edits);
  return edits.length;
}
