/**
 * Tavla in the peers benchmark: two writers' stamped changes published as the engine publishes
 * them; a board's FieldStore receiving them through the real inbound path; the cold resync through
 * the real anti-entropy requester (reconcile) and responder (SyncResponder), every message as JSON
 * bytes decoded and validated on arrival.
 */

import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Change } from '../../shared/sync/change.js';
import { encodeStamp } from '../../shared/sync/hlc.js';
import type { SyncMessage } from '../../shared/sync/protocol.js';
import { InboxMessage } from '../../shared/sync/round.js';
import { reconcile, SyncResponder, type Ask } from '../../main/sync/anti-entropy.js';
import { decodePayload } from '../../main/sync/inbound.js';
import { InboundScope } from '../../main/sync/inbound-scope.js';
import { answerFormat, binarySession, encodeMessage } from '../../main/sync/wire.js';
import type { WireFormat } from '../../shared/sync/page-codec.js';
import { openReplicaStore, type ReplicaStore } from '../../main/store/replica-store.js';
import { applyThroughWalls, encodeChangePages, receiveChangePage, type Receiver } from './tavla-inbound.js';
import { fieldKey, resyncOutcome, type PeerSystem, type Replica, type ResyncOutcome } from './system.js';
import { SCOPE, type Value, type Workload } from './workload.js';

const MUNICIPALITY = 'bench';
const WRITERS = { a: 'writer-a', b: 'writer-b' } as const;

/** One wire frame: the sender's node id, then its page payload. */
function frame(node: string, page: Uint8Array): Uint8Array {
  return Buffer.concat([Buffer.from([node.length]), Buffer.from(node), page]);
}

function unframe(data: Uint8Array): { node: string; page: Uint8Array } {
  const length = data[0];
  return { node: Buffer.from(data.subarray(1, 1 + length)).toString(), page: data.subarray(1 + length) };
}

class TavlaReplica implements Replica, Receiver {
  readonly replica: ReplicaStore;
  readonly walls: InboundScope;

  constructor(dir?: string) {
    this.replica = openReplicaStore(dir ? join(dir, 'tavla.sqlite') : ':memory:', 'board', SCOPE);
    this.walls = new InboundScope(this.replica.store, { municipality: MUNICIPALITY, role: 'board' });
  }

  get store() {
    return this.replica.store;
  }

  apply(data: Uint8Array): void {
    const { node, page } = unframe(data);
    receiveChangePage(this, SCOPE, node, page);
  }

  state(): Map<string, Value> {
    return new Map(this.store.scopeChanges(SCOPE, () => true).map((change) => [fieldKey(change.id.slice(1), change.f), change.v]));
  }

  close(): void {
    this.replica.db.close();
  }
}

/**
 * Sends a request as the engine does (JSON) to the holder's responder, and its answer back in the
 * format the engine answers this replica's session in (binary pages: main/sync/wire.ts), both decoded as on arrival.
 */
function wire(holder: TavlaReplica, holderId: string, joinerId: string, count: { bytes: number; messages: number }): Ask {
  const responder = new SyncResponder(holder.store, (scope, changes, from) => applyThroughWalls(holder, scope, from, changes));
  holder.walls.announce(SCOPE, joinerId, 'board', true);
  const session = binarySession(randomBytes(6).toString('hex'));
  let seq = 0;
  const carry = (message: Record<string, unknown>, format: WireFormat): SyncMessage => {
    const payload = encodeMessage(message, format);
    count.bytes += payload.byteLength;
    count.messages += 1;
    const decoded = decodePayload(InboxMessage, payload);
    if (!decoded.ok) throw new Error(decoded.reason);
    return decoded.value as SyncMessage;
  };
  return (async (request, expect) => {
    await new Promise((resolve) => setImmediate(resolve));
    const asked = carry({ v: 1, from: joinerId, session, seq: seq++, ...request }, 'json');
    if (!holder.walls.mayRequest(SCOPE, asked.from)) throw new Error('request refused by the walls');
    const answer = responder.answer(SCOPE, asked);
    if (!answer) throw new Error(`no answer to ${asked.type}`);
    const received = carry({ v: 1, from: holderId, ...answer }, answerFormat(session));
    if (received.type !== expect) throw new Error(`expected ${expect}, got ${received.type}`);
    return received;
  }) as Ask;
}

export const tavla: PeerSystem = {
  name: 'tavla',
  label: 'Tavla',
  durable: 'its real board store: SQLite, journal_mode=WAL, synchronous=FULL, one transaction per received page (field_state, read model, clock)',

  encode(workload: Workload): Uint8Array[] {
    // Stamps on a wall clock an hour back, one ms per write: the HLC of each writer, never ahead of the receiver.
    const base = Date.now() - 3_600_000;
    return workload.batches.map((batch) => {
      const node = WRITERS[batch.writer];
      const changes: Change[] = batch.writes.map((w) => ({ c: 'task', id: `t${w.record}`, f: w.field, v: w.value, s: encodeStamp({ wall: base + w.t, counter: 0, node }) }));
      const pages = encodeChangePages(node, changes);
      if (pages.length !== 1) throw new Error(`a batch of ${changes.length} became ${pages.length} pages`);
      return frame(node, pages[0]);
    });
  },

  // The sender's node id travels in the topic; the payload is the page.
  wireBytes: (data: Uint8Array) => unframe(data).page.byteLength,

  open: (dir?: string) => new TavlaReplica(dir),

  async resync(frames: Uint8Array[], dir: string): Promise<ResyncOutcome> {
    const holder = new TavlaReplica();
    for (const data of frames) holder.apply(data);
    const joiner = new TavlaReplica(dir);
    const count = { bytes: 0, messages: 0 };
    const started = performance.now();
    await reconcile(joiner.store, SCOPE, wire(holder, holder.replica.nodeId, joiner.replica.nodeId, count), (changes) => void applyThroughWalls(joiner, SCOPE, holder.replica.nodeId, changes));
    return resyncOutcome(holder, joiner, performance.now() - started, count);
  },
};
