/**
 * Many boards and a broker restart: boards of several units (two per unit) and the hub editing
 * while the broker is SIGKILLed and comes back, all reconnecting and repairing at once.
 * Boards: TAVLA_FAULT_BOARDS (30 in `npm run test:fault`, 4 in `npm test`).
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TavlaProcess } from '../support/tavla-process.js';
import { faultCount, FaultWorld, sleep, UNIT } from '../support/fault-world.js';

const BOARDS = faultCount('BOARDS', 4);
/** Processes started at once: more only queue for the two cores. */
const START_BATCH = 5;

describe(`${BOARDS} boards and a broker restart`, () => {
  let world: FaultWorld;
  beforeEach(async () => {
    world = await new FaultWorld().start();
  });
  afterEach(() => world.stop());

  it('every unit converges on its boards and the hub, with every acknowledged edit', async () => {
    const hub = await world.hub();
    const units = Array.from({ length: Math.ceil(BOARDS / 2) }, (_, i) => `enhet-${i}`);
    const boards: TavlaProcess[] = [];
    for (let i = 0; i < BOARDS; i += START_BATCH) {
      const batch = Array.from({ length: Math.min(START_BATCH, BOARDS - i) }, (_, j) => i + j);
      boards.push(...(await Promise.all(batch.map((n) => world.board(`b${n}`, units[Math.floor(n / 2)])))));
    }
    await Promise.all(units.map((unit, i) => boards[2 * i].id('unit.configure', { ...UNIT, name: unit })));
    await Promise.all(boards.map((p) => world.drained(p, 120_000)));

    const restarted = (async () => {
      await sleep(1500);
      await world.broker.kill('SIGKILL');
      await sleep(1000);
      await world.broker.restart();
      await sleep(1500);
    })();
    // A slow pace per board: with 30 boards the cores, not the taps, are the limit.
    const counts = await Promise.all(boards.map((p) => world.editUntil(p, restarted, 250)));
    expect(counts.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(0);
    const started = Date.now();
    await Promise.all(boards.map((p) => world.drained(p, 180_000)));
    for (const [i, unit] of units.entries()) {
      await world.expectConverged(unit, [boards[2 * i], boards[2 * i + 1] ?? boards[2 * i], hub], 180_000);
    }
    world.expectIntact([hub, ...boards]);
    const total = [...world.acknowledged.values()].reduce((sum, ids) => sum + ids.length, 0);
    console.log(`${BOARDS} boards in ${units.length} units and a broker restart: ${total} acknowledged edits, converged ${Date.now() - started} ms after the restart ended`);
  }, 240_000 + BOARDS * 10_000);
});
