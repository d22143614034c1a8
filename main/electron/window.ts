/**
 * The kiosk window: one sandboxed, isolated page — the board from the app's own scheme with the IPC
 * bridge, or a leader screen's page from the hub without it — reloaded if its renderer dies or the
 * page cannot be reached.
 */

import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, Menu } from 'electron';
import { logger } from '../log.js';

const PRELOAD = fileURLToPath(new URL('./preload.cjs', import.meta.url));
const RELOAD_DELAY_MS = 1_000;
/** A leader screen whose hub cannot be reached tries again this often. */
const RETRY_LOAD_MS = 10_000;
// A page stuck this long is treated as crashed: a wall screen has nobody to press "wait".
const UNRESPONSIVE_LIMIT_MS = 30_000;

/** What the window shows: its page, and whether the page gets the board's IPC bridge. */
export interface KioskPage {
  url: string;
  bridge: boolean;
}

/** Opens the page full screen; TAVLA_WINDOWED=1 gives developers an ordinary window instead. */
export function createKioskWindow(page: KioskPage): BrowserWindow {
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
      // The bridge is the board's own services; a page from the hub talks to the hub over its WebSocket.
      ...(page.bridge ? { preload: PRELOAD } : {}),
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
  const load = () => {
    if (window.isDestroyed()) return;
    window.loadURL(page.url).catch((error: unknown) => logger.error({ err: error, url: page.url }, 'page failed to load'));
  };
  reloadWhenRendererDies(window, load);
  // The hub down or the network away when the screen starts: Chromium's error page, then a retry.
  window.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    // -3 is ERR_ABORTED: a navigation replaced or refused (security.ts), not an unreachable page.
    if (!isMainFrame || code === -3) return;
    logger.warn({ code, description, url }, `page unreachable; retrying in ${RETRY_LOAD_MS / 1000} s`);
    setTimeout(load, RETRY_LOAD_MS);
  });
  load();
  return window;
}

/** Renderer crash or hang: reload the page, which reads everything back from the store. */
function reloadWhenRendererDies(window: BrowserWindow, load: () => void): void {
  const contents = window.webContents;
  let hung: NodeJS.Timeout | undefined;
  contents.on('render-process-gone', (_event, details) => {
    clearTimeout(hung);
    if (details.reason === 'clean-exit') return;
    logger.error({ reason: details.reason, exitCode: details.exitCode }, 'renderer gone; reloading');
    // A short pause keeps a page that crashes on load from spinning the CPU.
    setTimeout(load, RELOAD_DELAY_MS);
  });
  contents.on('unresponsive', () => {
    logger.warn('renderer unresponsive');
    hung = setTimeout(() => contents.forcefullyCrashRenderer(), UNRESPONSIVE_LIMIT_MS);
  });
  contents.on('responsive', () => clearTimeout(hung));
  window.on('closed', () => clearTimeout(hung));
}
