/**
 * Sync benchmarks (`npm run bench:sync`): edit-to-visible-on-peer latency through a real Mosquitto
 * with 2 and 50 simulated boards at 1 edit/s each, merge/apply throughput, and the cold resync of
 * a 50,000-field unit. Boards run in this process so one clock times both ends.
 */

import mqtt from 'mqtt';
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { BoardService } from '../main/board/board-service.js';
import { attachSync } from '../main/board/board-assembly.js';
import { ChangesMessage } from '../shared/sync/protocol.js';
import { decodePayload } from '../main/sync/inbound.js';
import { InboundScope } from '../main/sync/inbound-scope.js';
import { encodeMessage, LIVE_FORMAT } from '../main/sync/wire.js';
import type { Change } from '../shared/sync/change.js';
import { tempDir } from '../test/support/temp-dir.js';
import { Mosquitto } from '../test/support/mosquitto.js';
import { TavlaProcess } from '../test/support/tavla-process.js';
import { waitFor } from '../test/support/wait.js';
import { workload } from './apply-workload.js';
import { summarize, writeResults } from './report.js';
import type { WorkerPlan } from './sync-latency-worker.js';

const WORKER = fileURLToPath(new URL('./sync-latency-worker.js', import.meta.url));

const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const SECONDS = Number(args.get('seconds') ?? 30);
const M = 'bench';

/**
 * Latency from a board's edit (its SQLite commit included) to the change merged on the other board
 * of its unit. Boards run in several processes, the two boards of a unit always in different ones,
 * as on real screens where one board's fsync never stalls another's.
 */
async function latency(boardsTotal: number) {
  const dir = tempDir('tavla-bench-');
  // As `tavla provision` configures the broker (main/provision/broker-config.ts): without it, a
  // batch the broker forwards waits behind Nagle's algorithm while an earlier packet is unacknowledged.
  const broker = await Mosquitto.start(dir.path, 'set_tcp_nodelay true\n');
  const perUnit = 2;
  const units = boardsTotal / perUnit;
  const workers = 2; // one per core here; the two boards of a unit never share a process
  const plans: WorkerPlan[] = Array.from({ length: workers }, (_, w) => ({ broker: broker.url, dir: `${dir.path}/w${w}`, municipality: M, boards: [] }));
  for (let index = 0; index < boardsTotal; index += 1) {
    const unit = Math.floor(index / perUnit);
    plans[(unit + (index % perUnit)) % workers].boards.push({ unit: `unit-${unit}`, index });
  }
  const children = plans.map((plan) => fork(WORKER, [JSON.stringify(plan)], { env: { ...process.env, TAVLA_LOG: 'error' } }));
  await Promise.all(children.map((child) => new Promise((resolve) => child.once('message', resolve))));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  children.forEach((child) => child.send('go'));
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000 + 1000));
  children.forEach((child) => child.send('quiet'));
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const reports = await Promise.all(
    children.map((child) => {
      const report = new Promise<{ samples: number[]; sent: number }>((resolve) => child.once('message', (m) => resolve(m as never)));
      child.send('stop');
      return report;
    }),
  );
  await broker.kill('SIGTERM');
  dir.remove();
  const samples = reports.flatMap((r) => r.samples);
  const edits = reports.reduce((sum, r) => sum + r.sent, 0);
  const expected = edits * (perUnit - 1);
  return { boards: boardsTotal, units, processes: workers, editsPerBoardPerSecond: 1, seconds: SECONDS, edits, delivered: samples.length, expected, lost: expected - samples.length, ms: summarize(samples) };
}

/**
 * Fields merged per second from remote batches of 2,000 (the two-writer workload of bench/apply-workload.ts) into a file store with synchronous=FULL,
 * through the inbound path: each batch encoded as the sender puts it on the wire, then decoded,
 * walled and merged as the sync engine does it. The bytes are the payloads' sum.
 */
function applyThroughput(total = 229_130) {
  const dir = tempDir('tavla-bench-');
  const service = new BoardService({ dataDir: dir.path, municipality: M, unit: 'unit-0' });
  const batches = workload(total);
  const payloads = batches.map((changes) => encodeMessage({ v: 1, from: 'peer', changes }, LIVE_FORMAT));
  const walls = new InboundScope(service.store, { municipality: M, role: 'board' });
  const started = performance.now();
  let applied = 0;
  for (const payload of payloads) {
    const decoded = decodePayload(ChangesMessage, payload);
    if (!decoded.ok) throw new Error(decoded.reason);
    const admitted = walls.admit('unit-0', walls.writer('unit-0', 'peer'), decoded.value.changes as Change[]).admitted;
    applied += service.store.applyRemote(admitted).applied.length;
  }
  const seconds = (performance.now() - started) / 1000;
  service.close();
  dir.remove();
  const wireBytes = payloads.reduce((sum, p) => sum + p.byteLength, 0);
  return { fields: total, applied, batchSize: 2000, seconds: Math.round(seconds * 1000) / 1000, fieldsPerSecond: Math.round(applied / seconds), wireMiB: mib(wireBytes) };
}

