/**
 * The replica's own wall behind the broker's ACL: who announced itself where, who may ask this
 * replica for a scope's state, and which changes of a batch may enter the scope they arrived on
 * (the rules of shared/sync/scope-rules.ts, given what the store holds). Live batches, sync pages
 * and pushes all pass through `admit`.
 */

import type { SyncStatus } from '../../shared/api/contract.js';
import type { Change } from '../../shared/sync/change.js';
import { HUB_SCOPE } from '../../shared/sync/protocol.js';
import { scopeProblem, type HeldIn, type Refusal, type TransferFacts, type Wall, type Writer } from '../../shared/sync/scope-rules.js';
import { logger } from '../log.js';
import { parsePrivateScope } from '../../shared/reception/reception-kinds.js';
import type { FieldStore } from '../store/field-store.js';

/** Where a node announced itself: scope -> online. */
type Announcements = Map<string, boolean>;

/** The unit a scope belongs to (an organisation's private scope belongs to its reception). */
const unitOf = (scope: string) => parsePrivateScope(scope)?.unit ?? scope;

/** How many refusals of one batch are logged one by one; the rest only counted. */
const LOGGED_PER_BATCH = 5;

export class InboundScope {
  private readonly announced = new Map<string, Announcements>();
  private readonly heldScope;
  private readonly heldScopes;
  private readonly heldStamp;
  private readonly heldTransfer;

  constructor(
    private readonly store: FieldStore,
    private readonly replica: { municipality: string; role: 'board' | 'hub' },
  ) {
    this.heldScope = store.db.prepare('SELECT scope FROM field_state WHERE collection = ? AND id = ? LIMIT 1').pluck();
    // The same for many records in one call: [collection, id] pairs as a JSON array, scopes in its order.
    this.heldScopes = store.db
      .prepare('SELECT (SELECT scope FROM field_state WHERE collection = j.value ->> 0 AND id = j.value ->> 1 LIMIT 1) FROM json_each(?) j ORDER BY j.key')
      .pluck();
    this.heldStamp = store.db.prepare('SELECT hlc FROM field_state WHERE collection = ? AND id = ? AND field = ?').pluck();
    this.heldTransfer = store.db.prepare('SELECT fromUnit, toUnit, stay, acceptedAt, scheduledFor FROM transfer WHERE id = ?');
  }

  /**
   * Records a node's presence; the reason when it is refused (a hub outside `_hub`, a board inside).
   * A node id announced in a second unit is recorded, not refused: node ids are no secret (they are
   * in every stamp), so first-come would let one unit lock another's board out by squatting its id.
   */
  announce(scope: string, node: string, role: 'board' | 'hub', online: boolean): string | undefined {
    if ((scope === HUB_SCOPE) !== (role === 'hub')) return role === 'hub' ? 'a hub announces itself under _hub only' : `a ${role} announced itself under _hub`;
    const scopes = this.announced.get(node) ?? new Map<string, boolean>();
    // A shared reception's board announces itself in its unit and its organisation's scope: one unit.
    if (!scopes.has(scope) && [...scopes.keys()].some((other) => other !== HUB_SCOPE && unitOf(other) !== unitOf(scope))) {
      logger.warn({ node, scope, before: [...scopes.keys()] }, 'a node id announced in a second unit');
    }
    this.announced.set(node, scopes.set(scope, online));
    return undefined;
  }

  /** Why `node` may not publish changes into `scope`: it announced itself in other units only. */
  senderProblem(scope: string, node: string): string | undefined {
    const scopes = this.announced.get(node);
    if (!scopes || scopes.has(scope) || scopes.has(HUB_SCOPE)) return undefined;
    return `node ${node} announced itself in ${[...scopes.keys()].join(', ')}, not ${scope}`;
  }

  /**
   * Who a batch from `node` in `scope` counts as: the hub only as announced under `_hub` (which the
   * broker's ACL keeps to hub identities). A hub takes another hub of its municipality as the hub
   * too: two hubs may run at once, and each writes the same derived records (docs/protocol.md, "Two hubs").
   */
  writer(scope: string, node: string): Writer {
    const hub = this.announced.get(node)?.has(HUB_SCOPE) === true;
    return hub ? { kind: 'hub' } : { kind: 'unit', unit: scope };
  }

  /**
   * Whether `node` may read `scope` from this replica: online in that unit, or online as the hub. A
   * hub answers another hub of its municipality for every unit: the hub-only records (capacity) one
   * hub wrote reach the other from it alone, never relayed by a board (docs/protocol.md, "Two hubs").
   */
  mayRequest(scope: string, node: string): boolean {
    const scopes = this.announced.get(node);
    return scopes?.get(scope) === true || scopes?.get(HUB_SCOPE) === true;
  }

