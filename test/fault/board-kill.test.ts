/**
 * kill -9 of a board in the middle of write bursts, cycle after cycle: every edit the board
 * acknowledged is on every replica afterwards, and no file is damaged.
 * Cycles: TAVLA_FAULT_KILL_CYCLES (30 in `npm run test:fault`, 3 in `npm test`).
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { faultCount, FaultWorld, sleep, UNIT } from '../support/fault-world.js';

const CYCLES = faultCount('KILL_CYCLES', 3);
const WRITERS = 4;

describe('a board killed with SIGKILL during write bursts', () => {
  let world: FaultWorld;
  beforeEach(async () => {
    world = await new FaultWorld().start();
  });
  afterEach(() => world.stop());

  it(`loses no acknowledged edit and no file over ${CYCLES} kill -9 cycles`, async () => {
    const hub = await world.hub();
    const [a, b] = [await world.board('a'), await world.board('b')];
    await a.id('unit.configure', UNIT);
    let bursts = 0;
    for (let cycle = 0; cycle < CYCLES; cycle += 1) {
      const killed = sleep(300 + Math.random() * 700).then(() => a.stop('SIGKILL'));
      // Several requests in flight when the kill lands: some committed and answered, some not.
      const counts = await Promise.all(Array.from({ length: WRITERS }, () => world.editUntil(a, killed, 0)));
      bursts += counts.reduce((sum, n) => sum + n, 0);
      await killed;
      await a.start();
    }
    const onB = world.editUntil(b, sleep(300));
    await onB;
    expect(bursts).toBeGreaterThan(0);
    await Promise.all([a, b].map((p) => world.drained(p)));
    await world.expectConverged('solsiden', [a, b, hub]);
    world.expectIntact([a, b, hub]);
    console.log(`${CYCLES} kill -9 cycles: ${world.acknowledged.get('solsiden')?.length} acknowledged edits, all on 3 replicas, integrity ok`);
  }, 60_000 + CYCLES * 15_000);
});
