/** A `tavla` process (board or hub) as users run it: the built CLI, its own data folder and port. */

import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { OPERATOR_TOKEN_FILE } from '../../main/host/operator-token.js';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { ScriptSession } from './script-session.js';

/** The repository root, whether this runs from test/ (vitest) or compiled under dist/ (bench). */
export const REPO = (() => {
  let dir = fileURLToPath(new URL('.', import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir.endsWith(`${sep}dist`) || dir.endsWith(`${sep}dist${sep}`) ? dirname(dir) : dir;
})();
const CLI = join(REPO, 'bin', 'tavla.js');
/** How a script on the machine calls the API: a JSON body, as the host requires. */
export const JSON_HEADERS = { 'content-type': 'application/json' } as const;

export interface TavlaOptions {
  role: 'board' | 'hub';
  municipality: string;
  unit?: string;
  broker?: string;
  data: string;
  /** A configuration file (`--config`), e.g. one `tavla provision` wrote; flags given here win. */
  config?: string;
  /** More flags, as a user would add them (e.g. --plo-inbox). */
  args?: string[];
  /** More environment (e.g. libfaketime's, for a skewed clock). */
  env?: Record<string, string>;
}

export class TavlaProcess {
  private child: ChildProcess | undefined;
  url = '';
  /** The hub's leader address, and its read-only one for screens, when started with --leader-port / --leader-screen-port. */
  leaderUrl = '';
  leaderScreenUrl = '';
  output = '';
  /** What the process printed on stdout while starting (its URLs, where the operator token is). */
  printed = '';

  constructor(readonly options: TavlaOptions) {}

  static async start(options: TavlaOptions): Promise<TavlaProcess> {
    const process = new TavlaProcess(options);
    await process.start();
    return process;
  }

  /** The running process's id (undefined while stopped): for memory readings from /proc. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  get databaseFile(): string {
    return join(this.options.data, this.options.role === 'hub' ? 'hub.sqlite' : 'tavla.sqlite');
  }

  async start(): Promise<void> {
    const { role, municipality, unit, broker, data } = this.options;
    const args = [CLI, role, '--municipality', municipality, '--data', data, '--port', '0'];
    if (unit) args.push('--unit', unit);
    if (broker) args.push('--broker', broker);
    if (this.options.config) args.push('--config', this.options.config);
    else if (role === 'hub' && !broker) args.push('--broker-port', '0');
    args.push(...(this.options.args ?? []));
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TAVLA_LOG: 'warn', ...this.options.env } });
    this.child = child;
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    const wantsLeader = this.options.args?.includes('--leader-port') ?? false;
    const wantsScreen = this.options.args?.includes('--leader-screen-port') ?? false;
    this.url = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      const timer = setTimeout(() => reject(new Error(`tavla ${role} did not print its URL: ${stdout}${this.output}`)), 15_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        this.printed = stdout;
        const lines = stdout.split('\n').map((l) => l.trim());
        const line = lines.find((l) => /^http:\/\/127\.0\.0\.1:\d+\/$/.test(l));
        this.leaderUrl = lines.find((l) => l.startsWith('leader view: '))?.slice('leader view: '.length) ?? '';
        this.leaderScreenUrl = lines.find((l) => l.startsWith('leader screens (read-only): '))?.slice('leader screens (read-only): '.length) ?? '';
        if (line && (!wantsLeader || this.leaderUrl) && (!wantsScreen || this.leaderScreenUrl)) {
          clearTimeout(timer);
          resolve(line);
        }
      });
      child.once('exit', (code) => reject(new Error(`tavla ${role} exited with ${code}: ${stdout}${this.output}`)));
    });
  }

  /** This process's API as an IT script drives it: unlocked with a staff PIN where a command needs it. */
  readonly script = new ScriptSession((command, input) => this.post(command, input));

  /** POSTs a command as it is, without a session of its own. */
  async post<T = unknown>(command: string, input: unknown = {}): Promise<{ ok: boolean; value?: T; code?: string; message?: string }> {
    const response = await fetch(`${this.url}api/${command}`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(input) });
    return (await response.json()) as { ok: boolean; value?: T };
  }

  /** Calls a command; one that needs an unlocked screen carries the script's session (script-session.ts). */
  async call<T = unknown>(command: string, input: unknown = {}): Promise<{ ok: boolean; value?: T; code?: string; message?: string }> {
    return (await this.script.call(command, input)) as { ok: boolean; value?: T };
  }

  /** Calls a command and returns the created record's id; throws when the command failed. */
  async id(command: string, input: unknown): Promise<string> {
    const result = await this.call<{ id: string }>(command, input);
    if (!result.ok || !result.value) throw new Error(`${command} failed: ${JSON.stringify(result)}`);
    return result.value.id;
  }

  async health(): Promise<Record<string, unknown>> {
    return (await (await fetch(`${this.url}healthz`)).json()) as Record<string, unknown>;
  }

  /** `GET /api/state`; a hub's asks for the operator token, which the test reads as an operator would. */
  async state<T = Record<string, unknown>>(): Promise<T> {
    const headers = this.options.role === 'hub' ? { authorization: `Bearer ${this.operatorToken()}` } : undefined;
    return (await (await fetch(`${this.url}api/state`, { headers })).json()) as T;
  }

  /** The hub's operator token, from the file it keeps in its data folder. */
  operatorToken(): string {
    return readFileSync(join(this.options.data, OPERATOR_TOKEN_FILE), 'utf8').trim();
  }

  /** Stops the process (SIGTERM: a clean stop; SIGKILL: a crash). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
    this.child = undefined;
  }
}

/** A scope's replicated fields as stored in a replica's SQLite file (value and stamp). */
export function storedFields(file: string, scope: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        `SELECT collection, id, field, value, hlc FROM field_state WHERE scope = ? OR (collection = 'transfer' AND id IN (SELECT id FROM transfer WHERE fromUnit = ? OR toUnit = ?)) ORDER BY collection, id, field`,
      )
      .all(scope, scope, scope) as Record<string, string>[];
    return rows.map((row) => `${row.collection}/${row.id}/${row.field}=${row.value}@${row.hlc}`);
  } finally {
    db.close();
  }
}

export function storedScopes(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT DISTINCT scope FROM field_state ORDER BY scope').all() as { scope: string }[]).map((r) => r.scope);
  } finally {
    db.close();
  }
}
