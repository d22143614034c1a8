/**
 * The binary wire encoding of change pages (shared/sync/page-codec.ts, main/sync/wire.ts) through
 * the real inbound gate: any page round-trips exactly, malformed bytes are refused with a reason
 * and never throw, and the version rule of docs/protocol.md ("Wire encoding") holds both ways.
 */

import fc from 'fast-check';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, type CollectionName } from '../../../shared/domain/schema.js';
import type { Change } from '../../../shared/sync/change.js';
import { encodeStamp } from '../../../shared/sync/hlc.js';
import { BINARY_MARKER, BINARY_PAGE_SIZE, CODEC_VERSION, isBinary } from '../../../shared/sync/page-codec.js';
import { batchBinary, ChangesMessage, MAX_PAYLOAD_BYTES } from '../../../shared/sync/protocol.js';
import { InboxMessage } from '../../../shared/sync/round.js';
import { decodePayload } from '../../../main/sync/inbound.js';
import { answerFormat, binarySession, encodeMessage } from '../../../main/sync/wire.js';

const RUNS = Number(process.env.TAVLA_PROPERTY_RUNS ?? 300);

const stamp = fc
  .record({ wall: fc.integer({ min: 0, max: 36 ** 9 - 1 }), counter: fc.integer({ min: 0, max: 36 ** 4 - 1 }), node: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,47}$/) })
  .map(encodeStamp);
const text = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 4000 }));
const value = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
  text,
);
const change: fc.Arbitrary<Change> = fc.record({
  c: fc.constantFrom(...(COLLECTION_NAMES as CollectionName[])),
  id: fc.oneof(fc.constantFrom('t1', 't2', 'b1'), fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/)),
  f: fc.oneof(fc.constantFrom('title', 'status', 'due'), fc.string({ unit: 'grapheme', maxLength: 64 })),
  v: value,
  s: stamp,
}).filter((c) => c.f.length <= 64);
/** Pages where records, stamps and values repeat (as real ones do) as well as ones where nothing does. */
const page = fc.array(change, { maxLength: 60 }).chain((changes) =>
  fc.array(fc.nat({ max: Math.max(0, changes.length - 1) }), { maxLength: changes.length === 0 ? 0 : 200 }).map((picks) => [...changes, ...picks.map((i) => ({ ...changes[i], f: 'title' }))]),
);

/** No lone surrogate (String.prototype.isWellFormed is ES2024, past this project's lib). */
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
const decodeChanges = (payload: Uint8Array) => decodePayload(ChangesMessage, payload);
/** The gate of a replica of the previous release: strict UTF-8 JSON only. */
const previousGate = (payload: Uint8Array): 'json' | 'not UTF-8 JSON' => {
  try {
    JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload));
    return 'json';
  } catch {
    return 'not UTF-8 JSON';
  }
};

