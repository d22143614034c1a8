/**
 * A real three-node NATS cluster with JetStream and the MQTT interface, from Debian's nats-server:
 * each node its own configuration file, free client, cluster and MQTT ports, its own store folder
 * and server_name. Started and stopped by the test; a node can be SIGKILLed and started again.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { freePort, portOpen } from './mosquitto.js';

export const NATS_BIN = ['/usr/sbin/nats-server', '/usr/bin/nats-server'].find((path) => existsSync(path));

interface NodePorts {
  client: number;
  cluster: number;
  mqtt: number;
  /** The node's HTTP monitoring port (`/connz`). */
  monitor: number;
}

/** One node of the cluster. */
export class NatsNode {
  private process: ChildProcess | undefined;
  log = '';

  constructor(
    readonly name: string,
    readonly ports: NodePorts,
    private readonly config: string,
  ) {}

  /** The node's MQTT interface. */
  get url(): string {
    return `mqtt://127.0.0.1:${this.ports.mqtt}`;
  }

  /** The MQTT client ids connected to this node now (its monitoring endpoint's `/connz`). */
  async mqttClients(): Promise<string[]> {
    const response = await fetch(`http://127.0.0.1:${this.ports.monitor}/connz?limit=1024`);
    const body = (await response.json()) as { connections?: { mqtt_client?: string }[] };
    return (body.connections ?? []).map((c) => c.mqtt_client ?? '').filter(Boolean);
  }

  get running(): boolean {
    return this.process !== undefined && this.process.exitCode === null;
  }

  async start(): Promise<void> {
    const child = spawn(NATS_BIN as string, ['-c', this.config], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.on('data', (chunk: Buffer) => (this.log = (this.log + chunk.toString()).slice(-20_000)));
    this.process = child;
    const deadline = Date.now() + 15_000;
    while (!(await portOpen(this.ports.mqtt))) {
      if (child.exitCode !== null) throw new Error(`nats-server ${this.name} exited: ${this.log}`);
      if (Date.now() > deadline) throw new Error(`nats-server ${this.name} did not listen on ${this.ports.mqtt}: ${this.log}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Stops the node; SIGKILL by default, as a crash would. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
    this.process = undefined;
  }
}

export class NatsCluster {
  private constructor(readonly nodes: NatsNode[]) {}

  /**
   * Starts `size` nodes in `dir` and waits until an MQTT client can publish and receive through the
   * cluster. A free port is only free when it is picked: another process (or an outgoing connection's
   * local port, from the same ephemeral range) may take it before the node binds it, so a start that
   * fails on "address already in use" is tried again, up to three times, on fresh ports and folders.
   */
  static async start(dir: string, size = 3): Promise<NatsCluster> {
    if (!NATS_BIN) throw new Error('nats-server is not installed: run `npm run system-deps` (Debian package nats-server)');
    for (let attempt = 1; ; attempt += 1) {
      try {
        // A retry's nodes keep their stores and configuration apart from the failed start's.
        return await NatsCluster.startOnce(attempt === 1 ? dir : join(dir, `retry-${attempt}`), size);
      } catch (error) {
        if (attempt >= 3 || !String(error).includes('address already in use')) throw error;
      }
    }
  }

  private static async startOnce(dir: string, size: number): Promise<NatsCluster> {
    const ports: NodePorts[] = [];
    for (let i = 0; i < size; i += 1) ports.push({ client: await freePort(), cluster: await freePort(), mqtt: await freePort(), monitor: await freePort() });
    const nodes = ports.map((own, i) => {
      const name = `n${i + 1}`;
      const store = join(dir, `nats-${name}`);
      mkdirSync(store, { recursive: true });
      const routes = ports.filter((_, j) => j !== i).map((other) => `"nats-route://127.0.0.1:${other.cluster}"`);
      const config = join(dir, `nats-${name}.conf`);
      writeFileSync(
        config,
        [
          `server_name: ${name}`,
          `listen: "127.0.0.1:${own.client}"`,
          // Above Tavla's 2 MiB payload cap (NATS's default is 1 MB): a full page must pass, and a bigger one reach Tavla's own check.
          'max_payload: 4MB',
          `http: "127.0.0.1:${own.monitor}"`,
          `jetstream { store_dir: "${store}" }`,
          `cluster { name: tavla-test, listen: "127.0.0.1:${own.cluster}", routes: [${routes.join(', ')}] }`,
          // Every MQTT stream on all three nodes: any one node may be lost.
          `mqtt { listen: "127.0.0.1:${own.mqtt}", stream_replicas: ${Math.min(size, 3)} }`,
          '',
        ].join('\n'),
      );
      return new NatsNode(name, own, config);
    });
    const cluster = new NatsCluster(nodes);
    try {
      await Promise.all(nodes.map((node) => node.start()));
      await cluster.ready();
    } catch (error) {
      // The caller never gets the cluster to stop: leave no node running behind a failed start.
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  /** Every node's MQTT URL, comma-separated: what `--broker` takes. */
  get urls(): string {
    return this.nodes.map((node) => node.url).join(',');
  }

  /**
   * Waits until JetStream has a leader and a QoS 1 message published on one node reaches a
   * subscriber on another (MQTT connects are refused until the MQTT streams exist).
   */
  async ready(timeoutMs = 45_000): Promise<void> {
    const live = this.nodes.filter((node) => node.running);
    const [from, to] = [live[0], live[live.length - 1]];
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    while (Date.now() < deadline) {
      try {
        await roundTrip(from.url, to.url);
        return;
      } catch (error) {
        last = error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    throw new Error(`NATS cluster not ready: ${String(last)}\n${live.map((node) => node.log.slice(-2000)).join('\n')}`);
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.kill('SIGKILL')));
  }
}

/**
 * An MQTT client connected, or the reason it is not. A NATS node that cannot load the session
 * closes the connection without a CONNACK, and mqtt.js's connectAsync never settles on that.
 */
function connected(url: string): Promise<MqttClient> {
  const client = mqtt.connect(url, { connectTimeout: 3000, reconnectPeriod: 0 });
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      client.end(true);
      reject(error);
    };
    client.once('connect', () => resolve(client));
    client.once('error', fail);
    client.once('close', () => fail(new Error(`${url} closed the connection before its CONNACK`)));
  });
}

async function roundTrip(fromUrl: string, toUrl: string): Promise<void> {
  const receiver = await connected(toUrl);
  const sender = await connected(fromUrl).catch(async (error: unknown) => {
    await receiver.endAsync(true);
    throw error;
  });
  try {
    const topic = `tavla-test/ready/${Date.now()}`;
    const heard = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no message across the cluster')), 3000);
      receiver.on('message', (t) => {
        if (t === topic) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    await receiver.subscribeAsync(topic, { qos: 1 });
    await sender.publishAsync(topic, 'ready', { qos: 1 });
    await heard;
  } finally {
    await Promise.all([sender.endAsync(true), receiver.endAsync(true)]);
  }
}
