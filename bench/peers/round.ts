/**
 * One system's figures for one round, in a process of its own (`node round.js encode|measure
 * SYSTEM DIR RECORDS RESYNC_RECORDS`): `encode` writes the writers' frames to DIR once; `measure`
 * applies them durably (then reads RSS), in memory, in the opposite order (convergence), and runs
 * the cold resync. The result goes to the parent over IPC.
 */

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readFrames, writeFrames } from './frames.js';
import { sameState, type PeerSystem, type Replica } from './system.js';
import { systemNamed } from './systems.js';
import { FIELDS, generate, lastWriterWins } from './workload.js';

export interface RoundResult {
  system: string;
  loadavg: number[];
  writes: number;
  fields: number;
  wireBytes: number;
  durable: { seconds: number; fieldsPerSecond: number };
  inMemory: { seconds: number; fieldsPerSecond: number };
  memory: { rssMiB: number; rssGrowthMiB: number; heapUsedMiB: number };
  convergence: { converged: boolean; fields: number; lastWriterWins?: boolean };
  resync: { fields: number; ms: number; bytes: number; messages: number; identical: boolean };
}

const [mode, name, dir, recordsArg, resyncArg] = process.argv.slice(2);
const system = systemNamed(name);
const records = Number(recordsArg);
const resyncRecords = Number(resyncArg);
const applyFile = join(dir, `${name}.apply`);
const resyncFile = join(dir, `${name}.resync`);
const MiB = 2 ** 20;
const round2 = (n: number) => Math.round(n * 100) / 100;

function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function applyAll(replica: Replica, frames: readonly Uint8Array[]): Promise<number> {
  const started = performance.now();
  for (const frame of frames) await replica.apply(frame);
  return (performance.now() - started) / 1000;
}

async function measure(peer: PeerSystem): Promise<RoundResult> {
  const workload = generate(records);
  const at = loadavg().map(round2);
  const frames = readFrames(applyFile);
  const scratch = mkdtempSync(join(dir, `${name}-`));
  const folder = (sub: string) => {
    mkdirSync(join(scratch, sub));
    return join(scratch, sub);
  };
  collect();
  const before = process.memoryUsage().rss;
  const durable = await peer.open(folder('durable'));
  const durableSeconds = await applyAll(durable, frames);
  collect();
  const usage = process.memoryUsage();
  await durable.close();

  const first = await peer.open();
  const memorySeconds = await applyAll(first, frames);
  const second = await peer.open();
  await applyAll(second, [...frames].reverse());
  const a = first.state();
  const b = second.state();
  await first.close();
  await second.close();
  const expected = lastWriterWins(workload);
  const converged = sameState(a, b) && a.size === records * FIELDS.length;

  const resync = await peer.resync(readFrames(resyncFile), folder('resync'));
  rmSync(scratch, { recursive: true, force: true });
  return {
    system: peer.name,
    loadavg: at,
    writes: workload.writes,
    fields: a.size,
    wireBytes: frames.reduce((sum, frame) => sum + (peer.wireBytes?.(frame) ?? frame.byteLength), 0),
    durable: { seconds: round2(durableSeconds), fieldsPerSecond: Math.round(workload.writes / durableSeconds) },
    inMemory: { seconds: round2(memorySeconds), fieldsPerSecond: Math.round(workload.writes / memorySeconds) },
    memory: { rssMiB: round2(usage.rss / MiB), rssGrowthMiB: round2((usage.rss - before) / MiB), heapUsedMiB: round2(usage.heapUsed / MiB) },
    convergence: { converged, fields: a.size, ...(peer.name === 'tavla' ? { lastWriterWins: sameState(a, expected) } : {}) },
    resync: { ...resync, ms: Math.round(resync.ms) },
  };
}

if (mode === 'encode') {
  writeFrames(applyFile, system.encode(generate(records)));
  writeFrames(resyncFile, system.encode(generate(resyncRecords)));
  process.send?.({ done: true });
} else {
  process.send?.(await measure(system));
}
