/**
 * Handlers of the shared reception's commands (shared/api/commands/encounter.ts). The shared
 * encounter goes into the unit's scope, the private fields into the board's organisation's own
 * scope, and every audit line into that organisation's own log: nothing a command writes about a
 * patient reaches the other organisation (docs/shared-reception.md).
 */

import type { EncounterCommandName } from '../../shared/api/contract.js';
import { fail, ok, type Result } from '../../shared/api/result.js';
import type { FieldValue } from '../../shared/domain/schema.js';
import { privateScope } from '../../shared/reception/reception-kinds.js';
import { newId, type CommandContext, type Handler } from '../replica/command-context.js';
import { readEncounterList } from './encounter-list.js';
import { heldBays, receptionUnit, type ReceptionUnit } from './reception-unit.js';
import { noteKeyedUnder } from '../replica/keyed-under.js';
import { readNationalIdInput } from '../privacy/national-id-input.js';

interface OpenEncounter {
  id: string;
  owner: string;
  responsible: string;
  colour: string | null;
  triagedAt: string | null;
  assessedAt: string | null;
  status: string;
}

/** The reception and this board's organisation, or why the command cannot run here. */
function reception(ctx: CommandContext): Result<{ unit: ReceptionUnit; organisation: string }> {
  const unit = receptionUnit(ctx.store.db, ctx.unit);
  if (!unit || unit.kind !== 'shared-reception') return fail('conflict', 'the unit is not a shared reception (unit.configure)', { reason: 'not-reception' });
  if (!ctx.organisation) return fail('conflict', 'this board runs for no organisation (--organisation)', { reason: 'organisation-missing' });
  if (!unit.organisations.includes(ctx.organisation)) {
    return fail('conflict', `the reception has no organisation ${ctx.organisation}`, { reason: 'organisation-unknown' });
  }
  return ok({ unit, organisation: ctx.organisation });
}

function openEncounter(ctx: CommandContext, id: string): Result<OpenEncounter> {
  const row = ctx.store.db
    .prepare('SELECT id, owner, responsible, colour, triagedAt, assessedAt, status, disposedAt FROM encounter WHERE id = ? AND unit = ? AND deleted = 0')
    .get(id, ctx.unit) as (OpenEncounter & { disposedAt: string | null }) | undefined;
  if (!row) return fail('not-found', `no encounter ${id} in this reception`, { reason: 'encounter-unknown' });
  if (row.disposedAt) return fail('conflict', 'the encounter has left the reception', { reason: 'encounter-disposed' });
  return ok(row);
}

/**
 * A keyed pseudonym of the national identity number (main/privacy/pseudonym.ts): the same person
 * matches within the organisation, the number is never stored; the store names the secret it was made under.
 */
function idKey(ctx: CommandContext, organisation: string, nationalId: string): string {
  noteKeyedUnder(ctx.store.db, ctx.pseudonyms);
  return ctx.pseudonyms.of('reception-id', ctx.municipality, organisation, nationalId);
}

/** Checks a bay: configured, and free unless `self` holds it. */
function bayProblem(ctx: CommandContext, unit: ReceptionUnit, bay: string, self?: string): Result<never> | undefined {
  if (!unit.bays.includes(bay)) return fail('not-found', `bay ${bay} does not exist`, { reason: 'bay-unknown', bay });
  const holder = heldBays(ctx.store.db, ctx.unit).get(bay);
  if (holder !== undefined && holder !== self) return fail('conflict', `bay ${bay} is taken`, { reason: 'bay-taken', bay });
  return undefined;
}

/** The reception, this board's organisation and an encounter still in the room, or why not. */
function inRoom(ctx: CommandContext, id: string): Result<{ unit: ReceptionUnit; organisation: string; encounter: OpenEncounter }> {
  const here = reception(ctx);
  if (!here.ok) return here;
  const found = openEncounter(ctx, id);
  if (!found.ok) return found;
  return ok({ ...here.value, encounter: found.value });
}

