/**
 * Yjs 13 in the peers benchmark, as its documentation has it: a Y.Doc per writer, one transaction
 * per batch whose `update` event is the wire frame, `applyUpdate` on the receiver; durable = every
 * received update appended to a file and fsynced (as y-leveldb-style stores keep the update log).
 * Cold resync: the joiner's state vector, answered by `encodeStateAsUpdate(doc, vector)`.
 */

import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { SyncedLog } from './frames.js';
import { fieldKey, resyncOutcome, runWriters, type PeerSystem, type Replica, type ResyncOutcome } from './system.js';
import { type Value, type Workload } from './workload.js';

const REMOTE = 'remote';

function tasks(doc: Y.Doc): Y.Map<Y.Map<Value>> {
  return doc.getMap<Y.Map<Value>>('task');
}

function stateOf(doc: Y.Doc): Map<string, Value> {
  const state = new Map<string, Value>();
  for (const [id, record] of tasks(doc)) for (const [field, value] of record) state.set(fieldKey(id, field), value);
  return state;
}

class YjsReplica implements Replica {
  readonly doc = new Y.Doc();
  private readonly log?: SyncedLog;

  constructor(dir?: string) {
    if (dir) this.log = new SyncedLog(join(dir, 'yjs.updates'));
  }

  apply(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, REMOTE);
    this.log?.append(update);
  }

  state(): Map<string, Value> {
    return stateOf(this.doc);
  }

  close(): void {
    this.log?.close();
    this.doc.destroy();
  }
}

export const yjs: PeerSystem = {
  name: 'yjs',
  label: 'Yjs 13',
  durable: 'each received update appended to a file and fsynced (the doc itself lives in memory; the file is the update log, history kept)',

  encode(workload: Workload): Uint8Array[] {
    const writers = { a: new Y.Doc(), b: new Y.Doc() };
    writers.a.clientID = 1;
    writers.b.clientID = 2;
    const frames = runWriters(workload, (me, frame) => Y.applyUpdate(writers[me], frame, REMOTE), (batch) => {
      const doc = writers[batch.writer];
      let update: Uint8Array | undefined;
      const keep = (u: Uint8Array, origin: unknown) => {
        if (origin !== REMOTE) update = u;
      };
      doc.on('update', keep);
      doc.transact(() => {
        const map = tasks(doc);
        for (const write of batch.writes) {
          let record = map.get(String(write.record));
          if (!record) {
            if (batch.writer !== 'a') throw new Error('B writes only records it has seen');
            record = new Y.Map<Value>();
            map.set(String(write.record), record);
          }
          record.set(write.field, write.value);
        }
      });
      doc.off('update', keep);
      if (!update) throw new Error('a batch made no update');
      return update;
    });
    writers.a.destroy();
    writers.b.destroy();
    return frames;
  },

  open: (dir?: string) => new YjsReplica(dir),

  async resync(frames: Uint8Array[], dir: string): Promise<ResyncOutcome> {
    const holder = new YjsReplica();
    for (const update of frames) holder.apply(update);
    const joiner = new YjsReplica(dir);
    const started = performance.now();
    await new Promise((resolve) => setImmediate(resolve));
    const vector = Y.encodeStateVector(joiner.doc);
    await new Promise((resolve) => setImmediate(resolve));
    const update = Y.encodeStateAsUpdate(holder.doc, vector);
    await new Promise((resolve) => setImmediate(resolve));
    joiner.apply(update);
    return resyncOutcome(holder, joiner, performance.now() - started, { bytes: vector.byteLength + update.byteLength, messages: 2 });
  },
};
