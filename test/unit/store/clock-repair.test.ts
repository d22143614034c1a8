import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rememberClockAhead, repairFutureStamps } from '../../../main/store/clock-repair.js';
import { openDatabase, type Db } from '../../../main/store/database.js';
import { FieldStore } from '../../../main/store/field-store.js';
import { decodeStamp, encodeStamp, HybridLogicalClock } from '../../../shared/sync/hlc.js';
import { tempDir } from '../../support/temp-dir.js';

const MIN10 = 600_000;
const T = 1_800_000_000_000;

describe('clock repair and refused stamps', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: Db;
  const time = { now: T, offset: 0 };
  const open = () => new FieldStore(db, new HybridLogicalClock('board-a', () => time.now + time.offset), 'board-a', 'solsiden');

  beforeEach(() => {
    dir = tempDir();
    db = openDatabase(`${dir.path}/repair.sqlite`);
    Object.assign(time, { now: T, offset: 0 });
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  const statusStamp = () => (db.prepare("SELECT hlc FROM field_state WHERE collection = 'bed' AND field = 'status'").get() as { hlc: string }).hlc;

  it('re-stamps edits made 10 minutes ahead at the time they were really made, logs them unsent and sets the clock back', () => {
    const store = open();
    time.offset = MIN10;
    store.commit({ actor: 'Kari', action: 'bed.setStatus' }, [{ c: 'bed', id: 'b1', fields: { status: 'blocked' } }]);
    const sent = store.unsent(100).map((u) => u.seq);
    store.markSent(sent); // published (and refused by the peers) before the board knew
    rememberClockAhead(store, MIN10);
    time.now += 5_000;
    time.offset = 0; // put right
    expect(repairFutureStamps(store, time.now, false)).toBe(2); // the bed status and the audit entry
    const stamp = decodeStamp(statusStamp());
    expect(stamp?.wall).toBe(T);
    expect(store.unsent(100).map((u) => u.change.s)).toContain(statusStamp());
    // The next edit is stamped at true time, not in the old clock's shadow, and wins locally.
    store.commit({ actor: 'Kari', action: 'bed.setStatus' }, [{ c: 'bed', id: 'b1', fields: { status: 'free' } }]);
    expect(decodeStamp(statusStamp())?.wall).toBe(time.now);
  });

  it('after a restart with the clock put right, the first edit is not stamped 10 minutes ahead', () => {
    const store = open();
    time.offset = MIN10;
    store.commit({ actor: 'Kari', action: 'bed.setStatus' }, [{ c: 'bed', id: 'b1', fields: { status: 'blocked' } }]);
    rememberClockAhead(store, MIN10);
    time.offset = 0;
    const again = open(); // restores the saved (future) stamp
    expect(again.clock.lastWall).toBe(T + MIN10);
    repairFutureStamps(again, time.now, false);
    again.commit({ actor: 'Kari', action: 'bed.setStatus' }, [{ c: 'bed', id: 'b1', fields: { status: 'free' } }]);
    expect(decodeStamp(statusStamp())?.wall).toBe(time.now);
  });

  it('does nothing without a remembered "ahead" verdict until a peer agrees with its clock', () => {
    const store = open();
    time.offset = MIN10;
    store.commit({ actor: 'Kari', action: 'bed.setStatus' }, [{ c: 'bed', id: 'b1', fields: { status: 'blocked' } }]);
    time.offset = 0;
    // The clock might as well be behind now, with the stamps right.
    expect(repairFutureStamps(store, time.now, false)).toBe(0);
    expect(repairFutureStamps(store, time.now, true)).toBe(2);
  });

  it('keeps a stamp it refused as too far ahead refused, also once real time has caught up with it and after a restart', () => {
    const store = open();
    const future = encodeStamp({ wall: T + MIN10, counter: 0, node: 'board-b' });
    const change = { c: 'bed' as const, id: 'b1', f: 'status', v: 'blocked', s: future };
    expect(store.applyRemote([change]).rejected).toBe(1);
    time.now += MIN10;
    expect(store.applyRemote([change]).rejected).toBe(1);
    expect(open().applyRemote([change]).rejected).toBe(1);
  });

  it('forgets the refusals since the last step once it learns its own clock was behind', () => {
    const store = open();
    const good = encodeStamp({ wall: T, counter: 0, node: 'board-b' });
    const change = { c: 'bed' as const, id: 'b1', f: 'status', v: 'blocked', s: good };
    time.offset = -MIN10;
    expect(store.applyRemote([change]).rejected).toBe(1);
    store.refused.forgetRecent();
    time.offset = 0;
    expect(store.applyRemote([change]).applied).toHaveLength(1);
  });
});
