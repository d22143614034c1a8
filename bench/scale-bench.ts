/**
 * `npm run bench:scale` (issue 18 point 3): a municipality's boards — 250 units × 2 — in a few
 * worker processes, one hub and one Mosquitto on this machine. Per board count (the curve: 50, 100,
 * 250, 500) two phases: the realistic rate (edit-to-hub latency, leader view answers) and the peak
 * rate (sustained hub ingest in changes/s), then a count that every change reached the hub.
 * `--boards=<n>` runs one count, `--curve=50,100` those, `--quick` 50 boards for 10 s; `--seconds=<s>` per
 * phase (default 30), `--peak=<edits/s>` per board (default 1), `--workers=<n>` (default 4).
 */

import { fork, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { HubService } from '../main/hub/hub-service.js';
import { SyncEngine } from '../main/sync/sync-engine.js';
import { HUB_SCOPE } from '../shared/sync/protocol.js';
import { Mosquitto } from '../test/support/mosquitto.js';
import { tempDir } from '../test/support/temp-dir.js';
import { waitFor } from '../test/support/wait.js';
import { summarize, writeResults } from './report.js';
import type { IngestPlan, IngestReport } from './scale-ingest-worker.js';
import type { ScaleWorkerMessage, ScaleWorkerPlan } from './scale-worker.js';

const WORKER = fileURLToPath(new URL('./scale-worker.js', import.meta.url));
const INGEST_WORKER = fileURLToPath(new URL('./scale-ingest-worker.js', import.meta.url));
const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const QUICK = args.has('quick');
const SECONDS = Number(args.get('seconds') ?? (QUICK ? 10 : 30));
const CURVE = args.has('ingest-only') ? [] : args.has('boards') ? [Number(args.get('boards'))] : args.has('curve') ? (args.get('curve') ?? '').split(',').map(Number) : QUICK ? [50] : [50, 100, 250, 500];
/**
 * The realistic rate: one tap every 10 s per board (360 an hour per screen). A ward's busiest hour,
 * the morning round of some 24 patients with their care tasks ticked off and beds changing state,
 * gives a few hundred taps on its two screens together; this is that peak on every screen at once.
 */
const REALISTIC_PER_BOARD = 0.1;
/** The peak: 1.2 taps a second per board (9 changes each: 500 boards offer 5,400 changes/s), to find what the hub takes. */
const PEAK_PER_BOARD = Number(args.get('peak') ?? 1.2);
const WORKERS = Number(args.get('workers') ?? 4);
/**
 * The ingest stage: changes/s offered to the hub by a generator process publishing 500 boards'
 * pre-made live batches (0 skips it); the curve's boards share the cores with the hub, this does not.
 */
const INGEST_RATE = Number(args.get('ingest') ?? (QUICK ? 1000 : 6000));
const INGEST_BOARDS = QUICK ? 50 : 500;
const M = 'skala';

/** Wall-clock ms comparable with the workers' (same machine). */
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Phase {
  perBoardRate: number;
  seconds: number;
  /** Changes (fields) merged at the hub per second over the phase. */
  hubChangesPerSecond: number;
  /** CPU the hub's process used over the window, as a share of one core (its sync link, merges and the leader answers). */
  hubCpuShare: number;
  /** Changes merged per second of the hub's CPU: what one core would take if the boards were not on the same cores. */
  hubChangesPerCpuSecond: number;
  edits: number;
  /** The taps asked of the boards over the phase: fewer made means the boards' processes could not keep up. */
  editsAsked: number;
  editToHubMs: ReturnType<typeof summarize>;
  /** Leader view: capacity and indicators answered by the hub during the phase (ms, the slowest of each). */
  leaderMs: { capacity: number; indicators: number; firstReady: number };
}

/** The hub's replica and sync link as `tavla hub` composes them (main/runtime/hub-runtime.ts), observed at the merge. */
function hubReplica(dir: string, brokerUrl: string) {
  const hub = new HubService({ dataDir: `${dir}/hub`, municipality: M });
  const seen = { applied: 0, samples: [] as number[] };
  const sync: SyncEngine = new SyncEngine({
    store: hub.store,
    clock: hub.clock,
    periodMs: 60_000,
    brokerUrl,
    municipality: M,
    nodeId: hub.nodeId,
    role: 'hub',
    onApplied: (_scope, changes) => {
      const at = now();
      seen.applied += changes.length;
      for (const change of changes) {
        if (change.f === 'title' && typeof change.v === 'string' && change.v.startsWith('e|')) seen.samples.push(at - Number(change.v.split('|')[3]));
      }
    },
    onHeard: (scope) => hub.receipts.heard(scope, Date.now()),
    onStatus: (status) => hub.setSyncStatus(status),
  });
  return { hub, sync, seen };
}

async function stage(boards: number) {
  const dir = tempDir('tavla-scale-');
  const broker = await Mosquitto.start(dir.path);
  const { hub, sync, seen } = hubReplica(dir.path, broker.url);
  const units = boards / 2;
  const plans: ScaleWorkerPlan[] = Array.from({ length: WORKERS }, (_, w) => ({ broker: broker.url, dir: `${dir.path}/w${w}`, municipality: M, boards: [] }));
  for (let index = 0; index < boards; index += 1) {
    const unit = Math.floor(index / 2);
    // The two boards of a unit in different processes, as two screens.
    plans[(unit + (index % 2)) % WORKERS].boards.push({ unit: `unit-${String(unit).padStart(3, '0')}`, index, configures: index % 2 === 0 });
  }
  const started = performance.now();
  const children = plans.map((plan) => fork(WORKER, [JSON.stringify(plan)], { env: { ...process.env, TAVLA_LOG: 'error' } }));
  await Promise.all(children.map((child) => new Promise((resolve) => child.once('message', resolve))));
  const startSeconds = Math.round((performance.now() - started) / 100) / 10;
  const send = (message: ScaleWorkerMessage) => children.forEach((child) => child.send(message));
  const ask = <T>(child: ChildProcess, message: ScaleWorkerMessage) =>
    new Promise<T>((resolve) => {
      child.once('message', (m) => resolve(m as T));
      child.send(message);
    });
  const counts = async () => {
    const all = await Promise.all(children.map((child) => ask<{ fields: number; edits: number }>(child, 'count')));
    return { fields: all.reduce((n, c) => n + c.fields, 0), edits: all.reduce((n, c) => n + c.edits, 0) };
  };
  const hubFields = hub.db.prepare('SELECT count(*) AS n FROM field_state WHERE scope != ?');
  // Every unit configured reaches the hub before anything is measured.
  await waitFor(() => hub.unitIds().length, (n) => n >= units, { timeout: 120_000, what: 'every unit at the hub' });
  // …and the joining is over: the boards' first exchanges with their peers and the hub have settled (3 s without a merge).
  let settledAt = seen.applied;
  await waitFor(
    async () => {
      await sleep(3000);
      const quiet = seen.applied === settledAt;
      settledAt = seen.applied;
      return quiet;
    },
    Boolean,
    { timeout: 180_000, what: 'the joining settled', interval: 0 },
  ).catch(() => undefined);
  const readySeconds = Math.round((performance.now() - started) / 100) / 10;

  const leader = () => {
    const t0 = performance.now();
    const capacity = hub.dispatch('leader.capacity', {});
    const t1 = performance.now();
    const indicators = hub.dispatch('leader.indicators', {});
    const t2 = performance.now();
    if (!capacity.ok || !indicators.ok) throw new Error('leader view failed');
    return { capacity: t1 - t0, indicators: t2 - t1 };
  };

  const phase = async (rate: number): Promise<Phase> => {
    const before = await counts();
    seen.samples = [];
    send({ rate });
    // A second to reach the rate, then the measured window.
    await sleep(1000);
    const appliedAt = seen.applied;
    const cpuAt = process.cpuUsage();
    const t0 = performance.now();
    const timings: { capacity: number; indicators: number }[] = [];
    const end = t0 + SECONDS * 1000;
    while (performance.now() < end) {
      await sleep(Math.min(5000, end - performance.now()));
      timings.push(leader());
    }
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpuAt);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const hubChangesPerSecond = Math.round((seen.applied - appliedAt) / seconds);
    send({ rate: 0 });
    const after = await counts();
    const round = (n: number) => Math.round(n);
    return {
      perBoardRate: rate,
      seconds: Math.round(seconds),
      hubChangesPerSecond,
      hubCpuShare: Math.round((cpuSeconds / seconds) * 100) / 100,
      hubChangesPerCpuSecond: Math.round((seen.applied - appliedAt) / cpuSeconds),
      edits: after.edits - before.edits,
      editsAsked: Math.round(rate * boards * (1 + seconds)),
      editToHubMs: summarize(seen.samples),
      leaderMs: {
        capacity: round(Math.max(...timings.map((t) => t.capacity))),
        indicators: round(Math.max(...timings.map((t) => t.indicators))),
        firstReady: round(timings[0].capacity + timings[0].indicators),
      },
    };
  };

  const realistic = await phase(REALISTIC_PER_BOARD);
  const peak = await phase(PEAK_PER_BOARD);
  // Every change a board wrote is at the hub: its store holds as many fields as all boards wrote.
  const written = await counts();
  const arrived = await waitFor(() => (hubFields.get(HUB_SCOPE) as { n: number }).n, (n) => n >= written.fields, { timeout: 120_000, what: 'every change at the hub' }).catch(
    () => (hubFields.get(HUB_SCOPE) as { n: number }).n,
  );
  await Promise.all(children.map((child) => ask(child, 'stop')));
  await sync.stop();
  hub.close();
  await broker.kill('SIGTERM');
  dir.remove();
  return { boards, units, processes: WORKERS, startSeconds, readySeconds, realistic, peak, fieldsWritten: written.fields, fieldsAtHub: arrived, lost: written.fields - arrived };
}

