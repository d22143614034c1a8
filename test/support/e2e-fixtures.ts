/**
 * E2E fixtures: every test gets its own board process (the built `tavla board` CLI) on a free
 * port with its own data folder, and a typed way to call its HTTP API.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';
import type { CommandInput, CommandName, CommandOutput } from '../../shared/api/contract.js';
import type { Result } from '../../shared/api/result.js';
import type { SessionRef } from '../../shared/api/commands/ward.js';
import { tempDir } from './temp-dir.js';
import { ScriptSession, type ScriptStaff } from './script-session.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;

/** A running headless board. */
export interface BoardProcess {
  /** The board's base URL, ending in "/". */
  url: string;
  unit: string;
  dataDir: string;
  /** Everything the process wrote to stderr so far (its log). */
  log(): string;
  /** Unlocks as a staff member (set up first if new) for the calls that need a session; see script-session.ts. */
  signIn(staff?: ScriptStaff): Promise<SessionRef>;
  /** Calls a command over POST /api/<command>, with the script's session where the command needs one. */
  call<K extends CommandName>(command: K, input: CommandInput<K>): Promise<Result<CommandOutput<K>>>;
  /** Calls a command and returns its value; throws with the error when it failed. */
  callOk<K extends CommandName>(command: K, input: CommandInput<K>): Promise<CommandOutput<K>>;
  /** Stops the process (SIGTERM, then SIGKILL) and removes its data folder. */
  stop(): Promise<void>;
}

/** Starts `tavla board` with a fresh data folder and resolves once it prints its URL. */
export async function startBoardProcess(options: { unit?: string; municipality?: string; broker?: string; args?: readonly string[] } = {}): Promise<BoardProcess> {
  const unit = options.unit ?? `e2e-${randomBytes(4).toString('hex')}`;
  const data = tempDir('tavla-e2e-');
  const args = ['bin/tavla.js', 'board', '--municipality', options.municipality ?? 't', '--unit', unit];
  if (options.broker) args.push('--broker', options.broker);
  args.push(...(options.args ?? []));
  const child = spawn(process.execPath, [...args, '--data', data.path, '--port', '0'], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TAVLA_LOG: process.env.TAVLA_LOG ?? 'warn' },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let url: string;
  try {
    url = await readUrl(child, () => stderr);
  } catch (error) {
    await stop(child);
    data.remove();
    throw error;
  }
  const script = new ScriptSession(async (command, input) => {
    const response = await fetch(`${url}api/${command}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
    return (await response.json()) as Result<unknown>;
  });
  const call = async <K extends CommandName>(command: K, input: CommandInput<K>) => (await script.call(command, input)) as Result<CommandOutput<K>>;
  return {
    url,
    unit,
    dataDir: data.path,
    log: () => stderr,
    signIn: (staff) => script.signIn(staff),
    call,
    async callOk(command, input) {
      const result = await call(command, input);
      if (!result.ok) throw new Error(`${command} failed: ${result.code}: ${result.message}`);
      return result.value;
    },
    async stop() {
      await stop(child);
      data.remove();
    },
  };
}

function readUrl(child: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    const fail = (why: string) => reject(new Error(`tavla board ${why}\nstdout: ${stdout}\nstderr: ${stderr()}`));
    const timer = setTimeout(() => fail(`printed no URL within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((l) => /^http:\/\/[^\s]+\/$/.test(l.trim()));
      if (line === undefined) return;
      clearTimeout(timer);
      resolve(line.trim());
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(`exited (${code ?? signal}) before printing its URL`);
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  // A board that does not stop cleanly must not outlive the test run.
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** Playwright's `test` with a fresh `board` process per test. */
export const test = base.extend<{ board: BoardProcess }>({
  // Playwright reads a fixture's dependencies from its destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  board: async ({}, use, testInfo) => {
    const board = await startBoardProcess();
    await use(board);
    await board.stop();
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('board-log', { body: board.log(), contentType: 'text/plain' });
    }
  },
});

export { expect } from '@playwright/test';
