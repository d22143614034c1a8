/**
 * The Electron entry: composes security, the board's services, IPC and the kiosk window — nothing
 * else. A screen configured as a leader screen opens only the kiosk window on the hub's leader view.
 */

import { app } from 'electron';
import { logger } from '../log.js';
import { APP_URL, isAppUrl, registerAppScheme, serveAppScheme } from './app-protocol.js';
import { BoardConfigError, configPath, leaderScreenAllows, readScreenConfig, type BoardConfig, type LeaderScreenConfig } from './board-config.js';
import { openBoard } from './board-services.js';
import { setupIpc } from './ipc.js';
import { setupSecurity } from './security.js';
import { createKioskWindow } from './window.js';

// Before 'ready' (Electron's rule); no top-level await above this, or 'ready' could come first.
registerAppScheme();

// Two boards on one screen would open the same SQLite file: the second one leaves.
if (!app.requestSingleInstanceLock()) app.quit();
else app.whenReady().then(start).catch(fatal);

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  const config = readScreenConfig(configPath(process.argv.slice(1), process.env, userData), userData);
  const stop = config.screen === 'leader' ? startLeaderScreen(config) : await startBoard(config);
  quitCleanly(stop);
}

/** The unit's store, sync and IPC below the board page from the app's own scheme. */
async function startBoard(config: BoardConfig): Promise<() => Promise<void>> {
  setupSecurity(isAppUrl);
  serveAppScheme();
  const board = await openBoard(config);
  const disposeIpc = setupIpc(board.service);
  createKioskWindow({ url: APP_URL, bridge: true });
  return async () => {
    disposeIpc();
    await board.stop();
  };
}

/** Nothing below the page: the hub serves the leader view and answers it over its WebSocket. */
function startLeaderScreen(config: LeaderScreenConfig): () => Promise<void> {
  setupSecurity((url) => leaderScreenAllows(config, url));
  createKioskWindow({ url: config.hubUrl, bridge: false });
  // The configured address may carry the screen's device token: the log gets its origin only.
  logger.info({ hub: new URL(config.hubUrl).origin }, 'leader screen opened');
  return () => Promise.resolve();
}

/** Window closed, SIGTERM or SIGINT: one path that stops what runs below the page, then exits. */
function quitCleanly(stop: () => Promise<void>): void {
  app.on('window-all-closed', () => app.quit());
  // systemd stops the kiosk with SIGTERM: shut down through the same path as closing the window.
  process.once('SIGTERM', () => app.quit());
  process.once('SIGINT', () => app.quit());
  let stopped = false;
  app.on('will-quit', (event) => {
    if (stopped) return;
    // Hold the quit until the outbox, broker connection and SQLite file are closed.
    event.preventDefault();
    stopped = true;
    stop()
      .catch((error: unknown) => logger.error({ err: error }, 'board stop failed'))
      .finally(() => app.exit(0));
  });
}

function fatal(error: unknown): void {
  if (error instanceof BoardConfigError) process.stderr.write(`tavla: ${error.message}\n`);
  else logger.fatal({ err: error }, 'board could not start');
  app.exit(1);
}
