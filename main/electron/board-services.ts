/** Opens the board's services below the window through the one board assembly: store, sync, collector and, with a port, the loopback API. */

import { assembleBoard, type AssembledBoard } from '../board/board-assembly.js';
import { logger } from '../log.js';
import type { BoardConfig } from './board-config.js';

/** The running services of one Electron board. */
export type OpenBoard = AssembledBoard;

/** Opens the unit's store, connects to the broker if one is configured, and serves /healthz if a port is. */
export async function openBoard(config: BoardConfig): Promise<OpenBoard> {
  const board = await assembleBoard(config);
  logger.info(
    { municipality: config.municipality, unit: config.unit, data: config.dataDir, api: board.host?.url, nodeId: board.service.nodeId },
    'board opened',
  );
  return board;
}
