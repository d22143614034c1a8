/**
 * The local API as a web page in a browser on the board or hub machine would attack it: DNS
 * rebinding (a foreign Host), cross-site requests (a foreign Origin, a form's content type),
 * broken encodings, hidden characters and impossible dates. Nothing is read or written for them.
 */

import { chmodSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHost } from '../../main/host/http-host.js';
import { startBoard, type BoardRuntime } from '../../main/runtime/board-runtime.js';
import { OPERATOR_TOKEN_FILE } from '../../main/host/operator-token.js';
import { startHub, type HubRuntime } from '../../main/runtime/hub-runtime.js';
import { tempDir } from '../support/temp-dir.js';
import { openSocket, rawRequest, requestWithoutHost } from '../support/raw-http.js';
import { TavlaProcess } from '../support/tavla-process.js';

const JSON_TYPE = { 'content-type': 'application/json' };

describe("a board's local API", () => {
  let dir: ReturnType<typeof tempDir>;
  let board: BoardRuntime;
  let url: string;
  let port: number;
  let session: { token: string; screen: string };
  /** What the board has stored: synced fields and audit entries. Unchanged means nothing was written. */
  const written = () =>
    board.service.db.prepare('SELECT (SELECT count(*) FROM field_state) AS fields, (SELECT count(*) FROM audit) AS audit').get();
  const post = (command: string, input: unknown, headers: Record<string, string> = JSON_TYPE) =>
    rawRequest(url, { method: 'POST', path: `/api/${command}`, headers: { host: `127.0.0.1:${port}`, ...headers }, body: JSON.stringify(input) });

  beforeAll(async () => {
    dir = tempDir('tavla-security-host-');
    board = await startBoard({ municipality: 'fjordvik', unit: 'solsiden', dataDir: dir.path, port: 0, hostNames: ['tavla-board.fjordvik.test'] });
    url = board.host.url;
    port = Number(new URL(url).port);
    const call = async (command: string, input: unknown) => JSON.parse((await post(command, input)).body) as { ok: boolean; value: never };
    expect((await call('unit.configure', { name: 'Solsiden', kind: 'nursing-home', beds: [{ label: '101' }] })).ok).toBe(true);
    const leader = await call('staff.set', { name: 'Marit Solberg', role: 'unit-leader', pin: '1111' });
    const grant = await call('session.unlock', { staffId: (leader.value as { id: string }).id, pin: '1111', screen: 'screen-1' });
    session = { token: (grant.value as { token: string }).token, screen: 'screen-1' };
  });
  afterAll(async () => {
    await board.stop();
    dir.remove();
  });

  describe('refuses a Host it does not listen on (DNS rebinding), reading and writing nothing', () => {
    for (const host of ['evil.example:PORT', '127.0.0.1:1', 'localhost', 'evil.example', 'tavla-board.fjordvik.test:1', '127.0.0.1:PORT@evil.example']) {
      it(host, async () => {
        const before = written();
        const header = host.replace('PORT', String(port));
        for (const path of ['/', '/index.html', '/healthz', '/api/state']) {
          const answer = await rawRequest(url, { path, headers: { host: header } });
          expect(answer.status, path).toBe(421);
          expect(answer.body, path).not.toMatch(/Solsiden|<div id="app">/);
        }
        const created = await post('task.create', { title: 'Snu pasienten', session }, { ...JSON_TYPE, host: header });
        expect(created.status).toBe(421);
        expect(await openSocket(url, { host: header })).toBe(421);
        expect(written()).toEqual(before);
      });
    }

    it('and a request without any Host', async () => {
      expect(await requestWithoutHost(url, '/api/state')).toBe(421);
    });

    it('and counts what it refused in /healthz', async () => {
      const refusedSoFar = async () => JSON.parse((await rawRequest(url, { path: '/healthz', headers: { host: `127.0.0.1:${port}` } })).body).refusedRequests as number;
      const before = await refusedSoFar();
      await rawRequest(url, { path: '/api/state', headers: { host: 'evil.example' } });
      await openSocket(url, { host: 'evil.example' });
      await post('task.create', { title: 'Stell', session }, { 'content-type': 'text/plain' });
      expect(await refusedSoFar()).toBe(before + 3);
    });
  });

  it('answers the names it listens on: 127.0.0.1, localhost, [::1] and a configured name, in any case', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `LocalHost:${port}`, `tavla-board.fjordvik.test:${port}`, `TAVLA-board.fjordvik.test:${port}`]) {
      expect((await rawRequest(url, { path: '/healthz', headers: { host } })).status, host).toBe(200);
    }
    expect(await openSocket(url, { host: `localhost:${port}` })).toBe('open');
  });

  it('takes a POST only as application/json (415 for a form, text/plain or none), writing nothing', async () => {
    const before = written();
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json-patch+json', 'application/json; charset=latin1', undefined]) {
      const answer = await post('task.create', { title: 'Snu pasienten', session }, type === undefined ? {} : { 'content-type': type });
      expect(answer.status, String(type)).toBe(415);
      expect(JSON.parse(answer.body), String(type)).toMatchObject({ ok: false, code: 'invalid-input', message: expect.stringMatching(/application\/json/) });
    }
    expect(written()).toEqual(before);
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset="UTF-8"']) {
      expect((await post('ward.settings', {}, { 'content-type': type })).status, type).toBe(200);
    }
  });

  it("refuses another site's page (Origin) on POST, GET and the WebSocket, and takes its own", async () => {
    const before = written();
    for (const origin of ['http://evil.example', `http://evil.example:${port}`, 'null', `https://127.0.0.1:${port}`, `http://127.0.0.1:${port + 1}`, `http://localhost:${port}`, `http://127.0.0.1:${port}.evil.example`]) {
      const answer = await post('task.create', { title: 'Snu pasienten', session }, { ...JSON_TYPE, origin });
      expect(answer.status, origin).toBe(403);
      expect((await rawRequest(url, { path: '/api/state', headers: { host: `127.0.0.1:${port}`, origin } })).status, origin).toBe(403);
      expect(await openSocket(url, { origin }), origin).toBe(403);
    }
    expect(written()).toEqual(before);
    const own = `http://127.0.0.1:${port}`;
    const created = await post('task.create', { title: 'Snu pasienten', session }, { ...JSON_TYPE, origin: own });
    expect(created.status).toBe(200);
    expect(await openSocket(url, { origin: own })).toBe('open');
  });

  it('answers malformed percent-encoding with 400, not 500', async () => {
    for (const path of ['/%E0%A4%A', '/api/%E0%A4%A', '/%', '/assets/%C0%AF', '/%00', '/index.html%00.js']) {
      const answer = await rawRequest(url, { path, headers: { host: `127.0.0.1:${port}` } });
      expect(answer.status, path).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({ ok: false, code: 'invalid-input', message: expect.stringMatching(/percent-encoded/) });
    }
  });

  it('refuses NUL and bidirectional controls in text with a message that says so, writing nothing', async () => {
    const stay = JSON.parse((await post('stay.admit', { bed: '101', name: 'Kari Nordmann', initials: 'KN', birthDate: '1941-03-02', session })).body).value.id as string;
    const before = written();
    for (const bad of ['Snu\u0000 pasienten', 'KN \u202E101', 'a\u2066b', 'x\u200F', 'y\u061C']) {
      for (const [command, input] of [
        ['task.create', { title: bad, session }],
        ['stay.note', { stayId: stay, note: bad, session }],
        ['handover.setNotes', { date: '2026-03-01', shift: 'day', notes: bad, session }],
        ['staff.set', { name: bad, role: 'nurse', pin: '2222', session }],
        ['stay.admit', { name: bad, initials: 'AB', birthDate: '1950-01-01', session }],
      ] as const) {
        const answer = await post(command, input);
        expect(answer.status, `${command} ${JSON.stringify(bad)}`).toBe(400);
        expect(JSON.parse(answer.body).message).toMatch(/NUL or bidirectional control characters/);
      }
    }
    expect(written()).toEqual(before);
  });

  it('refuses impossible dates with a clear message', async () => {
    const before = written();
    for (const birthDate of ['1950-99-99', '2026-02-30', '2023-02-29', '1950-13-01', '1950-1-1']) {
      const answer = await post('stay.admit', { name: 'Ola Nilsen', initials: 'ON', birthDate, session });
      expect(answer.status, birthDate).toBe(400);
      expect(JSON.parse(answer.body).message, birthDate).toMatch(/a real calendar date as YYYY-MM-DD[\s\S]*birthDate/);
    }
    const due = await post('task.create', { title: 'Stell', due: '2026-02-30T08:00:00+01:00', session });
    expect(due.status).toBe(400);
    expect(JSON.parse(due.body).message).toMatch(/a real date and time[\s\S]*due/);
    expect(written()).toEqual(before);
    // A leap day that exists is a date like any other.
    expect((await post('staffing.set', { date: '2024-02-29', shift: 'day', planned: 4, session })).status).toBe(200);
  });
});

