/**
 * `tavla device-token issue|list|revoke`: a leader wall screen's device token in the hub's store,
 * for IT on the hub machine (the hub may be running; a revoked token stops working at its next
 * request). `issue` prints the token once, and the address to configure on the screen.
 */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { issueDeviceToken, listDeviceTokens, revokeDeviceToken } from '../leader/device-tokens.js';
import { openDatabase } from '../store/database.js';
import { required, UsageError } from '../config/options.js';
import type { ParsedCommand } from './options.js';

/** Runs one device-token action; returns the exit code. */
export function deviceToken({ options, path: action }: ParsedCommand): number {
  const dataDir = options.data ?? join('.tavla', required(options.municipality, 'municipality', 'device-token'), '_hub');
  const file = join(dataDir, 'hub.sqlite');
  if (!existsSync(file)) throw new UsageError(`no hub store in ${dataDir} (hub.sqlite): check --data, or start the hub once first`);
  if (action !== 'issue' && action !== 'list' && action !== 'revoke') throw new UsageError(`tavla device-token: ${action ?? ''} is not issue, list or revoke`);
  const db = openDatabase(file);
  try {
    if (action === 'list') {
      for (const t of listDeviceTokens(db)) {
        console.log(`${t.name}\t${t.units?.join(',') ?? 'alle enheter'}\tissued ${t.issuedAt}\t${t.revokedAt ? `revoked ${t.revokedAt}` : 'active'}`);
      }
      return 0;
    }
    const name = required(options.name, 'name', 'device-token');
    if (action === 'revoke') {
      if (!revokeDeviceToken(db, name)) {
        process.stderr.write(`tavla: screen ${name} has no active device token\n`);
        return 1;
      }
      console.log(`revoked the device token of ${name}`);
      return 0;
    }
    let issued;
    try {
      issued = issueDeviceToken(db, name, options.unit ? [options.unit] : null);
    } catch (error) {
      process.stderr.write(`tavla: ${(error as Error).message}\n`);
      return 1;
    }
    console.log(`device token for ${name} (shown once; keep it in the screen's configuration only):`);
    console.log(issued.token);
    console.log(`configure the screen with: http://<hub>:<leader-screen-port>/?token=${issued.token}`);
    return 0;
  } finally {
    db.close();
  }
}
