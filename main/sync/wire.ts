/**
 * The wire encoding of outgoing messages and the envelope of incoming binary ones: JSON, or the
 * binary change pages of shared/sync/page-codec.ts deflated with node:zlib when that saves bytes.
 */

import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Change } from '../../shared/sync/change.js';
import { decodePageBody, encodePageBody, envelopeHead, FLAG_DEFLATED, openEnvelope, PageCodecError, type WireFormat } from '../../shared/sync/page-codec.js';
import { MAX_PAYLOAD_BYTES } from '../../shared/sync/protocol.js';

/** A body deflates only from this size: below it the saving is a few bytes for a call. */
const DEFLATE_FROM = 256;
/** An inflated body may be at most this large, so a small payload cannot expand without bound. */
const MAX_INFLATED = 8 * MAX_PAYLOAD_BYTES;

/** A message as the engine sends it: binary when asked and it carries changes, JSON otherwise. */
export function encodeMessage(message: Record<string, unknown>, format: WireFormat): Buffer {
  const changes = message.changes;
  if (format === 'json' || !Array.isArray(changes)) return Buffer.from(JSON.stringify(message));
  const { changes: _changes, ...header } = message;
  const body = encodePageBody(JSON.stringify(header), changes as Change[]);
  if (!body) return Buffer.from(JSON.stringify(message)); // a change the codec cannot say: JSON says it as it is
  const deflated = body.byteLength >= DEFLATE_FROM ? deflateRawSync(body, { level: 6 }) : undefined;
  if (deflated && deflated.byteLength < body.byteLength) return Buffer.concat([envelopeHead(FLAG_DEFLATED), deflated]);
  return Buffer.concat([envelopeHead(0), body]);
}

/** The header and changes of a binary payload; throws PageCodecError when it is not a well-formed one. */
export function decodeBinary(payload: Uint8Array, maxChanges?: number): { header: unknown; changes: Change[] } {
  const { flags, body } = openEnvelope(payload);
  let plain = body;
  if (flags & FLAG_DEFLATED) {
    try {
      plain = inflateRawSync(body, { maxOutputLength: MAX_INFLATED });
    } catch {
      throw new PageCodecError('compressed body does not inflate (or inflates past the cap)');
    }
  }
  return decodePageBody(plain, maxChanges, readText);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8 by the platform: ASCII (ids, fields, stamps, most values) as Latin-1, the rest by TextDecoder. */
function readText(bytes: Uint8Array, start: number, end: number): string {
  for (let i = start; i < end; i += 1) {
    if (bytes[i] >= 0x80) return strictUtf8.decode(bytes.subarray(start, end));
  }
  return Buffer.prototype.latin1Slice.call(bytes, start, end);
}

/**
 * Session ids of anti-entropy exchanges started by a replica that reads binary pages begin with
 * this: an older responder takes it as any session id and answers in JSON; a newer one answers
 * pages in binary. (Every message schema is strict, so the session is where a capability can go.)
 */
const BINARY_SESSION = 'b1-';

/** A session id that says its initiator reads binary pages. */
export function binarySession(random: string): string {
  return `${BINARY_SESSION}${random}`;
}

/** How to answer a request of this session: binary pages only to an initiator that said it reads them. */
export function answerFormat(session: string): WireFormat {
  return session.startsWith(BINARY_SESSION) ? 'binary' : 'json';
}

/** Live batches of changes go out binary: docs/protocol.md, "Wire encoding", says what an older replica does with them. */
export const LIVE_FORMAT: WireFormat = 'binary';
