/**
 * The broker's half of a provisioned folder: `<out>/broker/mosquitto.conf` (TLS-only, client
 * certificates as identities, limits), the ACL that keeps every board inside its unit, and the
 * files the broker reads, owned by the user it runs as and readable by nobody else.
 */

import { chmodSync, chownSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TOPIC_ROOT, HUB_SCOPE } from '../../shared/sync/protocol.js';
import { privateScope } from '../../shared/reception/reception-kinds.js';
import { caFiles } from './certificate-authority.js';
import { activeReplicas, type Manifest } from './manifest.js';

/** The protocol caps a payload at 2 MiB; the packet may carry a topic and headers beyond that. */
export const MAX_PACKET_BYTES = 2 * 1024 * 1024 + 64 * 1024;

/** The broker's files inside `<out>/broker/`. */
export function brokerFiles(out: string) {
  const dir = resolve(out, 'broker');
  return {
    dir,
    config: join(dir, 'mosquitto.conf'),
    acl: join(dir, 'acl'),
    ca: join(dir, 'ca.crt'),
    crl: join(dir, 'crl.pem'),
    cert: join(dir, 'broker.crt'),
    key: join(dir, 'broker.key'),
    data: join(dir, 'data'),
  };
}

/**
 * One ACL block per identity in force: a board its unit's topics and the hub's presence, the hub
 * all; a shared reception's board also its own organisation's private topics (`<unit>~<org>`), and
 * no other organisation's (docs/shared-reception.md).
 */
export function aclText(manifest: Manifest): string {
  const root = `${TOPIC_ROOT}/${manifest.municipality}`;
  const blocks = activeReplicas(manifest).map((replica) =>
    replica.role === 'hub'
      ? `user ${replica.identity}\ntopic readwrite ${root}/#\n`
      : `user ${replica.identity}\ntopic readwrite ${root}/${replica.unit}/#\n` +
        (replica.organisation ? `topic readwrite ${root}/${privateScope(replica.unit ?? '', replica.organisation)}/#\n` : '') +
        `topic read ${root}/${HUB_SCOPE}/presence/#\n`,
  );
  return `# Written by tavla provision: one block per replica identity (its certificate's CN).\n# Anything not granted here is denied.\n\n${blocks.join('\n')}`;
}

/**
 * The account the broker runs as: started by root, mosquitto drops to the `user` line (`mosquitto`
 * unless the manifest names another); anyone else runs it as themselves.
 */
export function brokerAccount(wanted?: string): { user: string; uid: number; gid: number } {
  const uid = process.getuid?.() ?? 0;
  const gid = process.getgid?.() ?? 0;
  if (uid !== 0) return { user: userName(uid) ?? String(uid), uid, gid };
  const system = passwdEntry(wanted ?? 'mosquitto');
  if (wanted && !system) throw new Error(`no account ${wanted} on this machine for the broker to run as`);
  return system ?? { user: 'root', uid, gid };
}

/** Writes mosquitto.conf, the ACL and the broker's copies of the CA certificate and CRL. */
export function writeBrokerConfig(out: string, manifest: Manifest): void {
  const files = brokerFiles(out);
  const ca = caFiles(resolve(out, 'ca'));
  const account = brokerAccount(manifest.broker.user);
  mkdirSync(files.data, { recursive: true, mode: 0o700 });
  copyFileSync(ca.cert, files.ca);
  copyFileSync(ca.crl, files.crl);
  writeFileSync(files.acl, aclText(manifest), { mode: 0o600 });
  writeFileSync(files.config, configText(manifest, files, account.user), { mode: 0o644 });
  // Private to the broker: its key, its ACL and its store; the certificates and CRL are public.
  // The folder and the configuration stay root's, so the broker's account cannot rewrite its own rules.
  chmodSync(files.dir, 0o755);
  for (const [path, mode] of [[files.key, 0o600], [files.acl, 0o600], [files.data, 0o700], [files.ca, 0o644], [files.crl, 0o644], [files.cert, 0o644]] as const) {
    chmodSync(path, mode);
    if (process.getuid?.() === 0) chownSync(path, account.uid, account.gid);
  }
}

function configText(manifest: Manifest, files: ReturnType<typeof brokerFiles>, user: string): string {
  const { host, port } = manifest.broker;
  return `# Mosquitto 2 for Tavla municipality ${manifest.municipality}, written by tavla provision.
# Start: mosquitto -c ${files.config}
# Paths are absolute: after moving this folder, run tavla provision --out <new folder> again.

per_listener_settings false
allow_anonymous false
acl_file ${files.acl}
user ${user}

persistence true
persistence_location ${files.data}/
autosave_interval 60

# Limits: the protocol's 2 MiB payload plus headers; bounded queues and memory.
max_packet_size ${MAX_PACKET_BYTES}
max_inflight_messages 20
max_queued_messages 1000
max_queued_bytes 67108864
memory_limit 268435456
set_tcp_nodelay true

log_dest stderr
log_type error
log_type warning
log_type notice
connection_messages true

# The only listener: TLS, and a client certificate from this municipality's CA is the identity.
listener ${port} ${host}
protocol mqtt
tls_version tlsv1.2
cafile ${files.ca}
certfile ${files.cert}
keyfile ${files.key}
crlfile ${files.crl}
require_certificate true
use_identity_as_username true
`;
}

function passwdEntry(name: string): { user: string; uid: number; gid: number } | undefined {
  for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
    const [user, , uid, gid] = line.split(':');
    if (user === name && uid && gid) return { user, uid: Number(uid), gid: Number(gid) };
  }
  return undefined;
}

function userName(uid: number): string | undefined {
  for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
    const [user, , id] = line.split(':');
    if (id === String(uid)) return user;
  }
  return undefined;
}
