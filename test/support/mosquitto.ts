/** A real Mosquitto per test, from the installed binary, on a free port with its own config. */

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';

export const MOSQUITTO_BIN = ['/usr/sbin/mosquitto', '/usr/bin/mosquitto'].find((path) => existsSync(path));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Whether something listens on `port` of 127.0.0.1. */
export async function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export class Mosquitto {
  private process: ChildProcess | undefined;
  log = '';

  private constructor(
    readonly port: number,
    private readonly config: string,
  ) {}

  /** Starts a broker with Mosquitto's defaults (queue limits included) on a free port. */
  static async start(dir: string, extraConfig = ''): Promise<Mosquitto> {
    if (!MOSQUITTO_BIN) throw new Error('mosquitto is not installed: run `npm run system-deps`');
    const port = await freePort();
    const config = join(dir, 'mosquitto.conf');
    writeFileSync(config, `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest stderr\nlog_type error\nlog_type warning\n${extraConfig}`);
    const broker = new Mosquitto(port, config);
    await broker.restart();
    return broker;
  }

  /** Starts a broker from a configuration written elsewhere (e.g. `tavla provision`), listening on `port`. */
  static async fromConfig(config: string, port: number): Promise<Mosquitto> {
    if (!MOSQUITTO_BIN) throw new Error('mosquitto is not installed: run `npm run system-deps`');
    const broker = new Mosquitto(port, config);
    await broker.restart();
    return broker;
  }

  get url(): string {
    return `mqtt://127.0.0.1:${this.port}`;
  }

  async restart(): Promise<void> {
    const child = spawn(MOSQUITTO_BIN as string, ['-c', this.config], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    this.process = child;
    const deadline = Date.now() + 10_000;
    while (!(await portOpen(this.port))) {
      if (child.exitCode !== null) throw new Error(`mosquitto exited: ${this.log}`);
      if (Date.now() > deadline) throw new Error(`mosquitto did not listen on ${this.port}: ${this.log}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Sends a signal without waiting for an exit: SIGSTOP freezes the broker, SIGCONT thaws it. */
  signal(signal: NodeJS.Signals): void {
    this.process?.kill(signal);
  }

  /** Stops the broker; SIGKILL by default, as a crash would. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
    this.process = undefined;
  }
}
