import { describe, expect, it } from 'vitest';
import { isNewcomer, Peers } from '../../../main/sync/peers.js';

describe('the peers a replica has heard', () => {
  it('says when a node has just come online, not when it announces itself again', () => {
    const peers = new Peers();
    expect(peers.announced('solsiden', 'board-2', true)).toBe(true);
    expect(peers.announced('solsiden', 'board-2', true)).toBe(false);
    expect(peers.announced('solsiden', 'board-2', false)).toBe(false);
    expect(peers.online('solsiden')).toEqual([]);
    expect(peers.announced('solsiden', 'board-2', true)).toBe(true);
  });

  it('counts every peer offline when the connection drops, until it is heard again', () => {
    const peers = new Peers();
    peers.announced('solsiden', 'board-2', true);
    peers.announced('_hub', 'hub-1', true);
    peers.allOffline();
    expect(peers.online('solsiden')).toEqual([]);
    expect(peers.isHub('hub-1')).toBe(true);
    expect(peers.announced('_hub', 'hub-1', true)).toBe(true);
  });

  it('reconciles a board with the hub when it is online, else with a board of the scope', () => {
    const peers = new Peers();
    peers.announced('solsiden', 'board-2', true);
    peers.announced('solsiden', 'board-3', true);
    expect(peers.choose('solsiden', true, () => 0.99)).toBe('board-3');
    expect(peers.choose('solsiden', true, () => 0)).toBe('board-2');
    peers.announced('_hub', 'hub-1', true);
    expect(peers.choose('solsiden', true, () => 0.99)).toBe('hub-1');
    expect(peers.choose('solsiden', false, () => 0)).toBe('board-2'); // the hub itself asks boards
    expect(peers.choose('fjellro', false, () => 0)).toBeUndefined();
  });

  it('rounds on the unit with the hub and the unit\'s online boards', () => {
    const peers = new Peers();
    peers.announced('solsiden', 'board-2', true);
    peers.announced('solsiden', 'board-3', false);
    peers.announced('_hub', 'hub-1', true);
    expect(peers.roundPeers('solsiden')).toEqual([
      { node: 'hub-1', hub: true },
      { node: 'board-2', hub: false },
    ]);
  });
});

describe('the newcomer rule', () => {
  it('makes exactly one of two replicas initiate: the later one, or on a tie the smaller node id', () => {
    const early = { at: '2026-12-01T08:00:00.000Z', node: 'board-b' };
    const late = { at: '2026-12-01T08:00:05.000Z', node: 'board-a' };
    expect(isNewcomer(late, early)).toBe(true);
    expect(isNewcomer(early, late)).toBe(false);
    const tie = { at: early.at, node: 'board-a' };
    expect(isNewcomer(tie, early)).toBe(true);
    expect(isNewcomer(early, tie)).toBe(false);
  });
});
