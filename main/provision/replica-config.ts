/**
 * One configuration file per replica, `<out>/hub.json` and `<out>/<unit>-<n>.json`, beside a folder
 * of the same name holding its key, certificate, the CA certificate and the municipality's pseudonym secret. Paths in the file are
 * relative to the file's folder, so IT copies the pair to a board as it is.
 */

import { chmodSync, copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest, Replica } from './manifest.js';

/** The files of one replica inside the provisioned folder. */
export function replicaFiles(out: string, replica: Pick<Replica, 'name'>) {
  const dir = join(out, replica.name);
  return { config: join(out, `${replica.name}.json`), dir, ca: join(dir, 'ca.crt'), cert: join(dir, 'client.crt'), key: join(dir, 'client.key'), pseudonymKey: join(dir, 'pseudonym.key') };
}

/** Writes a replica's JSON configuration and its copies of the CA certificate and the pseudonym secret. */
export function writeReplicaConfig(out: string, manifest: Manifest, replica: Replica, shared: { caCert: string; pseudonymKey: string }): void {
  const files = replicaFiles(out, replica);
  copyFileSync(shared.caCert, files.ca);
  chmodSync(files.ca, 0o644);
  copyFileSync(shared.pseudonymKey, files.pseudonymKey);
  chmodSync(files.pseudonymKey, 0o600);
  const config = {
    municipality: manifest.municipality,
    ...(replica.unit ? { unit: replica.unit } : {}),
    ...(replica.organisation ? { organisation: replica.organisation } : {}),
    broker: `mqtts://${urlHost(manifest.broker.host)}:${manifest.broker.port}`,
    brokerCa: `${replica.name}/ca.crt`,
    brokerCert: `${replica.name}/client.crt`,
    brokerKey: `${replica.name}/client.key`,
    pseudonymKey: `${replica.name}/pseudonym.key`,
  };
  writeFileSync(files.config, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  chmodSync(files.config, 0o600);
}

/** Makes the folder a replica's key goes into: the key is the replica's alone. */
export function makeReplicaFolder(out: string, replica: Pick<Replica, 'name'>): void {
  mkdirSync(replicaFiles(out, replica).dir, { recursive: true, mode: 0o700 });
}

/** Deletes a withdrawn replica's key, certificate and configuration. */
export function removeReplicaFiles(out: string, replica: Pick<Replica, 'name'>): void {
  const files = replicaFiles(out, replica);
  rmSync(files.dir, { recursive: true, force: true });
  rmSync(files.config, { force: true });
}

/** An IPv6 address goes in brackets in a URL. */
function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
