/**
 * What grew between two Chromium heap snapshots: by kind (the page's own JavaScript data, the DOM,
 * the browser's performance-entry buffers, compiled code) and by constructor.
 * `npm run bench:ui` uses the kinds; by hand, after `npm run bench:ui -- --heap-snapshots=<dir>`:
 *   node dist/bench/heap-diff.js <before.heapsnapshot> <after.heapsnapshot> [rows]
 */

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

type Tally = Map<string, { size: number; count: number }>;

/** Self size and count per "type:name" (names only for objects and natives; strings' are their text). */
export function tallyHeap(file: string): Tally {
  const heap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const byKey: Tally = new Map();
  for (let i = 0; i < heap.nodes.length; i += fields.length) {
    const type = types[heap.nodes[i + typeAt]];
    const name = ['object', 'closure', 'native'].includes(type) ? heap.strings[heap.nodes[i + nameAt]].slice(0, 60) : '';
    const key = `${type}:${name}`;
    const entry = byKey.get(key) ?? { size: 0, count: 0 };
    entry.size += heap.nodes[i + sizeAt];
    entry.count += 1;
    byKey.set(key, entry);
  }
  return byKey;
}

/** Growth per constructor, largest first. */
export function heapGrowth(before: Tally, after: Tally): { key: string; bytes: number; count: number }[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys]
    .map((key) => {
      const x = before.get(key) ?? { size: 0, count: 0 };
      const y = after.get(key) ?? { size: 0, count: 0 };
      return { key, bytes: y.size - x.size, count: y.count - x.count };
    })
    .sort((p, q) => q.bytes - p.bytes);
}

/**
 * Entries the browser keeps for PerformanceObserver (event timing, layout shifts, paints, long
 * tasks): buffered up to a fixed count per type by the specs, so they level off by themselves.
 */
const PERFORMANCE_ENTRY = /^native:(Performance\w*|LayoutShift\w*|LargestContentfulPaint|InteractionContentfulPaint|TaskAttributionTiming)$/;

export type HeapKind = 'javascript data' | 'DOM and other browser objects' | 'performance-entry buffers' | 'compiled code';

/** Growth in KB by kind: what the page's code holds, and what the engine and browser add on their own. */
export function growthByKind(growth: { key: string; bytes: number }[]): Record<HeapKind, number> {
  const kb: Record<HeapKind, number> = { 'javascript data': 0, 'DOM and other browser objects': 0, 'performance-entry buffers': 0, 'compiled code': 0 };
  for (const { key, bytes } of growth) {
    const kind: HeapKind = key.startsWith('code:')
      ? 'compiled code'
      : PERFORMANCE_ENTRY.test(key)
        ? 'performance-entry buffers'
        : key.startsWith('native:') || key.startsWith('synthetic:')
          ? 'DOM and other browser objects'
          : 'javascript data';
    kb[kind] += bytes / 1024;
  }
  for (const kind of Object.keys(kb) as HeapKind[]) kb[kind] = Math.round(kb[kind] * 10) / 10;
  return kb;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [before, after, rows = '25'] = process.argv.slice(2);
  if (!before || !after) {
    console.error('usage: node dist/bench/heap-diff.js <before.heapsnapshot> <after.heapsnapshot> [rows]');
    process.exit(2);
  }
  const growth = heapGrowth(tallyHeap(before), tallyHeap(after));
  console.log('growth by kind (KB):', growthByKind(growth));
  for (const d of growth.slice(0, Number(rows))) console.log(`${(d.bytes / 1024).toFixed(1).padStart(9)} KB ${String(d.count).padStart(7)}  ${d.key}`);
}
