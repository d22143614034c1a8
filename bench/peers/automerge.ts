/**
 * Automerge 3 in the peers benchmark, as its documentation has it: a document per writer (its own
 * actor), one `change` per batch whose `getLastLocalChange` is the wire frame, `loadIncremental` on
 * the receiver; durable = `saveIncremental` after every frame appended to a file and fsynced.
 * Cold resync: the sync protocol (`generateSyncMessage` / `receiveSyncMessage`) until both are done.
 */

import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as A from '@automerge/automerge';
import { SyncedLog } from './frames.js';
import { fieldKey, resyncOutcome, runWriters, type PeerSystem, type Replica, type ResyncOutcome } from './system.js';
import { type Value, type Workload } from './workload.js';

type Tasks = Record<string, Record<string, Value>>;

const ACTORS = { a: 'aa'.repeat(16), b: 'bb'.repeat(16) } as const;

function stateOf(doc: A.Doc<Tasks>): Map<string, Value> {
  const state = new Map<string, Value>();
  for (const [id, record] of Object.entries(doc)) for (const [field, value] of Object.entries(record)) state.set(fieldKey(id, field), value);
  return state;
}

class AutomergeReplica implements Replica {
  doc: A.Doc<Tasks> = A.init<Tasks>();
  private readonly log?: SyncedLog;

  constructor(dir?: string) {
    if (dir) this.log = new SyncedLog(join(dir, 'automerge.doc'));
  }

  apply(change: Uint8Array): void {
    this.doc = A.loadIncremental(this.doc, change);
    this.persist();
  }

  /** Appends what is new since the last save, on disk when this returns. */
  persist(): void {
    this.log?.append(A.saveIncremental(this.doc));
  }

  state(): Map<string, Value> {
    return stateOf(this.doc);
  }

  close(): void {
    this.log?.close();
  }
}

export const automerge: PeerSystem = {
  name: 'automerge',
  label: 'Automerge 3',
  durable: 'saveIncremental after every received change appended to a file and fsynced (the doc lives in memory; the file is its compressed change history)',

  encode(workload: Workload): Uint8Array[] {
    const writers = { a: A.init<Tasks>({ actor: ACTORS.a }), b: A.init<Tasks>({ actor: ACTORS.b }) };
    return runWriters(workload, (me, frame) => void (writers[me] = A.loadIncremental(writers[me], frame)), (batch) => {
      const me = batch.writer;
      writers[me] = A.change(writers[me], (doc) => {
        for (const write of batch.writes) {
          const id = String(write.record);
          if (!doc[id]) {
            if (me !== 'a') throw new Error('B writes only records it has seen');
            doc[id] = {};
          }
          doc[id][write.field] = write.value;
        }
      });
      const change = A.getLastLocalChange(writers[me]);
      if (!change) throw new Error('a batch made no change');
      return change;
    });
  },

  open: (dir?: string) => new AutomergeReplica(dir),

  async resync(frames: Uint8Array[], dir: string): Promise<ResyncOutcome> {
    const holder = new AutomergeReplica();
    for (const change of frames) holder.apply(change);
    const joiner = new AutomergeReplica(dir);
    const wire = { bytes: 0, messages: 0 };
    const peers = [
      { replica: joiner, state: A.initSyncState() },
      { replica: holder, state: A.initSyncState() },
    ];
    /** One message from `from` to `to`, if it has one; false when it has nothing to say. */
    const send = async (from: (typeof peers)[number], to: (typeof peers)[number]): Promise<boolean> => {
      const [state, message] = A.generateSyncMessage(from.replica.doc, from.state);
      from.state = state;
      if (!message) return false;
      wire.bytes += message.byteLength;
      wire.messages += 1;
      await new Promise((resolve) => setImmediate(resolve));
      [to.replica.doc, to.state] = A.receiveSyncMessage(to.replica.doc, to.state, message);
      return true;
    };
    const started = performance.now();
    for (let talking = true; talking; ) talking = [await send(peers[0], peers[1]), await send(peers[1], peers[0])].some(Boolean);
    joiner.persist();
    return resyncOutcome(holder, joiner, performance.now() - started, wire);
  },
};
