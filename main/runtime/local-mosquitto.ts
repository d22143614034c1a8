/** A Mosquitto child process started from a configuration file, for the demo's provisioned broker. */

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';

/** Debian's Mosquitto, if installed. */
export const MOSQUITTO = ['/usr/sbin/mosquitto', '/usr/bin/mosquitto'].find((path) => existsSync(path));

/** A running broker: stop it with `close`. */
export interface LocalMosquitto {
  close(): Promise<void>;
}

/** Starts `mosquitto -c <config>` and resolves once it accepts connections on `port`. */
export async function startMosquitto(config: string, host: string, port: number): Promise<LocalMosquitto> {
  if (!MOSQUITTO) throw new Error('mosquitto is not installed (Debian: apt-get install mosquitto)');
  const child: ChildProcess = spawn(MOSQUITTO, ['-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  // Kept short: the broker's own log is for its failures at start; the demo shows nothing of it later.
  child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const deadline = Date.now() + 5_000;
  while (!(await accepts(host, port))) {
    if (child.exitCode !== null) throw new Error(`mosquitto exited (${child.exitCode}): ${log.trim()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`mosquitto did not listen on ${host}:${port} within 5 s: ${log.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return {
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
