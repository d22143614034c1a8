/**
 * The walls behind the broker's ACL, as pure rules: what a change may do in the scope it arrived
 * on, given who wrote it (judged by the topic and the sender's announcement, never by fields inside
 * the record) and what the receiving replica already holds. main/sync/inbound-scope.ts gathers the
 * facts from the store and applies these to every live batch, sync page and push.
 */

import type { CollectionName, FieldName } from '../domain/schema.js';
import type { Change } from './change.js';
import { parsePrivateScope } from '../reception/reception-kinds.js';

/**
 * Who wrote a batch. `hub`: the node announced under the hub scope (only a board trusts this: it
 * is how the other unit's transfer steps reach it). `unit`: any replica of the unit whose topic
 * the batch arrived on — on the hub every sender is one, for the ACL ties topics to units.
 */
export type Writer = { kind: 'hub' } | { kind: 'unit'; unit: string };

/** Which wall refused something: the breakdown of `rejected` in /healthz (`rejectedBy`); `storage`: a batch this replica could not write. */
export const WALLS = ['message', 'schema', 'drift', 'scope', 'side', 'sender', 'request', 'settlement', 'storage'] as const;
export type Wall = (typeof WALLS)[number];

/** A refused change and why. */
export interface Refusal {
  change: Change;
  wall: Wall;
  reason: string;
}

/** A transfer end: the sending unit (`from`) or the receiving one (`to`). */
export type TransferSide = 'from' | 'to';

/**
 * Which end writes each transfer field (docs/protocol.md, Walls): the request's facts and the
 * cancel are the sender's; accept, schedule, decline and the bed are the receiver's; either end
 * may complete (each writes its own side of the move), and every step sets `status`.
 */
export const TRANSFER_FIELD_SIDES: Record<FieldName<'transfer'>, TransferSide | 'both'> = {
  fromUnit: 'from',
  toUnit: 'from',
  stay: 'from',
  requestedAt: 'from',
  cancelledAt: 'from',
  initials: 'from',
  flags: 'from',
  adl: 'from',
  shielded: 'from',
  origin: 'from',
  idProblem: 'from',
  requestedBy: 'from',
  cancelledBy: 'from',
  summary: 'from',
  deleted: 'from',
  acceptedAt: 'to',
  scheduledFor: 'to',
  scheduledAt: 'to',
  declinedAt: 'to',
  declineReason: 'to',
  toBed: 'to',
  toBedLabel: 'to',
  acceptedBy: 'to',
  declinedBy: 'to',
  completedAt: 'both',
  completedByStaff: 'both',
  completedBy: 'both',
  status: 'both',
};

/** The `status` each end's own steps set (the hub, normalising, may set any). */
const STATUS_OF_SIDE: Record<TransferSide, readonly string[]> = {
  from: ['requested', 'cancelled', 'completed'],
  to: ['accepted', 'scheduled', 'declined', 'completed'],
};

/** Collections only the hub writes; a board never publishes them and the hub takes them from no one. */
const HUB_ONLY: ReadonlySet<CollectionName> = new Set(['capacity', 'episodeShare']);

/** Collections whose `unit` field must name the scope the record lives in. */
const UNIT_FIELD: ReadonlySet<CollectionName> = new Set(['bed', 'stay', 'task', 'staffing', 'handover', 'pathwayTemplate', 'pathwayTemplateStep', 'pathway', 'pathwayStep', 'alarm', 'alarmAccept', 'episode', 'episodeRound', 'episodeShare', 'encounter', 'encounterTriage', 'encounterHandover']);

/** What an organisation's private scope in a shared reception holds (docs/shared-reception.md): its private fields and its own log. */
const PRIVATE_SCOPE_COLLECTIONS: ReadonlySet<CollectionName> = new Set(['encounterPrivate', 'auditEntry']);

/** Fields that point at another record, which must live in the same scope. */
const POINTS_AT: Partial<Record<CollectionName, Record<string, CollectionName>>> = {
  stay: { bed: 'bed' },
  task: { stay: 'stay' },
  pathwayTemplateStep: { template: 'pathwayTemplate' },
  pathway: { stay: 'stay' },
  pathwayStep: { pathway: 'pathway' },
  alarm: { stay: 'stay' },
  alarmAccept: { alarm: 'alarm' },
  episode: { stay: 'stay', bed: 'bed' },
  episodeRound: { episode: 'episode' },
  encounterTriage: { encounter: 'encounter' },
  encounterHandover: { encounter: 'encounter' },
};

/** Where a record is held (in the store, or earlier in the same batch): its scope, undefined when not held. */
export type HeldIn = (collection: CollectionName, id: string) => string | undefined;

/** What the receiving replica knows of a transfer: as held, else as this batch names it. */
export interface TransferFacts {
  fromUnit: string | null;
  toUnit: string | null;
  stay: string | null;
  /** The ends and stay as already held (they never change once set). */
  held: { fromUnit: string | null; toUnit: string | null; stay: string | null } | undefined;
  /** The receiving unit accepted or scheduled (held, or earlier in this batch). */
  accepted: boolean;
}

export interface ReceivingReplica {
  municipality: string;
  /** The hub: it holds every unit, so it can check a transfer's stay and settles the move. */
  isHub: boolean;
  heldIn: HeldIn;
}

