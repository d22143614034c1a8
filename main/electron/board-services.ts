/** Opens the board's services below the window: store, sync with the broker, and optionally the loopback API. */

import { logger } from '../log.js';
import { startHost, type RunningHost } from '../host/http-host.js';
import { attachSync } from '../runtime/board-runtime.js';
import { BoardService } from '../board/board-service.js';
import type { SyncEngine } from '../sync/sync-engine.js';
import type { BoardConfig } from './board-config.js';

/** The running services of one Electron board. */
export interface OpenBoard {
  service: BoardService;
  stop(): Promise<void>;
}

/** Opens the unit's store, connects to the broker if one is configured, and serves /healthz if a port is. */
export async function openBoard(config: BoardConfig): Promise<OpenBoard> {
  const service = new BoardService({ dataDir: config.dataDir, municipality: config.municipality, unit: config.unit });
  // Without a broker the board still works on its own store and syncs once one is configured.
  const sync: SyncEngine | undefined = config.broker ? attachSync(service, { url: config.broker, credentials: config.brokerCredentials }) : undefined;
  let host: RunningHost | undefined;
  if (config.port !== undefined) {
    try {
      // Loopback only: lets IT monitor the kiosk (GET /healthz) exactly as a headless board.
      host = await startHost(service, { port: config.port });
    } catch (error) {
      await sync?.stop();
      service.close();
      throw error;
    }
  }
  logger.info(
    { municipality: config.municipality, unit: config.unit, data: config.dataDir, api: host?.url, nodeId: service.nodeId },
    'board opened',
  );
  return {
    service,
    async stop() {
      await sync?.stop();
      await host?.close();
      service.close();
    },
  };
}
