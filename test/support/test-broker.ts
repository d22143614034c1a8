/**
 * The broker a sync suite runs against: a real Mosquitto (the default) or a real three-node NATS
 * cluster with its MQTT interface (`TAVLA_TEST_BROKER=nats`, or a describe block that asks for it).
 */

import { Mosquitto } from './mosquitto.js';
import { NatsCluster } from './nats-cluster.js';

export type BrokerKind = 'mosquitto' | 'nats';

export interface TestBroker {
  readonly kind: BrokerKind;
  /** What a replica's `--broker` gets: one URL, or every node of the cluster. */
  readonly url: string;
  /** One node's URL, for a test's own raw MQTT client. */
  readonly rawUrl: string;
  /** SIGKILLs the broker (every node of a cluster), as a crash would. */
  kill(): Promise<void>;
  /** Starts it again on the same ports and store, and waits until it serves. */
  restart(): Promise<void>;
}

/** The brokers a suite runs against: Mosquitto, and the NATS cluster when `TAVLA_TEST_BROKER` names it. */
export function suiteBrokers(env = process.env.TAVLA_TEST_BROKER): BrokerKind[] {
  return env === 'nats' ? ['nats'] : env === 'both' ? ['mosquitto', 'nats'] : ['mosquitto'];
}

export async function startTestBroker(kind: BrokerKind, dir: string): Promise<TestBroker> {
  if (kind === 'mosquitto') {
    const broker = await Mosquitto.start(dir);
    return { kind, url: broker.url, rawUrl: broker.url, kill: () => broker.kill('SIGKILL'), restart: () => broker.restart() };
  }
  const cluster = await NatsCluster.start(dir);
  return {
    kind,
    url: cluster.urls,
    rawUrl: cluster.nodes[0].url,
    kill: () => cluster.stop(),
    restart: async () => {
      await Promise.all(cluster.nodes.map((node) => node.start()));
      await cluster.ready();
    },
  };
}
