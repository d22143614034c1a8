/**
 * The leader view's virtual-ward figures (issue 17, point 3), per home-hospital unit over the last
 * `days` Oslo days: occupancy of the virtual beds now, bed-days (a midnight count), rounds and
 * visits by how they were made, escalations, episodes ended by outcome, and 30-day readmissions —
 * an episode ended in the period whose patient the hub's own PLO episodes show admitted to
 * hospital 8 hours to 30 days after it ended, matched by the hashed key, never the number.
 */

import { EPISODE_OUTCOMES, ROUND_MODES, type EpisodeOutcome, type RoundMode, type VirtualWardFigures, type VirtualWardView } from '../../shared/api/commands/homehospital.js';
import { addDays, dayStart, osloDay } from '../../shared/time/oslo.js';
import type { Db } from '../store/database.js';

export const DEFAULT_VIRTUAL_WARD_DAYS = 30;
/** DOMAIN.md's readmission window: 8 hours to 30 days after discharge. */
export const READMISSION_FROM_MS = 8 * 3_600_000;
export const READMISSION_TO_MS = 30 * 86_400_000;

interface EpisodeRow {
  startedAt: string | null;
  endedAt: string | null;
  escalatedAt: string | null;
  outcome: EpisodeOutcome | null;
  patientKey: string | null;
  keyedUnder: string | null;
}

const percentOf = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);
const within = (value: string | null, from: number, to: number) => value !== null && Date.parse(value) >= from && Date.parse(value) <= to;

/** Whether the hub saw this patient admitted to hospital in the readmission window after `endedAt`. */
function readmitted(db: Db, patientKey: string, endedAt: string): boolean {
  const ended = Date.parse(endedAt);
  const admissions = db.prepare('SELECT admitted_at FROM plo_episode WHERE patient_key = ? AND admitted_at IS NOT NULL').all(patientKey) as { admitted_at: string }[];
  return admissions.some(({ admitted_at }) => {
    const after = Date.parse(admitted_at) - ended;
    return after >= READMISSION_FROM_MS && after <= READMISSION_TO_MS;
  });
}

/**
 * `keyedUnder`: the fingerprint of the hub's pseudonym secret. An episode's key made under another
 * (its board was given another secret) can never match the hub's PLO episodes: counted apart, so the
 * readmission figure says what it rests on. One keyed before episodes named their secret counts as the hub's.
 */
export function unitFigures(db: Db, unit: { id: string; name: string | null; capacity: number | null }, span: readonly string[], now: number, keyedUnder: string): VirtualWardFigures {
  const from = dayStart(span[0]);
  const episodes = db.prepare('SELECT startedAt, endedAt, escalatedAt, outcome, patientKey, keyedUnder FROM episode WHERE unit = ? AND deleted = 0').all(unit.id) as EpisodeRow[];
  const beds = (db.prepare('SELECT count(*) AS n FROM bed WHERE unit = ? AND deleted = 0').get(unit.id) as { n: number }).n;
  const capacity = unit.capacity ?? beds;
  const occupied = episodes.filter((e) => e.endedAt === null && e.startedAt !== null && Date.parse(e.startedAt) <= now).length;
  const midnights = span.map(dayStart).filter((midnight) => midnight <= now);
  const bedDays = midnights.reduce(
    (sum, midnight) => sum + episodes.filter((e) => e.startedAt !== null && Date.parse(e.startedAt) < midnight && (e.endedAt === null || Date.parse(e.endedAt) >= midnight)).length,
    0,
  );
  const visits = Object.fromEntries(ROUND_MODES.map((mode) => [mode, 0])) as Record<RoundMode, number>;
  const rounds = db.prepare('SELECT mode, count(*) AS n FROM episodeRound WHERE unit = ? AND deleted = 0 AND at >= ? AND at <= ? GROUP BY mode').all(unit.id, new Date(from).toISOString(), new Date(now).toISOString()) as { mode: RoundMode; n: number }[];
  for (const row of rounds) if (row.mode in visits) visits[row.mode] = row.n;
  const endedInPeriod = episodes.filter((e) => within(e.endedAt, from, now));
  const ended = Object.fromEntries(EPISODE_OUTCOMES.map((outcome) => [outcome, endedInPeriod.filter((e) => e.outcome === outcome).length])) as Record<EpisodeOutcome, number>;
  const withKey = endedInPeriod.filter((e) => e.patientKey !== null);
  const keyed = withKey.filter((e) => e.keyedUnder === null || e.keyedUnder === keyedUnder);
  return {
    unit: unit.id,
    name: unit.name ?? unit.id,
    capacity,
    occupied,
    occupancyPercent: percentOf(occupied, capacity),
    bedDays,
    visits,
    escalations: episodes.filter((e) => within(e.escalatedAt, from, now)).length,
    ended,
    readmissions30: keyed.filter((e) => readmitted(db, e.patientKey as string, e.endedAt as string)).length,
    endedWithKey: keyed.length,
    endedKeyedElsewhere: withKey.length - keyed.length,
  };
}

/** `leader.virtualWard`: the home-hospital units the caller sees, over the `days` Oslo days ending today. */
export function virtualWardIndicators(db: Db, sees: (unit: string) => boolean, input: { unit?: string; days?: number }, now: Date, keyedUnder: string): VirtualWardView {
  const days = input.days ?? DEFAULT_VIRTUAL_WARD_DAYS;
  const to = osloDay(now.getTime());
  const from = addDays(to, -(days - 1));
  const span = Array.from({ length: days }, (_, i) => addDays(from, i));
  const units = (db.prepare("SELECT id, name, capacity FROM unit WHERE deleted = 0 AND kind = 'home-hospital' ORDER BY name, id").all() as { id: string; name: string | null; capacity: number | null }[])
    .filter((unit) => sees(unit.id) && (input.unit === undefined || unit.id === input.unit))
    .map((unit) => unitFigures(db, unit, span, now.getTime(), keyedUnder));
  return { asOf: now.toISOString(), from, to, units };
}
