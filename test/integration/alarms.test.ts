/**
 * Alarms through a real Mosquitto with the hub and a home-care board as `tavla` processes (issue 15,
 * points 3 and 4): a VKP bundle dropped into the running hub's inbox reaches the home-care board's
 * strip, a malformed one is set aside with its reason, and an accept made on the board reaches the hub;
 * a patient mapped through the operator endpoint gets their alarms on their stay, and the identity
 * number is in no SQLite file and on no MQTT message; the first bundle does not stall the hub.
 */

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import mqtt from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decodePayload } from '../../main/sync/inbound.js';
import type { AlarmList } from '../../shared/api/commands/alarm.js';
import { bundleText } from '../support/alarm-bundles.js';
import { Mosquitto } from '../support/mosquitto.js';
import { TavlaProcess } from '../support/tavla-process.js';
import { tempDir } from '../support/temp-dir.js';
import { waitFor } from '../support/wait.js';

const M = 'testby';

describe('alarms through Mosquitto', () => {
  let dir: ReturnType<typeof tempDir>;
  let broker: Mosquitto;
  let inbox: string;
  const running: TavlaProcess[] = [];

  const start = async (options: ConstructorParameters<typeof TavlaProcess>[0]) => {
    const p = await TavlaProcess.start(options);
    running.push(p);
    return p;
  };
  const value = async <T>(p: TavlaProcess, command: string, input: unknown = {}): Promise<T> => {
    const result = await p.call<T>(command, input);
    if (!result.ok) throw new Error(`${command}: ${result.code} ${result.message}`);
    return result.value as T;
  };

  beforeEach(async () => {
    dir = tempDir('tavla-alarm-int-');
    inbox = join(dir.path, 'vkp-inbox');
    mkdirSync(inbox);
    broker = await Mosquitto.start(dir.path);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((p) => p.stop('SIGKILL')));
    await broker.kill();
    dir.remove();
  });

  it('carries a bundle from the hub\'s inbox to the home-care board, and the board\'s accept back to the hub', { timeout: 180_000 }, async () => {
    const hub = await start({ role: 'hub', municipality: M, broker: broker.url, data: `${dir.path}/hub`, args: ['--vkp-inbox', inbox, '--vkp-unit', 'hjemme'] });
    const board = await start({ role: 'board', municipality: M, unit: 'hjemme', broker: broker.url, data: `${dir.path}/hjemme` });
    await value(board, 'unit.configure', { name: 'Hjemmetjenesten', kind: 'home-care', beds: [] });
    const kari = await value<{ id: string }>(board, 'staff.set', { name: 'Kari Hansen', role: 'unit-leader', pin: '2468' });

    writeFileSync(join(inbox, 'fall.json'), bundleText({ id: 'GA-INT-1', code: '4.1', display: 'Fall', events: [['0', new Date().toISOString()]] }));
    writeFileSync(join(inbox, 'broken.json'), '{"resourceType": "Bundle"');
    const list = await waitFor(() => value<AlarmList>(board, 'alarm.list'), (l) => l.open.length === 1, { what: 'the alarm on the home-care board', timeout: 60_000 });
    expect(list.open[0]).toMatchObject({ code: '4.1', codeText: 'Fall', severity: 'red', state: 'reported', initials: null });
    await waitFor(() => readdirSync(inbox).sort().join(), (names) => names === 'imported,rejected', { what: 'files moved out of the inbox' });
    expect(readFileSync(join(inbox, 'rejected', 'broken.json.reason.txt'), 'utf8')).toBe('not JSON\n');

    const token = (await value<{ token: string }>(board, 'session.unlock', { staffId: kari.id, pin: '2468', screen: 'int' })).token;
    await value(board, 'alarm.accept', { session: { token, screen: 'int' }, id: list.open[0].id });
    const accepted = (await value<AlarmList>(board, 'alarm.list')).open[0];
    expect(accepted).toMatchObject({ acceptedBy: 'Kari Hansen', state: 'accepted' });

    const atHub = () => {
      const db = new Database(hub.databaseFile, { readonly: true, fileMustExist: true });
      try {
        return db.prepare('SELECT "by", alarm FROM alarmAccept').all() as { by: string; alarm: string }[];
      } finally {
        db.close();
      }
    };
    const rows = await waitFor(async () => atHub(), (r) => r.length === 1, { what: 'the accept on the hub', timeout: 60_000 });
    expect(rows[0]).toEqual({ by: 'Kari Hansen', alarm: list.open[0].id });
  });

  it('takes a bundle by POST /fhir/Bundle on the hub with the operator token, refuses one without it, and says why a bad one is refused', { timeout: 180_000 }, async () => {
    const hub = await start({ role: 'hub', municipality: M, broker: broker.url, data: `${dir.path}/hub`, args: ['--vkp-unit', 'hjemme'] });
    const post = (body: string, token: string | null) =>
      fetch(`${hub.url}fhir/Bundle`, {
        method: 'POST',
        headers: { 'content-type': 'application/fhir+json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body,
      });
    const bundle = bundleText({ id: 'GA-POST-1' });
    expect((await post(bundle, null)).status).toBe(401);
    const first = await post(bundle, hub.operatorToken());
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ outcome: 'imported', reason: null });
    const again = await post(bundle, hub.operatorToken());
    expect([again.status, ((await again.json()) as { outcome: string }).outcome]).toEqual([200, 'duplicate']);
    const bad = await post(JSON.stringify({ resourceType: 'Patient' }), hub.operatorToken());
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ outcome: 'rejected', reason: 'resourceType is Patient, not Bundle' });
    const db = new Database(hub.databaseFile, { readonly: true, fileMustExist: true });
    try {
      expect(db.prepare('SELECT count(*) AS n FROM alarm').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });

  it('maps a patient through POST /api/vkp-mapping: their alarm lands on their stay with its route, an unmapped one is "ukjent bruker", and the number is stored and sent nowhere', { timeout: 180_000 }, async () => {
    const fnr = '13916900281';
    const seen: Buffer[] = [];
    const tap = mqtt.connect(broker.url, { clientId: 'tap-h15' });
    await new Promise<void>((resolve, reject) => tap.once('connect', () => tap.subscribe('#', (error) => (error ? reject(error) : resolve()))).once('error', reject));
    tap.on('message', (_topic, payload) => seen.push(Buffer.from(payload)));
    try {
      const hub = await start({ role: 'hub', municipality: M, broker: broker.url, data: `${dir.path}/hub`, args: ['--vkp-unit', 'hjemme'] });
      const board = await start({ role: 'board', municipality: M, unit: 'hjemme', broker: broker.url, data: `${dir.path}/hjemme` });
      await value(board, 'unit.configure', { name: 'Hjemmetjenesten', kind: 'home-care', beds: [] });
      const stay = { id: await board.id('stay.admit', { name: 'Ingrid Haugland', initials: 'IH', birthDate: '1938-04-17' }) };
      const now = Date.now();
      await board.id('visit.plan', { stayId: stay.id, from: new Date(now - 600_000).toISOString(), to: new Date(now + 3_000_000).toISOString(), title: 'Tilsyn', route: 'Rute 2', order: 1 });

      const mapping = (method: string, body: unknown, token: string | null = hub.operatorToken()) =>
        fetch(`${hub.url}api/vkp-mapping`, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
      expect((await mapping('POST', { identifier: fnr, stayId: stay.id }, null)).status).toBe(401);
      // The stay and its visit reach the hub through the broker first.
      const mapped = await waitFor(() => mapping('POST', { identifier: fnr, stayId: stay.id }), (r) => r.status === 201, { what: 'the stay known to the hub', timeout: 60_000 });
      expect(await mapped.json()).toEqual({ ok: true, value: { unit: 'hjemme', stayId: stay.id } });
      expect((await mapping('POST', { identifier: '123', stayId: stay.id })).status).toBe(400);
      const visitsAtHub = () => {
        const db = new Database(hub.databaseFile, { readonly: true, fileMustExist: true });
        try {
          return (db.prepare("SELECT count(*) AS n FROM visit WHERE route = 'Rute 2'").get() as { n: number }).n;
        } finally {
          db.close();
        }
      };
      await waitFor(async () => visitsAtHub(), (n) => n === 1, { what: 'the visit on the hub', timeout: 60_000 });

      const post = (body: string) => fetch(`${hub.url}fhir/Bundle`, { method: 'POST', headers: { 'content-type': 'application/fhir+json', authorization: `Bearer ${hub.operatorToken()}` }, body });
      expect((await post(bundleText({ id: 'GA-MAP-1', events: [['0', new Date().toISOString()]] }))).status).toBe(201);
      expect((await post(bundleText({ id: 'GA-MAP-2', patientId: '01817000092', events: [['0', new Date().toISOString()]] }))).status).toBe(201);
      const list = await waitFor(() => value<AlarmList>(board, 'alarm.list'), (l) => l.open.length === 2, { what: 'both alarms on the board', timeout: 60_000 });
      const routes = list.open.map((a) => [a.initials, a.route]).sort();
      expect(routes).toEqual([[null, null], ['IH', 'Rute 2']]);

      const removed = await mapping('DELETE', { identifier: fnr });
      expect(await removed.json()).toEqual({ ok: true, value: { removed: true } });
      expect((await post(bundleText({ id: 'GA-MAP-3', events: [['0', new Date().toISOString()]] }))).status).toBe(201);
      const after = await waitFor(() => value<AlarmList>(board, 'alarm.list'), (l) => l.open.length === 3, { what: 'the third alarm', timeout: 60_000 });
      expect(after.open.filter((a) => a.initials === null)).toHaveLength(2);

      // Neither SQLite file (with its write-ahead log) nor any message on the broker carries the number.
      for (const file of [hub.databaseFile, board.databaseFile]) {
        for (const part of [file, `${file}-wal`]) {
          let bytes: Buffer;
          try {
            bytes = readFileSync(part);
          } catch {
            continue;
          }
          expect(bytes.includes(fnr), part).toBe(false);
          expect(bytes.includes('01817000092'), part).toBe(false);
        }
      }
      expect(seen.length).toBeGreaterThan(10);
      for (const payload of seen) {
        expect(payload.includes(fnr)).toBe(false);
        const decoded = decodePayload(z.unknown(), payload);
        if (decoded.ok) expect(JSON.stringify(decoded.value)).not.toContain(fnr);
      }
    } finally {
      await tap.endAsync();
    }
  });

  it('answers the hub while the FHIR schema compiles, and takes the first bundle without the compile on its path', { timeout: 180_000 }, async () => {
    // With an inbox the hub compiles from its start.
    const hub = await start({ role: 'hub', municipality: M, broker: broker.url, data: `${dir.path}/hub`, args: ['--vkp-inbox', inbox, '--vkp-unit', 'hjemme'] });
    // Right after the start the worker is compiling: the hub's event loop still answers at once.
    const slowest = { ms: 0 };
    const until = Date.now() + 3_000;
    while (Date.now() < until) {
      const t = performance.now();
      await fetch(`${hub.url}healthz`);
      slowest.ms = Math.max(slowest.ms, performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
    // Compiling on the event loop held it about 2.3 s (measured before this change on the same machine).
    expect(slowest.ms).toBeLessThan(1_000);
    await waitFor(() => hub.health(), (h) => h.fhirSchema === 'ready', { what: 'the schema compiled in the worker', timeout: 60_000 });
    const t = performance.now();
    const first = await fetch(`${hub.url}fhir/Bundle`, { method: 'POST', headers: { 'content-type': 'application/fhir+json', authorization: `Bearer ${hub.operatorToken()}` }, body: bundleText({ id: 'GA-FIRST' }) });
    const firstMs = performance.now() - t;
    expect(first.status).toBe(201);
    console.log(`first bundle ${firstMs.toFixed(0)} ms; slowest /healthz during the compile ${slowest.ms.toFixed(0)} ms`);
    // Before, the first bundle compiled the schema on its path: 2.4 s on an idle machine.
    expect(firstMs).toBeLessThan(2_000);
  });
});
