/**
 * The municipality's own certificate authority, kept by `openssl ca` in `<out>/ca/`: it issues the
 * broker's server certificate and one client certificate per replica, and keeps the revocation
 * list the broker checks. Its key never leaves that folder.
 */

import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { openssl } from './openssl.js';

/** Client and server certificates live 825 days, the CA ten years, a CRL a year (docs/security.md). */
const CERT_DAYS = 825;
const CA_DAYS = 3650;
const CRL_DAYS = 365;

const CA_CONFIG = `# openssl ca configuration of a Tavla municipality's CA, written by tavla provision.
[ ca ]
default_ca = tavla_ca

[ tavla_ca ]
dir = .
database = $dir/index.txt
new_certs_dir = $dir/issued
certificate = $dir/ca.crt
private_key = $dir/ca.key
serial = $dir/serial
crlnumber = $dir/crlnumber
default_md = sha256
default_days = ${CERT_DAYS}
default_crl_days = ${CRL_DAYS}
policy = policy_cn
unique_subject = no
copy_extensions = none
email_in_dn = no

[ policy_cn ]
organizationName = optional
commonName = supplied

[ req ]
distinguished_name = req_dn
prompt = no

[ req_dn ]
CN = unused

[ ca_ext ]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash

[ client_cert ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;

/** Where the CA keeps its files. */
export function caFiles(caDir: string) {
  return { config: join(caDir, 'ca.cnf'), key: join(caDir, 'ca.key'), cert: join(caDir, 'ca.crt'), crl: join(caDir, 'crl.pem') };
}

/** Creates the CA once; a CA that exists is kept, so every identity it issued stays valid. */
export async function ensureCa(caDir: string, municipality: string): Promise<void> {
  const files = caFiles(caDir);
  if (existsSync(files.cert)) return;
  mkdirSync(join(caDir, 'issued'), { recursive: true, mode: 0o700 });
  writeFileSync(files.config, CA_CONFIG);
  writeFileSync(join(caDir, 'index.txt'), '');
  writeFileSync(join(caDir, 'crlnumber'), '1000\n');
  writeFileSync(join(caDir, 'serial'), (await openssl(['rand', '-hex', '16'], caDir)).trim() + '\n');
  await newKey(files.key, caDir);
  await openssl(
    ['req', '-config', files.config, '-new', '-x509', '-key', files.key, '-subj', `/O=Tavla ${municipality}/CN=Tavla ${municipality} CA`, '-days', String(CA_DAYS), '-sha256', '-extensions', 'ca_ext', '-out', files.cert],
    caDir,
  );
  await writeCrl(caDir);
}

/** What one certificate is for: a replica's client identity, or the broker's server name. */
export type CertificateUse = { kind: 'client' } | { kind: 'server'; host: string };

/** Issues a fresh P-256 key (mode 600) and a certificate for `identity` (its CN), signed by the CA. */
export async function issueCertificate(caDir: string, identity: string, use: CertificateUse, keyFile: string, certFile: string): Promise<void> {
  const files = caFiles(caDir);
  const request = `${certFile}.csr`;
  await newKey(keyFile, caDir);
  try {
    await openssl(['req', '-config', files.config, '-new', '-key', keyFile, '-subj', `/CN=${identity}`, '-out', request], caDir);
    const extensions = use.kind === 'server' ? serverExtensions(caDir, use.host) : ['-extensions', 'client_cert'];
    await openssl(['ca', '-batch', '-config', files.config, '-notext', '-in', request, '-out', certFile, ...extensions], caDir);
  } finally {
    rmSync(request, { force: true });
    rmSync(join(caDir, 'server.ext'), { force: true });
  }
}

/**
 * Revokes every certificate in force issued to `identity` (its CN), from the CA's own copies, so it
 * works after the replica's folder went to its board; writes the new CRL. Returns how many.
 */
export async function revokeIdentity(caDir: string, identity: string): Promise<number> {
  const config = caFiles(caDir).config;
  const serials = validSerials(caDir, identity);
  for (const serial of serials) await openssl(['ca', '-config', config, '-revoke', join(caDir, 'issued', `${serial}.pem`)], caDir);
  await writeCrl(caDir);
  return serials.length;
}

/** Serials of the certificates in force for a CN, read from openssl ca's index (status V). */
function validSerials(caDir: string, identity: string): string[] {
  return readFileSync(join(caDir, 'index.txt'), 'utf8')
    .split('\n')
    .map((line) => line.split('\t'))
    .filter((fields) => fields[0] === 'V' && fields[5]?.endsWith(`/CN=${identity}`))
    .map((fields) => fields[3] as string);
}

/** Writes the CRL afresh (valid CRL_DAYS): every provision run renews it, so it never goes stale. */
export async function writeCrl(caDir: string): Promise<void> {
  const files = caFiles(caDir);
  await openssl(['ca', '-config', files.config, '-gencrl', '-out', files.crl], caDir);
}

/** The broker's certificate names the host replicas dial, so hostname checking passes. */
function serverExtensions(caDir: string, host: string): string[] {
  const name = isIP(host) ? `IP:${host}` : `DNS:${host}`;
  const file = join(caDir, 'server.ext');
  writeFileSync(
    file,
    `[ server_cert ]\nbasicConstraints = critical, CA:FALSE\nkeyUsage = critical, digitalSignature, keyEncipherment\nextendedKeyUsage = serverAuth\nsubjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid\nsubjectAltName = ${name}\n`,
  );
  return ['-extfile', file, '-extensions', 'server_cert'];
}

/** A private key is created empty with mode 600 first, so it is never readable by others, not even briefly. */
async function newKey(keyFile: string, cwd: string): Promise<void> {
  rmSync(keyFile, { force: true });
  writeFileSync(keyFile, '', { mode: 0o600 });
  chmodSync(keyFile, 0o600); // the umask may have narrowed it further, never widened; be exact
  await openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', keyFile], cwd);
}
