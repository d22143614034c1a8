/**
 * The embedded aedes serving a provisioned folder (the demo without Mosquitto): the same walls as
 * Mosquitto — TLS only, certificates from the CA and not revoked, each board inside its unit.
 */

import { cpSync } from 'node:fs';
import { join } from 'node:path';
import type { MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { brokerFiles } from '../../main/provision/broker-config.js';
import { provision, revoke } from '../../main/provision/provision.js';
import { startEmbeddedBroker, type EmbeddedBroker } from '../../main/sync/embedded-broker.js';
import { tempDir } from '../support/temp-dir.js';
import { connect, connected, identity } from '../support/mqtt-identity.js';
import { waitFor } from '../support/wait.js';

const M = 'fjordvik';
const TOPIC = (unit: string, rest: string) => `tavla/v1/${M}/${unit}/${rest}`;

describe('the embedded broker, secured from a provisioned folder', () => {
  let dir: ReturnType<typeof tempDir>;
  let out: string;
  let broker: EmbeddedBroker;
  const clients: MqttClient[] = [];

  beforeAll(async () => {
    dir = tempDir('tavla-aedes-');
    out = join(dir.path, 'fjordvik');
    await provision({ out, municipality: M, units: ['solsiden', 'fjellro'], boardsPerUnit: 2 });
    // A stolen board's folder, kept before its identity is revoked.
    cpSync(join(out, 'solsiden-2'), join(dir.path, 'stolen', 'solsiden-2'), { recursive: true });
    cpSync(join(out, 'solsiden-2.json'), join(dir.path, 'stolen', 'solsiden-2.json'));
    await revoke(out, 'solsiden-2');
    broker = await startEmbeddedBroker(0, '127.0.0.1', brokerFiles(out));
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.endAsync(true)));
  });
  afterAll(async () => {
    await broker?.close();
    dir?.remove();
  });

  const client = async (name: string, from = out) => {
    const c = await connected(broker.url, identity(from, name));
    clients.push(c);
    return c;
  };

  it('speaks TLS only and refuses clients without a certificate, from another CA, or revoked', async () => {
    expect(broker.url).toMatch(/^mqtts:\/\/127\.0\.0\.1:\d+$/);
    expect(await connect(broker.url.replace('mqtts', 'mqtt'), {})).toBeInstanceOf(Error);
    expect(await connect(broker.url, { ca: identity(out, 'hub').ca })).toBeInstanceOf(Error);
    const other = join(dir.path, 'other');
    await provision({ out: other, municipality: M, units: ['solsiden'], boardsPerUnit: 1 });
    expect(await connect(broker.url, { ...identity(other, 'hub'), ca: identity(out, 'hub').ca })).toBeInstanceOf(Error);
    expect(await connect(broker.url, identity(join(dir.path, 'stolen'), 'solsiden-2'))).toBeInstanceOf(Error);
    expect((await client('hub')).connected).toBe(true);
  });

  it("keeps a unit's identity out of another unit's topics, proven by an authorised subscriber", async () => {
    const [b, b2, a] = [await client('fjellro-1'), await client('fjellro-2'), await client('solsiden-1')];
    const seenByB: string[] = [];
    b.on('message', (topic, payload) => seenByB.push(`${topic} ${payload.toString()}`));
    await b.subscribeAsync(TOPIC('fjellro', '#'), { qos: 1 });
    // aedes answers a forbidden subscription with 128 (failure), which mqtt.js reports as an error.
    await expect(a.subscribeAsync(TOPIC('fjellro', '#'), { qos: 1 })).rejects.toThrow(/Subscribe error/);
    expect((await a.subscribeAsync(`tavla/v1/${M}/_hub/presence/+`, { qos: 1 })).map((grant) => grant.qos)).toEqual([1]);
    // A forged publish gets its sender disconnected and reaches nobody.
    const closed = new Promise<void>((resolve) => a.once('close', () => resolve()));
    a.publish(TOPIC('fjellro', 'changes/forged'), 'forged by solsiden', { qos: 1 });
    await closed;
    await b2.publishAsync(TOPIC('fjellro', 'changes/b2'), 'marker', { qos: 1 });
    await waitFor(() => seenByB, (seen) => seen.some((line) => line.endsWith('marker')), { what: "B's marker" });
    expect(seenByB).toEqual([`${TOPIC('fjellro', 'changes/b2')} marker`]);
  });
});
