/**
 * Alarms through a real Mosquitto with the hub and a home-care board as `tavla` processes (issue 15,
 * points 3 and 4): a VKP bundle dropped into the running hub's inbox reaches the home-care board's
 * strip, a malformed one is set aside with its reason, and an accept made on the board reaches the hub.
 */

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
});
