/** An Electron board's configuration file: where it is found and what it must hold. */

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { RoleOptions } from '../cli/options.js';

/** What a board needs to open its services. */
export interface BoardConfig {
  file: string;
  municipality: string;
  unit: string;
  dataDir: string;
  broker?: string;
  port?: number;
}

/** A configuration the board cannot start with; the message says what to fix. */
export class BoardConfigError extends Error {}

/** The file named by `--config`, else TAVLA_CONFIG, else board.json in Electron's userData folder. */
export function configPath(argv: readonly string[], env: NodeJS.ProcessEnv, userData: string): string {
  // Not strict: Chromium and Playwright add switches of their own (--inspect, --remote-debugging-port).
  const { values } = parseArgs({
    args: [...argv],
    strict: false,
    allowPositionals: true,
    options: { config: { type: 'string' } },
  });
  if (typeof values.config === 'string') return resolve(values.config);
  if (env.TAVLA_CONFIG) return resolve(env.TAVLA_CONFIG);
  return join(userData, 'board.json');
}

/** Reads and validates the file with the CLI's schema; a relative `data` is taken from the file's folder. */
export function readBoardConfig(file: string, userData: string): BoardConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new BoardConfigError(
      `cannot read the board configuration ${file} (${(error as Error).message}); ` +
        'write a JSON file with at least "municipality" and "unit" (docs/deploy.md)',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BoardConfigError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = RoleOptions.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BoardConfigError(`${file}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
  }
  const { municipality, unit, data, broker, port } = parsed.data;
  if (municipality === undefined || unit === undefined) {
    throw new BoardConfigError(`${file} must name both "municipality" and "unit"`);
  }
  return {
    file,
    municipality,
    unit,
    dataDir: data === undefined ? join(userData, 'data', municipality, unit) : resolve(dirname(file), data),
    broker,
    port,
  };
}
