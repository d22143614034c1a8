/**
 * The repair after a clock that ran ahead is put right. The replica holds fields stamped in the
 * future by its own fast clock; its peers refused those stamps (and remember refusing them). Each
 * such field gets a new stamp at the time the edit was really made — its old wall minus how far the
 * clock was ahead — so last-writer-wins orders it against its peers' edits by real time: a peer's
 * later edit of the field still wins, an earlier one loses. The new stamps go out through the
 * outbox; the old ones are never sent again, and the clock is set back so no later edit is stamped
 * in the old clock's shadow. A peer's stamp beyond now + the bound, taken while this clock ran
 * ahead with it, is moved back by the same amount (keeping its node): its author does the same to
 * its own, so both arrive at the same stamp, and the larger wins where the measures differ. Runs at start (after a restart with the clock right) and whenever the
 * sync engine sees the clock's last stamp beyond now plus the drift bound.
 */

import { decodeStamp, encodeStamp } from '../../shared/sync/hlc.js';
import type { FieldStore } from './field-store.js';

const AHEAD_KEY = 'clockAheadMs';

/** The highest possible stamp of a wall time: every stamp of that ms or earlier sorts below it. */
const ceiling = (wall: number) => `${encodeStamp({ wall, counter: 0, node: 'x' }).slice(0, 9)}:zzzz`;

/** Remembers, while the clock is judged ahead, by how much: the repair needs it after the clock is put right. */
export function rememberClockAhead(store: FieldStore, aheadMs: number): void {
  const held = Number((store.db.prepare('SELECT value FROM meta WHERE key = ?').get(AHEAD_KEY) as { value: string } | undefined)?.value);
  // Each round re-measures it; a write (and its fsync) only when it moved.
  if (Math.abs(held - aheadMs) < 1000) return;
  store.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(AHEAD_KEY, String(Math.round(aheadMs)));
}

/**
 * Re-stamps the store's future stamps when the clock's last stamp is beyond now + the drift bound;
 * returns how many. `trusted`: peers agree with `now` (or it follows theirs). Without that, and
 * without a remembered "ahead" verdict, a last stamp in the future may as well mean the clock is
 * behind now (and the stamps right): nothing is done until a round tells.
 */
export function repairFutureStamps(store: FieldStore, now: number, trusted: boolean): number {
  const { db, clock } = store;
  const remembered = Number((db.prepare('SELECT value FROM meta WHERE key = ?').get(AHEAD_KEY) as { value: string } | undefined)?.value);
  if (clock.lastWall <= now + clock.maxDriftMs) {
    // Right, and nothing stamped in the future: an old "ahead" must not move later edits.
    if (trusted && remembered > 0) db.prepare('DELETE FROM meta WHERE key = ?').run(AHEAD_KEY);
    return 0;
  }
  if (!(remembered > 0) && !trusted) return 0;
  // Not remembered (it never heard a peer while ahead): assume its last edit was just now.
  const aheadBy = remembered > 0 ? remembered : clock.lastWall - now;
  const future = ceiling(now);
  const own = `%:${clock.node}`;
  const foreignFuture = ceiling(now + clock.maxDriftMs);
  return store.health.guard(() =>
    db.transaction(() => {
      const rows = db
        .prepare('SELECT collection, id, field, value, hlc, scope FROM field_state WHERE (hlc > ? AND hlc LIKE ?) OR hlc > ?')
        .raw()
        .all(future, own, foreignFuture) as [string, string, string, string, string, string][];
      db.prepare('UPDATE change_log SET sent = 1 WHERE sent = 0 AND hlc > ? AND hlc LIKE ?').run(future, own);
      const restamp = db.prepare('UPDATE field_state SET hlc = ? WHERE collection = ? AND id = ? AND field = ?');
      const log = db.prepare('INSERT INTO change_log (collection, id, field, value, hlc, scope) VALUES (?, ?, ?, ?, ?, ?)');
      for (const [collection, id, field, value, hlc, scope] of rows) {
        const old = decodeStamp(hlc);
        if (!old) continue;
        const stamp = encodeStamp({ wall: Math.max(0, Math.min(now, old.wall - aheadBy)), counter: old.counter, node: old.node });
        restamp.run(stamp, collection, id, field);
        // Only its own edits go out through its outbox; a peer's travels by anti-entropy.
        if (old.node === clock.node) log.run(collection, id, field, value, stamp, scope);
      }
      // Set back to the highest stamp still held within the bound (a peer's may be a little ahead).
      const top = db.prepare('SELECT max(hlc) AS hlc FROM field_state WHERE hlc <= ?').get(ceiling(now + clock.maxDriftMs)) as { hlc: string | null };
      const floor = encodeStamp({ wall: now, counter: 0, node: clock.node });
      clock.rewind(top.hlc && top.hlc > floor ? top.hlc : floor);
      db.prepare("INSERT INTO meta (key, value) VALUES ('hlc', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(clock.current());
      db.prepare('DELETE FROM meta WHERE key = ?').run(AHEAD_KEY);
      return rows.length;
    })(),
  );
}
