/**
 * `tavla provision`: writes or extends a municipality's provisioned folder, or withdraws (`--revoke`)
 * or replaces (`--renew`) one replica's identity, and says what it did and what to do next.
 * Exit code 0 when done, 1 when openssl or the folder refused, 2 for a usage error.
 */

import { resolve } from 'node:path';
import { brokerFiles } from '../provision/broker-config.js';
import { readManifest } from '../provision/manifest.js';
import { provision, renew, revoke } from '../provision/provision.js';
import { required, UsageError } from '../config/options.js';
import type { ParsedCommand } from './options.js';

/** Runs the command; usage errors are thrown as UsageError for the caller to print. */
export async function provisionCommand({ options }: ParsedCommand): Promise<number> {
  const out = required(options.out, 'out', 'provision');
  if (options.revoke && options.renew) throw new UsageError('--revoke and --renew: one at a time');
  try {
    if (options.revoke) {
      const replica = await revoke(out, options.revoke);
      console.log(`revoked ${replica.name} (${replica.identity}): CRL and ACL rewritten, its key and configuration deleted`);
      console.log(`restart the broker to apply: mosquitto -c ${brokerFiles(out).config}`);
      return 0;
    }
    if (options.renew) {
      const replica = await renew(out, options.renew);
      console.log(`renewed ${replica.name} (${replica.identity}): new key and certificate in ${resolve(out, replica.name)}, the old certificate revoked`);
      console.log('install the new folder on its replica, then restart the broker to apply the CRL');
      return 0;
    }
    // A folder provisioned before knows its municipality: a bare re-run renews the CRL and rewrites the files.
    const earlier = readManifest(resolve(out));
    const report = await provision({
      out,
      municipality: required(options.municipality ?? earlier?.municipality, 'municipality', 'provision'),
      units: earlier ? (options.units ?? []) : required(options.units, 'units', 'provision'),
      boardsPerUnit: options.boardsPerUnit ?? 1,
      organisations: options.organisations,
      brokerHost: options.brokerHost,
      brokerPort: options.brokerPort,
    });
    const { host, port } = report.manifest.broker;
    console.log(`provisioned ${report.manifest.municipality} in ${resolve(out)}: broker mqtts://${host}:${port}`);
    if (report.issued.length > 0) console.log(`issued: ${report.issued.join(', ')}`);
    if (report.kept.length > 0) console.log(`kept as issued: ${report.kept.join(', ')}`);
    console.log(`broker: mosquitto -c ${brokerFiles(out).config}`);
    console.log('replicas: tavla hub --config <dir>/hub.json, tavla board --config <dir>/<unit>-<n>.json');
    return 0;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    process.stderr.write(`tavla provision: ${(error as Error).message}\n`);
    return 1;
  }
}
