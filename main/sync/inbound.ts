/** The gate every inbound MQTT payload passes: size cap, strict UTF-8 JSON, schema. */

import type { z } from 'zod';
import { MAX_PAYLOAD_BYTES } from '../../shared/sync/protocol.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export type Decoded<T> = { ok: true; value: T } | { ok: false; reason: string };

export function decodePayload<T>(schema: z.ZodType<T>, payload: Uint8Array): Decoded<T> {
  if (payload.byteLength > MAX_PAYLOAD_BYTES) {
    return { ok: false, reason: `payload of ${payload.byteLength} bytes exceeds the ${MAX_PAYLOAD_BYTES}-byte cap` };
  }
  let json: unknown;
  try {
    json = JSON.parse(utf8.decode(payload));
  } catch {
    return { ok: false, reason: 'payload is not UTF-8 JSON' };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `schema: ${issue?.path.join('.')} ${issue?.message}` };
  }
  return { ok: true, value: parsed.data };
}
