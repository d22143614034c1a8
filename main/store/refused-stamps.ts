/**
 * The stamps a replica refused as too far ahead, remembered so they stay refused (docs/protocol.md,
 * "Clocks"). Held in memory for the check on every inbound change, kept on disk across restarts;
 * entries older than the keep time are dropped, and the newest MAX_KEPT at most are kept.
 */

import type { Statement } from 'better-sqlite3';
import type { Db } from './database.js';

const KEEP_MS = 30 * 24 * 3600_000;
const MAX_KEPT = 100_000;

export class RefusedStamps {
  private readonly known: Set<string>;
  private readonly insert: Statement;
  private added = 0;
  /** Refused since this replica's clock last proved itself (or was stepped): see forgetRecent. */
  private recent: string[] = [];

  constructor(private readonly db: Db) {
    const rows = db.prepare('SELECT hlc FROM refused_stamp ORDER BY at DESC LIMIT ?').raw().all(MAX_KEPT) as [string][];
    this.known = new Set(rows.map(([hlc]) => hlc));
    this.insert = db.prepare('INSERT INTO refused_stamp (hlc, at) VALUES (?, ?) ON CONFLICT (hlc) DO NOTHING');
  }

  has(stamp: string): boolean {
    return this.known.has(stamp);
  }

  /** Remembers a refused stamp; call inside the transaction that refused it. */
  add(stamp: string): void {
    if (this.known.has(stamp)) return;
    this.known.add(stamp);
    this.recent.push(stamp);
    this.insert.run(stamp, Date.now());
    if ((this.added += 1) % 1000 === 0) this.prune();
  }

  /**
   * Forgets the refusals made since the clock was last stepped: this replica has just learnt that
   * its own clock was behind (or someone set it), so it refused good stamps, and must take them when
   * they come again. Refusals made against a clock its peers agreed with stay.
   */
  forgetRecent(): void {
    if (this.recent.length === 0) return;
    const drop = this.db.prepare('DELETE FROM refused_stamp WHERE hlc = ?');
    this.db.transaction(() => this.recent.forEach((stamp) => drop.run(stamp)))();
    for (const stamp of this.recent) this.known.delete(stamp);
    this.recent = [];
  }

  /** The clock was just confirmed by its peers: what it refused so far stays refused. */
  confirm(): void {
    this.recent = [];
  }

  private prune(): void {
    this.db.prepare('DELETE FROM refused_stamp WHERE at < ?').run(Date.now() - KEEP_MS);
    this.db
      .prepare('DELETE FROM refused_stamp WHERE hlc NOT IN (SELECT hlc FROM refused_stamp ORDER BY at DESC LIMIT ?)')
      .run(MAX_KEPT);
    if (this.known.size > MAX_KEPT) {
      const rows = this.db.prepare('SELECT hlc FROM refused_stamp').raw().all() as [string][];
      this.known.clear();
      for (const [hlc] of rows) this.known.add(hlc);
    }
  }
}