export const encounterCommands = {
  'encounter.list': (ctx) => ok(readEncounterList(ctx.store.db, ctx.unit, ctx.organisation ?? null, ctx.now(), ctx.staff !== null)),

  'encounter.arrive': (ctx, input) => {
    const here = reception(ctx);
    if (!here.ok) return here;
    const { unit, organisation } = here.value;
    if (input.organisation !== undefined && input.organisation !== organisation) {
      return fail('forbidden', `a board of ${organisation} registers its own arrivals only`, { reason: 'organisation-not-own' });
    }
    if (input.bay !== undefined) {
      const problem = bayProblem(ctx, unit, input.bay);
      if (problem) return problem;
    }
    if (input.nationalId !== undefined) {
      const identity = readNationalIdInput(input.nationalId, ctx.now());
      if (!identity.ok) return identity;
    }
    const id = newId();
    const now = ctx.now().toISOString();
    const scope = privateScope(ctx.unit, organisation);
    const shared: Record<string, FieldValue> = {
      unit: ctx.unit,
      owner: organisation,
      responsible: organisation,
      label: input.label,
      bay: input.bay ?? null,
      status: 'waiting',
      arrivedAt: now,
      deleted: false,
    };
    const own: Record<string, FieldValue> = {
      unit: ctx.unit,
      organisation,
      name: input.name ?? null,
      idKey: input.nationalId === undefined ? null : idKey(ctx, organisation, input.nationalId),
      reason: input.reason ?? null,
      note: input.note ?? null,
      deleted: false,
    };
    ctx.store.commit({ actor: ctx.actor, action: 'encounter.arrive', collection: 'encounter', record: id, detail: input.label, scope }, [
      { c: 'encounter', id, fields: shared },
      { c: 'encounterPrivate', id, fields: own, scope },
    ]);
    return ok({ id });
  },

  'encounter.triage': (ctx, input) => {
    const here = inRoom(ctx, input.id);
    if (!here.ok) return here;
    const found = { value: here.value.encounter };
    const at = ctx.now().toISOString();
    const fields: Record<string, FieldValue> = { colour: input.colour, colourSetAt: at };
    // The first triage time is kept: a later colour changes the colour and its own time only.
    if (!found.value.triagedAt) fields.triagedAt = at;
    if (found.value.status === 'waiting') fields.status = 'triaged';
    ctx.store.commit(
      { actor: ctx.actor, action: 'encounter.triage', collection: 'encounter', record: input.id, detail: input.colour, scope: privateScope(ctx.unit, here.value.organisation) },
      [
        { c: 'encounter', id: input.id, fields },
        { c: 'encounterTriage', id: newId(), fields: { unit: ctx.unit, encounter: input.id, colour: input.colour, at, deleted: false } },
      ],
    );
    return ok({ id: input.id });
  },

  'encounter.assess': (ctx, input) => {
    const here = inRoom(ctx, input.id);
    if (!here.ok) return here;
    const found = { value: here.value.encounter };
    if (input.bay !== undefined) {
      const problem = bayProblem(ctx, here.value.unit, input.bay, input.id);
      if (problem) return problem;
    }
    const fields: Record<string, FieldValue> = { status: 'assessment' };
    if (!found.value.assessedAt) fields.assessedAt = ctx.now().toISOString();
    if (input.bay !== undefined) fields.bay = input.bay;
    ctx.store.commit(
      { actor: ctx.actor, action: 'encounter.assess', collection: 'encounter', record: input.id, scope: privateScope(ctx.unit, here.value.organisation) },
      [{ c: 'encounter', id: input.id, fields }],
    );
    return ok({ id: input.id });
  },

  'encounter.note': (ctx, input) => {
    const here = inRoom(ctx, input.id);
    if (!here.ok) return here;
    const found = { value: here.value.encounter };
    if (found.value.owner !== here.value.organisation) {
      return fail('forbidden', 'the note belongs to the organisation that owns the encounter', { reason: 'organisation-not-owner' });
    }
    const scope = privateScope(ctx.unit, here.value.organisation);
    ctx.store.commit({ actor: ctx.actor, action: 'encounter.note', collection: 'encounter', record: input.id, scope }, [
      { c: 'encounterPrivate', id: input.id, fields: { note: input.note }, scope },
    ]);
    return ok({ id: input.id });
  },

  'encounter.handover': (ctx, input) => {
    const here = inRoom(ctx, input.id);
    if (!here.ok) return here;
    const found = { value: here.value.encounter };
    const { organisation, unit } = here.value;
    if (!unit.organisations.includes(input.to)) return fail('not-found', `the reception has no organisation ${input.to}`, { reason: 'organisation-unknown' });
    if (found.value.responsible !== organisation) {
      return fail('forbidden', 'only the responsible organisation hands an encounter over', { reason: 'organisation-not-responsible' });
    }
    if (input.to === organisation) return fail('conflict', `the encounter is already ${organisation}'s`, { reason: 'handover-same' });
    const handover = newId();
    const at = ctx.now().toISOString();
    // The giving organisation's log gets this line; the receiving one's boards log theirs when the handover reaches them (handover-audit.ts).
    ctx.store.commit(
      { actor: ctx.actor, action: 'encounter.handover', collection: 'encounterHandover', record: handover, detail: `${organisation} → ${input.to}`, scope: privateScope(ctx.unit, organisation) },
      [
        { c: 'encounter', id: input.id, fields: { responsible: input.to } },
        {
          c: 'encounterHandover',
          id: handover,
          fields: { unit: ctx.unit, encounter: input.id, from: organisation, to: input.to, at, by: ctx.actor, board: ctx.store.board, deleted: false },
        },
      ],
    );
    return ok({ id: input.id });
  },

  'encounter.dispose': (ctx, input) => {
    const here = inRoom(ctx, input.id);
    if (!here.ok) return here;
    const found = { value: here.value.encounter };
    if (found.value.responsible !== here.value.organisation) {
      return fail('forbidden', 'only the responsible organisation decides where the patient goes', { reason: 'organisation-not-responsible' });
    }
    ctx.store.commit(
      { actor: ctx.actor, action: 'encounter.dispose', collection: 'encounter', record: input.id, detail: input.disposition, scope: privateScope(ctx.unit, here.value.organisation) },
      // Leaving empties the bay.
      [{ c: 'encounter', id: input.id, fields: { status: input.disposition, disposition: input.disposition, disposedAt: ctx.now().toISOString(), bay: null } }],
    );
    return ok({ id: input.id });
  },
} satisfies { [K in EncounterCommandName]: Handler<K> };
