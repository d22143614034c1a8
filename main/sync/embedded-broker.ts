/** The embedded MQTT broker (aedes) for the demo and for a hub started without --broker. */

import { Aedes } from 'aedes';
import { createServer, type AddressInfo, type Server } from 'node:net';

export interface EmbeddedBroker {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startEmbeddedBroker(port: number, host = '127.0.0.1'): Promise<EmbeddedBroker> {
  const aedes = await Aedes.createBroker();
  const server: Server = createServer(aedes.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `mqtt://${host}:${actual}`,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        // aedes.close ends every client connection; then the listener can close.
        aedes.close(() => server.close(() => resolve()));
      }),
  };
}
