/**
 * The link's subscriptions against real in-process brokers (aedes) that refuse a filter in their
 * SUBACK (0x80), as a NATS node does while it cannot create the filter's JetStream consumer: the
 * refused filter is asked for again on the same connection, and a node that keeps refusing is left
 * for the next one in the list.
 */

import { Aedes } from 'aedes';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MqttLink } from '../../../main/sync/mqtt-link.js';
import { waitFor } from '../../support/wait.js';

const FILTERS = ['tavla/v1/testby/solsiden/changes/+', 'tavla/v1/testby/solsiden/presence/+', 'tavla/v1/testby/solsiden/sync/b1'];
const REFUSED = FILTERS[1];

/** An aedes on a free loopback port that refuses `REFUSED` the first `refusals` times it is asked. */
async function refusingBroker(refusals: number) {
  const asked: string[] = [];
  const connections: string[] = [];
  const aedes = await Aedes.createBroker({
    authorizeSubscribe: (_client, subscription, done) => {
      asked.push(subscription.topic);
      const refuse = subscription.topic === REFUSED && asked.filter((t) => t === REFUSED).length <= refusals;
      done(null, refuse ? null : subscription);
    },
  });
  aedes.on('client', (client) => connections.push(client.id));
  const server: Server = createServer(aedes.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`,
    asked,
    connections,
    refusedTimes: () => asked.filter((t) => t === REFUSED).length,
    close: () => new Promise<void>((resolve) => aedes.close(() => server.close(() => resolve()))),
  };
}

describe('the broker link subscribing', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  const open = (url: string) => {
    const events = { connects: 0, disconnects: 0 };
    const link = new MqttLink({
      url,
      clientId: 'tavla-b1',
      will: { topic: 'tavla/v1/testby/solsiden/presence/b1', payload: 'offline' },
      subscriptions: FILTERS,
      onMessage: () => undefined,
      onConnect: () => (events.connects += 1),
      onDisconnect: () => (events.disconnects += 1),
    });
    cleanup.push(() => link.stop());
    return { link, events };
  };

  it('asks again on the same connection for a filter the broker refused, and is connected once every filter is granted', async () => {
    const broker = await refusingBroker(2);
    cleanup.push(broker.close);
    const { link, events } = open(broker.url);
    await waitFor(() => events.connects, (n) => n === 1, { what: 'connected', timeout: 10_000 });
    // Refused twice, granted the third time; the others once each, all on the first connection.
    expect(broker.refusedTimes()).toBe(3);
    expect(broker.asked.filter((t) => t !== REFUSED).sort()).toEqual(FILTERS.filter((t) => t !== REFUSED).sort());
    expect(broker.connections).toEqual(['tavla-b1']);
    expect(events.disconnects).toBe(0);
    expect(link.url).toBe(broker.url);
  });

  it('leaves a node that keeps refusing a filter for the next node of the list', async () => {
    const [stubborn, next] = [await refusingBroker(Number.POSITIVE_INFINITY), await refusingBroker(0)];
    cleanup.push(stubborn.close, next.close);
    const { link, events } = open(`${stubborn.url},${next.url}`);
    await waitFor(() => events.connects, (n) => n === 1, { what: 'connected to the next node', timeout: 20_000 });
    expect(link.url).toBe(next.url);
    // Six tries on the first node (its one connection), then every filter granted on the next.
    expect(stubborn.refusedTimes()).toBe(6);
    expect(stubborn.connections).toEqual(['tavla-b1']);
    expect([...next.asked].sort()).toEqual([...FILTERS].sort());
    // The engine heard "connected" only on the next node; the first node's connection ended once.
    expect(events.disconnects).toBe(1);
  }, 30_000);
});
