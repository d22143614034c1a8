/** The `tavla` command as a newcomer meets it: help, bad flags, and the demo from start to Ctrl-C. */

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import mqtt from 'mqtt';
import { tempDir } from '../support/temp-dir.js';
import { MOSQUITTO_BIN } from '../support/mosquitto.js';
import { JSON_HEADERS, REPO } from '../support/tavla-process.js';
import { waitFor } from '../support/wait.js';

const CLI = join(REPO, 'bin', 'tavla.js');

describe('the tavla command', () => {
  it('prints its help with --help and exits 0', () => {
    const run = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/board +run one unit's board/);
    expect(run.stdout).toMatch(/--broker <url>/);
  });

  it.each([['board', '--no-such-flag'], ['hub', '--port', 'x'], ['demo', '--broker', 'ftp://x']])(
    'answers %s %s with the usage on stderr and exit code 2',
    (...argv) => {
      const run = spawnSync(process.execPath, [CLI, ...argv], { encoding: 'utf8' });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/Usage: tavla/);
      expect(run.stdout).toBe('');
    },
  );
});

describe('tavla demo', () => {
  let dir: ReturnType<typeof tempDir>;
  let child: ChildProcess | undefined;
  beforeEach(() => {
    dir = tempDir('tavla-demo-');
  });
  afterEach(async () => {
    // A test that failed half-way leaves no demo (and its broker) running behind it: Ctrl-C stops both.
    const running = child;
    if (running && running.exitCode === null && running.signalCode === null) {
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGINT');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 8000))]);
      if (running.exitCode === null && running.signalCode === null) running.kill('SIGKILL');
    }
    child = undefined;
    dir.remove();
  }, 15_000);

  it('starts a hub and seven synced boards (the shared reception one per organisation) in under 10 s, prints its addresses and PINs, and stops cleanly on Ctrl-C', async () => {
    const started = Date.now();
    const demo = spawn(process.execPath, [CLI, 'demo', '--data', dir.path, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TAVLA_LOG: 'warn' },
    });
    child = demo;
    let stdout = '';
    demo.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const url = await waitFor(() => stdout.split('\n').find((line) => /^http:\/\/127\.0\.0\.1:\d+\/$/.test(line)), Boolean, {
      timeout: 10_000,
      what: 'the demo URL',
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    const postTo = async (base: string, command: string) =>
      (await (await fetch(`${base}api/${command}`, { method: 'POST', headers: JSON_HEADERS, body: '{}' })).json()) as { value: unknown };
    const post = (command: string) => postTo(url ?? '', command);
    const boards = (await post('hub.directory')).value as { unit: string; name: string; kind: string; url: string }[];
    expect(boards.map((b) => b.kind).sort()).toEqual(['allocation-office', 'home-care', 'home-hospital', 'nursing-home', 'shared-reception', 'shared-reception', 'short-term']);
    // The reception's boards are named with their organisation.
    expect(boards.filter((b) => b.kind === 'shared-reception').map((b) => b.name)).toEqual(['Felles legevaktmottak – Legevakt', 'Felles legevaktmottak – Sykehus']);

    // The terminal explains the demo: where the log goes (no JSON lines here), the leader view, every board, the PINs.
    await waitFor(() => stdout, (text) => text.includes('operator token'), { what: 'the whole demo text' });
    const lines = stdout.split('\n');
    expect(lines[0]).toContain(join(dir.path, 'tavla.log'));
    expect(existsSync(join(dir.path, 'tavla.log'))).toBe(true);
    expect(lines.filter((line) => line.startsWith('{'))).toEqual([]);
    expect(lines).toContain(`Leader view: ${url}`);
    for (const board of boards) expect(lines).toContain(`  ${board.name}: ${board.url}`);
    expect(lines.some((line) => /^ +1111 +Marit Solberg/.test(line))).toBe(true);
    expect(lines.some((line) => /^ +2222 +Ola Nilsen/.test(line))).toBe(true);

    // The allocation office starts with five synthetic PLO patients, some waiting at a cost, one under
    // the warning that the number in the hospital's message does not match its birth date.
    const office = boards.find((b) => b.kind === 'allocation-office')?.url ?? '';
    const allocation = await waitFor(
      async () => (await postTo(office, 'flow.allocation')).value as { patients: { daysWaiting: number; costAccrued: number; idProblem: string | null }[] },
      (view) => view.patients.length === 5,
      { what: 'the office board to list the PLO patients', timeout: 20_000 },
    );
    const waiting = allocation.patients.filter((p) => p.daysWaiting > 0);
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    for (const patient of waiting) expect(patient.costAccrued).toBeGreaterThan(0);
    expect(allocation.patients.map((p) => p.idProblem).filter((problem) => problem !== null)).toEqual(['birth-date']);

    // Today's open tasks fall due across the hours ahead, not all at one minute (the reception has encounters, not tasks).
    for (const board of boards.filter((b) => b.kind !== 'allocation-office' && b.kind !== 'shared-reception')) {
      const state = (await postTo(board.url, 'unit.state')).value as { tasks: { status: string; due: string | null }[] };
      const dues = state.tasks.filter((t) => t.status === 'open' && t.due !== null).map((t) => Date.parse(t.due ?? ''));
      const minutes = new Set(dues.map((due) => Math.floor(due / 60_000)));
      expect(minutes.size, `${board.unit}: distinct due minutes`).toBeGreaterThanOrEqual(Math.min(8, dues.length / 2));
      expect(Math.max(...dues) - Math.min(...dues), `${board.unit}: due times spread`).toBeGreaterThan(3 * 3_600_000);
      expect(dues.filter((due) => due > Date.now()).length, `${board.unit}: still to come`).toBeGreaterThan(dues.length / 2);
    }
    for (const board of boards) {
      const health = (await (await fetch(`${board.url}healthz`)).json()) as { broker: string; unit: string };
      expect(health).toMatchObject({ unit: board.unit });
      await waitFor(async () => ((await (await fetch(`${board.url}healthz`)).json()) as { broker: string }).broker, (b) => b === 'connected');
    }
    const overview = await waitFor(
      async () => (await post('hub.overview')).value as { unit: string; patients: number; tasksOpen: number }[],
      // The office's patients too: the PLO patients live in its scope.
      (units) => units.length === 6 && units.filter((u) => u.unit !== 'mottak').every((u) => u.patients > 0),
      { what: 'the hub to hold every unit', timeout: 20_000 },
    );
    expect(overview.find((u) => u.unit === 'solsiden')?.patients).toBeGreaterThan(10);

    // The shared reception: each board sees the whole room's eight encounters in their states, one
    // handed over from legevakt to sykehus; each board holds only its own organisation's private records.
    const [legevakt, sykehus] = boards.filter((b) => b.kind === 'shared-reception');
    type Room = { queue: { label: string; owner: string; responsible: string; status: string; colour: string | null; private: unknown }[]; recent: { label: string; status: string }[] };
    for (const board of [legevakt, sykehus]) {
      const room = await waitFor(
        async () => (await postTo(board.url, 'encounter.list')).value as Room,
        (list) => list.queue.length + list.recent.length === 8,
        { what: `${board.name} to show the whole room`, timeout: 20_000 },
      );
      const byLabel = new Map([...room.queue, ...room.recent].map((e) => [e.label, e] as const));
      expect(byLabel.get('L-101')).toMatchObject({ status: 'waiting', colour: null });
      expect(byLabel.get('S-201')).toMatchObject({ status: 'assessment', colour: 'red' });
      expect(byLabel.get('L-104')).toMatchObject({ owner: 'legevakt', responsible: 'sykehus' });
      expect(byLabel.get('L-105')).toMatchObject({ status: 'home' });
      expect(room.queue.every((e) => e.private === null)).toBe(true);
    }
    for (const [folder, own] of [['mottak-legevakt', 'legevakt'], ['mottak-sykehus', 'sykehus']] as const) {
      const db = new Database(join(dir.path, folder, 'tavla.sqlite'), { readonly: true });
      try {
        expect(db.prepare('SELECT DISTINCT organisation FROM encounterPrivate').pluck().all(), folder).toEqual([own]);
      } finally {
        db.close();
      }
    }
    const figures = await waitFor(
      async () => (await post('leader.reception')).value as { receptions: { organisations: { organisation: string; arrivals: number; handoversOut: number }[] }[] },
      (view) => view.receptions[0]?.organisations.reduce((n, o) => n + o.arrivals, 0) === 8,
      { what: 'the hub to hold the reception', timeout: 20_000 },
    );
    expect(figures.receptions[0].organisations).toMatchObject([
      { organisation: 'legevakt', arrivals: 5, handoversOut: 1 },
      { organisation: 'sykehus', arrivals: 3, handoversOut: 0 },
    ]);
    // It says which broker it runs, and that broker lets no anonymous client in.
    const brokerLine = stdout.split('\n').find((line) => line.startsWith('Broker: ')) ?? '';
    expect(brokerLine).toMatch(MOSQUITTO_BIN ? /^Broker: Mosquitto .*TLS, one certificate per replica/ : /^Broker: the embedded aedes .*TLS, one certificate per replica/);
    const brokerPort = Number(/mqtts:\/\/127\.0\.0\.1:(\d+)/.exec(brokerLine)?.[1]);
    const anonymous = await new Promise<string>((resolve) => {
      const client = mqtt.connect(`mqtts://127.0.0.1:${brokerPort}`, { reconnectPeriod: 0, connectTimeout: 4000, rejectUnauthorized: false });
      client.once('connect', () => resolve('connected'));
      client.once('error', () => resolve('refused'));
      client.once('close', () => resolve('refused'));
    });
    expect(anonymous).toBe('refused');

    const exited = new Promise<number | null>((resolve) => demo.once('exit', (code) => resolve(code)));
    demo.kill('SIGINT');
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('still running'), 8000))]);
    expect(code).toBe(0);
    // The demo's broker went with it.
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(brokerPort, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    expect(open).toBe(false);
  }, 60_000);
});
