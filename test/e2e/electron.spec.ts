/**
 * The Electron board: its kiosk window shows the board, `window.tavla` is one function per command
 * and nothing else, and the page cannot navigate or open windows away from the app.
 * Skipped, with the reason printed, where the Electron binary is not installed.
 */

import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page, type TestInfo } from '@playwright/test';
import type { RunningHost } from '../../main/host/http-host.js';
import { issueDeviceToken } from '../../main/leader/device-tokens.js';
import { startHub, type HubRuntime } from '../../main/runtime/hub-runtime.js';
import type { TavlaBridge } from '../../shared/api/bridge.js';
import { COMMAND_NAMES } from '../../shared/api/contract.js';
import { tempDir } from '../support/temp-dir.js';

const MAIN = fileURLToPath(new URL('../../dist/main/electron/main.js', import.meta.url));

/** The Electron executable, or why there is none. */
function findElectron(): { path: string } | { missing: string } {
  const reason =
    'the Electron binary is not installed (it is downloaded from the internet at install time, which this ' +
    'machine cannot reach); run `node node_modules/electron/install.js` where there is internet. ' +
    'The same board in a browser is covered by board.spec.ts.';
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    if (typeof path === 'string' && existsSync(path)) return { path };
  } catch {
    // the electron package throws when its binary was never downloaded
  }
  return { missing: reason };
}

const found = findElectron();
if ('missing' in found) {
  console.log(`electron.spec.ts skipped: ${found.missing}`);
  // Reason beside the skip: no Electron binary on this machine; found.missing says what and how to get it.
  test.skip(true, found.missing);
}

interface RunningApp {
  app: ElectronApplication;
  page: Page;
  log(): string;
}

/** Starts the app on its own config, data and userData folders, so nothing is shared with a real screen. */
async function launch(config: object, use: (running: RunningApp) => Promise<void>, testInfo: TestInfo): Promise<void> {
  const folder = tempDir('tavla-electron-');
  const file = join(folder.path, 'board.json');
  writeFileSync(file, JSON.stringify(config));
  const env: Record<string, string> = { ...process.env, TAVLA_WINDOWED: '1', TAVLA_LOG: 'warn' } as Record<string, string>;
  delete env.ELECTRON_RUN_AS_NODE;
  // Electron puts userData (and its single-instance lock) under XDG_CONFIG_HOME on Linux.
  env.XDG_CONFIG_HOME = join(folder.path, 'config-home');
  const app = await electron.launch({ executablePath: (found as { path: string }).path, args: [MAIN, '--config', file], env });
  let stderr = '';
  app.process().stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    const page = await app.firstWindow();
    await use({ app, page, log: () => stderr });
  } finally {
    await app.close();
    if (testInfo.status !== testInfo.expectedStatus) {
      // e.g. "NODE_MODULE_VERSION": better-sqlite3 not rebuilt for Electron (docs/deploy.md)
      await testInfo.attach('electron-log', { body: stderr, contentType: 'text/plain' });
    }
    folder.remove();
  }
}

const it = test.extend<{ board: RunningApp; leaderScreen: RunningApp & { hub: HubRuntime } }>({
  // Playwright reads a fixture's dependencies from its destructuring pattern; these have none.
  // eslint-disable-next-line no-empty-pattern
  board: async ({}, use, testInfo) => launch({ municipality: 't', unit: 'e2e-electron', data: 'data' }, use, testInfo),
  // eslint-disable-next-line no-empty-pattern
  leaderScreen: async ({}, use, testInfo) => {
    const data = tempDir('tavla-electron-hub-');
    const hub = await startHub({ municipality: 't', dataDir: data.path, port: 0, brokerPort: 0, leader: { screenPort: 0, host: '127.0.0.1' } });
    try {
      const leaderUrl = (hub.leaderScreenHost as RunningHost).url;
      // The screen's configured address carries its device token, as IT sets it up (docs/security.md).
      const { token } = issueDeviceToken(hub.service.db, 'electron-skjerm', null);
      await launch({ screen: 'leader', hub: `${leaderUrl}?token=${token}` }, (running) => use({ ...running, hub }), testInfo);
    } finally {
      await hub.stop();
      data.remove();
    }
  },
});

it('the kiosk window loads the board from the app and shows what is saved through the bridge', async ({ board }) => {
  const { page } = board;
  await page.waitForLoadState('domcontentloaded');
  expect(new URL(page.url()).protocol).toBe('tavla:');
  const configured = await page.evaluate(() =>
    (window as unknown as { tavla: TavlaBridge }).tavla.commands['unit.configure']({
      name: 'Solsiden',
      kind: 'nursing-home',
      beds: [{ label: '101' }, { label: '102' }],
    }),
  );
  expect(configured.ok).toBe(true);
  await expect(page.getByRole('heading', { level: 1, name: 'Solsiden' })).toBeVisible();
});

it('window.tavla has one function per command and no ipcRenderer or generic send', async ({ board }) => {
  const shape = await board.page.evaluate(() => {
    const bridge = (window as unknown as { tavla: Record<string, unknown> & { commands: Record<string, unknown> } }).tavla;
    return {
      keys: Object.keys(bridge).sort(),
      commands: Object.keys(bridge.commands).sort(),
      allFunctions: Object.values(bridge.commands).every((value) => typeof value === 'function'),
      nodeGlobals: ['require', 'process', 'module', 'ipcRenderer'].filter((name) => name in window),
    };
  });
  expect(shape.keys).toEqual(['commands', 'onEvent']);
  expect(shape.commands).toEqual([...COMMAND_NAMES].sort());
  expect(shape.allFunctions).toBe(true);
  expect(shape.nodeGlobals).toEqual([]);
});

it('the page cannot navigate away from the app or open a window', async ({ board }) => {
  const { app, page } = board;
  const before = page.url();
  for (const target of ['https://example.com/', 'file:///etc/hostname']) {
    await page.evaluate((url) => {
      window.location.href = url;
    }, target);
    // A refused navigation leaves no event to wait for; give an accepted one time to commit.
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
  }
  const opened = await page.evaluate(() => window.open('https://example.com/') === null);
  expect(opened).toBe(true);
  expect(app.windows()).toHaveLength(1);
});

it('a screen configured as a leader screen shows the hub\'s leader view and stays on the hub', async ({ leaderScreen }) => {
  const { page, hub } = leaderScreen;
  const leaderUrl = (hub.leaderScreenHost as RunningHost).url;
  await expect(page.getByRole('heading', { level: 1, name: 'Kommuneoversikt' })).toBeVisible();
  await expect(page.getByText(/kun visning/)).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(leaderUrl).origin);
  // No bridge to a board's services: the page talks to the hub over its WebSocket.
  expect(await page.evaluate(() => 'tavla' in window)).toBe(false);
  // The hub's loopback port (with /api/state) is another origin: refused like any other site.
  await page.evaluate((url) => {
    window.location.href = url;
  }, `${hub.host.url}api/state`);
  await page.waitForTimeout(500);
  expect(new URL(page.url()).origin).toBe(new URL(leaderUrl).origin);
});
