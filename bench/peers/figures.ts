/** The peers benchmark's figures across rounds: min/median/max per system, Tavla/peer ratios and the targets. */

import { percentile } from '../report.js';
import type { RoundResult } from './round.js';

export interface Spread {
  min: number;
  median: number;
  max: number;
}

export function spread(samples: number[]): Spread {
  const sorted = [...samples].sort((a, b) => a - b);
  // An even count: the mean of the middle two, not the lower one.
  const median = sorted.length % 2 === 0 && sorted.length > 0 ? (percentile(sorted, 50) + sorted[sorted.length / 2]) / 2 : percentile(sorted, 50);
  return { min: sorted[0] ?? NaN, median, max: sorted.at(-1) ?? NaN };
}

/** Each figure: how to read it from a round, and whether more is better. */
export const FIGURES = {
  durableFieldsPerSecond: { label: 'apply, durable (fields/s)', read: (r: RoundResult) => r.durable.fieldsPerSecond, higherIsBetter: true },
  inMemoryFieldsPerSecond: { label: 'apply, in memory (fields/s)', read: (r: RoundResult) => r.inMemory.fieldsPerSecond, higherIsBetter: true },
  resyncMs: { label: 'cold resync, durable (ms)', read: (r: RoundResult) => r.resync.ms, higherIsBetter: false },
  resyncMiB: { label: 'bytes on the wire for that resync (MiB)', read: (r: RoundResult) => r.resync.bytes / 2 ** 20, higherIsBetter: false },
  applyWireMiB: { label: 'bytes on the wire for the whole apply workload (MiB)', read: (r: RoundResult) => r.wireBytes / 2 ** 20, higherIsBetter: false },
  rssMiB: { label: 'memory after the durable apply (RSS MiB)', read: (r: RoundResult) => r.memory.rssMiB, higherIsBetter: false },
  rssGrowthMiB: { label: 'memory growth over the process at start (RSS MiB)', read: (r: RoundResult) => r.memory.rssGrowthMiB, higherIsBetter: false },
} as const;
export type FigureName = keyof typeof FIGURES;

export type Table = Record<string, Record<FigureName, Spread>>;

export function tabulate(rounds: RoundResult[][]): Table {
  const table: Table = {};
  const systems = [...new Set(rounds.flat().map((r) => r.system))];
  for (const system of systems) {
    const mine = rounds.flat().filter((r) => r.system === system);
    table[system] = Object.fromEntries(Object.entries(FIGURES).map(([name, figure]) => [name, spread(mine.map(figure.read))])) as Record<FigureName, Spread>;
  }
  return table;
}

/** Tavla's median over each peer's median. */
export function ratios(table: Table): Record<string, Record<FigureName, number>> {
  const tavla = table.tavla;
  const out: Record<string, Record<FigureName, number>> = {};
  for (const [system, figures] of Object.entries(table)) {
    if (system === 'tavla' || !tavla) continue;
    out[system] = Object.fromEntries(
      (Object.keys(FIGURES) as FigureName[]).map((name) => [name, Math.round((tavla[name].median / figures[name].median) * 100) / 100]),
    ) as Record<FigureName, number>;
  }
  return out;
}

export interface Target {
  target: string;
  tavla: number;
  against: number;
  pass: boolean;
}

/** Point 2 of issue 14, judged on the medians of this run (the bench:sync latency targets are judged there). */
export function targets(table: Table): Target[] {
  const t = table.tavla;
  const { yjs, automerge } = table;
  if (!t || !yjs || !automerge) return [];
  const others = Object.entries(table).filter(([s]) => s !== 'tavla');
  // The replica's own memory: RSS growth over the process before the apply (libraries and frames excluded).
  const lowestOther = Math.min(...others.map(([, f]) => f.rssGrowthMiB.median));
  const round = (n: number) => Math.round(n * 100) / 100;
  return [
    { target: 'durable apply at least 1.0× Yjs durable (fields/s)', tavla: t.durableFieldsPerSecond.median, against: yjs.durableFieldsPerSecond.median, pass: t.durableFieldsPerSecond.median >= yjs.durableFieldsPerSecond.median },
    { target: 'cold resync of 50,000 fields no slower than Yjs (ms)', tavla: t.resyncMs.median, against: yjs.resyncMs.median, pass: t.resyncMs.median <= yjs.resyncMs.median },
    { target: 'resync bytes at most 1.5× Automerge’s (MiB)', tavla: round(t.resyncMiB.median), against: round(1.5 * automerge.resyncMiB.median), pass: t.resyncMiB.median <= 1.5 * automerge.resyncMiB.median },
    { target: 'apply-workload bytes no more than Yjs’s (MiB)', tavla: round(t.applyWireMiB.median), against: round(yjs.applyWireMiB.median), pass: t.applyWireMiB.median <= yjs.applyWireMiB.median },
    { target: 'memory the lowest of the four (RSS growth MiB)', tavla: t.rssGrowthMiB.median, against: lowestOther, pass: t.rssGrowthMiB.median < lowestOther },
  ];
}
