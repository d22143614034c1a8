/**
 * The field store: typed tables holding the current value of every synced field, the stamp that
 * value won with, the change log (outbox) and the audit log — all written in one transaction.
 * A board's audit entries are also records of the synced `auditEntry` collection, so every board
 * of the unit (and the hub) holds the unit's whole log; the hub's own entries stay local.
 */

import type { Statement } from 'better-sqlite3';
import {
  fieldSpec,
  isCollection,
  valueProblem,
  type CollectionName,
  type FieldValue,
} from '../../shared/domain/schema.js';
import type { Change } from '../../shared/sync/change.js';
import type { Refusal } from '../../shared/sync/scope-rules.js';
import { isStamp, type HybridLogicalClock } from '../../shared/sync/hlc.js';
import { HUB_SCOPE } from '../../shared/sync/protocol.js';
import { logger } from '../log.js';
import type { Db } from './database.js';
import { RefusedStamps } from './refused-stamps.js';
import { StorageHealth } from './storage-health.js';
import { ANY_EXPIRED_TOMBSTONE, collectExpired, cutoffStamp, DEFAULT_HORIZON_MS, dropRecords, unexpired, type Collected } from './horizon.js';

export interface AuditEntry {
  actor: string;
  action: string;
  collection?: string;
  record?: string;
  detail?: string;
  /** The scope the shared copy syncs in (a shared reception's organisation's own log); the store's own unit when absent. */
  scope?: string;
  /**
   * A line several boards may write alike (a shared reception's received handover): its shared
   * copy's id, time and board come from the shared record it logs, so the copies are one record.
   */
  sharedAs?: { id: string; at: string; board: string };
}

/** An audit entry as the `auditEntry` record's one field holds it (JSON). */
interface SharedAuditEntry {
  at: string;
  actor: string;
  action: string;
  collection: string | null;
  record: string | null;
  board: string;
  detail: string | null;
}

/** WAL pages between automatic checkpoints (SQLite's default is 1,000). */
const WAL_CHECKPOINT_PAGES = 10_000;

/** The page cache, in KiB (see the constructor). */
const PAGE_CACHE_KIB = 32 * 1024;

/** A detail longer than this is cut, so an entry always fits a text field (4,000 characters). */
const MAX_DETAIL = 1000;

/** Local edits to one record: field -> new value. */
export interface RecordEdit {
  c: CollectionName;
  id: string;
  fields: Record<string, FieldValue>;
  /** The unit whose scope the record syncs in; the store's own unit when absent. */
  scope?: string;
}

/** A change as logged in the outbox, with the scope it is published in. */
export interface ScopedChange {
  seq: number;
  scope: string;
  change: Change;
}

/**
 * What one committed transaction changed: the one announcement of the change path. Services turn
 * it into `state.changed` events, the sync engine drains its outbox on a local one.
 */
export interface CommitNotice {
  /** `local`: an edit made on this replica (stamped here, in the outbox); `remote`: merged from a peer. */
  origin: 'local' | 'remote';
  /** Every field the transaction changed, as stamped or merged; never empty. */
  changes: readonly Change[];
}

export type CommitListener = (notice: CommitNotice) => void;

/** How a store keeps time for its collection horizon. */
export interface StoreOptions {
  /** Wall clock in ms (tests compress time); Date.now when absent. */
  now?: () => number;
  /** How long tombstones, sent change-log rows and a board's shared audit entries are kept. */
  horizonMs?: number;
}

export interface ApplyOutcome {
  applied: Change[];
  stale: number;
  rejected: number;
  /** What was rejected and why (schema or clock drift), for the log. */
  refusals: Refusal[];
}

