/** Starts one board headless: the board assembly with its loopback HTTP/WebSocket host always on. */

import { assembleBoard, type AssembledBoard, type BoardSettings } from '../board/board-assembly.js';
import type { BoardService } from '../board/board-service.js';
import type { RunningHost } from '../host/http-host.js';

/** A headless board's settings: the same as any board's, the port required. */
export type BoardRuntimeOptions = BoardSettings & { port: number };

/** What started: the board's services, its host (whose URL the CLI prints) and its sync. */
export interface BoardRuntime extends AssembledBoard {
  host: RunningHost;
}

/** `opened`: a store the caller opened (and seeded), as the demo does; else the assembly opens it. */
export async function startBoard(options: BoardRuntimeOptions, opened?: BoardService): Promise<BoardRuntime> {
  const board = await assembleBoard(options, opened);
  // A port was given, so the assembly started the host.
  return { ...board, host: board.host as RunningHost };
}
