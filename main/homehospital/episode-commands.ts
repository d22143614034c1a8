/**
 * Handlers of the virtual ward's commands (shared/api/commands/homehospital.ts): admit a patient
 * to a virtual bed, record a round or visit, plan the next visit, escalate back to a ward (the
 * virtual bed is freed), end the episode with an outcome; the board of virtual beds; and, on a
 * home-care board, the shared fields of its patients that a virtual ward shares.
 */

import { episodeStartProblem, MAX_BACKDATE_DAYS, type HomehospitalCommandName } from '../../shared/api/commands/homehospital.js';
import { fail, ok, type Result } from '../../shared/api/result.js';
import type { FieldValue } from '../../shared/domain/schema.js';
import { osloDay } from '../../shared/time/oslo.js';
import type { RecordEdit } from '../store/field-store.js';
import { unitLookups } from '../store/read-model.js';
import { newId, type CommandContext, type Handler } from '../replica/command-context.js';
import { readNationalIdInput } from '../privacy/national-id-input.js';
import { ploPatientKey } from '../privacy/pseudonym.js';
import { noteKeyedUnder } from '../replica/keyed-under.js';
import { readSharedEpisodes, readVirtualWard } from './virtual-ward-board.js';

/** The patient's key as the hub keys PLO episodes; the store names the secret it was made under. */
function patientKey(ctx: CommandContext, idType: string, nationalId: string): string {
  noteKeyedUnder(ctx.store.db, ctx.pseudonyms);
  return ploPatientKey(ctx.pseudonyms, idType, nationalId);
}

interface EpisodeRow {
  id: string;
  stay: string | null;
  bed: string | null;
  endedAt: string | null;
  escalatedAt: string | null;
}

const isVirtualWard = (ctx: CommandContext) => unitLookups(ctx.store.db, ctx.unit).unit()?.kind === 'home-hospital';

/** The episode, still in its virtual bed, or the refusal to show. */
function openEpisode(ctx: CommandContext, id: string): Result<EpisodeRow> {
  const row = ctx.store.db.prepare('SELECT id, stay, bed, endedAt, escalatedAt FROM episode WHERE unit = ? AND id = ? AND deleted = 0').get(ctx.unit, id) as EpisodeRow | undefined;
  if (!row) return fail('not-found', `no episode ${id} on this unit`, { reason: 'episode-unknown' });
  if (row.endedAt !== null) return fail('conflict', `episode ${id} has ended`, { reason: 'episode-ended' });
  return ok(row);
}

/** What leaving the virtual bed writes: the episode ended, its stay discharged, the bed free again (no cleaning at home). */
function leaveEdits(episode: EpisodeRow, at: string, fields: Record<string, FieldValue>): RecordEdit[] {
  const edits: RecordEdit[] = [{ c: 'episode', id: episode.id, fields: { endedAt: at, ...fields } }];
  if (episode.stay) edits.push({ c: 'stay', id: episode.stay, fields: { status: 'discharged', dischargedAt: at } });
  if (episode.bed) edits.push({ c: 'bed', id: episode.bed, fields: { status: 'free' } });
  return edits;
}