describe("the hub's operator view", () => {
  let dir: ReturnType<typeof tempDir>;
  let hub: HubRuntime;
  const state = (authorization?: string) =>
    rawRequest(hub.host.url, { path: '/api/state', headers: { host: new URL(hub.host.url).host, ...(authorization ? { authorization } : {}) } });

  beforeAll(async () => {
    dir = tempDir('tavla-security-hub-');
    hub = await startHub({
      municipality: 'fjordvik',
      dataDir: dir.path,
      port: 0,
      brokerPort: 0,
      leader: { port: 0, host: '127.0.0.1' },
      hostNames: ['tavla-hub.fjordvik.test', 'https://tavla.fjordvik.test'],
    });
  });
  afterAll(async () => {
    await hub.stop();
    dir.remove();
  });

  it('answers GET /api/state only with the operator token (401 without it or with another)', async () => {
    const token = readFileSync(hub.operatorTokenFile, 'utf8').trim();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (const authorization of [undefined, 'Bearer', 'Bearer ', `Bearer ${token.slice(0, -1)}`, `Bearer ${token}x`, `Basic ${token}`, token]) {
      const answer = await state(authorization);
      expect(answer.status, String(authorization)).toBe(401);
      expect(answer.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(answer.body).not.toMatch(/units/);
    }
    const answer = await state(`Bearer ${token}`);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ municipality: 'fjordvik', units: [] });
    expect(statSync(hub.operatorTokenFile).mode & 0o777).toBe(0o600);
  });

  it('keeps POST /fhir/Bundle behind the same walls: a foreign Host (421), a foreign Origin (403), no token (401), and takes it with its own', async () => {
    const token = readFileSync(hub.operatorTokenFile, 'utf8').trim();
    const own = new URL(hub.host.url).host;
    const bundle = (headers: Record<string, string>) =>
      rawRequest(hub.host.url, {
        method: 'POST',
        path: '/fhir/Bundle',
        headers: { 'content-type': 'application/fhir+json', host: own, authorization: `Bearer ${token}`, ...headers },
        body: JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [] }),
      });
    for (const host of ['evil.example', `evil.example:${new URL(hub.host.url).port}`, '127.0.0.1:1']) {
      const answer = await bundle({ host });
      expect(answer.status, host).toBe(421);
      expect(answer.body, host).not.toMatch(/outcome/);
    }
    for (const origin of ['http://evil.example', 'null', `http://${own}.evil.example`]) {
      const answer = await bundle({ origin });
      expect(answer.status, origin).toBe(403);
      expect(answer.body, origin).not.toMatch(/outcome/);
    }
    expect((await bundle({ authorization: 'Bearer x' })).status).toBe(401);
    // The VKP patient mapping (an operator route too): the same walls before its token is even read.
    const mapping = (headers: Record<string, string>) =>
      rawRequest(hub.host.url, {
        method: 'POST',
        path: '/api/vkp-mapping',
        headers: { ...JSON_TYPE, host: own, authorization: `Bearer ${token}`, ...headers },
        body: JSON.stringify({ identifier: '01810150110', stayId: 'x' }),
      });
    expect((await mapping({ host: 'evil.example' })).status).toBe(421);
    expect((await mapping({ origin: 'http://evil.example' })).status).toBe(403);
    expect((await mapping({ authorization: 'Bearer x' })).status).toBe(401);
    // Past the walls the bundle reaches the VKP reader, which has no home-care unit to put it on yet.
    const taken = await bundle({ origin: `http://${own}` });
    expect(taken.status).toBe(503);
    expect(JSON.parse(taken.body)).toMatchObject({ outcome: 'failed', reason: expect.stringMatching(/home-care unit/) });
  });

  it('keeps the leader address to its own names too: the bound address and configured names', async () => {
    const leader = (hub.leaderHost as RunningHost).url;
    const { port } = new URL(leader);
    const answer = (host: string) => rawRequest(leader, { path: '/healthz', headers: { host } });
    expect((await answer(`127.0.0.1:${port}`)).status).toBe(200);
    expect((await answer(`tavla-hub.fjordvik.test:${port}`)).status).toBe(200);
    expect((await answer(`evil.example:${port}`)).status).toBe(421);
    expect((await answer(`tavla-hub.fjordvik.test:${Number(port) + 1}`)).status).toBe(421);
  });

  it("takes the leader's edits through the municipality's proxy: its Host and its https origin, no other", async () => {
    const leader = (hub.leaderHost as RunningHost).url;
    const edit = (origin: string) =>
      rawRequest(leader, {
        method: 'POST',
        path: '/api/leader.setRate',
        headers: { ...JSON_TYPE, host: 'tavla.fjordvik.test', origin },
        body: JSON.stringify({ year: 2026, nok: 6100 }),
      });
    expect((await edit('https://tavla.fjordvik.test')).status).toBe(200);
    for (const origin of ['https://evil.example', 'https://tavla.fjordvik.test:8443', 'http://tavla-hub.fjordvik.test']) expect((await edit(origin)).status, origin).toBe(403);
    expect(await openSocket(leader, { host: 'tavla.fjordvik.test', origin: 'https://tavla.fjordvik.test' })).toBe('open');
  });
});

