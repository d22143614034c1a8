/**
 * The broker wall, through a real Mosquitto started from what `tavla provision` wrote: who may
 * connect, what each identity may read and write, revocation, what a refused replica reports, and
 * boards of two units and the hub converging over TLS through a broker SIGKILL.
 */

import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';
import { freePort, Mosquitto } from '../support/mosquitto.js';
import { connect, connected, identity } from '../support/mqtt-identity.js';
import { REPO, storedFields, TavlaProcess } from '../support/tavla-process.js';
import { waitFor } from '../support/wait.js';

const M = 'fjordvik';
const CLI = join(REPO, 'bin', 'tavla.js');
const UNIT = { name: 'Solsiden', kind: 'nursing-home', beds: [{ label: '101' }, { label: '102' }] };
const TOPIC = (unit: string, rest: string) => `tavla/v1/${M}/${unit}/${rest}`;

function tavla(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
}

describe('the provisioned broker', () => {
  let dir: ReturnType<typeof tempDir>;
  let out: string;
  let port: number;
  let broker: Mosquitto;
  let url: string;
  const clients: MqttClient[] = [];
  const running: TavlaProcess[] = [];

  beforeAll(async () => {
    dir = tempDir('tavla-broker-');
    // The broker drops root for the mosquitto account, which must pass through to the folder.
    chmodSync(dir.path, 0o711);
    out = join(dir.path, 'fjordvik');
    port = await freePort();
    const run = tavla('provision', '--municipality', M, '--units', 'solsiden,fjellro,tildeling', '--boards-per-unit', '2', '--out', out, '--broker-host', '127.0.0.1', '--broker-port', String(port));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    broker = await Mosquitto.fromConfig(join(out, 'broker', 'mosquitto.conf'), port);
    url = `mqtts://127.0.0.1:${port}`;
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.endAsync(true)));
    await Promise.all(running.splice(0).map((p) => p.stop('SIGKILL')));
  });
  afterAll(async () => {
    await broker?.kill();
    dir?.remove();
  });

  const client = async (name: string) => {
    const c = await connected(url, identity(out, name));
    clients.push(c);
    return c;
  };

  it('is written as the issue asks: TLS only, no anonymous access, certificate identities, an ACL, limits, private keys', () => {
    const conf = readFileSync(join(out, 'broker', 'mosquitto.conf'), 'utf8');
    expect(conf).toMatch(new RegExp(`^listener ${port} 127\\.0\\.0\\.1$`, 'm'));
    expect(conf.match(/^listener /gm)).toHaveLength(1);
    for (const line of ['allow_anonymous false', 'require_certificate true', 'use_identity_as_username true', 'per_listener_settings false']) {
      expect(conf).toMatch(new RegExp(`^${line}$`, 'm'));
    }
    for (const key of ['cafile', 'certfile', 'keyfile', 'crlfile', 'acl_file', 'max_packet_size', 'max_queued_messages', 'memory_limit']) {
      expect(conf).toMatch(new RegExp(`^${key} \\S+$`, 'm'));
    }
    const acl = readFileSync(join(out, 'broker', 'acl'), 'utf8');
    expect(acl).toContain(`user ${M}-solsiden-1\ntopic readwrite tavla/v1/${M}/solsiden/#\ntopic read tavla/v1/${M}/_hub/presence/#\n`);
    expect(acl).toContain(`user ${M}-hub\ntopic readwrite tavla/v1/${M}/#\n`);
    for (const key of ['ca/ca.key', 'ca/pseudonym.key', 'broker/broker.key', 'broker/acl', 'hub/client.key', 'hub/pseudonym.key', 'solsiden-1/client.key', 'solsiden-1/pseudonym.key']) {
      expect((statSync(join(out, key)).mode & 0o777).toString(8), key).toBe('600');
    }
    if (process.getuid?.() === 0) {
      // Root starts the broker, which then runs as mosquitto: its key is that account's alone.
      const mosquittoUid = Number(spawnSync('id', ['-u', 'mosquitto'], { encoding: 'utf8' }).stdout.trim());
      expect(statSync(join(out, 'broker', 'broker.key')).uid).toBe(mosquittoUid);
      expect(statSync(join(out, 'ca', 'ca.key')).uid).toBe(0);
    }
    const board = JSON.parse(readFileSync(join(out, 'solsiden-2.json'), 'utf8')) as Record<string, string>;
    expect(board).toEqual({ municipality: M, unit: 'solsiden', broker: url, brokerCa: 'solsiden-2/ca.crt', brokerCert: 'solsiden-2/client.crt', brokerKey: 'solsiden-2/client.key', pseudonymKey: 'solsiden-2/pseudonym.key' });
    expect(JSON.parse(readFileSync(join(out, 'hub.json'), 'utf8'))).not.toHaveProperty('unit');
  });

  it('refuses anonymous clients: plain MQTT, and TLS without a client certificate', async () => {
    const plain = await connect(`mqtt://127.0.0.1:${port}`, {});
    expect(plain).toBeInstanceOf(Error);
    const noCertificate = await connect(url, { ca: identity(out, 'hub').ca });
    expect(noCertificate).toBeInstanceOf(Error);
  });

  it('refuses a client certificate from another CA', async () => {
    const other = join(dir.path, 'other');
    expect(tavla('provision', '--municipality', M, '--units', 'solsiden', '--out', other, '--broker-port', String(port)).status).toBe(0);
    const forged = await connect(url, { ...identity(other, 'hub'), ca: identity(out, 'hub').ca });
    expect(forged).toBeInstanceOf(Error);
    expect((await client('hub')).connected).toBe(true);
  });

  it("keeps a unit's identity out of another unit's topics, both ways, proven by an authorised subscriber", async () => {
    const [a, b, b2] = [await client('solsiden-1'), await client('fjellro-1'), await client('fjellro-2')];
    const seenByB: string[] = [];
    const seenByA: string[] = [];
    b.on('message', (topic, payload) => seenByB.push(`${topic} ${payload.toString()}`));
    a.on('message', (topic, payload) => seenByA.push(`${topic} ${payload.toString()}`));
    await b.subscribeAsync(TOPIC('fjellro', '#'), { qos: 1 });
    // Mosquitto 2.0 grants the SUBACK and checks the ACL on each delivery: non-delivery is the proof.
    await a.subscribeAsync([TOPIC('fjellro', '#'), `tavla/v1/${M}/#`], { qos: 1 });
    await a.subscribeAsync(TOPIC('solsiden', '#'), { qos: 1 });
    // A forged change and a forged hub presence from unit A, then a marker from an authorised B.
    await a.publishAsync(TOPIC('fjellro', 'changes/forged'), 'forged by solsiden', { qos: 1 });
    await a.publishAsync(`tavla/v1/${M}/_hub/presence/forged`, 'forged hub', { qos: 1 });
    await b2.publishAsync(TOPIC('fjellro', 'changes/b2'), 'marker', { qos: 1 });
    await b2.publishAsync(TOPIC('solsiden', 'changes/b2'), 'forged by fjellro', { qos: 1 });
    await a.publishAsync(TOPIC('solsiden', 'changes/a'), 'own unit', { qos: 1 });
    await waitFor(() => seenByB, (seen) => seen.some((line) => line.endsWith('marker')), { what: "B's marker" });
    await waitFor(() => seenByA, (seen) => seen.some((line) => line.endsWith('own unit')), { what: "A's own message" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seenByB).toEqual([`${TOPIC('fjellro', 'changes/b2')} marker`]);
    expect(seenByA).toEqual([`${TOPIC('solsiden', 'changes/a')} own unit`]);
  });

  it('says why in /healthz when refused: a certificate the broker does not know, a host the certificate does not name, no broker; without a reconnect storm', async () => {
    const other = join(dir.path, 'other-ca');
    expect(tavla('provision', '--municipality', M, '--units', 'solsiden', '--out', other, '--broker-port', String(port)).status).toBe(0);
    const foreign = JSON.parse(readFileSync(join(other, 'solsiden-1.json'), 'utf8')) as Record<string, string>;
    writeFileSync(join(other, 'solsiden-1.json'), JSON.stringify({ ...foreign, broker: url }));
    const mine = JSON.parse(readFileSync(join(out, 'solsiden-2.json'), 'utf8')) as Record<string, string>;
    writeFileSync(join(out, 'by-name.json'), JSON.stringify({ ...mine, broker: `mqtts://localhost:${port}` }));
    writeFileSync(join(out, 'nowhere.json'), JSON.stringify({ ...mine, broker: `mqtts://127.0.0.1:${await freePort()}` }));

    const logBefore = broker.log.length;
    const start = (name: string, config: string) =>
      TavlaProcess.start({ role: 'board', municipality: M, unit: 'solsiden', data: join(dir.path, name), config }).then((p) => (running.push(p), p));
    const [wrongCa, wrongHost, unreachable] = await Promise.all([start('wrong-ca', join(other, 'solsiden-1.json')), start('by-name', join(out, 'by-name.json')), start('nowhere', join(out, 'nowhere.json'))]);
    const refused = (p: TavlaProcess) => waitFor(() => p.health(), (h) => h.broker === 'refused', { what: `${p.options.data} refused` });
    expect(await refused(wrongCa)).toMatchObject({ broker: 'refused', brokerReason: 'certificate' });
    expect(await refused(wrongHost)).toMatchObject({ broker: 'refused', brokerReason: 'certificate' });
    expect(await refused(unreachable)).toMatchObject({ broker: 'refused', brokerReason: 'unreachable' });
    const started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 9_000));
    // Two refused boards dialling this broker for ~9 s: a first try and a retry every 5 s or more.
    const attempts = broker.log.slice(logBefore).match(/New connection from/g)?.length ?? 0;
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(attempts).toBeLessThanOrEqual(2 * Math.ceil((Date.now() - started) / 2_500) + 2);
    // Logged once per change of reason, not once per attempt.
    expect(wrongCa.output.match(/broker connection refused: certificate/g)).toHaveLength(1);
  }, 40_000);

  it('says not-authorised in /healthz when the broker refuses the identity at CONNACK', async () => {
    const closedPort = await freePort();
    const config = join(dir.path, 'no-anonymous.conf');
    writeFileSync(config, `listener ${closedPort} 127.0.0.1\nallow_anonymous false\npersistence false\nlog_dest stderr\n`);
    const strict = await Mosquitto.fromConfig(config, closedPort);
    try {
      const board = await TavlaProcess.start({ role: 'board', municipality: M, unit: 'solsiden', data: join(dir.path, 'anonymous'), broker: strict.url });
      running.push(board);
      const health = await waitFor(() => board.health(), (h) => h.broker === 'refused', { what: 'refused at CONNACK' });
      expect(health).toMatchObject({ broker: 'refused', brokerReason: 'not-authorised' });
    } finally {
      await strict.kill();
    }
  });

  it('adds units and boards on a second run and keeps every identity issued before', async () => {
    const before = readFileSync(join(out, 'solsiden-1', 'client.crt'), 'utf8');
    const run = tavla('provision', '--municipality', M, '--units', 'solsiden,hjemme-nord', '--boards-per-unit', '3', '--out', out);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/issued: solsiden-3, hjemme-nord-1, hjemme-nord-2, hjemme-nord-3/);
    expect(readFileSync(join(out, 'solsiden-1', 'client.crt'), 'utf8')).toBe(before);
    expect(readFileSync(join(out, 'broker', 'acl'), 'utf8')).toContain(`user ${M}-fjellro-2\n`);
    await broker.kill('SIGTERM');
    await broker.restart();
    expect((await client('solsiden-1')).connected).toBe(true);
    expect((await client('hjemme-nord-3')).connected).toBe(true);
    expect(tavla('provision', '--municipality', 'another', '--units', 'x', '--out', out).status).toBe(1);
    // A bare re-run (the monthly cron job) renews the CRL and keeps everything else.
    const crl = readFileSync(join(out, 'broker', 'crl.pem'), 'utf8');
    expect(tavla('provision', '--out', out).status).toBe(0);
    expect(readFileSync(join(out, 'broker', 'crl.pem'), 'utf8')).not.toBe(crl);
    expect(readFileSync(join(out, 'solsiden-1', 'client.crt'), 'utf8')).toBe(before);
  });

  it('refuses a revoked identity once the broker restarts, and only that one', async () => {
    const copy = join(dir.path, 'stolen');
    cpSync(join(out, 'tildeling-2'), join(copy, 'tildeling-2'), { recursive: true });
    cpSync(join(out, 'tildeling-2.json'), join(copy, 'tildeling-2.json'));
    const run = tavla('provision', '--out', out, '--revoke', 'tildeling-2');
    expect(run.status).toBe(0);
    expect(readFileSync(join(out, 'broker', 'acl'), 'utf8')).not.toContain(`${M}-tildeling-2`);
    await broker.kill('SIGTERM');
    await broker.restart();
    expect(await connect(url, identity(copy, 'tildeling-2'))).toBeInstanceOf(Error);
    expect((await client('tildeling-1')).connected).toBe(true);
    expect(tavla('provision', '--out', out, '--revoke', 'tildeling-2').status).toBe(1);
  });

  it('renews an identity: a new key and certificate under the same name, the old one refused', async () => {
    const old = join(dir.path, 'old');
    cpSync(join(out, 'tildeling-1'), join(old, 'tildeling-1'), { recursive: true });
    cpSync(join(out, 'tildeling-1.json'), join(old, 'tildeling-1.json'));
    const run = tavla('provision', '--out', out, '--renew', `${M}-tildeling-1`);
    expect(run.status).toBe(0);
    expect(readFileSync(join(out, 'tildeling-1', 'client.key'), 'utf8')).not.toBe(readFileSync(join(old, 'tildeling-1', 'client.key'), 'utf8'));
    await broker.kill('SIGTERM');
    await broker.restart();
    expect(await connect(url, identity(old, 'tildeling-1'))).toBeInstanceOf(Error);
    expect((await client('tildeling-1')).connected).toBe(true);
  });

  it('converges boards of two units and the hub over TLS through a broker SIGKILL and restart', async () => {
    const start = (role: 'board' | 'hub', name: string, unit?: string) =>
      TavlaProcess.start({ role, municipality: M, unit, data: join(dir.path, `run-${name}`), config: join(out, `${name}.json`) }).then((p) => (running.push(p), p));
    const hub = await start('hub', 'hub');
    const [a1, a2, b1] = [await start('board', 'solsiden-1', 'solsiden'), await start('board', 'solsiden-2', 'solsiden'), await start('board', 'fjellro-1', 'fjellro')];
    const drained = (p: TavlaProcess) => waitFor(() => p.health(), (h) => h.broker === 'connected' && h.outbox === 0, { what: `${p.options.data} drained`, timeout: 30_000 });
    await Promise.all([hub, a1, a2, b1].map(drained));
    await a1.id('unit.configure', UNIT);
    await b1.id('unit.configure', { ...UNIT, name: 'Fjellro' });
    const acknowledged = { solsiden: [] as string[], fjellro: [] as string[] };
    const edit = async (p: TavlaProcess, unit: 'solsiden' | 'fjellro', n: number) => {
      for (let i = 0; i < n; i += 1) acknowledged[unit].push(await p.id('task.create', { title: `Oppgave ${i}` }));
    };
    const editing = Promise.all([edit(a1, 'solsiden', 60), edit(a2, 'solsiden', 60), edit(b1, 'fjellro', 60)]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await broker.kill('SIGKILL');
    await waitFor(() => a1.health(), (h) => h.broker === 'offline', { what: 'a1 to notice the broker gone' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await broker.restart();
    await editing;
    await Promise.all([hub, a1, a2, b1].map(drained));
    const tasks = async (p: TavlaProcess) => (await p.state<{ tasks: { id: string }[] }>()).tasks.map((t) => t.id).sort();
    for (const [p, unit] of [[a1, 'solsiden'], [a2, 'solsiden'], [b1, 'fjellro']] as const) {
      await waitFor(() => tasks(p), (ids) => ids.length === acknowledged[unit].length, { what: `${unit} tasks on ${p.options.data}`, timeout: 30_000 });
      expect(await tasks(p)).toEqual([...acknowledged[unit]].sort());
    }
    for (const [unit, replicas] of [['solsiden', [a1, a2, hub]], ['fjellro', [b1, hub]]] as const) {
      const fields = await waitFor(
        () => replicas.map((r) => storedFields(r.databaseFile, unit).join('\n')),
        (all) => all.every((f) => f === all[0]),
        { what: `${unit} converged`, timeout: 30_000 },
      );
      expect(fields[0].length).toBeGreaterThan(0);
    }
    // Each board holds its own unit only: nothing of the other unit reached it through the broker.
    expect(storedFields(a1.databaseFile, 'fjellro')).toEqual([]);
    expect(storedFields(b1.databaseFile, 'solsiden')).toEqual([]);
  }, 120_000);
});