export const homehospitalCommands = {
  'episode.board': (ctx) => ok(readVirtualWard(ctx.store.db, ctx.unit, ctx.now())),

  'episode.shared': (ctx) => ok(readSharedEpisodes(ctx.store.db, ctx.unit)),

  'episode.admit': (ctx, input) => {
    if (!isVirtualWard(ctx)) return fail('conflict', 'episodes are admitted on a home-hospital unit', { reason: 'not-virtual-ward' });
    const lookup = unitLookups(ctx.store.db, ctx.unit);
    const bed = lookup.bedByLabel(input.bed);
    if (!bed) return fail('not-found', `virtual bed ${input.bed} does not exist`, { reason: 'bed-unknown', bed: input.bed });
    if (bed.status !== 'free') return fail('conflict', `virtual bed ${bed.label} is ${bed.status}, not free`, { reason: 'bed-not-free', bed: bed.label, status: bed.status });
    const now = ctx.now().getTime();
    const startedAt = input.startedAt === undefined ? now : Date.parse(input.startedAt);
    const problem = episodeStartProblem(startedAt, input.plannedEnd, now);
    if (problem === 'start-out-of-range') return fail('invalid-input', `startedAt: within the last ${MAX_BACKDATE_DAYS} days, not in the future`, { reason: problem });
    if (problem === 'end-before-start') return fail('invalid-input', 'plannedEnd: on or after the day the episode starts', { reason: problem });
    if (input.homeCareUnit === ctx.unit) return fail('invalid-input', 'homeCareUnit: another unit, the municipal home care', { reason: 'home-care-self' });
    const identity = input.nationalId === undefined ? null : readNationalIdInput(input.nationalId, ctx.now(), { birthDate: input.birthDate, idType: input.idType });
    if (identity && !identity.ok) return identity;
    const started = new Date(startedAt).toISOString();
    const stayId = newId();
    const id = newId();
    const initials = input.initials.toUpperCase();
    const edits: RecordEdit[] = [
      {
        c: 'stay',
        id: stayId,
        fields: { unit: ctx.unit, bed: bed.id, initials, name: input.name, birthDate: input.birthDate, admittedAt: started, expectedDischarge: input.plannedEnd, shielded: false, status: 'active', deleted: false },
      },
      { c: 'bed', id: bed.id, fields: { status: 'occupied' } },
      {
        c: 'episode',
        id,
        fields: {
          unit: ctx.unit,
          stay: stayId,
          bed: bed.id,
          initials,
          startedAt: started,
          plannedEnd: input.plannedEnd,
          nextVisitAt: input.nextVisit ? new Date(input.nextVisit.at).toISOString() : null,
          nextVisitBy: input.nextVisit?.by ?? null,
          homeCareUnit: input.homeCareUnit ?? null,
          note: input.note === undefined || input.note === '' ? null : input.note,
          patientKey: identity === null || input.nationalId === undefined ? null : patientKey(ctx, identity.value.kind, input.nationalId),
          keyedUnder: identity === null || input.nationalId === undefined ? null : ctx.pseudonyms.fingerprint(),
          deleted: false,
        },
      },
    ];
    ctx.store.commit({ actor: ctx.actor, action: 'episode.admit', collection: 'episode', record: id, detail: bed.label }, edits);
    return ok({ id });
  },

  'episode.recordRound': (ctx, input) => {
    const episode = openEpisode(ctx, input.id);
    if (!episode.ok) return episode;
    const now = ctx.now();
    const kind = input.kind ?? 'round';
    const roundId = newId();
    const edits: RecordEdit[] = [
      {
        c: 'episodeRound',
        id: roundId,
        fields: { unit: ctx.unit, episode: input.id, kind, mode: input.mode, day: osloDay(now.getTime()), at: now.toISOString(), by: ctx.actor, note: input.note === undefined || input.note === '' ? null : input.note, deleted: false },
      },
    ];
    if (input.nextVisit) edits.push({ c: 'episode', id: input.id, fields: { nextVisitAt: new Date(input.nextVisit.at).toISOString(), nextVisitBy: input.nextVisit.by } });
    ctx.store.commit({ actor: ctx.actor, action: 'episode.recordRound', collection: 'episode', record: input.id, detail: `${kind} ${input.mode}` }, edits);
    return ok({ id: roundId });
  },

  'episode.planVisit': (ctx, input) => {
    const episode = openEpisode(ctx, input.id);
    if (!episode.ok) return episode;
    ctx.store.commit({ actor: ctx.actor, action: 'episode.planVisit', collection: 'episode', record: input.id, detail: input.by }, [
      { c: 'episode', id: input.id, fields: { nextVisitAt: new Date(input.at).toISOString(), nextVisitBy: input.by } },
    ]);
    return ok({ id: input.id });
  },

  'episode.escalate': (ctx, input) => {
    const episode = openEpisode(ctx, input.id);
    if (!episode.ok) return episode;
    const at = ctx.now().toISOString();
    const fields: Record<string, FieldValue> = { escalatedAt: at, escalatedTo: input.to, outcome: 'back-to-ward' };
    if (input.note !== undefined && input.note !== '') fields.note = input.note;
    ctx.store.commit({ actor: ctx.actor, action: 'episode.escalate', collection: 'episode', record: input.id, detail: input.to }, leaveEdits(episode.value, at, fields));
    return ok({ id: input.id });
  },

  'episode.end': (ctx, input) => {
    const episode = openEpisode(ctx, input.id);
    if (!episode.ok) return episode;
    const at = ctx.now().toISOString();
    ctx.store.commit({ actor: ctx.actor, action: 'episode.end', collection: 'episode', record: input.id, detail: input.outcome }, leaveEdits(episode.value, at, { outcome: input.outcome }));
    return ok({ id: input.id });
  },

  'episode.settings': (ctx, input) => {
    if (!isVirtualWard(ctx)) return fail('conflict', 'round times are set on a home-hospital unit', { reason: 'not-virtual-ward' });
    ctx.store.commit({ actor: ctx.actor, action: 'episode.settings', collection: 'unit', record: ctx.unit, detail: `${input.amber}–${input.red}` }, [
      { c: 'unit', id: ctx.unit, fields: { episodeRoundAmber: input.amber, episodeRoundRed: input.red } },
    ]);
    return ok({ id: ctx.unit });
  },
} satisfies { [K in HomehospitalCommandName]: Handler<K> };