export class FieldStore {
  /** Local changes logged since this store opened (a rolled-back one too): tells callers an access wrote to the outbox. */
  localChanges = 0;
  /** Whether writes reach the disk: every write below reports to it. */
  readonly health = new StorageHealth();
  /** Stamps refused as too far ahead stay refused (docs/protocol.md, "Clocks"). */
  readonly refused: RefusedStamps;
  private readonly writers = new Map<string, Statement>();
  private readonly bulkWriters = new Map<string, Statement>();
  private countUnsent: Statement | undefined;
  private readUnsent: Statement | undefined;
  private markOne: Statement | undefined;
  private listScopes: Statement | undefined;
  private readonly commitListeners = new Set<CommitListener>();
  /** Runs a body in one transaction (made once: better-sqlite3 builds a wrapper per call of db.transaction). */
  private readonly inTransaction: (body: () => unknown) => unknown;
  private readonly putField: Statement;
  private readonly mergeField: Statement;
  private readonly logChange: Statement;
  private readonly logAudit: Statement;
  private readonly saveClock: Statement;
  private readonly readMeta: Statement;
  private readonly writeMeta: Statement;
  readonly horizonMs: number;
  private readonly now: () => number;

  constructor(
    readonly db: Db,
    readonly clock: HybridLogicalClock,
    readonly board: string,
    /** The scope of local edits that name none (a board's own unit). */
    readonly defaultScope: string,
    options: StoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.horizonMs = options.horizonMs ?? DEFAULT_HORIZON_MS;
    // A checkpoint copies the WAL's pages into the database file (and fsyncs both): every 10,000
    // pages (~40 MiB) rather than SQLite's 1,000, a page rewritten by many commits is copied once.
    // Durability is unchanged: with synchronous=FULL each commit's WAL frames are synced before it returns.
    db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
    // SQLite's default page cache is 2 MiB: a board's field_state, read model and their indexes
    // are ten times that, so a batch touching records at random re-read pages from the file and
    // spilt dirty ones to the WAL before its commit. The cache only grows as pages are used.
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    fitScopeIndex(db, defaultScope === HUB_SCOPE);
    this.inTransaction = db.transaction((body: () => unknown) => body());
    this.readMeta = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
    this.writeMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    // The merge rule of shared/sync/change.ts (incomingWins), done inside SQLite in one statement:
    // the row changes only when the incoming stamp is strictly greater.
    this.mergeField = db.prepare(
      'INSERT INTO field_state (collection, id, field, value, hlc, scope) VALUES (?, ?, ?, ?, ?, ?) ' +
        'ON CONFLICT (collection, id, field) DO UPDATE SET value = excluded.value, hlc = excluded.hlc ' +
        'WHERE excluded.hlc > field_state.hlc',
    );
    this.putField = db.prepare(
      'INSERT INTO field_state (collection, id, field, value, hlc, scope) VALUES (?, ?, ?, ?, ?, ?) ' +
        'ON CONFLICT (collection, id, field) DO UPDATE SET value = excluded.value, hlc = excluded.hlc',
    );
    this.logChange = db.prepare(
      'INSERT INTO change_log (collection, id, field, value, hlc, scope) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.logAudit = db.prepare(
      'INSERT INTO audit (at, actor, action, collection, record, board, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.saveClock = db.prepare(
      "INSERT INTO meta (key, value) VALUES ('hlc', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    );
    this.refused = new RefusedStamps(db);
    const saved = db.prepare("SELECT value FROM meta WHERE key = 'hlc'").get() as
      | { value: string }
      | undefined;
    clock.restore(saved?.value);
    this.mustStartOver(defaultScope);
  }

  /**
   * Stamps and applies local edits, logs them as unsent changes and writes the audit entry, all in
   * one transaction: when this returns, the edit is durable; when it throws, nothing was written.
   */
  commit(audit: AuditEntry, edits: RecordEdit[]): Change[] {
    const changes = this.write(() => {
      const stamped: Change[] = [];
      for (const edit of edits) stamped.push(...this.stampAndLog(edit));
      stamped.push(...this.writeAudit(audit));
      this.saveClock.run(this.clock.current());
      return stamped;
    });
    this.announce('local', changes);
    return changes;
  }

  /** Appends to the audit log on its own (unlock, reveal: accesses that change no other field). */
  audit(entry: AuditEntry): void {
    const changes = this.write(() => {
      const shared = this.writeAudit(entry);
      if (shared.length > 0) this.saveClock.run(this.clock.current());
      return shared;
    });
    this.announce('local', changes);
  }

  /** Subscribes to every committed transaction that changed a field; returns the unsubscribe. */
  onCommit(listener: CommitListener): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  /** Tells the listeners, after the transaction is durable; a failing listener cannot undo it. */
  private announce(origin: CommitNotice['origin'], changes: readonly Change[]): void {
    if (changes.length === 0) return;
    for (const listener of this.commitListeners) {
      try {
        listener({ origin, changes });
      } catch (error) {
        logger.error({ err: error, origin }, 'a commit listener failed; the commit itself stands');
      }
    }
  }

  /** One transaction, its outcome reported to the storage health. */
  private write<T>(body: () => T): T {
    return this.health.guard(() => this.inTransaction(body) as T);
  }

  /** Writes the board's own append-only entry and, on a board, the unit's shared copy of it. */
  private writeAudit(entry: AuditEntry): Change[] {
    const line: SharedAuditEntry = {
      at: entry.sharedAs?.at ?? new Date().toISOString(),
      actor: entry.actor,
      action: entry.action,
      collection: entry.collection ?? null,
      record: entry.record ?? null,
      board: entry.sharedAs?.board ?? this.board,
      detail: entry.detail === undefined ? null : entry.detail.slice(0, MAX_DETAIL),
    };
    const { lastInsertRowid } = this.logAudit.run(line.at, line.actor, line.action, line.collection, line.record, line.board, line.detail);
    if (this.defaultScope === HUB_SCOPE) return [];
    return this.stampAndLog({ c: 'auditEntry', id: entry.sharedAs?.id ?? `${this.board}-${lastInsertRowid}`, fields: { entry: JSON.stringify(line) }, scope: entry.scope });
  }

  /** Stamps one record's edited fields, applies them and logs them as unsent changes. */
  private stampAndLog(edit: RecordEdit): Change[] {
    const scope = edit.scope ?? this.defaultScope;
    const changes: Change[] = [];
    for (const [f, v] of Object.entries(edit.fields)) {
      const change: Change = { c: edit.c, id: edit.id, f, v, s: this.clock.tick() };
      const json = JSON.stringify(v);
      this.putField.run(change.c, change.id, change.f, json, change.s, scope);
      this.logChange.run(change.c, change.id, change.f, json, change.s, scope);
      changes.push(change);
      this.localChanges += 1;
    }
    this.writeRecord(edit.c, edit.id, edit.fields);
    return changes;
  }

  /** Merges remote changes of one scope in one transaction; a change that does not validate is rejected. */
  applyRemote(changes: readonly Change[], scope: string = this.defaultScope): ApplyOutcome {
    const outcome = this.mergeRemote(changes, scope);
    this.announce('remote', outcome.applied);
    return outcome;
  }

  private mergeRemote(changes: readonly Change[], scope: string): ApplyOutcome {
    return this.write(() => {
      const outcome: ApplyOutcome = { applied: [], stale: 0, rejected: 0, refusals: [] };
      const tooFarAhead = this.clock.driftCheck();
      // In key order, so the B-tree pages of field_state and the read model are visited in turn
      // (each once per transaction) rather than at random; the merge does not depend on order.
      // What applied is reported in the batch's own order.
      const records = new Map<string, RecordEdit>();
      const applied: number[] = [];
      let newest = '';
      for (const index of keyOrder(changes)) {
        const change = changes[index];
        const problem = changeProblem(change);
        if (problem) {
          outcome.rejected += 1;
          outcome.refusals.push({ change, wall: 'schema', reason: problem });
          continue;
        }
        if (this.refused.has(change.s)) {
          outcome.rejected += 1;
          outcome.refusals.push({ change, wall: 'drift', reason: 'a stamp refused before as too far ahead' });
          continue;
        }
        const drift = tooFarAhead(change.s);
        if (drift) {
          this.refused.add(change.s);
          outcome.rejected += 1;
          outcome.refusals.push({ change, wall: 'drift', reason: drift.message });
          continue;
        }
        if (change.s > newest) newest = change.s;
        if (this.mergeField.run(change.c, change.id, change.f, JSON.stringify(change.v), change.s, scope).changes === 0) {
          outcome.stale += 1;
          continue;
        }
        const key = `${change.c}/${change.id}`;
        const record = records.get(key) ?? { c: change.c, id: change.id, fields: {} };
        record.fields[change.f] = change.v;
        records.set(key, record);
        applied.push(index);
      }
      // One receive of the greatest accepted stamp leaves the clock past every one of them (the
      // drift check read the clock once, before this, so it cannot refuse it now).
      if (newest !== '') this.clock.receive(newest);
      outcome.applied = applied.sort((a, b) => a - b).map((index) => changes[index]);
      // The read model is written once per record, not once per field, and in one statement per
      // collection and set of fields.
      this.writeRecords(records.values());
      this.saveClock.run(this.clock.current());
      this.noteContact();
      return outcome;
    });
  }

  /** Writes many records' fields into their read-model rows: one statement per collection and set of fields. */
  private writeRecords(records: Iterable<RecordEdit>): void {
    const groups = new Map<string, { collection: CollectionName; names: string[]; rows: (string | number | null)[][] }>();
    for (const { c, id, fields } of records) {
      const names = Object.keys(fields).sort();
      if (names.length === 0) continue;
      const key = `${c}:${names.join(',')}`;
      const group = groups.get(key) ?? { collection: c, names, rows: [] };
      group.rows.push([id, ...names.map((name) => jsonSafe(toColumn(name, fields[name])))]);
      groups.set(key, group);
    }
    for (const [key, { collection, names, rows }] of groups) {
      if (rows.length === 1) this.writer(collection, names).run(...rows[0]);
      else this.bulkWriter(key, collection, names).run(JSON.stringify(rows));
    }
  }

  private bulkWriter(key: string, collection: CollectionName, names: string[]): Statement {
    let statement = this.bulkWriters.get(key);
    if (!statement) {
      // Names come from the schema (checked by changeProblem), never from input.
      const columns = names.map((name) => `"${name}"`);
      statement = this.db.prepare(
        `INSERT INTO "${collection}" (id, ${columns.join(', ')}) SELECT ${['value ->> 0', ...names.map((_, i) => `value ->> ${i + 1}`)].join(', ')} FROM json_each(?) WHERE true ` +
          `ON CONFLICT (id) DO UPDATE SET ${columns.map((column) => `${column} = excluded.${column}`).join(', ')}`,
      );
      this.bulkWriters.set(key, statement);
    }
    return statement;
  }

  /** Writes fields of one record into its typed read-model row. */
  private writeRecord(collection: CollectionName, id: string, fields: Record<string, FieldValue>): void {
    const names = Object.keys(fields).sort();
    if (names.length === 0) return;
    this.writer(collection, names).run(id, ...names.map((name) => toColumn(name, fields[name])));
  }

  private writer(collection: CollectionName, names: string[]): Statement {
    const key = `${collection}:${names.join(',')}`;
    let statement = this.writers.get(key);
    if (!statement) {
      // Names come from the schema (checked by changeProblem / the commands), never from input.
      const columns = names.map((name) => `"${name}"`);
      statement = this.db.prepare(
        `INSERT INTO "${collection}" (id, ${columns.join(', ')}) VALUES (?${', ?'.repeat(names.length)}) ` +
          `ON CONFLICT (id) DO UPDATE SET ${columns.map((column) => `${column} = excluded.${column}`).join(', ')}`,
      );
      this.writers.set(key, statement);
    }
    return statement;
  }

  /** Unsent local changes, oldest first. */
  unsent(limit: number): ScopedChange[] {
    // Prepared once: the drain reads the outbox after every local commit, on the way to the peer.
    this.readUnsent ??= this.db.prepare('SELECT seq, collection, id, field, value, hlc, scope FROM change_log WHERE sent = 0 ORDER BY seq LIMIT ?');
    const rows = this.readUnsent.all(limit) as (FieldRow & { seq: number; scope: string })[];
    return rows.map((row) => ({ seq: row.seq, scope: row.scope, change: toChange(row) }));
  }

  /** Every field of a scope with its stamp: what the anti-entropy digest is built from. */
  scopeStamps(scope: string): { c: string; id: string; f: string; s: string }[] {
    const { sql, cutoffs } = this.unexpired();
    const rows = this.db
      .prepare(`SELECT collection, id, field, hlc FROM field_state WHERE ${this.inScope()} AND ${sql}`)
      .raw()
      .all(scope, scope, scope, ...cutoffs) as [string, string, string, string][];
    return rows.map(([c, id, f, s]) => ({ c, id, f, s }));
  }

  /** The changes of a scope whose records fall in the given digest buckets, in a stable order. */
  scopeChanges(scope: string, inBucket: (collection: string, id: string) => boolean): Change[] {
    const { sql, cutoffs } = this.unexpired();
    const rows = this.db
      .prepare(`SELECT collection, id, field, value, hlc FROM field_state WHERE ${this.inScope()} AND ${sql} ORDER BY collection, id, field`)
      .raw()
      .all(scope, scope, scope, ...cutoffs) as [CollectionName, string, string, string, string][];
    const changes: Change[] = [];
    for (const [c, id, f, value, s] of rows) {
      if (inBucket(c, id)) changes.push({ c, id, f, v: JSON.parse(value) as FieldValue, s });
    }
    return changes;
  }

  /** The current value and stamp of each named field that exists (anti-entropy's exact repair). */
  fieldsByKey(keys: readonly (readonly [string, string, string])[]): Change[] {
    const get = this.db.prepare('SELECT value, hlc FROM field_state WHERE collection = ? AND id = ? AND field = ?').raw();
    const changes: Change[] = [];
    for (const [c, id, f] of keys) {
      const row = get.get(c, id, f) as [string, string] | undefined;
      if (row) changes.push({ c: c as CollectionName, id, f, v: JSON.parse(row[0]) as FieldValue, s: row[1] });
    }
    return changes;
  }

  /**
   * Marks changes as acknowledged by the broker. Without an fsync of its own: if a crash loses
   * the mark, the changes are simply published again, and every replica ignores a duplicate.
   */
  markSent(seqs: readonly number[]): void {
    const mark = (this.markOne ??= this.db.prepare('UPDATE change_log SET sent = 1 WHERE seq = ?'));
    this.db.pragma('synchronous = NORMAL');
    try {
      this.write(() => {
        seqs.forEach((seq) => mark.run(seq));
        this.noteContact(); // the broker took them: this replica is in contact
      });
    } finally {
      this.db.pragma('synchronous = FULL');
    }
  }

  /** Every scope this store holds a field of, in order (on the hub each next one through the scope index: a skip scan, not every field). */
  storedScopes(): string[] {
    this.listScopes ??= this.db
      .prepare(
        'WITH RECURSIVE s(scope) AS (SELECT min(scope) FROM field_state UNION ALL SELECT (SELECT min(scope) FROM field_state WHERE scope > s.scope) FROM s WHERE s.scope IS NOT NULL) ' +
          'SELECT scope FROM s WHERE scope IS NOT NULL',
      )
      .pluck();
    return this.listScopes.all() as string[];
  }

  outboxSize(): number {
    this.countUnsent ??= this.db.prepare('SELECT count(*) AS n FROM change_log WHERE sent = 0');
    return (this.countUnsent.get() as { n: number }).n;
  }

  /** Collects what the horizon has passed (see horizon.ts); the hub keeps its audit entries. */
  collect(): Collected {
    return collectExpired(this.db, this.cutoff(), this.defaultScope === HUB_SCOPE);
  }

  /** Records that this replica is in contact with its peers (an inbound batch, a broker ack, a reconcile). */
  noteContact(): void {
    this.mustStartOver(this.defaultScope); // latch a long absence before the new contact hides it
    this.writeMeta.run('contact', String(Math.floor(this.now())));
  }

  /**
   * Whether a board must start over from a peer: it was out of contact for longer than the
   * horizon, so it may hold records its peers have collected. Once true, true until startOver.
   * Never on the hub: it is the replica boards start over from (docs/protocol.md).
   */
  mustStartOver(scope: string): boolean {
    if (this.defaultScope === HUB_SCOPE) return false;
    const pending = this.pendingStartOver();
    if (pending.length > 0) return pending.includes(scope);
    const contact = Number(this.readMeta.get('contact') ?? NaN);
    if (!(this.now() - contact > this.horizonMs)) return false;
    this.writeMeta.run('startOver', JSON.stringify([this.defaultScope]));
    return scope === this.defaultScope;
  }

  /** Scopes still waiting to start over. */
  pendingStartOver(): string[] {
    const value = this.readMeta.get('startOver') as string | undefined;
    return value ? (JSON.parse(value) as string[]) : [];
  }

  /**
   * Ends a start-over of a scope once every field a peer holds has been pulled: a record the peer
   * lacks is dropped (it was collected there) unless this replica made it and never sent it — its
   * fields all carry this replica's own unsent stamps. Returns the records dropped and kept.
   */
  startOver(scope: string, peerRecords: ReadonlySet<string>): { dropped: number; kept: number } {
    return this.db.transaction(() => {
      const unsent = new Set(
        (this.db.prepare('SELECT collection, id, field, hlc FROM change_log WHERE sent = 0').raw().all() as string[][]).map((r) => r.join('\u0000')),
      );
      const rows = this.db.prepare(`SELECT collection, id, field, hlc FROM field_state WHERE ${IN_SCOPE}`).raw().all(scope, scope, scope) as string[][];
      const ownUnsent = new Map<string, boolean>();
      for (const [c, id, f, s] of rows) {
        const record = `${c}\u0000${id}`;
        if (peerRecords.has(record)) continue;
        ownUnsent.set(record, (ownUnsent.get(record) ?? true) && unsent.has(`${record}\u0000${f}\u0000${s}`));
      }
      const drop = [...ownUnsent].filter(([, own]) => !own).map(([record]) => record.split('\u0000') as [string, string]);
      dropRecords(this.db, drop);
      const left = this.pendingStartOver().filter((pending) => pending !== scope);
      this.writeMeta.run('startOver', JSON.stringify(left));
      if (left.length === 0) this.db.prepare("DELETE FROM meta WHERE key = 'startOver'").run();
      this.noteContact();
      return { dropped: drop.length, kept: ownUnsent.size - drop.length };
    })();
  }

  /**
   * The scope condition for reading a whole scope. A board holds one unit (and its transfers), so
   * nearly every row is in scope: it reads field_state in key order and filters (no index lookup
   * per row, no sort); the hub holds every unit and reads one through the scope index.
   */
  private inScope(): string {
    return this.defaultScope === HUB_SCOPE ? IN_SCOPE : SCANNED_IN_SCOPE;
  }

  private cutoff(): string {
    return cutoffStamp(this.now(), this.horizonMs);
  }

  /** The condition that leaves expired fields out, with its parameters. */
  private unexpired(): { sql: string; cutoffs: string[] } {
    const cutoff = this.cutoff();
    const tombstones = this.db.prepare(ANY_EXPIRED_TOMBSTONE).get(cutoff) !== undefined;
    return { sql: unexpired(tombstones), cutoffs: tombstones ? [cutoff, cutoff] : [cutoff] };
  }
}

/**
 * The scope index serves the hub: it holds every unit and reads them one at a time (IN_SCOPE, the
 * skip scan of storedScopes). A board reads its store in key order (SCANNED_IN_SCOPE) and asks for
 * its scopes never, so on a board the index would only cost every new field a second B-tree insert
 * (a tenth of a durable apply, bench/apply-profile.ts): a board drops it, a hub makes sure of it.
 */
function fitScopeIndex(db: Db, hub: boolean): void {
  db.exec(hub ? 'CREATE INDEX IF NOT EXISTS field_state_scope ON field_state(scope)' : 'DROP INDEX IF EXISTS field_state_scope');
}

/** A scope holds its own fields, and every transfer that joins its unit to another. */
const inScopeOf = (scope: string) => `(${scope} = ? OR (collection = 'transfer' AND id IN (SELECT id FROM transfer WHERE fromUnit = ? OR toUnit = ?)))`;
const IN_SCOPE = inScopeOf('scope');
/** The same condition with the scope index left unused (`+scope`): SQLite scans in key order. */
const SCANNED_IN_SCOPE = inScopeOf('+scope');

interface FieldRow {
  collection: CollectionName;
  id: string;
  field: string;
  value: string;
  hlc: string;
}

function toChange(row: FieldRow): Change {
  return { c: row.collection, id: row.id, f: row.field, v: JSON.parse(row.value) as FieldValue, s: row.hlc };
}

/** The indices of the changes in (collection, id, field) order; equal keys keep their order. */
function keyOrder(changes: readonly Change[]): number[] {
  // Malformed entries (refused by changeProblem) sort as empty keys. One key string per change,
  // compared as a whole: NUL sorts below every character a collection, id or field may hold.
  const part = (change: Change, name: 'c' | 'id' | 'f'): string => {
    const value: unknown = typeof change === 'object' && change !== null ? change[name] : '';
    return typeof value === 'string' ? value : '';
  };
  const keys = changes.map((change) => `${part(change, 'c')}\u0000${part(change, 'id')}\u0000${part(change, 'f')}`);
  return changes.map((_, index) => index).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
}

/** A lone surrogate (possible in a JSON-decoded text) as better-sqlite3 binds it: U+FFFD, as SQLite's JSON reader would not. */
const LONE_SURROGATE = /\p{Cs}/gu;
const jsonSafe = (cell: string | number | null): string | number | null => (typeof cell === 'string' ? cell.replace(LONE_SURROGATE, '\uFFFD') : cell);

/** SQLite has no booleans: they are stored as 0/1; the deleted tombstone is never NULL. */
function toColumn(field: string, value: FieldValue): string | number | null {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (field === 'deleted' && value === null) return 0;
  return value;
}

/** Why a change does not fit the field schema (collection, id, field, value, stamp); undefined when it does. */
export function changeProblem(change: Change): string | undefined {
  if (typeof change !== 'object' || change === null) return 'not a change';
  if (typeof change.c !== 'string' || !isCollection(change.c)) return 'unknown collection';
  if (typeof change.id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(change.id)) return 'bad record id';
  if (typeof change.f !== 'string' || typeof change.s !== 'string') return 'bad field or stamp';
  const spec = fieldSpec(change.c, change.f);
  if (!spec) return `no field ${change.c}.${change.f.slice(0, 64)}`;
  const problem = valueProblem(spec, change.v);
  if (problem) return `${change.c}.${change.f}: ${problem}`;
  return isStamp(change.s) ? undefined : 'bad stamp';
}