describe('binary change pages', () => {
  it('round-trip any page exactly through the inbound gate', () => {
    fc.assert(
      fc.property(page, (changes) => {
        const payload = encodeMessage({ v: 1, from: 'b-peer', changes }, 'binary');
        const decoded = decodeChanges(payload);
        expect(decoded).toEqual({ ok: true, format: isBinary(payload) ? 'binary' : 'json', value: { v: 1, from: 'b-peer', changes } });
      }),
      { numRuns: RUNS },
    );
  });

  it('are binary unless a text holds a lone surrogate, which only JSON can carry', () => {
    fc.assert(
      fc.property(page, (changes) => {
        const lone = changes.some((c) => typeof c.v === 'string' && !wellFormed(c.v));
        const fieldsWellFormed = changes.every((c) => wellFormed(c.f));
        expect(isBinary(encodeMessage({ v: 1, from: 'b-peer', changes }, 'binary'))).toBe(!lone && fieldsWellFormed);
      }),
      { numRuns: RUNS },
    );
  });

  it('round-trip sync pages of the anti-entropy exchange, header and all', () => {
    const changes: Change[] = Array.from({ length: 3000 }, (_, i) => ({ c: 'task', id: `t${i >> 3}`, f: ['title', 'status', 'due'][i % 3], v: i % 3 === 1 ? 'open' : `Oppgave ${i}`, s: encodeStamp({ wall: 1_764_000_000_000 + i, counter: i % 7, node: 'b-peer' }) }));
    const message = { v: 1, from: 'b-peer', type: 'page', session: binarySession('a1b2c3'), seq: 4, offset: 10_000, total: 50_000, changes };
    const payload = encodeMessage(message, 'binary');
    expect(payload[2]).toBe(1); // deflated: it pays at this size
    expect(payload.byteLength).toBeLessThan(JSON.stringify(message).length / 8);
    expect(decodePayload(InboxMessage, payload)).toEqual({ ok: true, format: 'binary', value: message });
  });

  it('carry messages without changes as JSON', () => {
    const digest = { v: 1, from: 'b-peer', type: 'digest-request', session: 's1', seq: 0 };
    expect(isBinary(encodeMessage(digest, 'binary'))).toBe(false);
    expect(decodePayload(InboxMessage, encodeMessage(digest, 'binary'))).toMatchObject({ ok: true, format: 'json' });
  });

  it('fit under the payload cap when split by batchBinary, and hold three times as many changes as JSON pages', () => {
    const long = 'æ'.repeat(4000);
    const heavy: Change[] = Array.from({ length: 2000 }, (_, i) => ({ c: 'task', id: `t${i}`, f: 'title', v: long, s: encodeStamp({ wall: i, counter: 0, node: 'b-peer' }) }));
    for (const batch of batchBinary(heavy)) expect(encodeMessage({ v: 1, from: 'b-peer', changes: batch }, 'binary').byteLength).toBeLessThan(MAX_PAYLOAD_BYTES);
    const light: Change[] = Array.from({ length: 50_000 }, (_, i) => ({ c: 'task', id: `t${i}`, f: 'deleted', v: false, s: encodeStamp({ wall: i, counter: 0, node: 'b-peer' }) }));
    const sizes = batchBinary(light).map((b) => b.length);
    expect(sizes.reduce((a, b) => a + b)).toBe(50_000);
    expect(sizes.length).toBeLessThanOrEqual(4); // JSON pages: 10
    expect(Math.max(...sizes)).toBeLessThanOrEqual(BINARY_PAGE_SIZE);
  });
});

