/**
 * The demo's broker: the demo provisions its municipality into its data folder and runs that
 * Mosquitto, so its boards and hub use the same TLS identities and ACL as a secured municipality.
 * Without Mosquitto installed, the embedded aedes serves the same folder with the same walls.
 */

import { createServer } from 'node:net';
import { join } from 'node:path';
import type { BrokerEndpoint } from '../board/board-assembly.js';
import { parseOptions, readConfigFile } from '../config/options.js';
import { loadBrokerCredentials } from '../sync/broker-credentials.js';
import { brokerFiles } from '../provision/broker-config.js';
import { provision } from '../provision/provision.js';
import { replicaFiles } from '../provision/replica-config.js';
import { startEmbeddedBroker } from '../sync/embedded-broker.js';
import { MOSQUITTO, startMosquitto } from './local-mosquitto.js';

/** The demo's provisioned broker and the identity of each of its replicas. */
export interface DemoBroker {
  hub: BrokerEndpoint;
  /** A board's identity; a shared reception's per organisation. */
  board(unit: string, organisation?: string): BrokerEndpoint;
  /** One line for the demo to print: which broker, and what it enforces. */
  description: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

/** Provisions `<root>/provision` (kept across runs) and starts its broker: Mosquitto, else aedes. */
export async function startDemoBroker(
  root: string,
  municipality: string,
  units: readonly string[],
  organisations?: Readonly<Record<string, readonly string[]>>,
): Promise<DemoBroker> {
  const out = join(root, 'provision');
  const port = await freeLoopbackPort();
  // The demo's broker runs as the demo's own user: a root demo needs no mosquitto account's access to its folder.
  const { manifest } = await provision({ out, municipality, units, organisations, boardsPerUnit: 1, brokerHost: HOST, brokerPort: port, brokerUser: currentUser() });
  const files = brokerFiles(out);
  const running = MOSQUITTO ? await startMosquitto(files.config, HOST, port) : await startEmbeddedBroker(port, HOST, files);
  const endpoint = (name: string): BrokerEndpoint => {
    const options = parseOptions(readConfigFile(replicaFiles(out, { name }).config));
    if (!options.broker) throw new Error(`${name}.json holds no broker`);
    return { url: options.broker, credentials: loadBrokerCredentials(options) };
  };
  return {
    hub: endpoint('hub'),
    board: (unit, organisation) => endpoint(organisation ? `${unit}-${organisation}-1` : `${unit}-1`),
    description: `Broker: ${MOSQUITTO ? `Mosquitto (${MOSQUITTO})` : 'the embedded aedes (Mosquitto is not installed)'} on mqtts://${HOST}:${port}, provisioned in ${out}: TLS, one certificate per replica, each board only its unit's topics (${manifest.replicas.length} identities)`,
    close: () => running.close(),
  };
}

function currentUser(): string | undefined {
  return process.getuid?.() === 0 ? 'root' : undefined;
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