/**
 * The hub's sustained ingest on its own: a generator process (bench/scale-ingest-worker.ts) publishes
 * `boards` boards' live batches, made beforehand by real BoardServices, through the broker at
 * `changesPerSecond`; the hub merges them through its inbound path. Every change is counted at the hub.
 */
async function ingest(boards: number, changesPerSecond: number) {
  const dir = tempDir('tavla-scale-ingest-');
  const broker = await Mosquitto.start(dir.path);
  const { hub, sync, seen } = hubReplica(dir.path, broker.url);
  await waitFor(() => hub.syncStatus.broker, (state) => state === 'connected', { what: 'hub connected' });
  const changesPerEdit = 9;
  const editsPerBoard = Math.ceil((changesPerSecond * SECONDS) / changesPerEdit / boards);
  const generator = fork(INGEST_WORKER, [JSON.stringify({ broker: broker.url, dir: `${dir.path}/gen`, municipality: M, boards, editsPerBoard } satisfies IngestPlan)], { env: { ...process.env, TAVLA_LOG: 'error' } });
  const reports: IngestReport[] = [];
  const next = () => new Promise<IngestReport>((resolve) => generator.once('message', (m) => resolve(m as IngestReport)));
  const ready = await next();
  if (!('ready' in ready)) throw new Error('the generator did not start');
  reports.push(ready);
  // The presences are in; the hub's first digest rounds toward the new boards settle before the window.
  await sleep(3000);
  const appliedAt = seen.applied;
  const cpuAt = process.cpuUsage();
  const t0 = performance.now();
  const done = next();
  generator.send({ rate: (changesPerSecond / ready.changes) * ready.batches });
  const published = await done;
  const arrived = await waitFor(() => seen.applied - appliedAt, (n) => n >= ready.changes, { timeout: 120_000, what: 'every generated change at the hub' }).catch(() => seen.applied - appliedAt);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpuAt);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  await sync.stop();
  hub.close();
  await broker.kill('SIGTERM');
  dir.remove();
  if (!('done' in published)) throw new Error('the generator did not finish');
  return {
    boards,
    offeredChangesPerSecond: changesPerSecond,
    changes: ready.changes,
    batches: ready.batches,
    publishSeconds: Math.round(published.seconds * 10) / 10,
    /** From the first publish to the last change merged at the hub. */
    seconds: Math.round(seconds * 10) / 10,
    hubChangesPerSecond: Math.round(arrived / seconds),
    hubCpuShare: Math.round((cpuSeconds / seconds) * 100) / 100,
    arrived,
    lost: ready.changes - arrived,
    loadAverage: loadavg(),
  };
}

