/** MQTT clients holding an identity `tavla provision` issued, for tests of the broker's walls. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';

/** The TLS options a replica's provisioned configuration file names. */
export function identity(out: string, name: string): IClientOptions {
  const config = JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8')) as Record<string, string>;
  const file = (key: string) => readFileSync(join(out, config[key]));
  return { ca: file('brokerCa'), cert: file('brokerCert'), key: file('brokerKey') };
}

/** Connects once, no retries: resolves the client, or the error that refused it. */
export function connect(url: string, options: IClientOptions): Promise<MqttClient | Error> {
  return new Promise((resolve) => {
    const client = mqtt.connect(url, { ...options, reconnectPeriod: 0, connectTimeout: 4_000, rejectUnauthorized: true });
    const give = (result: MqttClient | Error) => {
      clearTimeout(timer);
      if (result instanceof Error) client.end(true);
      resolve(result);
    };
    const timer = setTimeout(() => give(new Error('no CONNACK within 5 s')), 5_000);
    client.once('connect', () => give(client));
    client.once('error', (error) => give(error));
    client.once('close', () => give(new Error('closed before CONNACK')));
  });
}

/** Connects, or throws what refused it. */
export async function connected(url: string, options: IClientOptions): Promise<MqttClient> {
  const result = await connect(url, options);
  if (result instanceof Error) throw result;
  return result;
}
