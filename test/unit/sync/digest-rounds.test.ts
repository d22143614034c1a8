import { describe, expect, it } from 'vitest';
import { ClockWatch } from '../../../main/sync/clock-watch.js';
import { DigestRounds, RECONCILING_MS, type RoundTarget } from '../../../main/sync/digest-rounds.js';
import type { RoundMessage } from '../../../shared/sync/round.js';
import { ManualTime } from '../../support/manual-time.js';

const PERIOD = 30_000;

function setup(targets: RoundTarget[] = [{ scope: 'solsiden', peers: [{ node: 'hub-1', hub: true }, { node: 'board-2', hub: false }] }]) {
  const time = new ManualTime();
  const clock = new ClockWatch('board', undefined, undefined, () => time.now());
  const sent: { to: string; message: Omit<RoundMessage, 'v' | 'from'> }[] = [];
  const differs: string[] = [];
  let before = 0;
  let digest: unknown = [[1, 2]];
  const rounds = new DigestRounds({
    periodMs: PERIOD,
    clock,
    time,
    targets: () => targets,
    digest: () => digest,
    send: async (_scope, to, message) => void sent.push({ to, message }),
    isHub: (node) => node === 'hub-1',
    beforeRound: () => void (before += 1),
    differs: (_scope, peer) => void differs.push(peer),
  });
  return { time, rounds, sent, differs, beforeRounds: () => before, setDigest: (d: unknown) => (digest = d) };
}

describe('the digest rounds', () => {
  it('sends a round to every peer once a period, jittered by ±10 %', async () => {
    const { time, rounds, sent, beforeRounds } = setup();
    time.randoms = [0, 1];
    rounds.start();
    expect(time.delays).toEqual([PERIOD * 0.9]);
    await time.advance(PERIOD * 0.9);
    expect(sent.map((s) => `${s.to}:${s.message.type}`)).toEqual(['hub-1:round', 'board-2:round']);
    expect(beforeRounds()).toBe(1);
    expect(time.delays.at(-1)).toBe(PERIOD * 1.1);
    rounds.stop();
    await time.advance(PERIOD * 2);
    expect(sent).toHaveLength(2);
  });

  it('with no targets (a hub with no other hub online) only answers: before each period, no round of its own', async () => {
    const { time, rounds, sent, beforeRounds } = setup([]);
    rounds.start();
    await time.advance(PERIOD * 1.1);
    expect(sent).toEqual([]);
    expect(beforeRounds()).toBe(1);
  });

  it('brings a round forward to within a second, at most once a period', async () => {
    const { time, rounds, sent } = setup();
    rounds.start();
    rounds.soon();
    await time.advance(1000);
    expect(sent).toHaveLength(2);
    rounds.soon(); // within the same period: the next round stays at its time
    await time.advance(1000);
    expect(sent).toHaveLength(2);
  });

  it('brings a round forward to within a second when another hub came online, even after one came soon this period', async () => {
    const { time, rounds, sent } = setup();
    rounds.start();
    rounds.soon();
    await time.advance(1000);
    rounds.met();
    await time.advance(999);
    expect(sent).toHaveLength(2);
    await time.advance(1);
    expect(sent).toHaveLength(4);
    rounds.soon(); // a meeting counts as this period's early round
    await time.advance(1000);
    expect(sent).toHaveLength(4);
  });

  it('answers a round with its own root and starts anti-entropy only when an answer\'s root differs', async () => {
    const { time, rounds, sent, differs, setDigest } = setup();
    rounds.start();
    await time.advance(PERIOD * 1.1);
    const [toHub, toBoard] = sent.map((s) => s.message);
    rounds.receive('solsiden', { v: 1, from: 'hub-1', ...toHub, type: 'round-ack', at: time.now() });
    rounds.receive('solsiden', { v: 1, from: 'board-2', ...toBoard, type: 'round-ack', root: 'f'.repeat(32), at: time.now() });
    rounds.receive('solsiden', { v: 1, from: 'board-3', ...toBoard, type: 'round-ack', root: 'f'.repeat(32), at: time.now() }); // not asked
    expect(rounds.counts).toEqual({ sent: 2, matched: 1, differed: 1 });
    expect(differs).toEqual(['board-2']);

    rounds.receive('solsiden', { v: 1, type: 'round', from: 'board-2', session: 'peer', seq: 9, root: 'e'.repeat(32), at: time.now() });
    await time.advance(0);
    const ack = sent.at(-1);
    expect(ack).toMatchObject({ to: 'board-2', message: { type: 'round-ack', session: 'peer', seq: 9, root: toHub.root } });
    setDigest([[3, 4]]);
    rounds.changed('solsiden');
    rounds.receive('solsiden', { v: 1, type: 'round', from: 'board-2', session: 'peer', seq: 10, root: 'e'.repeat(32), at: time.now() });
    await time.advance(0);
    expect(sent.at(-1)?.message.root).not.toBe(toHub.root);
  });

  it('leaves a peer that is reconciling with it out of rounds, and starts no exchange of its own toward it, until it has been quiet', async () => {
    const { time, rounds, sent, differs } = setup();
    rounds.start();
    rounds.soon(); // an empty board-2 came online: the elder brings its round forward
    rounds.asked('solsiden', 'board-2'); // ...but board-2 is already pulling from this replica
    await time.advance(1000);
    expect(sent.map((s) => s.to)).toEqual(['hub-1']);
    expect(rounds.reconciling('solsiden', 'board-2')).toBe(true);
    expect(rounds.reconciling('other-unit', 'board-2')).toBe(false);

    // A round sent before board-2 began asking comes back differing: no second exchange meanwhile.
    await time.advance(PERIOD * 1.1);
    const toBoard = sent.find((s) => s.to === 'board-2')?.message;
    expect(toBoard).toBeDefined();
    rounds.asked('solsiden', 'board-2');
    rounds.receive('solsiden', { v: 1, from: 'board-2', ...toBoard!, type: 'round-ack', root: 'f'.repeat(32), at: time.now() });
    expect(differs).toEqual([]);
    expect(rounds.counts.differed).toBe(1);

    // Quiet for RECONCILING_MS: in the rounds again, and a difference starts an exchange.
    await time.advance(RECONCILING_MS);
    expect(rounds.reconciling('solsiden', 'board-2')).toBe(false);
    await time.advance(PERIOD * 1.1);
    const again = sent.filter((s) => s.to === 'board-2').at(-1)!.message;
    rounds.receive('solsiden', { v: 1, from: 'board-2', ...again, type: 'round-ack', root: 'f'.repeat(32), at: time.now() });
    expect(differs).toEqual(['board-2']);
  });
});
