/**
 * Leaders sign in (issue 10, point 6): the hub's leader address for desktops takes an OpenID
 * Connect sign-in — a real provider runs in this process — and answers each leader for the units
 * her role covers; the wall-screen address takes a device token issued with the built CLI.
 */

import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { CapacityView, FlowView, ForecastView, IndicatorsView, BenefitsView, ExportFile } from '../../shared/api/commands/leader.js';
import type { RunningHost } from '../../main/host/http-host.js';
import { startHub, type HubRuntime } from '../../main/runtime/hub-runtime.js';
import { tempDir } from '../support/temp-dir.js';
import { BrowserSession } from '../support/browser-session.js';
import { freePort } from '../support/mosquitto.js';
import { CLIENT, startProvider, type RunningProvider } from '../support/openid-provider.js';
import { REPO } from '../support/tavla-process.js';
import { seedMunicipality } from '../support/municipality-fixture.js';

const run = promisify(execFile);

function auditOf(hub: HubRuntime, action: string): { actor: string; detail: string | null }[] {
  return hub.service.db.prepare('SELECT actor, detail FROM audit WHERE action = ? ORDER BY seq').all(action) as { actor: string; detail: string | null }[];
}

/** Opens a WebSocket to the address; resolves with the HTTP status it was refused with, or 101. */
function socketStatus(url: string, headers: Record<string, string> = {}): Promise<{ status: number; socket?: WebSocket }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}api/events`, { headers });
    socket.once('open', () => resolve({ status: 101, socket }));
    socket.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    socket.once('error', () => resolve({ status: 0 }));
  });
}

describe('leader sign-in with OpenID Connect', () => {
  let dir: ReturnType<typeof tempDir>;
  let provider: RunningProvider;
  let hub: HubRuntime;
  let leader: string;

  beforeEach(async () => {
    dir = tempDir('tavla-leader-signin-');
    const port = await freePort();
    leader = `http://127.0.0.1:${port}/`;
    provider = await startProvider(`${leader}auth/callback`);
    hub = await startHub({
      municipality: 'testvik',
      dataDir: dir.path,
      port: 0,
      brokerPort: 0,
      leader: {
        port,
        screenPort: 0,
        host: '0.0.0.0',
        oidc: {
          issuer: provider.issuer,
          clientId: CLIENT.id,
          clientSecret: CLIENT.secret,
          redirectUrl: `${leader}auth/callback`,
          scope: 'openid profile',
          roles: { roleClaim: 'roles', unitClaim: 'tavla_units', municipalRole: 'tavla-municipal-leader', unitRole: 'tavla-unit-leader' },
        },
      },
    });
    seedMunicipality(hub.service, new Date());
  });
  afterEach(async () => {
    await hub.stop();
    await provider.close();
    dir.remove();
  });

  /** Opens the leader address, signs in on the provider's form and follows back to the hub. */
  async function signIn(login: string, browser = new BrowserSession()) {
    const form = await browser.follow(leader);
    expect(form.url).toMatch(new RegExp(`^${provider.issuer}/interaction/`));
    const action = /<form[^>]*action="([^"]+)"/.exec(await form.response.text())?.[1].replace(/&amp;/g, '&');
    expect(action).toBeDefined();
    const done = await browser.follow(new URL(action as string, form.url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prompt: 'login', login, password: 'synthetic' }).toString(),
    });
    return { browser, ...done };
  }

  async function call<T>(browser: BrowserSession, command: string, input: unknown = {}): Promise<{ status: number; body: { ok: boolean; value: T; code?: string; message?: string } }> {
    const response = await browser.request(`${leader}api/${command}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
    return { status: response.status, body: (await response.json()) as { ok: boolean; value: T } };
  }

  it('sends an unsigned visitor to the provider with PKCE, state and nonce; the API and WebSocket answer 401', async () => {
    const browser = new BrowserSession();
    const page = await browser.request(leader);
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/auth/login');
    const login = await browser.request(`${leader}auth/login`);
    const to = new URL(login.headers.get('location') ?? '');
    expect(to.origin).toBe(provider.issuer);
    expect(Object.fromEntries(to.searchParams)).toMatchObject({
      client_id: CLIENT.id,
      response_type: 'code',
      redirect_uri: `${leader}auth/callback`,
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      state: expect.stringMatching(/.{20,}/),
      nonce: expect.stringMatching(/.{20,}/),
    });

    const api = await call(browser, 'leader.capacity');
    expect(api.status).toBe(401);
    expect(api.body).toMatchObject({ ok: false, code: 'unauthorized' });
    expect((await socketStatus(leader)).status).toBe(401);
    // With sign-in configured the address binds where it was asked to (here every interface).
    expect(((hub.leaderHost as RunningHost).server.address() as AddressInfo).address).toBe('0.0.0.0');
  });

  it('ends signed in after the code flow: an HttpOnly, SameSite=Lax session cookie, the page, the socket; sign-out ends it', async () => {
    const { browser, response, url } = await signIn('kari');
    expect(url).toBe(leader);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<div id="app">/);
    expect(provider.authorizationRequests).toHaveLength(1);
    const session = browser.setCookies.find((line) => line.startsWith('tavla_leader='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).toMatch(/Max-Age=\d+/);
    expect(session).not.toMatch(/Secure/); // the redirect URL is http here; https would add it

    expect((await call<{ signedInAs: string }>(browser, 'app.info')).body.value.signedInAs).toBe('Kari Nordmann');
    expect((await call(browser, 'leader.capacity')).status).toBe(200);
    const cookie = `tavla_leader=${browser.cookie(new URL(leader).origin, 'tavla_leader')}`;
    const socket = await socketStatus(leader, { cookie });
    expect(socket.status).toBe(101);
    socket.socket?.close();
    expect(auditOf(hub, 'leader.signIn')).toEqual([{ actor: 'Kari Nordmann (kari)', detail: 'municipal leader' }]);

    const out = await browser.request(`${leader}auth/logout`, { method: 'POST' });
    expect(out.status).toBe(303);
    expect((await call(browser, 'leader.capacity')).status).toBe(401);
    // The old cookie, replayed by someone who kept it, is dead too.
    expect((await fetch(`${leader}api/leader.capacity`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
    expect(auditOf(hub, 'leader.signOut')).toEqual([{ actor: 'Kari Nordmann (kari)', detail: null }]);
  });

  it('refuses a callback it did not start: unknown state, replayed code, another browser\'s link', async () => {
    const { browser } = await signIn('kari');
    const callback = browser.visited.find((visited) => visited.startsWith(`${leader}auth/callback`)) as string;
    expect(callback).toMatch(/code=/);
    // The same code and state again, in this browser and in a fresh one: the state was used up.
    for (const other of [browser, new BrowserSession()]) {
      const replay = await other.request(callback);
      expect(replay.status).toBe(400);
      expect(await replay.text()).toMatch(/Innloggingen mislyktes/);
    }
    const forged = await new BrowserSession().request(`${leader}auth/callback?code=forged&state=forged`);
    expect(forged.status).toBe(400);
    expect(auditOf(hub, 'leader.signInFailed').length).toBe(3);
    expect(auditOf(hub, 'leader.signIn').length).toBe(1);
  });

  it('gives a municipal leader every unit and a unit leader only hers, in every answer', async () => {
    const kari = (await signIn('kari')).browser;
    const marit = (await signIn('marit')).browser;
    const all = (await call<CapacityView>(kari, 'leader.capacity')).body.value;
    expect(all.units.map((u) => u.unit).sort()).toEqual(['fjellro', 'hjemme', 'solsiden', 'tildeling']);
    const own = (await call<CapacityView>(marit, 'leader.capacity')).body.value;
    expect(own.units.map((u) => u.unit)).toEqual(['solsiden']);
    expect(own.totals).toMatchObject({ units: 1, beds: 4, occupied: 2 });
    expect(all.totals.beds).toBe(6);

    // The allocation office's discharge-ready patient is not hers; the transfer into her unit is.
    const allFlow = (await call<FlowView>(kari, 'leader.flow')).body.value;
    const ownFlow = (await call<FlowView>(marit, 'leader.flow')).body.value;
    expect(allFlow.waiting.map((w) => w.unit)).toEqual(['tildeling']);
    expect(ownFlow.waiting).toEqual([]);
    expect(ownFlow.transfers.map((t) => [t.fromUnit, t.toUnit])).toEqual([['tildeling', 'solsiden']]);

    expect((await call<IndicatorsView>(marit, 'leader.indicators')).body.value.units.map((u) => u.unit)).toEqual(['solsiden']);
    expect((await call<ForecastView>(marit, 'leader.forecast')).body.value.units.map((u) => u.unit)).toEqual(['solsiden']);
    const csv = (await call<ExportFile>(marit, 'leader.exportCsv', { table: 'capacity' })).body.value.content;
    expect(csv).toMatch(/Solsiden/);
    expect(csv).not.toMatch(/Fjellro|Hjemmetjenesten|Tildelingskontoret/);
    for (const [command, input] of [
      ['leader.indicators', { unit: 'fjellro' }],
      ['leader.forecast', { unit: 'fjellro' }],
      ['leader.exportFhir', { unit: 'fjellro' }],
      ['leader.exportCsv', { table: 'forecast', unit: 'fjellro' }],
    ] as const) {
      const refused = await call(marit, command, input);
      expect(refused.status, command).toBe(403);
      expect(refused.body).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect((await call(kari, 'leader.indicators', { unit: 'fjellro' })).status).toBe(200);
  });

  it('lets a unit leader change only her unit\'s benefits; rates and the municipality\'s need a municipal leader', async () => {
    const kari = (await signIn('kari')).browser;
    const marit = (await signIn('marit')).browser;
    const benefit = (unit?: string) => ({ name: 'Færre døgn', indicator: 'discharge-ready-days', baselineFrom: '2026-01-01', baselineTo: '2026-02-01', unitCost: 5745, ...(unit ? { unit } : {}) });
    const mine = await call<{ id: string }>(marit, 'benefit.define', benefit('solsiden'));
    expect(mine.body).toMatchObject({ ok: true });
    for (const [command, input] of [
      ['benefit.define', benefit('fjellro')],
      ['benefit.define', benefit()],
      ['leader.setRate', { year: 2026, nok: 6000 }],
    ] as const) {
      const refused = await call(marit, command, input);
      expect(refused.status, command).toBe(403);
      expect(refused.body).toMatchObject({ ok: false, code: 'forbidden' });
    }
    const municipal = await call<{ id: string }>(kari, 'benefit.define', benefit());
    expect(municipal.body.ok).toBe(true);
    expect((await call(kari, 'leader.setRate', { year: 2026, nok: 6000 })).body.ok).toBe(true);
    expect((await call(marit, 'benefit.remove', { id: municipal.body.value.id })).status).toBe(403);
    // She sees her unit's benefit only; the municipal leader sees both.
    expect((await call<BenefitsView>(marit, 'leader.benefits')).body.value.benefits.map((b) => b.definition.id)).toEqual([mine.body.value.id]);
    expect((await call<BenefitsView>(kari, 'leader.benefits')).body.value.benefits).toHaveLength(2);
    expect((await call(marit, 'benefit.remove', { id: mine.body.value.id })).body.ok).toBe(true);

    expect(auditOf(hub, 'benefit.define').map((e) => e.actor)).toEqual(['Marit Solberg (marit)', 'Kari Nordmann (kari)']);
    expect(auditOf(hub, 'leader.setRate').map((e) => e.actor)).toEqual(['Kari Nordmann (kari)']);
    expect(auditOf(hub, 'benefit.remove').map((e) => e.actor)).toEqual(['Marit Solberg (marit)']);
    expect(auditOf(hub, 'leader.refused').filter((e) => e.actor === 'Marit Solberg (marit)')).toHaveLength(4);
    expect((hub.service.db.prepare('SELECT count(*) AS n FROM leader_benefit').get() as { n: number }).n).toBe(1);
  });

  it('refuses a signed-in person without a Tavla role with a bokmål page, and keeps no session', async () => {
    const { browser, response } = await signIn('per');
    expect(response.status).toBe(403);
    const page = await response.text();
    expect(page).toMatch(/Ingen tilgang til Tavla/);
    expect(page).toMatch(/Per Hansen/);
    expect(page).toMatch(/<html lang="nb">/);
    expect(browser.cookie(new URL(leader).origin, 'tavla_leader')).toBeUndefined();
    expect((await call(browser, 'leader.capacity')).status).toBe(401);
    expect(auditOf(hub, 'leader.refused')).toEqual([{ actor: 'Per Hansen (per)', detail: 'signed in without a Tavla leader role' }]);
  });

  it('lets a wall screen in with its device token, refuses it at once when revoked, and refuses none', async () => {
    // Bound to every interface; a browser opens it by one of them (a Host of 0.0.0.0 is refused).
    const screen = (hub.leaderScreenHost as RunningHost).url.replace('0.0.0.0', '127.0.0.1');
    const tavla = (...args: string[]) => run(process.execPath, [`${REPO}/bin/tavla.js`, 'device-token', ...args, '--data', dir.path]);
    const issued = await tavla('issue', '--name', 'korridor-2');
    const token = /^(tvs_\S+)$/m.exec(issued.stdout)?.[1] as string;
    expect(token).toBeDefined();
    expect(hub.service.db.prepare('SELECT count(*) AS n FROM device_token WHERE token_hash = ?').get(token)).toEqual({ n: 0 });

    const post = (headers: Record<string, string>, command = 'leader.capacity', input: unknown = {}) =>
      fetch(`${screen}api/${command}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) });
    // No token: neither the page nor the API nor the socket.
    const bare = await fetch(screen);
    expect(bare.status).toBe(401);
    expect(await bare.text()).toMatch(/Skjermen mangler tilgang/);
    expect((await post({})).status).toBe(401);
    expect((await post({ authorization: 'Bearer tvs_not-a-token-of-this-hub-0000000000000000000' })).status).toBe(401);
    expect((await socketStatus(screen)).status).toBe(401);

    // As a header, and once in the address, which becomes a cookie.
    const capacity = await post({ authorization: `Bearer ${token}` });
    expect(capacity.status).toBe(200);
    expect(((await capacity.json()) as { value: CapacityView }).value.units).toHaveLength(4);
    const kiosk = new BrowserSession();
    const first = await kiosk.request(`${screen}?token=${token}`);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    expect(kiosk.setCookies[0]).toMatch(/^tavla_screen=.*HttpOnly.*SameSite=Lax/);
    expect((await kiosk.request(screen)).status).toBe(200);
    const cookie = `tavla_screen=${token}`;
    expect((await post({ cookie })).status).toBe(200);
    expect((await post({ cookie }, 'leader.setRate', { year: 2026, nok: 1 })).status).toBe(403);
    const socket = await socketStatus(screen, { cookie });
    expect(socket.status).toBe(101);

    const listed = await tavla('list');
    expect(listed.stdout).toMatch(/korridor-2\s+alle enheter\s+issued \S+\s+active/);
    expect(listed.stdout).not.toContain(token);
    await tavla('revoke', '--name', 'korridor-2');
    expect((await post({ authorization: `Bearer ${token}` })).status).toBe(401);
    expect((await post({ cookie })).status).toBe(401);
    expect((await kiosk.request(screen)).status).toBe(401);
    // The socket opened before the revocation answers nothing more either.
    const answer = await new Promise<unknown>((resolve) => {
      socket.socket?.on('message', (raw) => resolve(JSON.parse(String(raw))));
      socket.socket?.send(JSON.stringify({ id: 1, command: 'leader.capacity', input: {} }));
    });
    expect(answer).toMatchObject({ id: 1, result: { ok: false, code: 'unauthorized' } });
    socket.socket?.close();
    expect((await tavla('list')).stdout).toMatch(/korridor-2.*revoked/);
  });

  it('narrows a screen issued for one unit to that unit', async () => {
    // Bound to every interface; a browser opens it by one of them (a Host of 0.0.0.0 is refused).
    const screen = (hub.leaderScreenHost as RunningHost).url.replace('0.0.0.0', '127.0.0.1');
    const issued = await run(process.execPath, [`${REPO}/bin/tavla.js`, 'device-token', 'issue', '--name', 'solsiden-vakt', '--unit', 'solsiden', '--data', dir.path]);
    const token = /^(tvs_\S+)$/m.exec(issued.stdout)?.[1] as string;
    const capacity = await fetch(`${screen}api/leader.capacity`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    expect(((await capacity.json()) as { value: CapacityView }).value.units.map((u) => u.unit)).toEqual(['solsiden']);
  });
});

