/** The Electron entry: composes security, the board's services, IPC and the kiosk window — nothing else. */

import { app } from 'electron';
import { logger } from '../log.js';
import { registerAppScheme, serveAppScheme } from './app-protocol.js';
import { BoardConfigError, configPath, readBoardConfig } from './board-config.js';
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
  setupSecurity();
  serveAppScheme();
  const userData = app.getPath('userData');
  const board = await openBoard(readBoardConfig(configPath(process.argv.slice(1), process.env, userData), userData));
  const disposeIpc = setupIpc(board.service);
  createKioskWindow();

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
    disposeIpc();
    board
      .stop()
      .catch((error: unknown) => logger.error({ err: error }, 'board stop failed'))
      .finally(() => app.exit(0));
  });
}

function fatal(error: unknown): void {
  if (error instanceof BoardConfigError) process.stderr.write(`tavla: ${error.message}\n`);
  else logger.fatal({ err: error }, 'board could not start');
  app.exit(1);
}
