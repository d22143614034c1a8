/**
 * The wire encoding's version rule against a real board process and Mosquitto (docs/protocol.md,
 * "Wire encoding", "Versioning"): a raw mqtt.js client plays a replica of the previous release
 * (JSON only, plain hex session ids) and one of this release, and sends malformed binary pages.
 */

import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../shared/sync/change.js';
import { encodeStamp } from '../../shared/sync/hlc.js';
import { BINARY_MARKER } from '../../shared/sync/page-codec.js';
import { InboxMessage } from '../../shared/sync/round.js';
import { decodePayload } from '../../main/sync/inbound.js';
import { binarySession, encodeMessage } from '../../main/sync/wire.js';
import { tempDir } from '../support/temp-dir.js';
import { Mosquitto } from '../support/mosquitto.js';
import { storedFields, TavlaProcess } from '../support/tavla-process.js';
import { waitFor } from '../support/wait.js';

const M = 'testby';
const UNIT = 'solsiden';
const PEER = 'b-old-release';
const base = `tavla/v1/${M}/${UNIT}`;
type Health = { rejected: number; rejectedBy?: Record<string, number>; broker: string; outbox: number; nodeId: string; ok: boolean };

describe('the wire encoding between releases', () => {
  let dir: ReturnType<typeof tempDir>;
  let broker: Mosquitto;
  let board: TavlaProcess;
  let peer: MqttClient;
  let node: string;
  const inbox: Buffer[] = [];
  const live: Buffer[] = [];
  const health = async () => (await board.health()) as unknown as Health;
  const stamp = (counter: number) => encodeStamp({ wall: Date.now(), counter, node: PEER });

  beforeAll(async () => {
    dir = tempDir('tavla-wire-');
    broker = await Mosquitto.start(dir.path);
    board = await TavlaProcess.start({ role: 'board', municipality: M, unit: UNIT, broker: broker.url, data: `${dir.path}/a` });
    const configured = await board.call('unit.configure', { name: 'Solsiden', kind: 'nursing-home', beds: [{ label: '101' }] });
    expect(configured.ok).toBe(true);
    node = String((await health()).nodeId);
    await waitFor(() => health(), (h) => h.broker === 'connected' && h.outbox === 0, { what: 'board drained', timeout: 30_000 });
    peer = await mqtt.connectAsync(broker.url, { clientId: PEER });
    peer.on('message', (topic, payload) => (topic.endsWith(`/sync/${PEER}`) ? inbox : live).push(payload));
    await peer.subscribeAsync([`${base}/sync/${PEER}`, `${base}/changes/${node}`]);
    await peer.publishAsync(`${base}/presence/${PEER}`, JSON.stringify({ v: 1, node: PEER, role: 'board', status: 'online', at: new Date().toISOString() }), { qos: 1, retain: true });
  }, 60_000);
  afterAll(async () => {
    await peer?.endAsync();
    await board?.stop('SIGKILL');
    await broker?.kill();
    dir?.remove();
  });

  it('takes a JSON live batch of a previous-release board as before', async () => {
    const changes: Change[] = [{ c: 'task', id: 'old-1', f: 'title', v: 'Fra forrige versjon', s: stamp(0) }];
    await peer.publishAsync(`${base}/changes/${PEER}`, JSON.stringify({ v: 1, from: PEER, changes }), { qos: 1 });
    await waitFor(() => storedFields(board.databaseFile, UNIT).some((f) => f.startsWith('task/old-1/title=')), Boolean, { what: 'the JSON batch stored', timeout: 15_000 });
  });

  it('answers a pull of a plain hex session in JSON and one of a b1- session in binary, the same fields', async () => {
    const pull = (session: string) => peer.publishAsync(`tavla/v1/${M}/${UNIT}/sync/${node}`, JSON.stringify({ v: 1, type: 'pull', from: PEER, session, seq: 0, buckets: Array.from({ length: 256 }, (_, i) => i), offset: 0 }), { qos: 1 });
    await pull('0a1b2c3d4e5f');
    await waitFor(() => inbox.length, (n) => n >= 1, { what: 'the JSON page', timeout: 15_000 });
    const json = JSON.parse(inbox[0].toString('utf8')) as { type: string; changes: Change[] };
    expect(json.type).toBe('page');
    await pull(binarySession('0a1b2c3d4e5f'));
    await waitFor(() => inbox.length, (n) => n >= 2, { what: 'the binary page', timeout: 15_000 });
    expect(inbox[1][0]).toBe(BINARY_MARKER);
    const binary = decodePayload(InboxMessage, inbox[1]);
    expect(binary).toMatchObject({ ok: true, format: 'binary', value: { type: 'page' } });
    expect(binary.ok && 'changes' in binary.value ? binary.value.changes : []).toEqual(json.changes);
    expect(json.changes.some((c) => c.id === 'old-1')).toBe(true);
  });

  it('publishes its live batches binary, which a previous-release gate refuses as not UTF-8 JSON', async () => {
    const created = await board.call('task.create', { title: 'Ny versjon' });
    expect(created.ok).toBe(true);
    await waitFor(() => live.length, (n) => n >= 1, { what: 'the board live batch', timeout: 15_000 });
    expect(live[0][0]).toBe(BINARY_MARKER);
    expect(() => JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(live[0]))).toThrow();
  });

  it('refuses malformed binary pages and an unknown codec version, counted, and stays up', async () => {
    const before = await health();
    const good = encodeMessage({ v: 1, from: PEER, changes: [{ c: 'task', id: 'bad-1', f: 'title', v: 'x', s: stamp(1) }] }, 'binary');
    const future = Buffer.from(good);
    future[1] = 9;
    for (const payload of [good.subarray(0, good.length - 2), future, Buffer.from([BINARY_MARKER, 1, 1, 0xff, 0xff])]) {
      await peer.publishAsync(`${base}/changes/${PEER}`, payload, { qos: 1 });
    }
    await waitFor(() => health(), (h) => (h.rejectedBy?.message ?? 0) >= (before.rejectedBy?.message ?? 0) + 3, { what: 'three refusals counted', timeout: 15_000 });
    const after = await health();
    expect(after.broker).toBe('connected');
    expect(storedFields(board.databaseFile, UNIT).some((f) => f.startsWith('task/bad-1/'))).toBe(false);
    // The good page after them still applies: the gate refused pages, not the sender.
    await peer.publishAsync(`${base}/changes/${PEER}`, good, { qos: 1 });
    await waitFor(() => storedFields(board.databaseFile, UNIT).some((f) => f.startsWith('task/bad-1/title=')), Boolean, { what: 'the good binary page stored', timeout: 15_000 });
  });
});
