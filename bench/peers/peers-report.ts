/** The markdown of bench/results/peers.md: medians with min–max, Tavla/peer ratios, the targets and every caveat. */

import { FIGURES, ratios, type FigureName, type Table, type Target } from './figures.js';
import type { PeerSystem } from './system.js';

interface Run {
  records: number;
  resyncRecords: number;
  writes: number;
  batches: number;
  contested: number;
  rounds: number;
  loadavg: number[][];
}

/** Throughput in thousands, the rest whole from 100 up. */
const fmt = (n: number, figure: FigureName) =>
  FIGURES[figure].higherIsBetter ? `${(n / 1000).toFixed(1)}k` : n >= 100 ? String(Math.round(n)) : n.toFixed(n >= 10 ? 1 : 2);

export function peersMarkdown(run: Run, systems: readonly PeerSystem[], table: Table, judged: Target[]): string {
  const names = systems.map((s) => s.name).filter((name) => table[name]);
  const label = (name: string) => systems.find((s) => s.name === name)?.label ?? name;
  const cell = (name: string, figure: FigureName) => {
    const s = table[name][figure];
    return `${fmt(s.median, figure)} (${fmt(s.min, figure)}–${fmt(s.max, figure)})`;
  };
  const rows = (Object.keys(FIGURES) as FigureName[]).map((figure) => `| ${FIGURES[figure].label} | ${names.map((name) => cell(name, figure)).join(' | ')} |`);
  const ratio = ratios(table);
  const peers = names.filter((name) => name !== 'tavla');
  const ratioRows = (Object.keys(FIGURES) as FigureName[]).map((figure) => `| ${FIGURES[figure].label} | ${peers.map((name) => `${ratio[name]?.[figure] ?? '–'}×`).join(' | ')} |`);
  const load = run.loadavg.map((l, i) => `round ${i + 1}: ${l.join(' / ')}`).join('; ');
  return `
Workload: ${run.records.toLocaleString('en')} records × 10 fields, ${run.writes.toLocaleString('en')} writes in ${run.batches} batches of at most 2,000 by two writers, ${run.contested.toLocaleString('en')} fields overwritten concurrently by both; cold resync of ${(run.resyncRecords * 10).toLocaleString('en')} fields. ${run.rounds} round${run.rounds === 1 ? '' : 's'}, one process per system per round, order rotating. Load average (1/5/15 min) at each round: ${load}.

Medians (min–max over rounds):

| workload | ${names.map(label).join(' | ')} |
| --- | ${names.map(() => '---').join(' | ')} |
${rows.join('\n')}

Tavla / peer (medians; above 1 is more for throughput, below 1 is less for time, bytes and memory):

| workload | ${peers.map(label).join(' | ')} |
| --- | ${peers.map(() => '---').join(' | ')} |
${ratioRows.join('\n')}

Targets of issue 14, point 2 (this run's medians; the edit-to-visible targets are \`npm run bench:sync\`'s):

| target | Tavla | against | pass |
| --- | --- | --- | --- |
${judged.map((t) => `| ${t.target} | ${t.tavla} | ${t.against} | ${t.pass ? 'pass' : 'FAIL'} |`).join('\n')}
| edit to visible on peer, 50 boards: p50 ≤ 3 ms, p99 ≤ 15 ms | see \`bench:sync\` | | not measured here |

What each system does (every replica converged with a second one fed the batches in the opposite order, and each resync joiner ended identical to its holder, or the run stops):

${systems.map((s) => `- **${s.label}** — durable: ${s.durable}.`).join('\n')}
- Tavla keeps one value and stamp per field (last writer wins by HLC stamp); Automerge and Yjs keep the
  history of every write (and TinyBase a timestamp per cell), so their bytes and memory pay for that.
- Tavla is measured through its inbound path: JSON decode, zod validation, sender check, the scope
  walls, schema validation, merge and commit; its resync through reconcile + SyncResponder with every
  message JSON-encoded and validated. No MQTT broker is in the path for any system.
- Memory is the RSS of the process after the durable apply of the whole workload (after a GC),
  with the frames it read still held; the growth row subtracts the RSS before the apply.
`;
}
