/** What the peers benchmark asks of each system: its writers' wire frames, a receiving replica, a cold resync. */

import type { Batch, Value, Workload } from './workload.js';

/** A receiving replica: applies wire frames one at a time; a durable one has each on disk before it returns. */
export interface Replica {
  apply(frame: Uint8Array): void | Promise<void>;
  /** Every field it holds: `record/field` -> value. */
  state(): Map<string, Value>;
  close(): void | Promise<void>;
}

export interface ResyncOutcome {
  ms: number;
  /** Bytes on the wire, both directions. */
  bytes: number;
  messages: number;
  /** Fields the joiner holds afterwards. */
  fields: number;
  /** The joiner's state equals the holder's. */
  identical: boolean;
}

export interface PeerSystem {
  name: 'tavla' | 'tinybase' | 'automerge' | 'yjs';
  label: string;
  /** What "durable" means for it, as measured. */
  durable: string;
  /** The two writers' side: one wire frame per batch of the workload, in delivery order (not timed). */
  encode(workload: Workload): Uint8Array[];
  /** The bytes of a frame that travel on the wire, when the frame carries more (what a topic names). */
  wireBytes?(frame: Uint8Array): number;
  /** A receiving replica: in memory when `dir` is undefined, else durable in that folder. */
  open(dir?: string): Replica | Promise<Replica>;
  /** A replica that applied `frames` (in memory) serves an empty durable one in `dir`, timed until that one holds everything on disk. */
  resync(frames: Uint8Array[], dir: string): Promise<ResyncOutcome>;
}

/** A record's key in state maps: the generator's record number and the field. */
export const fieldKey = (record: number | string, field: string): string => `${record}/${field}`;

/** Two states hold the same fields with the same values. */
export function sameState(a: Map<string, Value>, b: Map<string, Value>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (!b.has(key) || b.get(key) !== value) return false;
  return true;
}

/**
 * Runs the two writers of a CRDT over the workload: before each batch its writer merges the other
 * writer's frames it has seen (`sees`), then writes the batch; returns the frames in delivery order.
 */
export function runWriters(workload: Workload, merge: (writer: Batch['writer'], frame: Uint8Array) => void, write: (batch: Batch) => Uint8Array): Uint8Array[] {
  const sent: Record<Batch['writer'], Uint8Array[]> = { a: [], b: [] };
  const merged = { a: 0, b: 0 };
  return workload.batches.map((batch) => {
    const me = batch.writer;
    const other = me === 'a' ? 'b' : 'a';
    for (; merged[me] < batch.sees; merged[me] += 1) merge(me, sent[other][merged[me]]);
    const frame = write(batch);
    sent[me].push(frame);
    return frame;
  });
}

/** Ends a cold resync: compares the joiner with the holder, closes both, gives the outcome. */
export async function resyncOutcome(holder: Replica, joiner: Replica, ms: number, wire: { bytes: number; messages: number }): Promise<ResyncOutcome> {
  const mine = joiner.state();
  const identical = sameState(mine, holder.state());
  await holder.close();
  await joiner.close();
  return { ms, ...wire, fields: mine.size, identical };
}
