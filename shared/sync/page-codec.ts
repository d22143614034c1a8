/**
 * The compact binary wire encoding of change pages (docs/protocol.md, "Wire encoding"): a message
 * that carries changes (a live batch, a sync page, a push) as a marker byte, the codec version, a
 * flags byte and a body — the message's other fields as JSON, then the changes with every string
 * (collection, id, field, stamp node, short text) sent once and named by index after, stamps as
 * deltas of the one before, values typed. Pure: the envelope's compression is
 * main/sync/wire.ts's. Decoding trusts nothing: every length is bounded, every limit of the JSON
 * schema is kept, and anything else is a PageCodecError.
 */

import { isCollection, type CollectionName, type FieldValue } from '../domain/schema.js';
import type { Change } from './change.js';
import { decodeStamp } from './hlc.js';

/** First byte of a binary payload: never the first byte of JSON, nor of any UTF-8 text. */
export const BINARY_MARKER = 0xf7;
/** The codec version this replica writes and the only one it reads. */
export const CODEC_VERSION = 1;
/** Changes in one binary page: more than JSON's 5,000, since each costs far fewer bytes. */
export const BINARY_PAGE_SIZE = 20_000;
/** Flag bit: the body is deflated (raw DEFLATE, RFC 1951). */
export const FLAG_DEFLATED = 1;

/** How a replica writes messages that carry changes. */
export type WireFormat = 'json' | 'binary';

/** A payload that is not a well-formed page of this codec: the message says why. */
export class PageCodecError extends Error {}

// Value types in the low 3 bits of a change's tag byte; the next bits say what repeats the change before.
const NULL = 0;
const FALSE = 1;
const TRUE = 2;
const INT = 3;
const FLOAT = 4;
const TEXT = 5;
const SAME_RECORD = 8;
const SAME_WALL = 16;
const SAME_NODE = 32;
/** Texts up to this length go into the string table (statuses, dates, names repeat); longer ones stay literal. */
const TABLED_TEXT = 48;
const LIMITS = { id: 64, f: 64, node: 48, text: 4000 };

/** Whether a payload is in the binary encoding (of any codec version). */
export function isBinary(payload: Uint8Array): boolean {
  return payload.byteLength > 0 && payload[0] === BINARY_MARKER;
}

/** The envelope's three bytes before a body. */
export function envelopeHead(flags: number): Uint8Array {
  return Uint8Array.of(BINARY_MARKER, CODEC_VERSION, flags);
}

/** Checks a binary payload's envelope; returns its flags and (possibly deflated) body. */
export function openEnvelope(payload: Uint8Array): { flags: number; body: Uint8Array } {
  if (payload.byteLength < 3 || payload[0] !== BINARY_MARKER) throw new PageCodecError('not a binary page');
  if (payload[1] !== CODEC_VERSION) throw new PageCodecError(`wire codec ${payload[1]} is not supported (this replica reads codec ${CODEC_VERSION})`);
  const flags = payload[2];
  if ((flags & ~FLAG_DEFLATED) !== 0) throw new PageCodecError(`unknown codec flags ${flags}`);
  return { flags, body: payload.subarray(3) };
}

/**
 * Reads `bytes[start, end)` as strict UTF-8, throwing on anything else. main/ passes one built on
 * the platform's decoders; the pure one here is the fallback.
 */
export type TextReader = (bytes: Uint8Array, start: number, end: number) => string;

/** Decodes an (inflated) body into its header (the message without changes) and its changes. */
export function decodePageBody(body: Uint8Array, maxChanges = BINARY_PAGE_SIZE, readText: TextReader = decodeUtf8): { header: unknown; changes: Change[] } {
  return new Reader(body, readText).page(maxChanges);
}

/**
 * Encodes a header (the message's other fields, as JSON) and its changes into a body; undefined
 * when a change cannot be said in this codec (a malformed stamp, a non-scalar value): send JSON.
 */