const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 100) / 100;

/**
 * An empty board joins a unit of 50,000+ fields held by a peer board running as its own `tavla`
 * process, through Mosquitto's default queue: timed from connecting to holding every field. A
 * listener on the unit's topics sums the payload bytes of every message meanwhile.
 */
async function coldResync() {
  const dir = tempDir('tavla-bench-');
  const broker = await Mosquitto.start(dir.path);
  const seeded = new BoardService({ dataDir: `${dir.path}/a`, municipality: M, unit: 'unit-0' });
  seeded.dispatch('unit.configure', { name: 'Unit', kind: 'nursing-home', beds: [{ label: '1' }] });
  seeded.db.transaction(() => {
    // Tasks (and each one's audit entry) until the unit holds 50,000 fields.
    for (let i = 0; seeded.store.localChanges < 50_000; i += 1) seeded.dispatch('task.create', { title: `Historikk ${i}`, due: '2026-11-01T08:00:00Z' });
  })();
  seeded.store.markSent(seeded.store.unsent(1_000_000).map((u) => u.seq));
  const expected = seeded.store.scopeChanges('unit-0', () => true);
  seeded.close();
  const holder = await TavlaProcess.start({ role: 'board', municipality: M, unit: 'unit-0', broker: broker.url, data: `${dir.path}/a` });
  await waitFor(() => holder.health(), (h) => h.broker === 'connected', { what: 'holder connected' });
  const joiner = new BoardService({ dataDir: `${dir.path}/b`, municipality: M, unit: 'unit-0' });
  const count = joiner.db.prepare('SELECT count(*) AS n FROM field_state');
  const listener = await mqtt.connectAsync(broker.url, { clientId: 'bench-listener' });
  let wireBytes = 0;
  let messages = 0;
  listener.on('message', (_topic, payload) => {
    wireBytes += payload.byteLength;
    messages += 1;
  });
  await listener.subscribeAsync(`tavla/v1/${M}/unit-0/#`);
  const started = performance.now();
  const joinerSync = attachSync(joiner, broker.url);
  await waitFor(() => (count.get() as { n: number }).n, (n) => n >= expected.length, { what: 'joiner filled', timeout: 60_000, interval: 10 });
  const ms = performance.now() - started;
  const wire = { wireMiB: mib(wireBytes), messages };
  await listener.endAsync();
  const identical = JSON.stringify(joiner.store.scopeChanges('unit-0', () => true)) === JSON.stringify(expected);
  await joinerSync.stop();
  await holder.stop();
  joiner.close();
  await broker.kill('SIGTERM');
  dir.remove();
  return { fields: expected.length, ms: Math.round(ms), ...wire, identical, lost: identical ? 0 : 'mismatch' };
}

const only = args.get('only');
if (only === 'latency') {
  console.log(await latency(Number(args.get('boards') ?? 50)));
  process.exit(0);
}
if (only === 'apply') {
  console.log(applyThroughput(Number(args.get('fields') ?? 229_130)));
  process.exit(0);
}
const loadBefore = loadavg();
const resync = await coldResync();
if (only === 'resync') {
  console.log(resync);
  process.exit(0);
}
const two = await latency(2);
console.log('2 boards', two);
const fifty = await latency(50);
console.log('50 boards', fifty);
const apply = applyThroughput();
console.log('apply', apply);
console.log('cold resync', resync);

const row = (name: string, r: Awaited<ReturnType<typeof latency>>) =>
  `| ${name} | ${r.edits} | ${r.lost} | ${r.ms.p50} | ${r.ms.p99} | ${r.ms.p999} | ${r.ms.max} |`;
writeResults(
  'sync',
  { latency: [two, fifty], apply, resync, loadAverage: { before: loadBefore, after: loadavg() } },
  `
| edit to visible on peer (${SECONDS} s, 1 edit/s per board, boards in ${fifty.processes} processes) | edits | lost | p50 ms | p99 ms | p99.9 ms | max ms |
| --- | --- | --- | --- | --- | --- | --- |
${row('2 boards (1 unit)', two)}
${row('50 boards (25 units of 2)', fifty)}

| merge/apply through the inbound path (batches of 2,000, synchronous=FULL) | ${apply.fieldsPerSecond.toLocaleString('en')} fields/s (${apply.fields.toLocaleString('en')} fields in ${apply.seconds} s; ${apply.wireMiB} MiB on the wire) |
| --- | --- |
| cold resync, empty board joins a peer process | ${resync.fields.toLocaleString('en')} fields in ${resync.ms} ms, ${resync.wireMiB} MiB in ${resync.messages} messages, identical: ${resync.identical} |
`,
);
process.exit(0);
