/** The headless host's HTTP and WebSocket API, as scripts and the browser use it. */

import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { FLOW_HUB_COMMANDS } from '../../shared/api/commands/flow.js';
import type { RunningHost } from '../../main/host/http-host.js';
import { startBoard, type BoardRuntime } from '../../main/runtime/board-runtime.js';
import { issueDeviceToken } from '../../main/leader/device-tokens.js';
import { startHub, type HubRuntime } from '../../main/runtime/hub-runtime.js';
import { tempDir } from '../support/temp-dir.js';
import { ScriptSession } from '../support/script-session.js';
import { JSON_HEADERS } from '../support/tavla-process.js';
import { waitFor } from '../support/wait.js';

describe('headless host', () => {
  let dir: ReturnType<typeof tempDir>;
  let board: BoardRuntime;
  let url: string;
  const post = (command: string, body: string) => fetch(`${url}api/${command}`, { method: 'POST', headers: JSON_HEADERS, body });

  beforeEach(async () => {
    dir = tempDir('tavla-host-');
    board = await startBoard({ municipality: 'fjordvik', unit: 'solsiden', dataDir: dir.path, port: 0 });
    url = board.host.url;
  });
  afterEach(async () => {
    await board.stop();
    dir.remove();
  });

  it('reports health with the fields operators and the offline banner rely on', async () => {
    const health = await (await fetch(`${url}healthz`)).json();
    expect(health).toMatchObject({ ok: true, role: 'board', unit: 'solsiden', broker: 'offline', outbox: 0, rejected: 0, lastSyncAt: null });
    expect(health.nodeId).toMatch(/^b[0-9a-f]{12}$/);
  });

  it('answers commands with envelopes and the right status codes', async () => {
    const created = await post('unit.configure', JSON.stringify({ name: 'Solsiden', kind: 'nursing-home', beds: [{ label: '101' }] }));
    expect(created.status).toBe(200);
    expect(await created.json()).toEqual({ ok: true, value: { id: 'solsiden' } });

    // Admissions need an unlocked session: the script unlocks as IT's unit leader first.
    const session = await new ScriptSession(async (command, input) => (await post(command, JSON.stringify(input))).json()).signIn();
    const invalid = await post('stay.admit', JSON.stringify({ session, bed: '101', name: 'Ola', initials: 'OH', birthDate: 'yesterday' }));
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ ok: false, code: 'invalid-input', message: expect.stringMatching(/birthDate/) });

    expect((await post('stay.admit', '{not json')).status).toBe(400);
    expect((await post('no.such', '{}')).status).toBe(404);
    expect((await post('task.complete', JSON.stringify({ id: 'missing' }))).status).toBe(404);
    expect((await post('task.create', 'x'.repeat(1024 * 1024 + 10))).status).toBe(413);
    expect((await fetch(`${url}api/task.create`)).status).toBe(405);

    const state = await (await fetch(`${url}api/state`)).json();
    expect(state).toMatchObject({ unit: { name: 'Solsiden' }, beds: [{ label: '101', status: 'free' }], stays: [] });
    // Names and birth dates stay out of the state a board serves without a session.
    expect((await post('stay.admit', JSON.stringify({ session, bed: '101', name: 'Ola Hansen', initials: 'OH', birthDate: '1940-02-03' }))).status).toBe(200);
    const admitted = await (await fetch(`${url}api/state`)).text();
    expect(admitted).toContain('"initials":"OH"');
    expect(admitted).not.toMatch(/Ola Hansen|1940-02-03/);
    const audit = board.service.db.prepare("SELECT count(*) AS n FROM audit WHERE action NOT IN ('staff.add', 'session.unlock')").get() as { n: number };
    expect(audit.n).toBe(2); // configure and admit: refused commands write nothing, not even an audit entry
  });

  it('serves the built board with a strict content security policy', async () => {
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(await page.text()).toMatch(/<div id="app">/);
    expect((await fetch(`${url}..%2f..%2fpackage.json`)).headers.get('content-type')).toMatch(/text\/html/);
  });

  it('answers commands over the WebSocket and pushes state changes to every socket', async () => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}api/events`);
    const messages: { id?: number; event?: string; result?: { ok: boolean } }[] = [];
    socket.on('message', (raw) => messages.push(JSON.parse(String(raw))));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ id: 7, command: 'task.create', input: { title: 'Stell' } }));
    await waitFor(() => messages, (list) => list.some((m) => m.id === 7) && list.some((m) => m.event === 'state.changed'));
    expect(messages.find((m) => m.id === 7)?.result).toMatchObject({ ok: true });
    socket.send('garbage');
    socket.send(JSON.stringify({ id: 8, command: 42 }));
    await waitFor(() => messages, (list) => list.some((m) => m.id === 8));
    expect(messages.find((m) => m.id === 8)?.result).toMatchObject({ ok: false, code: 'invalid-input' });
    socket.close();
  });

  it('refuses a WebSocket opened by a page of another origin', async () => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}api/events`, { headers: { origin: 'http://evil.example' } });
    const outcome = await new Promise((resolve) => {
      socket.once('open', () => resolve('open'));
      socket.once('error', () => resolve('refused'));
    });
    expect(outcome).toBe('refused');
  });
});