export function encodePageBody(header: string, changes: readonly Change[]): Uint8Array | undefined {
  try {
    return encodeChanges(header, changes);
  } catch (error) {
    if (error instanceof LoneSurrogate) return undefined;
    throw error;
  }
}

function encodeChanges(header: string, changes: readonly Change[]): Uint8Array | undefined {
  const out = new Writer();
  out.text(header);
  out.uint(changes.length);
  const table = new Map<string, number>();
  const str = (value: string) => {
    const index = table.get(value);
    if (index !== undefined) return out.uint(index + 1);
    out.uint(0);
    out.text(value);
    table.set(value, table.size);
  };
  let last: { c: string; id: string; wall: number; node: string } = { c: '', id: '', wall: 0, node: '' };
  for (const change of changes) {
    const stamp = decodeStamp(change.s);
    if (!stamp || typeof change.c !== 'string' || typeof change.id !== 'string' || typeof change.f !== 'string') return undefined;
    const v: unknown = change.v;
    let type: number;
    if (v === null) type = NULL;
    else if (v === false) type = FALSE;
    else if (v === true) type = TRUE;
    else if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 2 ** 52) type = INT; // zigzag stays under 2^53
    else if (typeof v === 'number' && Number.isFinite(v)) type = FLOAT;
    else if (typeof v === 'string') type = TEXT;
    else return undefined;
    const sameRecord = change.c === last.c && change.id === last.id;
    const tag = type | (sameRecord ? SAME_RECORD : 0) | (stamp.wall === last.wall ? SAME_WALL : 0) | (stamp.node === last.node ? SAME_NODE : 0);
    out.byte(tag);
    if (!sameRecord) {
      str(change.c);
      str(change.id);
    }
    str(change.f);
    if (stamp.wall !== last.wall) out.sint(stamp.wall - last.wall);
    out.uint(stamp.counter);
    if (stamp.node !== last.node) str(stamp.node);
    if (type === INT) out.sint(v as number);
    else if (type === FLOAT) out.float(v as number);
    else if (type === TEXT) {
      const text = v as string;
      if (text.length <= TABLED_TEXT) str(text);
      else {
        out.uint(0);
        out.text(text);
      }
    }
    last = { c: change.c, id: change.id, wall: stamp.wall, node: stamp.node };
  }
  return out.done();
}

/** A string UTF-8 cannot carry as it is: the message goes as JSON instead. */
class LoneSurrogate extends Error {}

/** A growing byte buffer with LEB128 varints and UTF-8 written by hand (shared/ has no TextEncoder). */
class Writer {
  private buffer = new Uint8Array(64 * 1024);
  private view = new DataView(this.buffer.buffer);
  private at = 0;

  byte(value: number): void {
    this.room(1);
    this.buffer[this.at++] = value;
  }

