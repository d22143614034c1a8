/**
 * The virtual ward's board (`episode.board`): each virtual bed with its patient in corridor form —
 * day n of the episode, planned end, next visit, today's round and how late it is — and the
 * episodes that left their bed today; and the home-care unit's shared episodes (`episode.shared`).
 */

import {
  DEFAULT_ROUND_TIMES,
  roundColourAt,
  type EpisodeLeft,
  type EpisodeOutcome,
  type RoundMode,
  type RoundState,
  type SharedEpisode,
  type VirtualBed,
  type VirtualWardBoard,
  type VisitMaker,
} from '../../shared/api/commands/homehospital.js';
import { daysBetween, osloDay, osloWallInstant } from '../../shared/time/oslo.js';
import type { Db } from '../store/database.js';

interface EpisodeRow {
  id: string;
  bed: string | null;
  initials: string | null;
  startedAt: string;
  plannedEnd: string | null;
  nextVisitAt: string | null;
  nextVisitBy: VisitMaker | null;
  homeCareUnit: string | null;
  escalatedAt: string | null;
  escalatedTo: string | null;
  endedAt: string | null;
  outcome: EpisodeOutcome | null;
}

/** The unit's round times, its own or the defaults. */
export function roundTimes(db: Db, unit: string): { amber: string; red: string } {
  const row = db.prepare('SELECT episodeRoundAmber AS amber, episodeRoundRed AS red FROM unit WHERE id = ?').get(unit) as { amber: string | null; red: string | null } | undefined;
  return { amber: row?.amber ?? DEFAULT_ROUND_TIMES.amber, red: row?.red ?? DEFAULT_ROUND_TIMES.red };
}

const wallInstant = (day: string, time: string) => {
  const [hour, minute] = time.split(':').map(Number);
  return osloWallInstant(day, hour, minute);
};

export function readVirtualWard(db: Db, unit: string, now: Date): VirtualWardBoard {
  const at = now.getTime();
  const today = osloDay(at);
  const times = roundTimes(db, unit);
  const amberAt = wallInstant(today, times.amber);
  const redAt = wallInstant(today, times.red);
  const beds = db.prepare('SELECT id, label FROM bed WHERE unit = ? AND deleted = 0 ORDER BY sort, label').all(unit) as { id: string; label: string }[];
  const open = db.prepare('SELECT * FROM episode WHERE unit = ? AND deleted = 0 AND endedAt IS NULL').all(unit) as EpisodeRow[];
  const rounds = db.prepare("SELECT at, mode FROM episodeRound WHERE episode = ? AND day = ? AND kind = 'round' AND deleted = 0 ORDER BY at LIMIT 1");
  const byBed = new Map(open.filter((episode) => episode.bed !== null).map((episode) => [episode.bed as string, episode]));
  const shown: VirtualBed[] = beds.map((bed) => {
    const episode = byBed.get(bed.id);
    if (!episode) return { id: bed.id, label: bed.label, episode: null };
    const round = rounds.get(episode.id, today) as { at: string; mode: RoundMode } | undefined;
    const startDay = osloDay(Date.parse(episode.startedAt));
    const state: RoundState = round ? 'done' : 'not-yet';
    return {
      id: bed.id,
      label: bed.label,
      episode: {
        id: episode.id,
        initials: episode.initials ?? '',
        startedAt: episode.startedAt,
        day: daysBetween(startDay, today) + 1,
        plannedDays: episode.plannedEnd === null ? null : daysBetween(startDay, episode.plannedEnd) + 1,
        plannedEnd: episode.plannedEnd,
        nextVisit: episode.nextVisitAt && episode.nextVisitBy ? { at: episode.nextVisitAt, by: episode.nextVisitBy } : null,
        round: state,
        colour: roundColourAt(state, startDay < today, at, amberAt, redAt),
        roundAt: round?.at ?? null,
        roundMode: round?.mode ?? null,
        homeCareUnit: episode.homeCareUnit,
      },
    };
  });
  const bedLabel = new Map(beds.map((bed) => [bed.id, bed.label]));
  const left = (db.prepare('SELECT * FROM episode WHERE unit = ? AND deleted = 0 AND endedAt IS NOT NULL AND endedAt >= ? ORDER BY endedAt DESC').all(unit, new Date(wallInstant(today, '00:00')).toISOString()) as EpisodeRow[])
    .filter((episode) => osloDay(Date.parse(episode.endedAt as string)) === today)
    .map((episode): EpisodeLeft => ({
      id: episode.id,
      initials: episode.initials ?? '',
      bed: episode.bed === null ? null : (bedLabel.get(episode.bed) ?? null),
      at: episode.endedAt as string,
      round: episode.escalatedAt ? 'escalated' : 'done',
      outcome: episode.outcome,
      escalatedTo: episode.escalatedTo,
    }));
  return { now: now.toISOString(), day: today, amberAt: new Date(amberAt).toISOString(), redAt: new Date(redAt).toISOString(), roundTimes: times, beds: shown, leftToday: left };
}

export function readSharedEpisodes(db: Db, unit: string): SharedEpisode[] {
  const rows = db.prepare("SELECT * FROM episodeShare WHERE unit = ? AND deleted = 0 ORDER BY status, plannedEnd, initials").all(unit) as (Omit<SharedEpisode, 'fromName'> & { fromName: string | null })[];
  return rows.map((row) => ({
    id: row.id,
    fromUnit: row.fromUnit,
    fromName: row.fromName ?? row.fromUnit,
    initials: row.initials,
    plannedEnd: row.plannedEnd,
    nextMunicipalVisit: row.nextMunicipalVisit,
    handedOverAt: row.handedOverAt,
    status: row.status,
  }));
}