  /** Splits a batch into what may enter `scope` and what is refused; the rest of the batch still applies. */
  admit(scope: string, writer: Writer, changes: readonly Change[]): { admitted: Change[]; refused: Refusal[] } {
    const admitted: Change[] = [];
    const refused: Refusal[] = [];
    const brought = new Map<string, string>();
    const stored = this.storedScopes(changes);
    const heldIn: HeldIn = (c, id) => {
      const key = `${c}/${id}`;
      if (brought.has(key)) return brought.get(key);
      if (!stored.has(key)) stored.set(key, this.heldScope.get(c, id) as string | undefined);
      return stored.get(key);
    };
    const replica = { municipality: this.replica.municipality, isHub: this.replica.role === 'hub', heldIn };
    const transferChanges = new Map<string, Change[]>();
    for (const change of changes) if (change.c === 'transfer') transferChanges.set(change.id, [...(transferChanges.get(change.id) ?? []), change]);
    const transfers = new Map<string, TransferFacts>();
    for (const change of changes) {
      const facts = change.c === 'transfer' ? this.transferFacts(change.id, transferChanges.get(change.id) ?? [], writer, transfers) : undefined;
      const problem = scopeProblem(replica, scope, writer, change, facts);
      // A value this replica already holds (or holds newer) changes nothing: relays of the other side's fields pass.
      if (problem && !this.isStale(change)) {
        refused.push({ change, ...problem });
        continue;
      }
      admitted.push(change);
      if (heldIn(change.c, change.id) === undefined) brought.set(`${change.c}/${change.id}`, scope);
    }
    return { admitted, refused };
  }

  /** Where the store holds each record the batch writes: read once per batch (records it points at are read as met). */
  private storedScopes(changes: readonly Change[]): Map<string, string | undefined> {
    const keys = new Map<string, [string, string]>();
    for (const { c, id } of changes) keys.set(`${c}/${id}`, [c, id]);
    const scopes = this.heldScopes.all(JSON.stringify([...keys.values()])) as (string | null)[];
    const stored = new Map<string, string | undefined>();
    let i = 0;
    for (const key of keys.keys()) stored.set(key, scopes[i++] ?? undefined);
    return stored;
  }

  private isStale(change: Change): boolean {
    const held = this.heldStamp.get(change.c, change.id, change.f) as string | undefined;
    return held !== undefined && held >= change.s;
  }

  /** A transfer's ends and stay as held (they never change), else as the batch's changes of it name them. */
  private transferFacts(id: string, changes: readonly Change[], writer: Writer, cache: Map<string, TransferFacts>): TransferFacts {
    const cached = cache.get(id);
    if (cached) return cached;
    type Held = { fromUnit: string | null; toUnit: string | null; stay: string | null; acceptedAt: string | null; scheduledFor: string | null };
    const held = this.heldTransfer.get(id) as Held | undefined;
    const named = (field: string): string | null => {
      const last = changes.filter((c) => c.f === field).at(-1);
      return typeof last?.v === 'string' ? last.v : null;
    };
    const fromUnit = held?.fromUnit ?? named('fromUnit');
    const toUnit = held?.toUnit ?? named('toUnit');
    // Acceptance in this batch counts only when the receiving side (or the hub) sent it.
    const receiver = writer.kind === 'hub' || writer.unit === toUnit;
    const accepted = Boolean(held?.acceptedAt || held?.scheduledFor) || (receiver && (named('acceptedAt') !== null || named('scheduledFor') !== null));
    const facts: TransferFacts = {
      fromUnit,
      toUnit,
      stay: held?.stay ?? named('stay'),
      held: held && { fromUnit: held.fromUnit, toUnit: held.toUnit, stay: held.stay },
      accepted,
    };
    cache.set(id, facts);
    return facts;
  }
}

/** Counts refusals into the sync status (`rejected` and its breakdown `rejectedBy`) and logs them. */
export function countRefusals(status: SyncStatus, refusals: readonly { wall: Wall; reason: string; change?: Change }[], context: Record<string, unknown>): void {
  if (refusals.length === 0) return;
  const by = (status.rejectedBy ??= {});
  for (const { wall } of refusals) by[wall] = (by[wall] ?? 0) + 1;
  status.rejected += refusals.length;
  for (const { wall, reason, change } of refusals.slice(0, LOGGED_PER_BATCH)) {
    logger.warn({ ...context, wall, reason, record: change && `${change.c}/${change.id}.${change.f}` }, 'inbound refused');
  }
  if (refusals.length > LOGGED_PER_BATCH) logger.warn({ ...context, more: refusals.length - LOGGED_PER_BATCH }, 'more inbound refused');
}
