/**
 * The shared reception's wall at the broker (issue 17, point 6), through a real Mosquitto started
 * from what `tavla provision --organisations` wrote: a board of one organisation cannot read or
 * write the other's private topics (`<unit>~<organisation>`), while it shares the unit's topics
 * with it, and the hub reads both. Mosquitto 2 grants the SUBACK and checks the ACL on every
 * delivery, so non-delivery, proven against an authorised subscriber's marker, is the proof.
 */

import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort, Mosquitto } from '../support/mosquitto.js';
import { connected, identity } from '../support/mqtt-identity.js';
import { REPO } from '../support/tavla-process.js';
import { tempDir } from '../support/temp-dir.js';
import { waitFor } from '../support/wait.js';

const M = 'fjordvik';
const CLI = join(REPO, 'bin', 'tavla.js');
const TOPIC = (scope: string, rest: string) => `tavla/v1/${M}/${scope}/${rest}`;

describe("the provisioned broker of a shared reception", () => {
  let dir: ReturnType<typeof tempDir>;
  let out: string;
  let broker: Mosquitto;
  let url: string;
  const clients: MqttClient[] = [];

  beforeAll(async () => {
    dir = tempDir('tavla-reception-broker-');
    chmodSync(dir.path, 0o711);
    out = join(dir.path, 'fjordvik');
    const port = await freePort();
    const run = spawnSync(
      process.execPath,
      [CLI, 'provision', '--municipality', M, '--units', 'solsiden,mottak', '--organisations', 'mottak:legevakt+sykehus', '--out', out, '--broker-host', '127.0.0.1', '--broker-port', String(port)],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    broker = await Mosquitto.fromConfig(join(out, 'broker', 'mosquitto.conf'), port);
    url = `mqtts://127.0.0.1:${port}`;
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.endAsync(true)));
  });
  afterAll(async () => {
    await broker?.kill();
    dir?.remove();
  });

  const client = async (name: string, seen: string[]) => {
    const c = await connected(url, identity(out, name));
    c.on('message', (topic, payload) => seen.push(`${topic} ${payload.toString()}`));
    clients.push(c);
    return c;
  };

  it('issues one identity per organisation and board, each configured for its organisation, with an ACL line for its own private topics only', () => {
    const acl = readFileSync(join(out, 'broker', 'acl'), 'utf8');
    expect(acl).toContain(`user ${M}-mottak-legevakt-1\ntopic readwrite tavla/v1/${M}/mottak/#\ntopic readwrite tavla/v1/${M}/mottak~legevakt/#\ntopic read tavla/v1/${M}/_hub/presence/#\n`);
    expect(acl).toContain(`user ${M}-mottak-sykehus-1\ntopic readwrite tavla/v1/${M}/mottak/#\ntopic readwrite tavla/v1/${M}/mottak~sykehus/#\n`);
    expect(acl).not.toMatch(/mottak-legevakt-1\n[^\n]*\n[^\n]*mottak~sykehus/);
    expect(acl).toContain(`user ${M}-solsiden-1\ntopic readwrite tavla/v1/${M}/solsiden/#\ntopic read`);
    const config = JSON.parse(readFileSync(join(out, 'mottak-sykehus-1.json'), 'utf8')) as Record<string, string>;
    expect(config).toMatchObject({ municipality: M, unit: 'mottak', organisation: 'sykehus' });
  });

  it("keeps legevakt's identity out of sykehus' private topics both ways, while both share the unit's topics and the hub reads both", async () => {
    const seenByLegevakt: string[] = [];
    const seenBySykehus: string[] = [];
    const seenByHub: string[] = [];
    const legevakt = await client('mottak-legevakt-1', seenByLegevakt);
    const sykehus = await client('mottak-sykehus-1', seenBySykehus);
    const hub = await client('hub', seenByHub);
    await sykehus.subscribeAsync([TOPIC('mottak~sykehus', '#'), TOPIC('mottak', '#')], { qos: 1 });
    await hub.subscribeAsync(`tavla/v1/${M}/#`, { qos: 1 });
    // Legevakt tries to read sykehus' private topics, by name and by wildcard.
    await legevakt.subscribeAsync([TOPIC('mottak~sykehus', '#'), TOPIC('+', 'changes/+'), `tavla/v1/${M}/#`], { qos: 1 });
    await legevakt.subscribeAsync(TOPIC('mottak~legevakt', '#'), { qos: 1 });

    await sykehus.publishAsync(TOPIC('mottak~sykehus', 'changes/s1'), 'private of sykehus', { qos: 1 });
    await legevakt.publishAsync(TOPIC('mottak~sykehus', 'changes/forged'), 'forged by legevakt', { qos: 1 });
    await legevakt.publishAsync(TOPIC('mottak~sykehus', 'sync/s1'), 'forged request by legevakt', { qos: 1 });
    await legevakt.publishAsync(TOPIC('mottak~legevakt', 'changes/l1'), 'private of legevakt', { qos: 1 });
    await legevakt.publishAsync(TOPIC('mottak', 'changes/l1'), 'shared by legevakt', { qos: 1 });
    await sykehus.publishAsync(TOPIC('mottak~legevakt', 'changes/forged'), 'forged by sykehus', { qos: 1 });
    await sykehus.publishAsync(TOPIC('mottak~sykehus', 'changes/s1'), 'marker', { qos: 1 });

    await waitFor(() => seenBySykehus, (seen) => seen.some((line) => line.endsWith('marker')), { what: "sykehus' marker" });
    await waitFor(() => seenByHub, (seen) => seen.some((line) => line.endsWith('marker')), { what: 'the marker on the hub' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seenBySykehus).toEqual([
      `${TOPIC('mottak~sykehus', 'changes/s1')} private of sykehus`,
      `${TOPIC('mottak', 'changes/l1')} shared by legevakt`,
      `${TOPIC('mottak~sykehus', 'changes/s1')} marker`,
    ]);
    // Legevakt got its own private message and the shared one, never sykehus' (nor its own forgeries).
    expect(seenByLegevakt.filter((line) => line.includes('sykehus'))).toEqual([]);
    expect(seenByLegevakt).toEqual(expect.arrayContaining([`${TOPIC('mottak~legevakt', 'changes/l1')} private of legevakt`]));
    expect(seenByHub.filter((line) => line.includes('forged'))).toEqual([]);
    expect(seenByHub).toEqual(expect.arrayContaining([`${TOPIC('mottak~sykehus', 'changes/s1')} private of sykehus`, `${TOPIC('mottak~legevakt', 'changes/l1')} private of legevakt`]));
  });
});
