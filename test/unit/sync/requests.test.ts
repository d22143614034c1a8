import { describe, expect, it } from 'vitest';
import { REQUEST_TIMEOUT_MS, Requests } from '../../../main/sync/requests.js';
import type { InboxBody } from '../../../shared/sync/payloads.js';
import type { SyncMessage } from '../../../shared/sync/protocol.js';
import { ManualTime } from '../../support/manual-time.js';

function setup(send: (scope: string, peer: string, message: InboxBody) => Promise<void> = async () => undefined) {
  const time = new ManualTime();
  const sent: { scope: string; peer: string; message: InboxBody }[] = [];
  const requests = new Requests(async (scope, peer, message) => {
    sent.push({ scope, peer, message });
    await send(scope, peer, message);
  }, time);
  return { time, sent, requests };
}

const digest = (from: string, seq: number, session = 's1'): SyncMessage => ({ v: 1, type: 'digest', from, session, seq, buckets: [[1, 2]] });

describe('request and answer', () => {
  it('resolves a request with the answer that carries its session and sequence number', async () => {
    const { sent, requests } = setup();
    const answer = requests.asker('solsiden', 'board-2', 's1')({ type: 'digest-request' }, 'digest');
    expect(sent).toEqual([{ scope: 'solsiden', peer: 'board-2', message: { type: 'digest-request', session: 's1', seq: 0 } }]);
    expect(requests.settle(digest('board-2', 0))).toEqual({ settled: true });
    await expect(answer).resolves.toMatchObject({ type: 'digest', buckets: [[1, 2]] });
    expect(requests.size).toBe(0);
  });

  it('takes no answer of another type, from another node or of another request', async () => {
    const { requests } = setup();
    const answer = requests.asker('solsiden', 'board-2', 's1')({ type: 'digest-request' }, 'digest');
    expect(requests.settle({ v: 1, type: 'push-ack', from: 'board-2', session: 's1', seq: 0, applied: 0 })).toEqual({ settled: false });
    expect(requests.settle(digest('board-2', 1))).toEqual({ settled: false });
    expect(requests.settle(digest('board-3', 0))).toEqual({ settled: false, wrongSender: 'answer from board-3, asked board-2' });
    expect(requests.size).toBe(1);
    requests.settle(digest('board-2', 0));
    await expect(answer).resolves.toMatchObject({ from: 'board-2' });
  });

  it('fails a request nobody answers within the timeout, and only then', async () => {
    const { time, requests } = setup();
    const answer = requests.asker('solsiden', 'board-2', 's1')({ type: 'digest-request' }, 'digest');
    let failed: Error | undefined;
    answer.catch((error: Error) => (failed = error));
    await time.advance(REQUEST_TIMEOUT_MS - 1);
    expect(failed).toBeUndefined();
    await time.advance(1);
    expect(failed?.message).toBe(`no digest from board-2 within ${REQUEST_TIMEOUT_MS} ms`);
    expect(requests.settle(digest('board-2', 0))).toEqual({ settled: false }); // too late
  });

  it('fails a request that could not be sent, and every request in flight when the connection drops', async () => {
    const { requests } = setup(async () => {
      throw new Error('not connected');
    });
    await expect(requests.asker('solsiden', 'board-2', 's1')({ type: 'digest-request' }, 'digest')).rejects.toThrow('not connected');
    const { time, requests: others } = setup();
    const ask = others.asker('solsiden', 'board-2', 's2');
    const both = [ask({ type: 'digest-request' }, 'digest'), ask({ type: 'pull', buckets: [1], offset: 0 }, 'page')];
    others.failAll(new Error('disconnected'));
    for (const answer of both) await expect(answer).rejects.toThrow('disconnected');
    expect(time.pending).toBe(0);
  });
});