/** Why `change`, arriving in `scope` from `writer`, may not be applied; undefined when it may. */
export function scopeProblem(
  replica: ReceivingReplica,
  scope: string,
  writer: Writer,
  change: Change,
  transfer?: TransferFacts,
): { wall: Wall; reason: string } | undefined {
  if (change.c === 'transfer') return transferProblem(replica, scope, writer, change, transfer);
  const held = replica.heldIn(change.c, change.id);
  if (held !== undefined && held !== scope) return { wall: 'scope', reason: `${change.c} ${change.id} belongs to ${held}` };
  if (HUB_ONLY.has(change.c) && writer.kind !== 'hub') return { wall: 'side', reason: `only the hub writes ${change.c}` };
  const reception = privateScopeProblem(scope, change);
  if (reception) return { wall: 'scope', reason: reception };
  if (change.c === 'unit') {
    if (change.id !== scope) return { wall: 'scope', reason: `unit ${change.id} is not ${scope}` };
    if (change.f === 'municipality' && change.v !== null && change.v !== replica.municipality) {
      return { wall: 'scope', reason: `unit of another municipality (${String(change.v)})` };
    }
  }
  if (UNIT_FIELD.has(change.c) && change.f === 'unit' && change.v !== scope) {
    return { wall: 'scope', reason: `${change.c}.unit ${String(change.v)} is not ${scope}` };
  }
  const target = POINTS_AT[change.c]?.[change.f];
  if (target && typeof change.v === 'string') {
    const where = replica.heldIn(target, change.v);
    if (where !== undefined && where !== scope) return { wall: 'scope', reason: `${change.c}.${change.f} points at a ${target} of ${where}` };
  }
  return undefined;
}

/** Private fields live only in their organisation's scope, and that scope holds nothing else. */
function privateScopeProblem(scope: string, change: Change): string | undefined {
  const own = parsePrivateScope(scope);
  if (!own) return change.c === 'encounterPrivate' ? 'encounterPrivate lives in an organisation\'s own scope only' : undefined;
  if (!PRIVATE_SCOPE_COLLECTIONS.has(change.c)) return `${change.c} does not belong in ${scope}`;
  if (change.c === 'encounterPrivate' && change.f === 'unit' && change.v !== own.unit) return `encounterPrivate.unit ${String(change.v)} is not ${own.unit}`;
  if (change.c === 'encounterPrivate' && change.f === 'organisation' && change.v !== own.organisation) {
    return `encounterPrivate.organisation ${String(change.v)} is not ${own.organisation}`;
  }
  return undefined;
}

function transferProblem(
  replica: ReceivingReplica,
  scope: string,
  writer: Writer,
  change: Change,
  facts: TransferFacts | undefined,
): { wall: Wall; reason: string } | undefined {
  const record = facts && transferRecordProblem(replica, scope, facts);
  if (!facts || record) return { wall: 'scope', reason: record ?? 'a transfer must name both its units' };
  const { fromUnit, toUnit } = facts as { fromUnit: string; toUnit: string };
  const end = change.f as FieldName<'transfer'>;
  if (facts.held && (end === 'fromUnit' || end === 'toUnit' || end === 'stay') && change.v !== facts.held[end]) {
    return { wall: 'scope', reason: `a transfer's ${end} is set once by its request` };
  }
  if (writer.kind === 'hub') {
    if (end === 'completedBy' && change.v !== null && change.v !== fromUnit && change.v !== toUnit) return { wall: 'side', reason: 'completedBy names neither end' };
    return undefined;
  }
  const side: TransferSide = writer.unit === fromUnit ? 'from' : 'to';
  // A transfer this replica does not hold yet is a request, the sending unit's alone to make.
  if (!facts.held && side !== 'from') return { wall: 'side', reason: `only ${fromUnit} requests a transfer from ${fromUnit}` };
  const owner = TRANSFER_FIELD_SIDES[end];
  if (owner !== 'both' && owner !== side) {
    return { wall: 'side', reason: `only the ${owner === 'from' ? 'sending' : 'receiving'} unit writes transfer.${end}` };
  }
  if (end === 'completedBy' && change.v !== null && change.v !== writer.unit) return { wall: 'side', reason: `${writer.unit} wrote completedBy ${String(change.v)}` };
  if (end === 'status' && typeof change.v === 'string' && !STATUS_OF_SIDE[side].includes(change.v)) {
    return { wall: 'side', reason: `the ${side === 'from' ? 'sending' : 'receiving'} unit cannot make a transfer ${change.v}` };
  }
  // The hub moves patients on a completion, so it takes one only once the receiving unit agreed.
  if (replica.isHub && end === 'completedAt' && change.v !== null && !facts.accepted) {
    return { wall: 'side', reason: 'completed before the receiving unit accepted' };
  }
  return undefined;
}

/** What is wrong with a transfer record as a whole in this scope (its ends, its stay). */
function transferRecordProblem(replica: ReceivingReplica, scope: string, facts: TransferFacts): string | undefined {
  const { fromUnit, toUnit, stay } = facts;
  if (!fromUnit || !toUnit) return 'a transfer must name both its units';
  if (fromUnit === toUnit) return 'a transfer joins two different units';
  if (scope !== fromUnit && scope !== toUnit) return `transfer between ${fromUnit} and ${toUnit} does not join ${scope}`;
  // A replica holding the sending unit holds the stay before any transfer of it (it is published first).
  if (stay !== null && (replica.isHub || scope === fromUnit)) {
    const where = replica.heldIn('stay', stay);
    if (where !== fromUnit) return where === undefined ? `transfer of stay ${stay} that ${fromUnit} does not hold` : `transfer from ${fromUnit} of a stay of ${where}`;
  }
  return undefined;
}