describe('the operator token of a `tavla hub` process', () => {
  it('is made at first start, printed where it is, readable by the owner alone, and the same after a restart', async () => {
    const dir = tempDir('tavla-security-token-');
    const hub = new TavlaProcess({ role: 'hub', municipality: 'fjordvik', data: dir.path });
    try {
      await hub.start();
      const file = /^operator token for GET \/api\/state \(Authorization: Bearer\): (.+)$/m.exec(hub.printed)?.[1];
      expect(file).toBeDefined();
      expect(statSync(file as string).mode & 0o777).toBe(0o600);
      const first = hub.operatorToken();
      expect((await hub.state<{ municipality: string }>()).municipality).toBe('fjordvik');
      await hub.stop();
      await hub.start();
      expect(hub.operatorToken()).toBe(first);
      expect((await fetch(`${hub.url}api/state`)).status).toBe(401);
    } finally {
      await hub.stop();
      dir.remove();
    }
  });
});

describe('the operator token file', () => {
  const startOn = (path: string) => startHub({ municipality: 'fjordvik', dataDir: path, port: 0, brokerPort: 0 });

  it('made readable by others (a copy, a restore), is set back to mode 600 and keeps its token', async () => {
    const dir = tempDir('tavla-security-token-mode-');
    try {
      const first = await startOn(dir.path);
      await first.stop();
      const file = join(dir.path, OPERATOR_TOKEN_FILE);
      const token = readFileSync(file, 'utf8');
      chmodSync(file, 0o644);
      const again = await startOn(dir.path);
      await again.stop();
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, 'utf8')).toBe(token);
    } finally {
      dir.remove();
    }
  });

  it('tampered with, stops the hub from starting with a clear error, and nothing is left running', async () => {
    const dir = tempDir('tavla-security-token-bad-');
    try {
      const first = await startOn(dir.path);
      await first.stop();
      writeFileSync(join(dir.path, OPERATOR_TOKEN_FILE), 'hunter2\n');
      await expect(startOn(dir.path)).rejects.toThrow(/does not hold an operator token .* delete it/);
      // The store was released on the way out: with the file removed the hub starts again.
      rmSync(join(dir.path, OPERATOR_TOKEN_FILE));
      const fresh = await startOn(dir.path);
      expect(readFileSync(fresh.operatorTokenFile, 'utf8').trim()).toMatch(/^[A-Za-z0-9_-]{43}$/);
      await fresh.stop();
    } finally {
      dir.remove();
    }
  });
});