describe('malformed binary pages', () => {
  const good = encodeMessage({ v: 1, from: 'b-peer', changes: [{ c: 'task', id: 't1', f: 'title', v: 'Stell', s: encodeStamp({ wall: 5, counter: 1, node: 'b-peer' }) }] }, 'binary');

  it('are refused with a reason, never thrown, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.nat({ max: 1 }), (bytes, deflate) => {
        const body = deflate ? deflateRawSync(bytes) : bytes;
        const payload = Buffer.concat([Buffer.from([BINARY_MARKER, CODEC_VERSION, deflate]), body]);
        const decoded = decodeChanges(payload);
        if (!decoded.ok) expect(decoded.reason).toMatch(/^(binary page|schema):/);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('are refused when cut short or a byte is changed', () => {
    expect(decodeChanges(good)).toMatchObject({ ok: true });
    for (let end = 0; end < good.length; end += 1) expect(decodeChanges(good.subarray(0, end)).ok).toBe(false);
    fc.assert(
      fc.property(fc.nat({ max: good.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const bent = Buffer.from(good);
        bent[at] ^= xor;
        const decoded = decodeChanges(bent);
        if (decoded.ok) expect(decoded.value.changes).toHaveLength(1); // a changed letter of a value may still be a page
      }),
      { numRuns: RUNS },
    );
  });

  it('name an unknown codec version, unknown flags, a bomb and a count over the page size', () => {
    const bent = (i: number, byte: number) => Buffer.from(good).fill(byte, i, i + 1);
    expect(decodeChanges(bent(1, 2))).toEqual({ ok: false, reason: 'binary page: wire codec 2 is not supported (this replica reads codec 1)' });
    expect(decodeChanges(bent(2, 4))).toEqual({ ok: false, reason: 'binary page: unknown codec flags 4' });
    const bomb = Buffer.concat([Buffer.from([BINARY_MARKER, CODEC_VERSION, 1]), deflateRawSync(Buffer.alloc(64 * 1024 * 1024))]);
    expect(bomb.byteLength).toBeLessThan(MAX_PAYLOAD_BYTES);
    expect(decodeChanges(bomb)).toMatchObject({ ok: false, reason: expect.stringMatching(/does not inflate/) });
    const many: Change[] = Array.from({ length: BINARY_PAGE_SIZE + 1 }, (_, i) => ({ c: 'task', id: 't1', f: 'title', v: null, s: encodeStamp({ wall: i, counter: 0, node: 'b-peer' }) }));
    expect(decodeChanges(encodeMessage({ v: 1, from: 'b-peer', changes: many }, 'binary'))).toEqual({ ok: false, reason: `binary page: ${BINARY_PAGE_SIZE + 1} changes in one page (at most ${BINARY_PAGE_SIZE})` });
  });

  it('keep the limits of the JSON schema: collection, id and text lengths, and the header', () => {
    const one = (c: Partial<Change>) => encodeMessage({ v: 1, from: 'b-peer', changes: [{ c: 'task', id: 't1', f: 'title', v: 'x', s: encodeStamp({ wall: 5, counter: 0, node: 'b-peer' }), ...c } as Change] }, 'binary');
    expect(decodeChanges(one({ c: 'nosuch' as CollectionName }))).toMatchObject({ ok: false, reason: 'binary page: unknown collection "nosuch"' });
    expect(decodeChanges(one({ id: 'x'.repeat(65) }))).toMatchObject({ ok: false, reason: 'binary page: string longer than 64 characters' });
    expect(decodeChanges(one({ v: 'x'.repeat(4001) }))).toMatchObject({ ok: false, reason: 'binary page: string longer than 4000 characters' });
    expect(decodeChanges(encodeMessage({ v: 1, from: 'NOT A NODE', changes: [] }, 'binary'))).toMatchObject({ ok: false, reason: expect.stringMatching(/^schema: from/) });
    expect(decodeChanges(encodeMessage({ v: 2, from: 'b-peer', changes: [] }, 'binary'))).toMatchObject({ ok: false, reason: expect.stringMatching(/^schema: v/) });
    // A binary header of a message that carries no changes is no message of the protocol.
    const digest = encodeMessage({ v: 1, from: 'b-peer', type: 'digest', session: 's1', seq: 0, buckets: [], changes: [] }, 'binary');
    expect(decodePayload(InboxMessage, digest)).toMatchObject({ ok: false, reason: expect.stringMatching(/^schema:/) });
  });
});

describe('the version rule', () => {
  const changes: Change[] = [{ c: 'bed', id: 'b1', f: 'status', v: 'free', s: encodeStamp({ wall: 9, counter: 0, node: 'b-old' }) }];

  it('decodes a JSON page of a replica of the previous release as before', () => {
    expect(decodeChanges(Buffer.from(JSON.stringify({ v: 1, from: 'b-old', changes })))).toEqual({ ok: true, format: 'json', value: { v: 1, from: 'b-old', changes } });
  });

  it('sends what a previous-release gate refuses as not UTF-8 JSON (counted there, never misread)', () => {
    const payload = encodeMessage({ v: 1, from: 'b-new', changes }, 'binary');
    expect(payload[0]).toBe(BINARY_MARKER);
    expect(previousGate(payload)).toBe('not UTF-8 JSON');
    expect(previousGate(encodeMessage({ v: 1, from: 'b-new', changes }, 'json'))).toBe('json');
  });

  it('answers binary pages only to a session that says it reads them', () => {
    expect(answerFormat(binarySession('0a1b2c3d4e5f'))).toBe('binary');
    expect(answerFormat('0a1b2c3d4e5f')).toBe('json'); // a previous-release initiator's session id
    expect(InboxMessage.safeParse({ v: 1, type: 'pull', from: 'b-new', session: binarySession('0a1b2c3d4e5f'), seq: 0, buckets: [1], offset: 0 }).success).toBe(true);
  });
});