  /** An unsigned integer up to 2^53, seven bits a byte. */
  uint(value: number): void {
    this.room(8);
    let rest = value;
    while (rest >= 0x80) {
      this.buffer[this.at++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.buffer[this.at++] = rest;
  }

  /** A signed integer, zigzag so small magnitudes stay small. */
  sint(value: number): void {
    this.uint(value >= 0 ? value * 2 : -value * 2 - 1);
  }

  float(value: number): void {
    this.room(8);
    this.view.setFloat64(this.at, value, true);
    this.at += 8;
  }

  /** Length-prefixed UTF-8; a lone surrogate (which UTF-8 cannot carry, JSON can) throws LoneSurrogate. */
  text(value: string): void {
    const start = this.at;
    this.uint(value.length);
    const head = this.at - start;
    this.room(value.length * 3);
    let at = this.at;
    const out = this.buffer;
    let ascii = true;
    for (let i = 0; i < value.length; i += 1) {
      let code = value.charCodeAt(i);
      if (code < 0x80) {
        out[at++] = code;
        continue;
      }
      ascii = false;
      if (code < 0x800) {
        out[at++] = 0xc0 | (code >> 6);
        out[at++] = 0x80 | (code & 0x3f);
        continue;
      }
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) {
        const low = value.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
          i += 1;
          out[at++] = 0xf0 | (code >> 18);
          out[at++] = 0x80 | ((code >> 12) & 0x3f);
          out[at++] = 0x80 | ((code >> 6) & 0x3f);
          out[at++] = 0x80 | (code & 0x3f);
          continue;
        }
      }
      if (code >= 0xd800 && code <= 0xdfff) throw new LoneSurrogate();
      out[at++] = 0xe0 | (code >> 12);
      out[at++] = 0x80 | ((code >> 6) & 0x3f);
      out[at++] = 0x80 | (code & 0x3f);
    }
    if (ascii) {
      this.at = at;
      return;
    }
    // The length written first counted characters; the bytes are more: write it again in front.
    const bytes = out.slice(start + head, at);
    this.at = start;
    this.uint(bytes.length);
    this.room(bytes.length);
    this.buffer.set(bytes, this.at);
    this.at += bytes.length;
  }

  done(): Uint8Array {
    return this.buffer.subarray(0, this.at);
  }

  private room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    const bigger = new Uint8Array(Math.max(this.buffer.length * 2, this.at + bytes));
    bigger.set(this.buffer.subarray(0, this.at));
    this.buffer = bigger;
    this.view = new DataView(bigger.buffer);
  }
}

/** Reads a body, checking every length against what is left and every limit of the schema. */
class Reader {
  private at = 0;
  private readonly table: string[] = [];

  private readonly view: DataView;

  constructor(
    private readonly buffer: Uint8Array,
    private readonly readText: TextReader,
  ) {
    this.view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }

  page(maxChanges: number): { header: unknown; changes: Change[] } {
    let header: unknown;
    try {
      header = JSON.parse(this.text(4096));
    } catch (error) {
      throw error instanceof PageCodecError ? error : new PageCodecError('header is not JSON');
    }
    const count = this.uint();
    if (count > maxChanges) throw new PageCodecError(`${count} changes in one page (at most ${maxChanges})`);
    const changes: Change[] = new Array<Change>(count);
    let c = '';
    let id = '';
    let wall = 0;
    let wallText = '';
    let node = '';
    for (let i = 0; i < count; i += 1) {
      const tag = this.byte();
      if (tag & SAME_RECORD) {
        if (i === 0) throw new PageCodecError('first change repeats a record');
      } else {
        c = this.str(32);
        if (!isCollection(c)) throw new PageCodecError(`unknown collection ${JSON.stringify(c.slice(0, 32))}`);
        id = this.str(LIMITS.id);
      }
      const f = this.str(LIMITS.f);
      if (!(tag & SAME_WALL) || i === 0) {
        if (!(tag & SAME_WALL)) wall += this.sint();
        if (wall < 0 || wall >= 36 ** 9) throw new PageCodecError('stamp out of range');
        wallText = wall.toString(36).padStart(9, '0');
      }
      const counter = this.uint();
      if (!(tag & SAME_NODE)) node = this.str(LIMITS.node);
      const s = `${wallText}:${counterText(counter)}:${node}`;
      changes[i] = { c: c as CollectionName, id, f, v: this.value(tag & 7), s };
    }
    if (this.at !== this.buffer.length) throw new PageCodecError(`${this.buffer.length - this.at} bytes after the last change`);
    return { header, changes };
  }

  private value(type: number): FieldValue {
    switch (type) {
      case NULL:
        return null;
      case FALSE:
        return false;
      case TRUE:
        return true;
      case INT: {
        const value = this.sint();
        if (!Number.isSafeInteger(value)) throw new PageCodecError('integer out of range');
        return value;
      }
      case FLOAT:
        return this.float();
      case TEXT:
        return this.str(LIMITS.text, TABLED_TEXT);
      default:
        throw new PageCodecError(`unknown value type ${type}`);
    }
  }

