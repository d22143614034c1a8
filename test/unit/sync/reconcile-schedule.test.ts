import { describe, expect, it } from 'vitest';
import { ReconcileSchedule } from '../../../main/sync/reconcile-schedule.js';
import { ManualTime, settle } from '../../support/manual-time.js';

function setup(options: { peer?: string; ready?: boolean } = {}) {
  const time = new ManualTime();
  const runs: { scope: string; peer: string; done(ok: boolean): void }[] = [];
  let ready = options.ready ?? true;
  const schedule = new ReconcileSchedule({
    time,
    choosePeer: () => ('peer' in options ? options.peer : 'board-2'),
    ready: () => ready,
    exchange: (scope, peer) =>
      new Promise<void>((resolve, reject) => runs.push({ scope, peer, done: (ok) => (ok ? resolve() : reject(new Error('failed'))) })),
  });
  return { time, runs, schedule, setReady: (value: boolean) => (ready = value) };
}

describe('the reconcile schedule', () => {
  it('runs one exchange per scope at a time, and one more after it when asked meanwhile', async () => {
    const { runs, schedule } = setup();
    schedule.request('solsiden');
    schedule.request('solsiden');
    schedule.request('solsiden');
    schedule.request('fjellro', 'hub-1');
    expect(runs.map((r) => `${r.scope}:${r.peer}`)).toEqual(['solsiden:board-2', 'fjellro:hub-1']);
    runs[0].done(true);
    await settle();
    expect(runs).toHaveLength(3);
    expect(schedule.wasReconciled('solsiden')).toBe(true);
    expect(schedule.wasReconciled('fjellro')).toBe(false);
  });

  it('runs the exchange asked for meanwhile with the peer it named (a round that found that peer different)', async () => {
    const { runs, schedule } = setup();
    schedule.request('solsiden');
    schedule.request('solsiden', 'hub-2');
    schedule.request('solsiden');
    runs[0].done(true);
    await settle();
    expect(runs.map((r) => r.peer)).toEqual(['board-2', 'hub-2']);
    runs[1].done(true);
    await settle();
    expect(runs).toHaveLength(2);
  });

  it('runs nothing without a peer or while not ready', async () => {
    const alone = setup({ peer: undefined });
    alone.schedule.request('solsiden');
    const offline = setup({ ready: false });
    offline.schedule.request('solsiden');
    await settle();
    expect(alone.runs).toHaveLength(0);
    expect(offline.runs).toHaveLength(0);
  });

  it('retries a failed exchange after a jittered wait that doubles up to 30 s, and starts short again after a success', async () => {
    const { time, runs, schedule } = setup();
    time.randoms = [0, 1, 0, 0, 0, 0, 0, 0];
    schedule.request('solsiden');
    const waits: number[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      runs.at(-1)?.done(false);
      await settle();
      waits.push(time.delays.at(-1) ?? -1);
      await time.advance(time.delays.at(-1) ?? 0);
    }
    // half the ceiling plus up to half again: 1 s, 2 s, 4 s, … capped at 30 s
    expect(waits).toEqual([500, 2000, 2000, 4000, 8000, 15_000, 15_000]);
    runs.at(-1)?.done(true);
    await settle();
    schedule.request('solsiden');
    runs.at(-1)?.done(false);
    await settle();
    expect(time.delays.at(-1)).toBe(500);
  });

  it('starts a new connection with nothing reconciled and the shortest retry; stopping cancels the retries', async () => {
    const { time, runs, schedule } = setup();
    schedule.request('solsiden');
    runs[0].done(true);
    await settle();
    schedule.connected();
    expect(schedule.wasReconciled('solsiden')).toBe(false);
    schedule.request('solsiden');
    runs[1].done(false);
    await settle();
    expect(time.pending).toBe(1);
    schedule.stop();
    await time.advance(60_000);
    schedule.request('solsiden');
    expect(runs).toHaveLength(2);
  });
});