describe('leader addresses without sign-in', () => {
  it('listen on 127.0.0.1 only, whatever --leader-host says, and say so at start', async () => {
    const dir = tempDir('tavla-leader-loopback-');
    const hub = await startHub({ municipality: 'testvik', dataDir: dir.path, port: 0, brokerPort: 0, leader: { port: 0, screenPort: 0, host: '0.0.0.0' } });
    try {
      for (const address of [hub.leaderHost, hub.leaderScreenHost]) {
        expect(((address as RunningHost).server.address() as AddressInfo).address).toBe('127.0.0.1');
      }
      // The runtime says so; `tavla hub` prints its notices first (test/unit/cli/start-output.test.ts).
      expect(hub.notices).toContainEqual(expect.stringMatching(/not configured: the leader addresses listen on 127\.0\.0\.1 only/));
    } finally {
      await hub.stop();
      dir.remove();
    }
  });
});

describe('leader sign-in settings', () => {
  const tavla = (...args: string[]) => run(process.execPath, [`${REPO}/bin/tavla.js`, ...args]).then(() => ({ code: 0, stderr: '' }), (error: { code: number; stderr: string }) => error);

  it('refuses an incomplete or unsafe OpenID Connect setting before anything starts, naming what to fix', async () => {
    const dir = tempDir('tavla-oidc-settings-');
    try {
      const base = ['hub', '--municipality', 'testvik', '--data', dir.path, '--port', '0', '--broker-port', '0', '--leader-port', '0'];
      const partial = await tavla(...base, '--oidc-issuer', 'https://login.example.invalid/realms/tavla');
      expect(partial.code).toBe(2);
      expect(partial.stderr).toMatch(/leader sign-in needs --oidc-client-id, --oidc-client-secret, --oidc-redirect-url as well/);
      const plain = await tavla(...base, '--oidc-issuer', 'http://login.example.invalid/', '--oidc-client-id', 'a', '--oidc-client-secret', 'b', '--oidc-redirect-url', 'https://tavla.example.invalid/auth/callback');
      expect(plain.code).toBe(2);
      expect(plain.stderr).toMatch(/oidcIssuer: .* must be https:\/\//);
      const root = await tavla(...base, '--oidc-issuer', 'https://login.example.invalid/', '--oidc-client-id', 'a', '--oidc-client-secret', 'b', '--oidc-redirect-url', 'https://tavla.example.invalid/');
      expect(root.code).toBe(2);
      expect(root.stderr).toMatch(/oidcRedirectUrl: give it a path of its own/);
    } finally {
      dir.remove();
    }
  });

  it('refuses device-token actions it does not know, and a hub folder that holds no store', async () => {
    const dir = tempDir('tavla-token-cli-');
    try {
      expect((await tavla('device-token', 'list', '--data', dir.path)).stderr).toMatch(/no hub store in/);
      const hub = await startHub({ municipality: 'testvik', dataDir: dir.path, port: 0, brokerPort: 0 });
      await hub.stop();
      expect((await tavla('device-token', 'grant', '--data', dir.path)).stderr).toMatch(/grant is not issue, list or revoke/);
      expect((await tavla('device-token', 'issue', '--data', dir.path)).stderr).toMatch(/needs --name/);
      const revoke = await tavla('device-token', 'revoke', '--data', dir.path, '--name', 'finnes-ikke');
      expect(revoke.code).toBe(1);
      expect(revoke.stderr).toMatch(/has no active device token/);
    } finally {
      dir.remove();
    }
  });
});
