import { describe, expect, it } from 'vitest';
import { topicRouter, type TopicHandler } from '../../../main/sync/topic-router.js';
import type { Wall } from '../../../shared/sync/scope-rules.js';
import { topics, type Replica, type TopicKind } from '../../../shared/sync/topics.js';

function route(replica: Replica, failing?: TopicKind) {
  const handled: string[] = [];
  const rejected: { reason: string; wall: Wall | undefined }[] = [];
  const handler =
    (kind: TopicKind): TopicHandler =>
    (where) => {
      if (kind === failing) throw new Error('broken handler');
      handled.push(`${kind} ${where.unit}/${where.node}`);
    };
  const receive = topicRouter(replica, { changes: handler('changes'), presence: handler('presence'), sync: handler('sync') }, (reason, _topic, wall) =>
    rejected.push({ reason, wall }),
  );
  return { receive: (topic: string) => receive(topic, new Uint8Array()), handled, rejected };
}

const board: Replica = { municipality: 'fjordvik', nodeId: 'board-1', role: 'board', unit: 'solsiden' };
const hub: Replica = { municipality: 'fjordvik', nodeId: 'hub-1', role: 'hub' };

describe('the topic router', () => {
  it('hands each kind of message to its handler', () => {
    const { receive, handled, rejected } = route(board);
    receive(topics.changes('fjordvik', 'solsiden', 'board-2'));
    receive(topics.presence('fjordvik', 'solsiden', 'board-2'));
    receive(topics.presence('fjordvik', '_hub', 'hub-1'));
    receive(topics.inbox('fjordvik', 'solsiden', 'board-1'));
    expect(handled).toEqual(['changes solsiden/board-2', 'presence solsiden/board-2', 'presence _hub/hub-1', 'sync solsiden/board-1']);
    expect(rejected).toEqual([]);
  });

  it('refuses topics outside the municipality or, on a board, of another unit, as the scope wall', () => {
    const { receive, handled, rejected } = route(board);
    receive('tavla/v1/nabokommune/solsiden/changes/board-2');
    receive('tavla/v1/fjordvik/solsiden/audit/board-2');
    receive(topics.changes('fjordvik', 'fjellro', 'board-3'));
    receive(topics.changes('fjordvik', 'Fjellro', 'board-3'));
    expect(handled).toEqual([]);
    expect(rejected).toEqual([
      { reason: 'topic outside this municipality', wall: 'scope' },
      { reason: 'topic outside this municipality', wall: 'scope' },
      { reason: 'topic of another unit', wall: 'scope' },
      { reason: 'topic of another unit', wall: 'scope' },
    ]);
  });

  it('takes every unit on the hub, but nothing but presence under _hub', () => {
    const { receive, handled, rejected } = route(hub);
    receive(topics.changes('fjordvik', 'fjellro', 'board-3'));
    receive(topics.changes('fjordvik', '_hub', 'board-3'));
    receive(topics.inbox('fjordvik', '_hub', 'hub-1'));
    expect(handled).toEqual(['changes fjellro/board-3']);
    expect(rejected.map((r) => r.reason)).toEqual(['only presence is published under the hub scope', 'only presence is published under the hub scope']);
  });

  it('leaves another node\'s inbox alone', () => {
    const { receive, handled, rejected } = route(board);
    receive(topics.inbox('fjordvik', 'solsiden', 'board-2'));
    expect(handled).toEqual([]);
    expect(rejected).toEqual([]);
  });

  it('counts a message whose handler throws, and goes on', () => {
    const { receive, handled, rejected } = route(board, 'changes');
    receive(topics.changes('fjordvik', 'solsiden', 'board-2'));
    receive(topics.presence('fjordvik', 'solsiden', 'board-2'));
    expect(rejected).toEqual([{ reason: 'processing failed', wall: undefined }]);
    expect(handled).toEqual(['presence solsiden/board-2']);
  });
});
