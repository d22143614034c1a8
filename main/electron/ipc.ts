/**
 * The IPC transport: one ipcMain handler per command of the contract and events pushed on one
 * channel. Only the app's own top-level page may call, and only plain JSON crosses, never a throw.
 */

import { ipcMain, webContents, type IpcMainInvokeEvent } from 'electron';
import { commandChannel, EVENT_CHANNEL } from '../../shared/api/bridge.js';
import { COMMAND_NAMES, type CommandName } from '../../shared/api/contract.js';
import { fail, type Result } from '../../shared/api/result.js';
import { logger } from '../log.js';
import type { BoardService } from '../board/board-service.js';
import { isAppUrl } from './app-protocol.js';

/** Wires the service to IPC; returns the function that removes every handler and listener again. */
export function setupIpc(service: BoardService): () => void {
  for (const command of COMMAND_NAMES) {
    ipcMain.handle(commandChannel(command), (event, input: unknown) => answer(service, command, event, input));
  }
  const unsubscribe = service.subscribe((event, data) => {
    const payload = plain(data);
    // Pushed only to pages of the app itself; a contents that navigated elsewhere gets nothing.
    for (const contents of webContents.getAllWebContents()) {
      if (!contents.isDestroyed() && isAppUrl(contents.getURL())) contents.send(EVENT_CHANNEL, event, payload);
    }
  });
  return () => {
    unsubscribe();
    for (const command of COMMAND_NAMES) ipcMain.removeHandler(commandChannel(command));
  };
}

function answer(service: BoardService, command: CommandName, event: IpcMainInvokeEvent, input: unknown): Result<unknown> {
  const frame = event.senderFrame;
  // null once the frame navigated or was destroyed; a sub-frame is never the board page.
  if (frame === null || frame.parent !== null || !isAppUrl(frame.url)) {
    logger.warn({ command, url: frame?.url }, 'ipc call from a page that is not the board refused');
    return fail('invalid-input', 'refused: the caller is not the board page');
  }
  try {
    return plain(service.dispatch(command, input));
  } catch (error) {
    // The service answers with envelopes; a throw is a bug, and it must not cross the process.
    logger.error({ err: error, command }, 'ipc command failed');
    return fail('internal', 'internal error');
  }
}

/** The same JSON the HTTP transport sends: no Dates, Maps or class instances reach the renderer. */
function plain<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