const loadBefore = loadavg();
const stages: (Awaited<ReturnType<typeof stage>> & { loadAverage: number[] })[] = [];
for (const boards of CURVE) {
  const result = await stage(boards);
  console.log(JSON.stringify(result));
  stages.push({ ...result, loadAverage: loadavg() });
}
const ingested = INGEST_RATE > 0 ? await ingest(INGEST_BOARDS, INGEST_RATE) : undefined;
if (ingested) console.log(JSON.stringify({ ingest: ingested }));
const loadAfter = loadavg();
const slowest = (s: (typeof stages)[number]) => Math.max(s.realistic.leaderMs.capacity + s.realistic.leaderMs.indicators, s.peak.leaderMs.capacity + s.peak.leaderMs.indicators);
const row = (s: (typeof stages)[number]): string =>
  `| ${s.boards} | ${s.realistic.edits} / ${s.realistic.editsAsked} | ${s.realistic.editToHubMs.p50} | ${s.realistic.editToHubMs.p99} | ${s.realistic.leaderMs.firstReady} / ${slowest(s)} | ${s.peak.edits} / ${s.peak.editsAsked} | ${s.peak.hubChangesPerSecond.toLocaleString('en')} | ${s.peak.hubCpuShare} / ${s.peak.hubChangesPerCpuSecond.toLocaleString('en')} | ${s.peak.editToHubMs.p50} | ${s.peak.editToHubMs.p99} | ${s.fieldsWritten.toLocaleString('en')} | ${s.lost} | ${s.loadAverage.map((n) => n.toFixed(2)).join(' ')} |`;
