/** The kiosk window: one sandboxed, isolated page from the app's own scheme, reloaded if its renderer dies. */

import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, Menu } from 'electron';
import { logger } from '../log.js';
import { APP_URL } from './app-protocol.js';

const PRELOAD = fileURLToPath(new URL('./preload.cjs', import.meta.url));
const RELOAD_DELAY_MS = 1_000;
// A page stuck this long is treated as crashed: a wall screen has nobody to press "wait".
const UNRESPONSIVE_LIMIT_MS = 30_000;

/** Opens the board full screen; TAVLA_WINDOWED=1 gives developers an ordinary window instead. */
export function createKioskWindow(): BrowserWindow {
  const kiosk = process.env.TAVLA_WINDOWED !== '1';
  // No menu means no accelerators for dev tools, zoom or print on a shared touch screen.
  Menu.setApplicationMenu(null);
  const window = new BrowserWindow({
    kiosk,
    fullscreen: kiosk,
    width: 1920,
    height: 1080,
    show: false,
    title: 'Tavla',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  window.once('ready-to-show', () => window.show());
  reloadWhenRendererDies(window);
  load(window);
  return window;
}

/** Renderer crash or hang: reload the page, which reads everything back from the store. */
function reloadWhenRendererDies(window: BrowserWindow): void {
  const contents = window.webContents;
  let hung: NodeJS.Timeout | undefined;
  contents.on('render-process-gone', (_event, details) => {
    clearTimeout(hung);
    if (details.reason === 'clean-exit') return;
    logger.error({ reason: details.reason, exitCode: details.exitCode }, 'renderer gone; reloading');
    // A short pause keeps a page that crashes on load from spinning the CPU.
    setTimeout(() => load(window), RELOAD_DELAY_MS);
  });
  contents.on('unresponsive', () => {
    logger.warn('renderer unresponsive');
    hung = setTimeout(() => contents.forcefullyCrashRenderer(), UNRESPONSIVE_LIMIT_MS);
  });
  contents.on('responsive', () => clearTimeout(hung));
  window.on('closed', () => clearTimeout(hung));
}

function load(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  window.loadURL(APP_URL).catch((error: unknown) => logger.error({ err: error }, 'board page failed to load'));
}
