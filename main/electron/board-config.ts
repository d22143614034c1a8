/**
 * An Electron screen's configuration file: where it is found and what it must hold. A screen is a
 * unit's board (the default) or a leader screen, which shows the hub's leader view and keeps no
 * data of its own.
 */

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { boardSettings, type BoardSettings } from '../board/board-assembly.js';
import { relativeTo, RoleOptions } from '../config/options.js';

/** The file's keys: the command line's, and what kind of screen this is. */
const ScreenFile = RoleOptions.extend({
  screen: z.enum(['board', 'leader']).optional(),
  /** A leader screen's page: the hub's read-only leader screen address (`tavla hub --leader-screen-port`). */
  hub: z
    .url({ protocol: /^https?$/, error: 'the http:// or https:// address of the hub\'s leader view, e.g. http://tavla-hub:4702/' })
    .optional(),
});

/** A unit's board: the settings of the one board assembly, every option a `tavla board` takes included. */
export interface BoardConfig extends BoardSettings {
  screen: 'board';
  file: string;
}

/** A leader screen: the kiosk shows the hub's leader view, and nothing runs below it. */
export interface LeaderScreenConfig {
  screen: 'leader';
  file: string;
  hubUrl: string;
}

export type ScreenConfig = BoardConfig | LeaderScreenConfig;

/** Keys that belong to a unit's board, refused on a leader screen so nobody thinks it keeps a unit. */
const BOARD_ONLY_KEYS = ['unit', 'data', 'broker', 'port', 'brokerCa', 'brokerCert', 'brokerKey', 'brokerUsername', 'brokerPassword', 'pseudonymKey', 'hostNames', 'syncPeriod', 'horizon'] as const;

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

/** Reads and validates the file with the configuration schema; a relative `data` is taken from the file's folder. */
export function readScreenConfig(file: string, userData: string): ScreenConfig {
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
  const parsed = ScreenFile.safeParse(typeof json === 'object' && json !== null && !Array.isArray(json) ? relativeTo(dirname(file), json as Record<string, unknown>) : json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BoardConfigError(`${file}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
  }
  const { municipality, unit, data, port, screen, hub } = parsed.data;
  if (screen === 'leader') {
    const stray = BOARD_ONLY_KEYS.filter((key) => parsed.data[key] !== undefined);
    if (stray.length > 0) {
      throw new BoardConfigError(`${file}: a leader screen keeps no unit of its own; remove ${stray.map((key) => `"${key}"`).join(', ')}`);
    }
    if (hub === undefined) throw new BoardConfigError(`${file}: a leader screen needs "hub", the address of the hub's leader view`);
    return { screen, file, hubUrl: hub };
  }
  if (hub !== undefined) throw new BoardConfigError(`${file}: "hub" is for a leader screen; add "screen": "leader" or remove it`);
  if (municipality === undefined || unit === undefined) {
    throw new BoardConfigError(`${file} must name both "municipality" and "unit"`);
  }
  const dataDir = data === undefined ? join(userData, 'data', municipality, unit) : resolve(dirname(file), data);
  let settings: BoardSettings;
  try {
    settings = boardSettings({ ...parsed.data, municipality, unit }, dataDir);
  } catch (error) {
    throw new BoardConfigError(`${file}: ${(error as Error).message}`);
  }
  // No port, no API: the kiosk answers over IPC; a port lets IT monitor it (GET /healthz) as a headless board.
  return { screen: 'board', file, ...settings, port };
}

/**
 * True when the kiosk may show `url`: a leader screen stays on the hub's origin (its leader view and
 * that page's own links), so a wrong link cannot carry the screen off to another site.
 */
export function leaderScreenAllows(config: LeaderScreenConfig, url: string): boolean {
  try {
    const target = new URL(url);
    return target.origin === new URL(config.hubUrl).origin && target.username === '' && target.password === '';
  } catch {
    return false;
  }
}
