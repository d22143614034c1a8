/**
 * The broker frozen (SIGSTOP … SIGCONT) and killed (SIGKILL, restart) again and again while two
 * boards edit: every acknowledged edit reaches both boards and the hub once the broker stays up.
 * Loops: TAVLA_FAULT_BROKER_LOOPS of each kind (10 in `npm run test:fault`, 2 in `npm test`).
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { faultCount, FaultWorld, sleep, UNIT } from '../support/fault-world.js';

const LOOPS = faultCount('BROKER_LOOPS', 2);

describe('broker SIGSTOP and SIGKILL loops', () => {
  let world: FaultWorld;
  beforeEach(async () => {
    world = await new FaultWorld().start();
  });
  afterEach(() => world.stop());

  it(`loses no acknowledged edit over ${LOOPS} freezes and ${LOOPS} kills of the broker`, async () => {
    const hub = await world.hub();
    const [a, b] = [await world.board('a'), await world.board('b')];
    await a.id('unit.configure', UNIT);
    await Promise.all([a, b].map((p) => world.drained(p)));
    const faults = (async () => {
      for (let i = 0; i < LOOPS; i += 1) {
        world.broker.signal('SIGSTOP');
        await sleep(1000 + Math.random() * 2000); // longer than a publish takes, shorter than keepalive
        world.broker.signal('SIGCONT');
        await sleep(500 + Math.random() * 1000);
        await world.broker.kill('SIGKILL');
        await sleep(300 + Math.random() * 700);
        await world.broker.restart();
        await sleep(500 + Math.random() * 1000);
      }
    })();
    const [onA, onB] = await Promise.all([world.editUntil(a, faults), world.editUntil(b, faults)]);
    expect(onA + onB).toBeGreaterThan(0);
    await Promise.all([a, b].map((p) => world.drained(p)));
    await world.expectConverged('solsiden', [a, b, hub]);
    world.expectIntact([a, b, hub]);
    console.log(`${LOOPS} broker freezes and ${LOOPS} kills: ${onA + onB} acknowledged edits, all on 3 replicas`);
  }, 90_000 + LOOPS * 20_000);
});