writeResults(
  'scale',
  {
    method: {
      realisticPerBoardRate: REALISTIC_PER_BOARD,
      peakPerBoardRate: PEAK_PER_BOARD,
      secondsPerPhase: SECONDS,
      workers: WORKERS,
      edit: 'task.create on a real BoardService (SQLite file, synchronous=FULL) with its own MQTT link; latency from the dispatch to the merge at the hub',
    },
    stages,
    ingest: ingested,
    loadAverage: { before: loadBefore, after: loadAfter },
  },
  `
Boards in ${WORKERS} processes, one hub replica and one Mosquitto on this machine; ${SECONDS} s per phase. Realistic: ${REALISTIC_PER_BOARD} edit/s per board; peak: ${PEAK_PER_BOARD} edits/s per board (a task.create is 9 changes). Load average (1, 5, 15 min) after each count.

| boards | realistic edits made / asked | realistic edit-to-hub p50 ms | p99 ms | leader view ms (first / slowest) | peak edits made / asked | peak hub ingest changes/s | peak hub CPU (cores) / changes per CPU-second | peak p50 ms | peak p99 ms | changes written | lost | load average |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${stages.map(row).join('\n')}

${
  ingested
    ? `Ingest on its own: a generator process published ${ingested.boards} boards' ${ingested.changes.toLocaleString('en')} changes (${ingested.batches.toLocaleString('en')} live batches made beforehand by real BoardServices, one per task.create) through the broker at ${ingested.offeredChangesPerSecond.toLocaleString('en')} changes/s offered; the hub merged ${ingested.arrived.toLocaleString('en')} of them (lost ${ingested.lost}) in ${ingested.seconds} s from the first publish to the last merge: **${ingested.hubChangesPerSecond.toLocaleString('en')} changes/s**, the hub's process using ${ingested.hubCpuShare} of a core (load average after: ${ingested.loadAverage.map((n) => n.toFixed(2)).join(' ')}).\n\n`
    : ''
}Targets (issue 18): hub ingest at least 5,000 changes/s sustained, every change counted (lost 0); edit-to-hub p99 at most 100 ms at the realistic rate; leader view (capacity and indicators answered) within 2,000 ms during the load. Largest count: ${(() => {
  const s = stages[stages.length - 1];
  if (!s) return 'no board count run';
  const met = (ok: boolean) => (ok ? 'met' : 'not met');
  return `${s.boards} boards: ingest ${s.peak.hubChangesPerSecond.toLocaleString('en')} changes/s (${met(s.peak.hubChangesPerSecond >= 5000)}), lost ${s.lost} (${met(s.lost === 0)}), realistic p99 ${s.realistic.editToHubMs.p99} ms (${met(s.realistic.editToHubMs.p99 <= 100)}), leader view ${slowest(s)} ms (${met(slowest(s) <= 2000)})`;
})()}.
${ingested ? ` Ingest on its own: ${ingested.hubChangesPerSecond.toLocaleString('en')} changes/s (${ingested.hubChangesPerSecond >= 5000 ? 'met' : 'not met'}), lost ${ingested.lost}.` : ''}
`,
);
process.exit(0);
