/**
 * When the hub last heard from each unit, so the leader view can say "data sist mottatt kl. …" for
 * a unit that has gone quiet and for the whole page while the hub's broker link is down. Every
 * connected board sends the hub a digest round each sync period, so a unit heard from not once in
 * STALE_AFTER_ROUNDS periods (while the hub itself was connected that long) has stopped reporting.
 */

import type { Reporting } from '../../shared/api/commands/leader.js';
import type { SyncStatus } from '../../shared/api/sync-status.js';
import { HUB_SCOPE } from '../../shared/sync/protocol.js';
import type { Db } from '../store/database.js';

/** Sync periods without a word from a unit before its figures count as stale. */
export const STALE_AFTER_ROUNDS = 3;

/** One unit's reporting as the leader view shows it. */
export interface UnitReceipt {
  lastReceivedAt: string | null;
  stale: boolean;
}

export class UnitReceipts {
  private readonly heardAt = new Map<string, number>();
  private connectedAt: number | null = null;
  private broker: SyncStatus['broker'] = 'offline';
  /** When each unit was last heard before this hub started (hub-local `meta`), read once. */
  private stored: Map<string, number> | undefined;
  /** What was last written to `meta`, per unit, and when (written at most once a minute each). */
  private readonly persisted = new Map<string, number>();
  private readonly persistedAt = new Map<string, number>();

  constructor(private periodMs = 30_000) {}

  get staleAfterMs(): number {
    return STALE_AFTER_ROUNDS * this.periodMs;
  }

  setPeriod(periodMs: number): void {
    this.periodMs = periodMs;
  }

  /** A message from a replica of `scope` was accepted at `at` (epoch ms). */
  heard(scope: string, at: number): void {
    if (scope === HUB_SCOPE) return;
    if ((this.heardAt.get(scope) ?? -Infinity) < at) this.heardAt.set(scope, at);
  }

  /** The hub's own broker link changed (its sync status). */
  status(status: Pick<SyncStatus, 'broker'>, at: number): void {
    if (status.broker === 'connected' && this.broker !== 'connected') this.connectedAt = at;
    if (status.broker !== 'connected') this.connectedAt = null;
    this.broker = status.broker;
  }

  /**
   * The page's reporting, and a reader of each unit's. Before the hub has heard a unit since it
   * started, when it was last heard before (kept hub-local in `meta`, written here at most once a
   * minute per unit) stands for when it last reported. (Reading the newest stamp of every unit's
   * fields instead scanned the whole field state: 7.4 s on bench:hub's 13 million fields.)
   */
  read(db: Db, now: number): { reporting: Reporting; unit: (unit: string) => UnitReceipt } {
    const stored = (this.stored ??= storedReceipts(db));
    this.persist(db, now);
    const last = (unit: string): number | null => {
      const heard = this.heardAt.get(unit);
      const kept = stored.get(unit);
      if (heard === undefined && kept === undefined) return null;
      return Math.max(heard ?? -Infinity, kept ?? -Infinity);
    };
    const live = this.broker === 'connected';
    // A unit is judged only once the hub has been connected long enough to have heard it.
    const judged = live && this.connectedAt !== null && now - this.connectedAt >= this.staleAfterMs;
    const lastOfAll = [...new Set([...this.heardAt.keys(), ...stored.keys()])].reduce<number | null>((max, unit) => {
      const at = last(unit);
      return at !== null && (max === null || at > max) ? at : max;
    }, null);
    return {
      reporting: { live, lastReceivedAt: iso(lastOfAll), staleAfterMs: this.staleAfterMs },
      unit: (unit) => {
        const at = last(unit);
        const stale = !live || (judged && (at === null || now - at > this.staleAfterMs));
        return { lastReceivedAt: iso(at), stale };
      },
    };
  }

  /** Keeps what was heard in `meta`, so a restarted hub still knows when each unit last reported. */
  private persist(db: Db, now: number): void {
    const due = [...this.heardAt].filter(([unit, at]) => at > (this.persisted.get(unit) ?? -Infinity) && now - (this.persistedAt.get(unit) ?? -Infinity) >= PERSIST_EVERY_MS);
    if (due.length === 0) return;
    const put = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    db.transaction(() => {
      for (const [unit, at] of due) {
        put.run(`${RECEIPT_KEY}${unit}`, String(at));
        this.persisted.set(unit, at);
        this.persistedAt.set(unit, now);
      }
    })();
  }
}

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

const RECEIPT_KEY = 'receipt:';
const PERSIST_EVERY_MS = 60_000;

/** When each unit was last heard, as this hub kept it (`meta`, never synced). */
function storedReceipts(db: Db): Map<string, number> {
  const rows = db.prepare('SELECT key, value FROM meta WHERE key >= ? AND key < ?').all(RECEIPT_KEY, `${RECEIPT_KEY}\uffff`) as { key: string; value: string }[];
  const out = new Map<string, number>();
  for (const row of rows) {
    const at = Number(row.value);
    if (Number.isSafeInteger(at)) out.set(row.key.slice(RECEIPT_KEY.length), at);
  }
  return out;
}
