#!/usr/bin/env node
/**
 * The long fault runs (`npm run test:fault`), kept out of `npm test`: the convergence properties with
 * many more runs, then the sync tests through a real Mosquitto (broker SIGKILLed mid-edit, a board
 * down for 1,000 edits, an empty board filling past the broker's queue, garbage payloads, last
 * will) round after round, then clock skew (test/integration/clock-skew.test.ts), a full disk
 * (test/integration/disk-full.test.ts) and test/fault/ with its long counts (`npm test` runs the same files
 * with small ones), and the NATS cluster runs (TAVLA_TEST_BROKER=nats). Progress per step; the last line is `N passed, N failed` over all steps.
 * Usage: node scripts/fault.js [--runs <property runs, default 20000>] [--rounds <sync rounds, default 5>]
 */

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const USAGE = 'Usage: node scripts/fault.js [--runs <n ≥ 1>] [--rounds <n ≥ 1>]';

let runs;
let rounds;
try {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '20000' }, rounds: { type: 'string', default: '5' } } });
  [runs, rounds] = [values.runs, values.rounds].map((value, i) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${i === 0 ? 'runs' : 'rounds'} must be a whole number of at least 1, got ${value}`);
    return n;
  });
} catch (error) {
  console.error(`${error.message}\n${USAGE}`);
  process.exit(2);
}

const steps = [
  { what: `convergence properties, ${runs} runs`, env: { TAVLA_PROPERTY_RUNS: String(runs) }, files: ['test/unit/sync'] },
  ...Array.from({ length: rounds }, (_, i) => ({ what: `sync through Mosquitto, round ${i + 1} of ${rounds}`, env: {}, files: ['test/integration/sync.test.ts'] })),
  { what: 'a three-node NATS cluster (its MQTT interface): a node SIGKILLed under a busy board, then the sync suite', env: { TAVLA_TEST_BROKER: 'nats' }, files: ['test/integration/nats-cluster.test.ts', 'test/integration/sync.test.ts'] },
  { what: 'clock skew ±10 min and put right, 10 cycles (needs libfaketime)', env: { TAVLA_FAULT_CYCLES: '10' }, files: ['test/integration/clock-skew.test.ts'] },
  { what: 'disk full on a small tmpfs, 20 cycles (root only)', env: { TAVLA_FAULT_CYCLES: '20' }, files: ['test/integration/disk-full.test.ts'] },
  { what: 'kill -9 of a board during write bursts, 30 cycles', env: { TAVLA_FAULT_KILL_CYCLES: '30' }, files: ['test/fault/board-kill.test.ts'] },
  { what: 'broker SIGSTOP and SIGKILL loops, 10 of each', env: { TAVLA_FAULT_BROKER_LOOPS: '10' }, files: ['test/fault/broker-loops.test.ts'] },
  { what: 'a board cut off for 5 minutes', env: { TAVLA_FAULT_CUT_MS: '300000' }, files: ['test/fault/cut-off.test.ts'] },
  { what: '30 boards and a broker restart', env: { TAVLA_FAULT_BOARDS: '30' }, files: ['test/fault/many-boards.test.ts'] },
  { what: 'soak: a 72-hour shift in 6 minutes', env: { TAVLA_FAULT_SOAK_MS: '360000' }, files: ['test/fault/soak.test.ts'] },
];

let passed = 0;
let failed = 0;
const started = Date.now();
for (const [i, step] of steps.entries()) {
  console.log(`\n── fault step ${i + 1}/${steps.length}: ${step.what}`);
  const child = spawnSync(process.execPath, [path.join(root, 'scripts', 'run-tests.js'), '--unit-only', ...step.files], {
    cwd: root,
    env: { ...process.env, ...step.env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const summary = (child.stdout ?? '').trim().split('\n').at(-1) ?? '';
  const counts = /^(\d+) passed, (\d+) failed/.exec(summary);
  if (!counts || child.status !== 0) process.stdout.write(child.stdout ?? '');
  const [p, f] = counts ? [Number(counts[1]), Number(counts[2])] : [0, 1];
  passed += p;
  failed += f + (counts && f === 0 && child.status !== 0 ? 1 : 0);
  console.log(`   ${summary || 'no summary (counted as 1 failed)'} — ${Math.round((Date.now() - started) / 1000)} s so far`);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
