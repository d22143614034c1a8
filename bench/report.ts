/** Shared bench plumbing: percentiles, the machine description and writing results to bench/results. */

import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

export function summarize(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    p999: round(percentile(sorted, 99.9)),
    max: round(sorted.at(-1) ?? NaN),
  };
}

export function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
  };
}

const RESULTS = fileURLToPath(new URL('../../bench/results/', import.meta.url));

/** Writes name.json (all figures) and name.md (a table for the README). */
export function writeResults(name: string, results: unknown, markdown: string): void {
  mkdirSync(RESULTS, { recursive: true });
  const body = { name, at: new Date().toISOString(), machine: machine(), results };
  writeFileSync(join(RESULTS, `${name}.json`), `${JSON.stringify(body, null, 2)}\n`);
  writeFileSync(join(RESULTS, `${name}.md`), `${markdown.trim()}\n`);
  console.log(`results written to bench/results/${name}.json and .md`);
}
