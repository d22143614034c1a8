/** The credentials a replica shows the broker, read from the files its configuration names. */

import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import type { BrokerCredentials } from './mqtt-link.js';
import { UsageError, type RoleOptions } from '../config/options.js';

/** Reads the credential files; a missing or unreadable one, or a credential over plain MQTT, is a UsageError naming its key. */
export function loadBrokerCredentials(options: RoleOptions): BrokerCredentials | undefined {
  const { broker, brokerCa, brokerCert, brokerKey, brokerUsername, brokerPassword } = options;
  if (!brokerCa && !brokerCert && !brokerKey && !brokerUsername && !brokerPassword) return undefined;
  if (!broker) throw new UsageError('--broker: broker credentials are given but no broker to use them with');
  // Credentials over plain MQTT would travel in clear: refuse rather than leak them.
  if (!/^(mqtts|wss):\/\//.test(broker)) throw new UsageError(`--broker: credentials need an mqtts:// or wss:// broker, not ${broker}`);
  if (Boolean(brokerCert) !== Boolean(brokerKey)) throw new UsageError(`--${brokerCert ? 'broker-key' : 'broker-cert'}: a client certificate and its key go together`);
  if (Boolean(brokerPassword) && !brokerUsername) throw new UsageError('--broker-username: a broker password needs its username');
  const credentials: BrokerCredentials = {
    ...(brokerCa ? { ca: readPem(brokerCa, 'broker-ca') } : {}),
    ...(brokerCert ? { cert: readPem(brokerCert, 'broker-cert') } : {}),
    ...(brokerKey ? { key: readPem(brokerKey, 'broker-key') } : {}),
    ...(brokerUsername ? { username: brokerUsername } : {}),
    ...(brokerPassword ? { password: brokerPassword } : {}),
  };
  checkTls(credentials);
  return credentials;
}

/** Node's own TLS parses the files now, so a broken one stops the start instead of every connect. */
function checkTls({ ca, cert, key }: BrokerCredentials): void {
  if (ca) {
    try {
      if (!new X509Certificate(ca).ca) throw new Error('it is not a CA certificate (basicConstraints CA:FALSE)');
    } catch (error) {
      throw new UsageError(`--broker-ca: not a usable CA certificate: ${(error as Error).message}`, { cause: error });
    }
  }
  if (cert && key) {
    try {
      createSecureContext({ cert, key });
    } catch (error) {
      throw new UsageError(`--broker-key: does not fit --broker-cert, or either is broken: ${(error as Error).message}`, { cause: error });
    }
  }
}

function readPem(file: string, flag: string): Buffer {
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch (error) {
    throw new UsageError(`--${flag}: cannot read ${file}: ${(error as Error).message}`);
  }
  if (!content.includes('-----BEGIN ')) throw new UsageError(`--${flag}: ${file} is not a PEM file`);
  return content;
}