describe("the hub's leader address", () => {
  let dir: ReturnType<typeof tempDir>;
  let hub: HubRuntime;
  let leader: string;
  const post = (base: string, command: string, input: unknown = {}) =>
    fetch(`${base}api/${command}`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(input) });

  beforeEach(async () => {
    dir = tempDir('tavla-leader-address-');
    hub = await startHub({ municipality: 'fjordvik', dataDir: dir.path, port: 0, brokerPort: 0, leader: { port: 0, screenPort: 0, host: '127.0.0.1' } });
    leader = (hub.leaderHost as RunningHost).url;
  });
  afterEach(async () => {
    await hub.stop();
    dir.remove();
  });

  it('serves the leader view and its aggregates, and nothing of the hub that names a patient', async () => {
    expect(await (await fetch(leader)).text()).toMatch(/<div id="app">/);
    expect(await (await post(leader, 'app.info')).json()).toMatchObject({ ok: true, value: { role: 'hub', municipality: 'fjordvik' } });
    const capacity = await post(leader, 'leader.capacity');
    expect(capacity.status).toBe(200);
    expect(await capacity.json()).toMatchObject({ ok: true });

    // The operator's dump and every other hub command stay on the loopback address.
    expect((await fetch(`${leader}api/state`)).status).toBe(404);
    const token = readFileSync(hub.operatorTokenFile, 'utf8').trim();
    expect((await fetch(`${hub.host.url}api/state`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    for (const command of ['hub.overview', ...Object.keys(FLOW_HUB_COMMANDS)]) {
      const refused = await post(leader, command);
      expect(refused.status, command).toBe(404);
      expect(await refused.json()).toMatchObject({ ok: false, code: 'unknown-command', message: expect.stringMatching(/leader address/) });
      expect((await post(hub.host.url, command)).status, command).not.toBe(404);
    }
  });

  it('serves leader screens read-only: the same figures, no edits of benefits or daily rates', async () => {
    const { token } = issueDeviceToken(hub.service.db, 'vestibyle', null);
    const screenUrl = (hub.leaderScreenHost as RunningHost).url;
    const screen = (_base: string, command: string, input: unknown = {}) =>
      fetch(`${screenUrl}api/${command}`, { method: 'POST', body: JSON.stringify(input), headers: { ...JSON_HEADERS, authorization: `Bearer ${token}` } });
    expect(await (await screen(screenUrl, 'app.info')).json()).toMatchObject({ ok: true, value: { role: 'hub', readOnly: true } });
    expect((await (await post(leader, 'app.info')).json()).value.readOnly).toBeUndefined();
    expect((await screen(screenUrl, 'leader.capacity')).status).toBe(200);
    for (const [command, input] of [
      ['leader.setRate', { year: 2026, nok: 6000 }],
      ['benefit.define', { name: 'Færre døgn', indicator: 'discharge-ready-days', baselineFrom: '2026-01-01', baselineTo: '2026-02-01', unitCost: 5745 }],
      ['benefit.remove', { id: 'no-such-benefit' }],
    ] as const) {
      const refused = await screen(screenUrl, command, input);
      expect(refused.status, command).toBe(403);
      expect(await refused.json()).toMatchObject({ ok: false, code: 'forbidden', message: expect.stringMatching(/read-only/) });
    }
    // The desktops' address still takes the edit.
    expect(await (await post(leader, 'leader.setRate', { year: 2026, nok: 6000 })).json()).toMatchObject({ ok: true });
  });

  it('pushes the hub\'s state changes to the leader page over its WebSocket', async () => {
    const socket = new WebSocket(`${leader.replace('http', 'ws')}api/events`);
    const events: string[] = [];
    socket.on('message', (raw) => events.push(String((JSON.parse(String(raw)) as { event?: string }).event)));
    await new Promise((resolve) => socket.once('open', resolve));
    hub.service.emit('state.changed', { collections: ['task'] });
    await waitFor(() => events, (list) => list.includes('state.changed'));
    socket.close();
  });

  it('refuses to start when the leader port is taken, and leaves nothing running', async () => {
    const taken = Number(new URL(leader).port);
    const other = tempDir('tavla-leader-taken-');
    try {
      await expect(startHub({ municipality: 'fjordvik', dataDir: other.path, port: 0, brokerPort: 0, leader: { port: taken, host: '127.0.0.1' } })).rejects.toThrow(/EADDRINUSE/);
      // The store was closed on the way out: a second hub can open the same folder.
      const again = await startHub({ municipality: 'fjordvik', dataDir: other.path, port: 0, brokerPort: 0 });
      await again.stop();
    } finally {
      other.remove();
    }
  });
});
