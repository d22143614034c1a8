/**
 * Request and answer over the sync inboxes: each request carries a session and a sequence number,
 * its answer must come back with both, of the type expected, from the peer asked, within the
 * timeout; otherwise the request fails. A dropped connection fails every request at once.
 */

import type { SyncMessage } from '../../shared/sync/protocol.js';
import type { InboxBody } from '../../shared/sync/payloads.js';
import type { Ask } from './anti-entropy.js';
import type { CancelTimer, SyncTime } from './sync-time.js';

/** Every message of the exchange is answered within this, or the round fails and is retried. */
export const REQUEST_TIMEOUT_MS = 10_000;

interface Waiting {
  expect: string;
  peer: string;
  resolve(message: SyncMessage): void;
  reject(error: Error): void;
  cancel: CancelTimer;
}

/** What became of an answer: it settled a request, came from the wrong node, or was not awaited (late, or not ours). */
export type Settled = { settled: true } | { settled: false; wrongSender: string } | { settled: false; wrongSender?: undefined };

export class Requests {
  private readonly waiting = new Map<string, Waiting>();
  private seq = 0;

  constructor(
    /** Publishes a request to `peer`'s inbox about `scope`. */
    private readonly send: (scope: string, peer: string, message: InboxBody) => Promise<void>,
    private readonly time: SyncTime,
    private readonly timeoutMs = REQUEST_TIMEOUT_MS,
  ) {}

  /** Requests in flight. */
  get size(): number {
    return this.waiting.size;
  }

  /** The `ask` of one exchange with `peer` about `scope` (anti-entropy.ts drives it). */
  asker(scope: string, peer: string, session: string): Ask {
    return (request, expect) => {
      const seq = this.seq++;
      const key = `${session}:${seq}`;
      return new Promise((resolve, reject) => {
        const cancel = this.time.after(this.timeoutMs, () => {
          this.waiting.delete(key);
          reject(new Error(`no ${expect} from ${peer} within ${this.timeoutMs} ms`));
        });
        this.waiting.set(key, { expect, peer, resolve: resolve as (m: SyncMessage) => void, reject, cancel });
        this.send(scope, peer, { ...request, session, seq }).catch((error: Error) => {
          cancel();
          this.waiting.delete(key);
          reject(error);
        });
      });
    };
  }

  /** Hands an answer to the request awaiting it. */
  settle(answer: SyncMessage): Settled {
    const key = `${answer.session}:${answer.seq}`;
    const waiting = this.waiting.get(key);
    if (!waiting || answer.type !== waiting.expect) return { settled: false };
    if (answer.from !== waiting.peer) return { settled: false, wrongSender: `answer from ${answer.from}, asked ${waiting.peer}` };
    this.waiting.delete(key);
    waiting.cancel();
    waiting.resolve(answer);
    return { settled: true };
  }

  /** Fails every request in flight (disconnected, stopped). */
  failAll(error: Error): void {
    for (const [key, waiting] of this.waiting) {
      waiting.cancel();
      waiting.reject(error);
      this.waiting.delete(key);
    }
  }
}
