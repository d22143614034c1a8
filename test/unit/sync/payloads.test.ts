import { describe, expect, it } from 'vitest';
import { decodeChanges, decodeInbox, decodePresence } from '../../../main/sync/payload-decoders.js';
import type { Change } from '../../../shared/sync/change.js';
import { encodeStamp } from '../../../shared/sync/hlc.js';
import { encodeChanges, encodeInbox, encodePresence, type InboxBody, type WirePayload } from '../../../shared/sync/payloads.js';
import { MAX_PAYLOAD_BYTES } from '../../../shared/sync/protocol.js';

const bytes = (payload: WirePayload) => (typeof payload === 'string' ? new TextEncoder().encode(payload) : payload);
const change: Change = { c: 'task', id: 't1', f: 'title', v: 'Stell på rom 4', s: encodeStamp({ wall: 1_796_000_000_000, counter: 0, node: 'board-1' }) };

describe('the payload of each message kind', () => {
  it('decodes a change page as it was encoded', () => {
    const decoded = decodeChanges(bytes(encodeChanges('board-1', [change])));
    expect(decoded).toEqual({ ok: true, value: { v: 1, from: 'board-1', changes: [change] }, format: 'json' });
  });

  it('decodes a presence as it was encoded', () => {
    const presence = { node: 'hub-1', role: 'hub', status: 'online', at: '2026-12-01T08:00:00.000Z' } as const;
    expect(decodePresence(bytes(encodePresence(presence)))).toEqual({ ok: true, value: { v: 1, ...presence }, format: 'json' });
  });

  it('decodes a request, an answer and a digest round as they were encoded', () => {
    const messages: InboxBody[] = [
      { type: 'pull', session: 'abc', seq: 3, buckets: [0, 7], offset: 0 },
      { type: 'page', session: 'abc', seq: 3, offset: 0, total: 1, changes: [change] },
      { type: 'round', session: 'abc', seq: 4, root: 'ab'.repeat(16), at: 1_796_000_000_000 },
    ];
    for (const message of messages) {
      const decoded = decodeInbox(bytes(encodeInbox('board-2', message)));
      expect(decoded).toEqual({ ok: true, value: { v: 1, from: 'board-2', ...message }, format: 'json' });
    }
  });

  it('refuses, with a reason, a payload over the cap, one not UTF-8, and one of the wrong kind', () => {
    const huge = new Uint8Array(MAX_PAYLOAD_BYTES + 1);
    expect(decodeChanges(huge)).toMatchObject({ ok: false, reason: expect.stringContaining('exceeds') });
    expect(decodePresence(new Uint8Array([0x7b, 0xff, 0x7d]))).toEqual({ ok: false, reason: 'payload is not UTF-8 JSON' });
    const presenceAsChanges = decodeChanges(bytes(encodePresence({ node: 'b', role: 'board', status: 'offline', at: 'x' })));
    expect(presenceAsChanges).toMatchObject({ ok: false, reason: expect.stringMatching(/^schema: /) });
    expect(decodeInbox(bytes(encodeChanges('board-1', [change])))).toMatchObject({ ok: false });
  });
});
