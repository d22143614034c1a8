import { describe, expect, it } from 'vitest';
import { isUnitLevel, parseTopic, presenceTopic, subscriptionsOf, topics, type Replica } from '../../../shared/sync/topics.js';
import { matches } from '../../support/fake-broker.js';

const board: Replica = { municipality: 'fjordvik', nodeId: 'board-1', role: 'board', unit: 'solsiden' };
const hub: Replica = { municipality: 'fjordvik', nodeId: 'hub-1', role: 'hub' };

describe('the topic scheme', () => {
  it('builds each kind of topic and reads it back', () => {
    expect(topics.changes('fjordvik', 'solsiden', 'board-1')).toBe('tavla/v1/fjordvik/solsiden/changes/board-1');
    for (const kind of ['changes', 'presence', 'inbox'] as const) {
      const where = parseTopic(topics[kind]('fjordvik', 'solsiden', 'board-2'));
      expect(where).toEqual({ municipality: 'fjordvik', unit: 'solsiden', kind: kind === 'inbox' ? 'sync' : kind, node: 'board-2' });
    }
  });

  it('reads nothing else: another version, another kind, a level too many or too few', () => {
    for (const topic of ['tavla/v2/fjordvik/solsiden/changes/b', 'tavla/v1/fjordvik/solsiden/audit/b', 'tavla/v1/fjordvik/solsiden/changes/b/x', 'tavla/v1/fjordvik/changes/b']) {
      expect(parseTopic(topic)).toBeUndefined();
    }
  });

  it('takes a unit level of lowercase letters, digits and dashes up to 32 characters', () => {
    expect(isUnitLevel('solsiden-2')).toBe(true);
    expect(isUnitLevel('Solsiden')).toBe(false);
    expect(isUnitLevel('-a')).toBe(false);
    expect(isUnitLevel('a'.repeat(33))).toBe(false);
  });

  it('announces a board in its unit and the hub under _hub', () => {
    expect(presenceTopic(board)).toBe('tavla/v1/fjordvik/solsiden/presence/board-1');
    expect(presenceTopic(hub)).toBe('tavla/v1/fjordvik/_hub/presence/hub-1');
  });

  it('subscribes a board to its own unit and the hub\'s presence only, and the hub to every unit', () => {
    const heard = (replica: Replica, topic: string) => subscriptionsOf(replica).some((filter) => matches(filter, topic));
    expect(heard(board, topics.changes('fjordvik', 'solsiden', 'board-2'))).toBe(true);
    expect(heard(board, topics.presence('fjordvik', '_hub', 'hub-1'))).toBe(true);
    expect(heard(board, topics.inbox('fjordvik', 'solsiden', 'board-1'))).toBe(true);
    expect(heard(board, topics.inbox('fjordvik', 'solsiden', 'board-2'))).toBe(false);
    expect(heard(board, topics.changes('fjordvik', 'fjellro', 'board-3'))).toBe(false);
    expect(heard(board, topics.changes('nabokommune', 'solsiden', 'board-3'))).toBe(false);
    expect(heard(hub, topics.changes('fjordvik', 'fjellro', 'board-3'))).toBe(true);
    expect(heard(hub, topics.inbox('fjordvik', 'fjellro', 'hub-1'))).toBe(true);
    expect(heard(hub, topics.inbox('fjordvik', 'fjellro', 'board-3'))).toBe(false);
    expect(subscriptionsOf(hub)).toHaveLength(3);
  });
});