  private byte(): number {
    if (this.at >= this.buffer.length) throw new PageCodecError('page ends early');
    return this.buffer[this.at++];
  }

  private uint(): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 8; i += 1) {
      const byte = this.byte();
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
    throw new PageCodecError('varint longer than 8 bytes');
  }

  private sint(): number {
    const z = this.uint();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }

  private float(): number {
    if (this.at + 8 > this.buffer.length) throw new PageCodecError('page ends early');
    const value = this.view.getFloat64(this.at, true);
    this.at += 8;
    if (!Number.isFinite(value)) throw new PageCodecError('number is not finite');
    return value;
  }

  /** A string of the table, or a literal one (added to it unless longer than `tabled`); at most `max` characters. */
  private str(max: number, tabled = Infinity): string {
    const ref = this.uint();
    if (ref > 0) {
      const value = this.table[ref - 1];
      if (value === undefined) throw new PageCodecError(`string ${ref} not defined yet`);
      if (value.length > max) throw new PageCodecError(`string longer than ${max} characters`);
      return value;
    }
    const value = this.text(max);
    if (value.length <= tabled) this.table.push(value);
    return value;
  }

  /** Length-prefixed strict UTF-8; ASCII (nearly all of it) takes the fast path. */
  private text(max: number): string {
    const length = this.uint();
    if (length > max * 4) throw new PageCodecError(`string longer than ${max} characters`);
    const end = this.at + length;
    if (end > this.buffer.length) throw new PageCodecError('page ends early');
    let value: string;
    try {
      value = this.readText(this.buffer, this.at, end);
    } catch {
      throw new PageCodecError('string is not UTF-8');
    }
    this.at = end;
    if (value.length > max) throw new PageCodecError(`string longer than ${max} characters`);
    return value;
  }
}

const COUNTERS: string[] = [];

/** A stamp's counter as hlc.ts writes it (four base-36 digits); the small ones, nearly all, cached. */
function counterText(counter: number): string {
  if (counter >= 36 ** 4) throw new PageCodecError('stamp out of range');
  if (counter >= 4096) return counter.toString(36).padStart(4, '0');
  return (COUNTERS[counter] ??= counter.toString(36).padStart(4, '0'));
}

/** Strict UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF); ASCII takes the fast path. */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  let ascii = true;
  for (let i = start; i < end; i += 1) {
    if (bytes[i] >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return end - start < 4096 ? String.fromCharCode(...bytes.subarray(start, end)) : asciiChunks(bytes, start, end);
  const codes: number[] = [];
  for (let i = start; i < end; ) {
    const b0 = bytes[i];
    let code: number;
    let need: number;
    let min: number;
    if (b0 < 0x80) {
      codes.push(b0);
      i += 1;
      continue;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) [code, need, min] = [b0 & 0x1f, 1, 0x80];
    else if (b0 >= 0xe0 && b0 <= 0xef) [code, need, min] = [b0 & 0x0f, 2, 0x800];
    else if (b0 >= 0xf0 && b0 <= 0xf4) [code, need, min] = [b0 & 0x07, 3, 0x10000];
    else throw new PageCodecError('string is not UTF-8');
    if (i + need >= end) throw new PageCodecError('string is not UTF-8');
    for (let k = 1; k <= need; k += 1) {
      const next = bytes[i + k];
      if ((next & 0xc0) !== 0x80) throw new PageCodecError('string is not UTF-8');
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new PageCodecError('string is not UTF-8');
    codes.push(code);
    i += need + 1;
  }
  return String.fromCodePoint(...codes);
}

function asciiChunks(bytes: Uint8Array, start: number, end: number): string {
  let value = '';
  for (let at = start; at < end; at += 4096) value += String.fromCharCode(...bytes.subarray(at, Math.min(end, at + 4096)));
  return value;
}
