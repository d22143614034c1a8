/**
 * A board cut off from the network (a dead link: no reset, nothing passes) while it and its peer
 * both edit; when the link is back, each holds the other's edits. Length: TAVLA_FAULT_CUT_MS
 * (5 minutes in `npm run test:fault`, 5 s in `npm test`).
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CutProxy } from '../support/cut-proxy.js';
import { faultCount, FaultWorld, sleep, UNIT } from '../support/fault-world.js';

const CUT_MS = faultCount('CUT_MS', 5000);

describe('a board cut off from the network', () => {
  let world: FaultWorld;
  let proxy: CutProxy;
  beforeEach(async () => {
    world = await new FaultWorld().start();
    proxy = await CutProxy.start(world.broker.port);
  });
  afterEach(async () => {
    await world.stop();
    await proxy.close();
  });

  it(`catches up both ways after ${Math.round(CUT_MS / 1000)} s cut off, losing nothing`, async () => {
    const hub = await world.hub();
    const a = await world.board('a', 'solsiden', [], proxy.url);
    const b = await world.board('b');
    await a.id('unit.configure', UNIT);
    await Promise.all([a, b].map((p) => world.drained(p)));
    proxy.cutOff();
    const back = sleep(CUT_MS);
    // Slow taps: a ward's pace, not a load test, so the run measures the cut and not the disk.
    const [onA, onB] = await Promise.all([world.editUntil(a, back, 200), world.editUntil(b, back, 200)]);
    if (CUT_MS >= 20_000) expect((await a.health()).broker).toBe('offline'); // the keepalive (10 s) has noticed
    // The cut is real: nothing the cut board made has reached its peer.
    const onPeer = (await b.state<{ tasks: { title: string }[] }>()).tasks;
    expect(onPeer.filter((t) => t.title.startsWith('a-'))).toEqual([]);
    proxy.restore();
    expect(onA).toBeGreaterThan(0);
    expect(onB).toBeGreaterThan(0);
    await Promise.all([a, b].map((p) => world.drained(p)));
    await world.expectConverged('solsiden', [a, b, hub]);
    console.log(`cut off for ${CUT_MS} ms: ${onA} edits on the cut board and ${onB} on its peer, all on 3 replicas`);
  }, 120_000 + CUT_MS);
});
