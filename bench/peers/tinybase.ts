/**
 * TinyBase's MergeableStore in the peers benchmark: a store per writer (its own unique id and
 * clock), one transaction per batch whose mergeable changes (what its synchronizer sends after a
 * transaction) are the wire frame as JSON, `applyMergeableChanges` on the receiver; durable = its
 * better-sqlite3 persister (JSON mode, the only one a MergeableStore may use) saved after every
 * frame, on SQLite WAL with synchronous=FULL. Cold resync: two of its synchronizers
 * (createCustomSynchronizer) over an in-process bus that counts the JSON bytes of every message.
 */

import Database from 'better-sqlite3';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMergeableStore, type MergeableChanges, type MergeableStore } from 'tinybase';
import { createBetterSqlite3Persister, type BetterSqlite3Persister } from 'tinybase/persisters/persister-better-sqlite3';
import { createCustomSynchronizer, type Receive, type Synchronizer } from 'tinybase/synchronizers';
import { fieldKey, resyncOutcome, runWriters, type PeerSystem, type Replica, type ResyncOutcome } from './system.js';
import { type Value, type Workload } from './workload.js';

const TABLE = 'task';

function stateOf(store: MergeableStore): Map<string, Value> {
  const state = new Map<string, Value>();
  for (const [id, row] of Object.entries(store.getTable(TABLE))) for (const [field, value] of Object.entries(row)) state.set(fieldKey(id, field), value as Value);
  return state;
}

const decode = (frame: Uint8Array) => JSON.parse(Buffer.from(frame).toString()) as MergeableChanges;

class TinyBaseReplica implements Replica {
  readonly store = createMergeableStore('receiver');
  private readonly db?: Database.Database;
  readonly persister?: BetterSqlite3Persister;

  constructor(dir?: string) {
    if (!dir) return;
    this.db = new Database(join(dir, 'tinybase.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.persister = createBetterSqlite3Persister(this.store, this.db, { mode: 'json', storeTableName: 'tinybase' });
  }

  async apply(frame: Uint8Array): Promise<void> {
    this.store.applyMergeableChanges(decode(frame));
    await this.persister?.save();
  }

  state(): Map<string, Value> {
    return stateOf(this.store);
  }

  async close(): Promise<void> {
    await this.persister?.destroy();
    this.db?.close();
  }
}

/** Two synchronizers joined by a bus that delivers each message on a later turn and counts its JSON bytes. */
function bus(count: { bytes: number; messages: number }) {
  const receivers = new Map<string, Receive>();
  return (store: MergeableStore, id: string, timeoutSeconds: number): Synchronizer =>
    createCustomSynchronizer(
      store,
      (to, requestId, message, body) => {
        count.bytes += Buffer.byteLength(JSON.stringify([id, requestId, message, body]));
        count.messages += 1;
        setImmediate(() => {
          for (const [peer, receive] of receivers) if (peer !== id && (to === null || to === peer)) receive(id, requestId, message, body);
        });
      },
      (receive) => void receivers.set(id, receive),
      () => void receivers.delete(id),
      timeoutSeconds,
    );
}

export const tinybase: PeerSystem = {
  name: 'tinybase',
  label: 'TinyBase MergeableStore',
  durable: 'its better-sqlite3 persister in JSON mode (a MergeableStore cannot use the tabular mode), saved after every frame, which rewrites the whole store as one JSON value; SQLite WAL, synchronous=FULL',

  encode(workload: Workload): Uint8Array[] {
    let now = 0;
    const clock = () => 1_700_000_000_000 + now;
    const writers = { a: createMergeableStore('writer-a', clock), b: createMergeableStore('writer-b', clock) };
    return runWriters(workload, (me, frame) => void writers[me].applyMergeableChanges(decode(frame)), (batch) => {
      const store = writers[batch.writer];
      let changes: MergeableChanges | undefined;
      store.startTransaction();
      for (const write of batch.writes) {
        now = write.t;
        store.setCell(TABLE, String(write.record), write.field, write.value);
      }
      store.finishTransaction(() => {
        changes = store.getTransactionMergeableChanges();
        return false;
      });
      if (!changes) throw new Error('a batch made no changes');
      return Buffer.from(JSON.stringify(changes));
    });
  },

  open: (dir?: string) => new TinyBaseReplica(dir),

  async resync(frames: Uint8Array[], dir: string): Promise<ResyncOutcome> {
    const holder = new TinyBaseReplica();
    for (const frame of frames) await holder.apply(frame);
    const joiner = new TinyBaseReplica(dir);
    const count = { bytes: 0, messages: 0 };
    const connect = bus(count);
    // The holder is already syncing when the joiner starts (alone, its first request waits out its short timeout).
    const holderSync = connect(holder.store, 'holder', 0.5);
    await holderSync.startSync();
    const started = performance.now();
    const joinerSync = connect(joiner.store, 'joiner', 60);
    await joinerSync.startSync();
    const target = JSON.stringify(holder.store.getMergeableContentHashes());
    while (JSON.stringify(joiner.store.getMergeableContentHashes()) !== target) await new Promise((resolve) => setImmediate(resolve));
    await joiner.persister?.save();
    const ms = performance.now() - started;
    await holderSync.destroy();
    await joinerSync.destroy();
    return resyncOutcome(holder, joiner, ms, count);
  },
};
