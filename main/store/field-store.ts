/**
 * The field store: typed tables holding the current value of every synced field, the stamp that
 * value won with, the change log (outbox) and the audit log — all written in one transaction.
 */

import type { Statement } from 'better-sqlite3';
import {
  fieldSpec,
  isCollection,
  valueFits,
  type CollectionName,
  type FieldValue,
} from '../../shared/domain/schema.js';
import { incomingWins, type Change } from '../../shared/sync/change.js';
import { ClockDriftError, decodeStamp, type HybridLogicalClock } from '../../shared/sync/hlc.js';
import type { Db } from './database.js';

export interface AuditEntry {
  actor: string;
  action: string;
  collection?: string;
  record?: string;
  detail?: string;
}

/** Local edits to one record: field -> new value. */
export interface RecordEdit {
  c: CollectionName;
  id: string;
  fields: Record<string, FieldValue>;
}

export interface ApplyOutcome {
  applied: Change[];
  stale: number;
  rejected: number;
}

export class FieldStore {
  private readonly writers = new Map<string, Statement>();
  private readonly getStamp: Statement<[string, string, string], { hlc: string }>;
  private readonly putStamp: Statement;
  private readonly logChange: Statement;
  private readonly logAudit: Statement;
  private readonly saveClock: Statement;

  constructor(
    readonly db: Db,
    readonly clock: HybridLogicalClock,
    readonly board: string,
  ) {
    this.getStamp = db.prepare('SELECT hlc FROM stamp WHERE collection = ? AND id = ? AND field = ?');
    this.putStamp = db.prepare(
      'INSERT INTO stamp (collection, id, field, hlc) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (collection, id, field) DO UPDATE SET hlc = excluded.hlc',
    );
    this.logChange = db.prepare(
      'INSERT INTO change_log (collection, id, field, value, hlc, sent) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.logAudit = db.prepare(
      'INSERT INTO audit (at, actor, action, collection, record, board, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.saveClock = db.prepare(
      "INSERT INTO meta (key, value) VALUES ('hlc', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    );
    const saved = db.prepare("SELECT value FROM meta WHERE key = 'hlc'").get() as
      | { value: string }
      | undefined;
    clock.restore(saved?.value);
  }

  /**
   * Stamps and applies local edits, logs them as unsent changes and writes the audit entry, all in
   * one transaction: when this returns, the edit is durable; when it throws, nothing was written.
   */
  commit(audit: AuditEntry, edits: RecordEdit[]): Change[] {
    return this.db.transaction(() => {
      const changes: Change[] = [];
      for (const edit of edits) {
        for (const [f, v] of Object.entries(edit.fields)) {
          const change: Change = { c: edit.c, id: edit.id, f, v, s: this.clock.tick() };
          this.write(change);
          this.logChange.run(change.c, change.id, change.f, JSON.stringify(change.v), change.s, 0);
          changes.push(change);
        }
      }
      this.audit(audit);
      this.saveClock.run(this.clock.current());
      return changes;
    })();
  }

  /** Appends to the audit log on its own (unlock, reveal: accesses that change no field). */
  audit(entry: AuditEntry): void {
    this.logAudit.run(
      new Date().toISOString(),
      entry.actor,
      entry.action,
      entry.collection ?? null,
      entry.record ?? null,
      this.board,
      entry.detail ?? null,
    );
  }

  /** Merges remote changes in one transaction; a change that does not validate is rejected. */
  applyRemote(changes: readonly Change[]): ApplyOutcome {
    return this.db.transaction(() => {
      const outcome: ApplyOutcome = { applied: [], stale: 0, rejected: 0 };
      for (const change of changes) {
        if (!isValidChange(change)) {
          outcome.rejected += 1;
          continue;
        }
        try {
          this.clock.receive(change.s);
        } catch (error) {
          if (error instanceof ClockDriftError) {
            outcome.rejected += 1;
            continue;
          }
          throw error;
        }
        const existing = this.getStamp.get(change.c, change.id, change.f)?.hlc;
        if (!incomingWins(change.s, existing)) {
          outcome.stale += 1;
          continue;
        }
        this.write(change);
        outcome.applied.push(change);
      }
      this.saveClock.run(this.clock.current());
      return outcome;
    })();
  }

  private write(change: Change): void {
    this.writer(change.c, change.f).run(change.id, toColumn(change.f, change.v));
    this.putStamp.run(change.c, change.id, change.f, change.s);
  }

  private writer(collection: CollectionName, field: string): Statement {
    const key = `${collection}.${field}`;
    let statement = this.writers.get(key);
    if (!statement) {
      // Names come from the schema (checked by isValidChange / the commands), never from input.
      statement = this.db.prepare(
        `INSERT INTO "${collection}" (id, "${field}") VALUES (?, ?) ` +
          `ON CONFLICT (id) DO UPDATE SET "${field}" = excluded."${field}"`,
      );
      this.writers.set(key, statement);
    }
    return statement;
  }

  /** Unsent local changes, oldest first. */
  unsent(limit: number): { seq: number; change: Change }[] {
    const rows = this.db
      .prepare(
        'SELECT seq, collection, id, field, value, hlc FROM change_log WHERE sent = 0 ORDER BY seq LIMIT ?',
      )
      .all(limit) as { seq: number; collection: CollectionName; id: string; field: string; value: string; hlc: string }[];
    return rows.map((row) => ({
      seq: row.seq,
      change: { c: row.collection, id: row.id, f: row.field, v: JSON.parse(row.value) as FieldValue, s: row.hlc },
    }));
  }

  markSent(seqs: readonly number[]): void {
    const mark = this.db.prepare('UPDATE change_log SET sent = 1 WHERE seq = ?');
    this.db.transaction(() => seqs.forEach((seq) => mark.run(seq)))();
  }

  outboxSize(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM change_log WHERE sent = 0').get() as { n: number }).n;
  }
}

/** SQLite has no booleans: they are stored as 0/1; the deleted tombstone is never NULL. */
function toColumn(field: string, value: FieldValue): string | number | null {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (field === 'deleted' && value === null) return 0;
  return value;
}

export function isValidChange(change: Change): boolean {
  if (typeof change !== 'object' || change === null) return false;
  if (typeof change.c !== 'string' || !isCollection(change.c)) return false;
  if (typeof change.id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(change.id)) return false;
  if (typeof change.f !== 'string' || typeof change.s !== 'string') return false;
  const spec = fieldSpec(change.c, change.f);
  if (!spec || !valueFits(spec, change.v)) return false;
  return decodeStamp(change.s) !== undefined;
}
