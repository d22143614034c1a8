/**
 * The hub's operator endpoint for the VKP patient mapping (docs/alarms.md): `POST /api/vkp-mapping`
 * `{ identifier, system?, stayId }` maps, `DELETE /api/vkp-mapping` `{ identifier, system? }` unmaps,
 * `GET /api/vkp-mapping` lists (unit, stay, when; never an identifier). The operator token guards it
 * (main/host/http-host.ts); the answers never repeat the identifier.
 */

import type { Database } from 'better-sqlite3';
import { logger } from '../log.js';
import { listVkpMappings, mapVkpPatient, unmapVkpPatient } from './vkp-mapping.js';

export const VKP_MAPPING_PATH = '/api/vkp-mapping';

/** The shape of the host's `operatorApi` (main/host/http-host.ts), which this folder may not import. */
export interface MappingApi {
  serves(path: string): boolean;
  handle(method: string, path: string, body: unknown): { status: number; body: unknown };
}

export function vkpMappingApi(db: Database, secret: Buffer, now: () => Date = () => new Date()): MappingApi {
  return {
    serves: (path) => path === VKP_MAPPING_PATH,
    handle(method, _path, body) {
      if (method === 'GET') return { status: 200, body: { ok: true, value: listVkpMappings(db) } };
      if (method === 'POST') {
        const mapped = mapVkpPatient(db, secret, body, 'operator (HTTP)', now());
        if (!mapped.ok) return { status: mapped.status, body: { ok: false, code: mapped.status === 404 ? 'not-found' : mapped.status === 409 ? 'conflict' : 'invalid-input', message: mapped.reason } };
        logger.info({ unit: mapped.unit, stay: mapped.stayId }, 'VKP patient mapped');
        return { status: 201, body: { ok: true, value: { unit: mapped.unit, stayId: mapped.stayId } } };
      }
      if (method === 'DELETE') {
        const removed = unmapVkpPatient(db, secret, body);
        if (!removed.ok) return { status: 400, body: { ok: false, code: 'invalid-input', message: removed.reason } };
        return { status: 200, body: { ok: true, value: { removed: removed.removed } } };
      }
      return { status: 405, body: { ok: false, code: 'invalid-input', message: 'use GET, POST or DELETE /api/vkp-mapping' } };
    },
  };
}
