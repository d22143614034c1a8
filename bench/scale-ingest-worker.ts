/**
 * The load generator of `bench:scale`'s ingest stage: the hub's sustained ingest measured without the
 * boards' own work on the same two cores. Each simulated board is a real BoardService (its own
 * SQLite file, as written by `task.create` through the command path) whose edits are made before the
 * window; in the window its live batches are published through the broker as its sync engine
 * publishes them (the binary live format, QoS 1, on its unit's `changes` topic), after its presence,
 * at a paced rate. The hub merges them through its real inbound path; the coordinator counts them.
 */

import mqtt from 'mqtt';
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { BoardService } from '../main/board/board-service.js';
import { encodeMessage, LIVE_FORMAT } from '../main/sync/wire.js';
import { encodePresence } from '../shared/sync/payloads.js';
import { topics } from '../shared/sync/topics.js';

export interface IngestPlan {
  broker: string;
  dir: string;
  municipality: string;
  boards: number;
  /** Edits (each one live batch) made per board before the window. */
  editsPerBoard: number;
}

/** What the generator reports: when ready, how many changes it will publish; at the end, what it published and when. */
export type IngestReport = { ready: true; changes: number; batches: number } | { done: true; published: number; seconds: number };

const plan = JSON.parse(process.argv[2] ?? '{}') as IngestPlan;
const perBoard: { topic: string; payload: Buffer }[][] = [];
const presences: { topic: string; payload: string }[] = [];
let changes = 0;
for (let index = 0; index < plan.boards; index += 1) {
  const unit = `unit-${String(Math.floor(index / 2)).padStart(3, '0')}`;
  const dataDir = `${plan.dir}/gen-${index}`;
  const service = new BoardService({ dataDir, municipality: plan.municipality, unit });
  // The generator's own files are not what is measured: no fsync for them.
  service.db.pragma('synchronous = OFF');
  const before = service.store.unsent(1_000_000).length;
  const sizes: number[] = [];
  for (let n = 0; n < plan.editsPerBoard; n += 1) {
    const logged = service.store.localChanges;
    const result = service.dispatch('task.create', { title: `Tiltak ${index}-${n}` });
    if (!result.ok) throw new Error(result.message);
    sizes.push(service.store.localChanges - logged);
  }
  const unsent = service.store.unsent(1_000_000).slice(before);
  if (unsent.length !== sizes.reduce((sum, n) => sum + n, 0)) throw new Error(`board ${index}: ${unsent.length} unsent changes for edits of ${sizes.join('+')}`);
  // One batch per edit, as a board's drain publishes a tap.
  const own: { topic: string; payload: Buffer }[] = [];
  let at = 0;
  for (const size of sizes) {
    const items = unsent.slice(at, (at += size));
    if (items.some((item) => item.scope !== items[0].scope)) throw new Error('an edit wrote into two scopes: one batch per scope is needed');
    own.push({
      topic: topics.changes(plan.municipality, items[0].scope, service.nodeId),
      payload: encodeMessage({ v: 1, from: service.nodeId, changes: items.map((item) => item.change) }, LIVE_FORMAT),
    });
    changes += items.length;
  }
  perBoard.push(own);
  presences.push({ topic: topics.presence(plan.municipality, unit, service.nodeId), payload: encodePresence({ node: service.nodeId, role: 'board', status: 'online', at: new Date().toISOString() }) as string });
  service.close();
  rmSync(dataDir, { recursive: true, force: true });
}
// Every board's n-th edit before any board's (n+1)-th: many screens tapping at once.
const batches = Array.from({ length: plan.editsPerBoard }, (_, n) => perBoard.map((own) => own[n])).flat();

const client = await mqtt.connectAsync(plan.broker, { clientId: `bench-ingest-${process.pid}`, clean: true });
for (const presence of presences) await client.publishAsync(presence.topic, presence.payload, { qos: 1, retain: true });
process.send?.({ ready: true, changes, batches: batches.length } satisfies IngestReport);

process.on('message', (message: { rate: number }) => {
  // `rate` batches a second, in slices of 10 ms; at most 1,000 unacknowledged, as a broker's in-flight window.
  const started = performance.now();
  let next = 0;
  let acked = 0;
  const tick = () => {
    const due = Math.min(batches.length, Math.floor(((performance.now() - started) / 1000) * message.rate));
    while (next < due && next - acked < 1000) {
      const { topic, payload } = batches[next++];
      client.publish(topic, payload, { qos: 1 }, () => {
        acked += 1;
        if (acked === batches.length) {
          process.send?.({ done: true, published: acked, seconds: (performance.now() - started) / 1000 } satisfies IngestReport, () => void client.endAsync().then(() => process.exit(0)));
        }
      });
    }
    if (next < batches.length) setTimeout(tick, 10);
  };
  tick();
});
