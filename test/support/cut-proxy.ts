/**
 * A TCP hop between one replica and the broker that can be cut like a dead network: while cut,
 * nothing passes either way and new connections hang unanswered (no reset, as a pulled cable);
 * when restored, the stalled connections are dropped and new ones pass again.
 */

import { createServer, connect, type Server, type Socket } from 'node:net';
import { freePort } from './mosquitto.js';

export class CutProxy {
  private cut = false;
  private readonly open = new Set<Socket>();
  private readonly held = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  /** Listens on a free port and forwards to the broker at `target` (its port on 127.0.0.1). */
  static async start(target: number): Promise<CutProxy> {
    const proxy = new CutProxy(createServer(), await freePort());
    proxy.server.on('connection', (client: Socket) => proxy.accept(client, target));
    await new Promise<void>((resolve) => proxy.server.listen(proxy.port, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `mqtt://127.0.0.1:${this.port}`;
  }

  /** Stops every byte, both ways, until restore(). */
  cutOff(): void {
    this.cut = true;
    for (const socket of this.open) {
      socket.pause();
      this.held.add(socket);
    }
  }

  /** The network is back: stalled connections are gone (their peers gave up on them), new ones pass. */
  restore(): void {
    this.cut = false;
    for (const socket of this.held) socket.destroy();
    this.held.clear();
  }

  async close(): Promise<void> {
    for (const socket of this.open) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket, target: number): void {
    this.open.add(client);
    client.once('close', () => this.open.delete(client));
    if (this.cut) {
      client.pause();
      this.held.add(client);
      return;
    }
    const upstream = connect(target, '127.0.0.1');
    this.open.add(upstream);
    upstream.once('close', () => {
      this.open.delete(upstream);
      client.destroy();
    });
    client.once('close', () => upstream.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    // Data is written only while not cut, so a cut holds it back on both sides.
    client.on('data', (chunk) => (this.cut ? undefined : upstream.write(chunk)));
    upstream.on('data', (chunk) => (this.cut ? undefined : client.write(chunk)));
  }
}
