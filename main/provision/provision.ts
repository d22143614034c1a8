/**
 * `tavla provision`: the CA, the broker's configuration and one identity per replica of a
 * municipality, in one folder. A later run adds units and boards and keeps every identity it
 * issued before; `revoke` withdraws one, `renew` replaces one's key and certificate.
 */

import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { brokerAccount, brokerFiles, writeBrokerConfig } from './broker-config.js';
import { caFiles, ensureCa, issueCertificate, revokeIdentity, writeCrl } from './certificate-authority.js';
import { activeReplicas, readManifest, writeManifest, type Manifest, type Replica } from './manifest.js';
import { ensurePseudonymKey } from './pseudonym-key.js';
import { makeReplicaFolder, removeReplicaFiles, replicaFiles, writeReplicaConfig } from './replica-config.js';

/** What a provision run is asked for; host and port default to the folder's earlier run. */
export interface ProvisionRequest {
  out: string;
  municipality: string;
  units: readonly string[];
  boardsPerUnit: number;
  /** A shared reception's organisations by unit: its boards are issued per organisation, `<unit>-<org>-<n>`. */
  organisations?: Readonly<Record<string, readonly string[]>>;
  brokerHost?: string;
  brokerPort?: number;
  /** The account a root-started broker runs as (default `mosquitto`); the demo keeps its own. */
  brokerUser?: string;
}

/** What a run did, by replica name. */
export interface ProvisionReport {
  manifest: Manifest;
  issued: string[];
  kept: string[];
}

/** A request the folder cannot take (another municipality's folder, an unknown replica). */
export class ProvisionError extends Error {}

const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_PORT = 8883;

/** Provisions (or extends) a municipality's folder. */
export async function provision(request: ProvisionRequest): Promise<ProvisionReport> {
  const out = resolve(request.out);
  const earlier = readManifest(out);
  if (earlier && earlier.municipality !== request.municipality) {
    throw new ProvisionError(`${out} is provisioned for municipality ${earlier.municipality}, not ${request.municipality}`);
  }
  const user = request.brokerUser ?? earlier?.broker.user;
  const broker = {
    host: request.brokerHost ?? earlier?.broker.host ?? DEFAULT_HOST,
    port: request.brokerPort ?? earlier?.broker.port ?? DEFAULT_PORT,
    ...(user ? { user } : {}),
  };
  const manifest: Manifest = { v: 1, municipality: request.municipality, broker, replicas: [...(earlier?.replicas ?? [])] };
  mkdirSync(out, { recursive: true });
  // The broker drops root for its own account, which must be able to pass through to broker/.
  if (brokerAccount(user).uid !== process.getuid?.()) chmodSync(out, 0o711);
  const caDir = resolve(out, 'ca');
  await ensureCa(caDir, request.municipality);

  const served = brokerFiles(out);
  mkdirSync(served.dir, { recursive: true });
  if (!existsSync(served.cert) || earlier?.broker.host !== broker.host) {
    if (earlier) await revokeIdentity(caDir, earlier.broker.host);
    await issueCertificate(caDir, broker.host, { kind: 'server', host: broker.host }, served.key, served.cert);
  }

  const wanted: Replica[] = [{ name: 'hub', identity: `${request.municipality}-hub`, role: 'hub' }];
  for (const unit of request.units) {
    const organisations = request.organisations?.[unit];
    for (let n = 1; n <= request.boardsPerUnit; n += 1) {
      if (!organisations) wanted.push({ name: `${unit}-${n}`, identity: `${request.municipality}-${unit}-${n}`, role: 'board', unit });
      for (const organisation of organisations ?? []) {
        wanted.push({ name: `${unit}-${organisation}-${n}`, identity: `${request.municipality}-${unit}-${organisation}-${n}`, role: 'board', unit, organisation });
      }
    }
  }
  const issued: string[] = [];
  const kept: string[] = [];
  for (const replica of wanted) {
    if (manifest.replicas.some((known) => known.name === replica.name)) {
      kept.push(replica.name);
      continue;
    }
    await issueReplica(out, caDir, replica);
    manifest.replicas.push(replica);
    issued.push(replica.name);
  }
  await finish(out, manifest);
  return { manifest, issued, kept };
}

/** Withdraws one replica's identity: certificate revoked, CRL and ACL rewritten, its files deleted. */
export async function revoke(outDir: string, name: string): Promise<Replica> {
  const out = resolve(outDir);
  const { manifest, replica } = findReplica(out, name);
  if (replica.revokedAt) throw new ProvisionError(`${replica.name} was already revoked at ${replica.revokedAt}`);
  await revokeIdentity(resolve(out, 'ca'), replica.identity);
  replica.revokedAt = new Date().toISOString();
  removeReplicaFiles(out, replica);
  await finish(out, manifest);
  return replica;
}

/** Replaces one replica's key and certificate (rotation, or a replaced board); the old one is revoked. */
export async function renew(outDir: string, name: string): Promise<Replica> {
  const out = resolve(outDir);
  const { manifest, replica } = findReplica(out, name);
  const caDir = resolve(out, 'ca');
  if (!replica.revokedAt) await revokeIdentity(caDir, replica.identity);
  delete replica.revokedAt;
  removeReplicaFiles(out, replica);
  await issueReplica(out, caDir, replica);
  await finish(out, manifest);
  return replica;
}

async function issueReplica(out: string, caDir: string, replica: Replica): Promise<void> {
  makeReplicaFolder(out, replica);
  const files = replicaFiles(out, replica);
  await issueCertificate(caDir, replica.identity, { kind: 'client' }, files.key, files.cert);
}

/** Every run ends the same way: a fresh CRL, the broker's files and every replica's configuration. */
async function finish(out: string, manifest: Manifest): Promise<void> {
  const caDir = resolve(out, 'ca');
  await writeCrl(caDir);
  writeBrokerConfig(out, manifest);
  // Made by the first run (or the first since provisioning had one), kept by every later one.
  const pseudonymKey = ensurePseudonymKey(caDir);
  for (const replica of activeReplicas(manifest)) {
    // A folder IT already moved to its board is not recreated: its identity stays as issued.
    if (existsSync(replicaFiles(out, replica).dir)) writeReplicaConfig(out, manifest, replica, { caCert: caFiles(caDir).cert, pseudonymKey });
  }
  writeManifest(out, manifest);
}

function findReplica(out: string, name: string): { manifest: Manifest; replica: Replica } {
  const manifest = readManifest(out);
  if (!manifest) throw new ProvisionError(`${out} holds no provision.json: provision it first`);
  const replica = manifest.replicas.find((known) => known.name === name || known.identity === name);
  if (!replica) throw new ProvisionError(`no replica ${name} in ${out} (known: ${manifest.replicas.map((r) => r.name).join(', ')})`);
  return { manifest, replica };
}
