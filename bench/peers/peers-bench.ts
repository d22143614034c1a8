/**
 * `npm run bench:peers`: Tavla against TinyBase, Automerge and Yjs on one seeded workload, one
 * child process per system per round, the systems' order rotating each round so load hits all
 * alike. Flags: --rounds=N (3), --records=N (20,000), --resync-records=N (5,000: 50,000 fields),
 * --systems=tavla,yjs (all). Writes bench/results/peers.{json,md}.
 */

import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeResults } from '../report.js';
import { ratios, tabulate, targets } from './figures.js';
import { peersMarkdown } from './peers-report.js';
import type { RoundResult } from './round.js';
import { SYSTEMS } from './systems.js';
import { generate } from './workload.js';

const ROUND = fileURLToPath(new URL('./round.js', import.meta.url));
const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const rounds = Number(args.get('rounds') ?? 3);
const records = Number(args.get('records') ?? 20_000);
const resyncRecords = Number(args.get('resync-records') ?? Math.min(5000, records));
const chosen = args.get('systems')?.split(',') ?? SYSTEMS.map((s) => s.name);
const systems = SYSTEMS.filter((s) => chosen.includes(s.name));

function child<T>(mode: 'encode' | 'measure', system: string, dir: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const proc = fork(ROUND, [mode, system, dir, String(records), String(resyncRecords)], { execArgv: ['--expose-gc'], env: { ...process.env, TAVLA_LOG: 'error' } });
    let result: T | undefined;
    proc.once('message', (message) => (result = message as T));
    proc.once('error', reject);
    proc.once('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`${system} ${mode} exited with ${code}`))));
  });
}

function report(results: RoundResult[][], load: number[][]): void {
  const table = tabulate(results);
  const run = { records, resyncRecords, writes: workload.writes, batches: workload.batches.length, contested: workload.contested, rounds: results.length, loadavg: load };
  const judged = targets(table);
  writeResults('peers', { run, durable: Object.fromEntries(systems.map((s) => [s.name, s.durable])), table, ratios: ratios(table), targets: judged, rounds: results }, peersMarkdown(run, systems, table, judged));
}

const dir = mkdtempSync(join(tmpdir(), 'tavla-peers-'));
const workload = generate(records);
console.log(`workload: ${records} records, ${workload.writes} writes in ${workload.batches.length} batches, ${workload.contested} fields overwritten concurrently by both writers`);
try {
  for (const system of systems) await child('encode', system.name, dir);
  const results: RoundResult[][] = [];
  const load: number[][] = [];
  for (let round = 0; round < rounds; round += 1) {
    load.push(loadavg().map((n) => Math.round(n * 100) / 100));
    const order = systems.map((_, i) => systems[(i + round) % systems.length]);
    const mine: RoundResult[] = [];
    for (const system of order) {
      const result = await child<RoundResult>('measure', system.name, dir);
      console.log(`round ${round + 1} ${system.name}: durable ${result.durable.fieldsPerSecond}/s, memory ${result.inMemory.fieldsPerSecond}/s, resync ${result.resync.ms} ms ${result.resync.bytes} B, wire ${result.wireBytes} B, rss ${result.memory.rssMiB} MiB, converged ${result.convergence.converged}`);
      if (!result.convergence.converged || !result.resync.identical || result.convergence.lastWriterWins === false) throw new Error(`${system.name} did not converge`);
      mine.push(result);
    }
    results.push(mine);
    // Written after every round: a long run cut short still leaves the rounds it finished.
    report(results, load);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
