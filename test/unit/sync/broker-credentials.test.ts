import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBrokerCredentials } from '../../../main/sync/broker-credentials.js';
import { parseCommandLine, UsageError } from '../../../main/cli/options.js';
import { tempDir } from '../../support/temp-dir.js';

/** A self-signed certificate and its key, from openssl as provisioning makes them. */
function selfSigned(dir: string, name: string): void {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', `/CN=${name}`, '-days', '1', '-keyout', join(dir, `${name}.key`), '-out', join(dir, `${name}.crt`)], { stdio: 'ignore' });
}

describe('broker credentials from a configuration file', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir('tavla-credentials-');
    const folder = join(dir.path, 'solsiden-1');
    mkdirSync(folder);
    for (const name of ['ca', 'client', 'other']) selfSigned(folder, name);
  });
  afterEach(() => dir.remove());

  const config = (values: Record<string, unknown>) => {
    const file = join(dir.path, 'solsiden-1.json');
    writeFileSync(file, JSON.stringify({ municipality: 'fjordvik', unit: 'solsiden', broker: 'mqtts://mqtt.fjordvik.example:8883', ...values }));
    const parsed = parseCommandLine(['board', '--config', file]);
    if (parsed === 'help') throw new Error('help');
    return parsed.options;
  };
  const files = { brokerCa: 'solsiden-1/ca.crt', brokerCert: 'solsiden-1/client.crt', brokerKey: 'solsiden-1/client.key' };

  it("resolves relative paths against the file's own folder, wherever it is run from", () => {
    const options = config(files);
    expect(options.brokerKey).toBe(join(dir.path, 'solsiden-1', 'client.key'));
    const credentials = loadBrokerCredentials(options);
    expect(credentials?.cert?.toString()).toBe(readFileSync(join(dir.path, 'solsiden-1', 'client.crt'), 'utf8'));
    expect(credentials?.key?.toString()).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it('takes username and password over TLS', () => {
    expect(loadBrokerCredentials(config({ brokerUsername: 'fjordvik-solsiden-1', brokerPassword: 'secret' }))).toEqual({ username: 'fjordvik-solsiden-1', password: 'secret' });
  });

  it.each([
    [{ ...files, brokerKey: 'solsiden-1/missing.key' }, /--broker-key: cannot read .*missing\.key/],
    [{ ...files, brokerCa: 'solsiden-1.json' }, /--broker-ca: .* is not a PEM file/],
    [{ ...files, brokerKey: 'solsiden-1/other.key' }, /--broker-key: does not fit --broker-cert/],
    [{ ...files, brokerCa: 'solsiden-1/client.key' }, /--broker-ca: not a usable CA certificate/],
    [{ brokerCert: files.brokerCert }, /--broker-key: a client certificate and its key go together/],
    [{ ...files, broker: 'mqtt://mqtt.fjordvik.example:1883' }, /--broker: credentials need an mqtts:\/\/ or wss:\/\/ broker/],
    [{ brokerPassword: 'secret' }, /--broker-username: a broker password needs its username/],
  ])('refuses %j with a clear error naming the key', (values, message) => {
    expect(() => loadBrokerCredentials(config(values))).toThrow(UsageError);
    expect(() => loadBrokerCredentials(config(values))).toThrow(message);
  });

  it('refuses a key the schema does not know, as before', () => {
    expect(() => config({ brokerSecret: 'x' })).toThrow(UsageError);
  });

  it('parses the provision command line', () => {
    expect(parseCommandLine(['provision', '--municipality', 'fjordvik', '--units', 'solsiden, fjellro', '--out', 'out', '--boards-per-unit', '2', '--broker-host', 'mqtt.fjordvik.example', '--broker-port', '8883'])).toEqual({
      role: 'provision',
      options: { municipality: 'fjordvik', units: ['solsiden', 'fjellro'], out: 'out', boardsPerUnit: 2, brokerHost: 'mqtt.fjordvik.example', brokerPort: 8883 },
    });
    expect(() => parseCommandLine(['provision', '--units', 'Solsiden,_hub', '--out', 'x'])).toThrow(UsageError);
  });
});
