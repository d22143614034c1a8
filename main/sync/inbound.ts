/**
 * The gate every inbound MQTT payload passes: size cap, then either strict UTF-8 JSON validated
 * whole against the schema, or a binary change page (main/sync/wire.ts) whose header is validated
 * against the same schema and whose changes the codec bounded as the schema would.
 */

import type { z } from 'zod';
import type { Change } from '../../shared/sync/change.js';
import { isBinary, PageCodecError, type WireFormat } from '../../shared/sync/page-codec.js';
import { MAX_PAYLOAD_BYTES } from '../../shared/sync/protocol.js';
import { decodeBinary } from './wire.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export type Decoded<T> = { ok: true; value: T; format: WireFormat } | { ok: false; reason: string };

export function decodePayload<T>(schema: z.ZodType<T>, payload: Uint8Array): Decoded<T> {
  if (payload.byteLength > MAX_PAYLOAD_BYTES) {
    return { ok: false, reason: `payload of ${payload.byteLength} bytes exceeds the ${MAX_PAYLOAD_BYTES}-byte cap` };
  }
  if (isBinary(payload)) return decodeBinaryPayload(schema, payload);
  let json: unknown;
  try {
    json = JSON.parse(utf8.decode(payload));
  } catch {
    return { ok: false, reason: 'payload is not UTF-8 JSON' };
  }
  return validated(schema, json, 'json');
}

/**
 * A binary page: the header must be a message of the schema once its changes are put back (an
 * empty list stands in while zod checks the rest, so a header of a message without changes fails).
 */
function decodeBinaryPayload<T>(schema: z.ZodType<T>, payload: Uint8Array): Decoded<T> {
  let page: { header: unknown; changes: Change[] };
  try {
    page = decodeBinary(payload);
  } catch (error) {
    if (error instanceof PageCodecError) return { ok: false, reason: `binary page: ${error.message}` };
    throw error;
  }
  if (typeof page.header !== 'object' || page.header === null || Array.isArray(page.header) || 'changes' in page.header) {
    return { ok: false, reason: 'binary page: header is not a message' };
  }
  const checked = validated(schema, { ...page.header, changes: [] }, 'binary');
  if (checked.ok) (checked.value as { changes: Change[] }).changes = page.changes;
  return checked;
}

function validated<T>(schema: z.ZodType<T>, json: unknown, format: WireFormat): Decoded<T> {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `schema: ${issue?.path.join('.')} ${issue?.message}` };
  }
  return { ok: true, value: parsed.data, format };
}
