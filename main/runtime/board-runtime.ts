/** Starts one board headless: its services and the HTTP/WebSocket host on loopback. */

import { BoardService } from '../services/board-service.js';
import { startHost, type RunningHost } from '../host/http-host.js';

export interface BoardRuntimeOptions {
  municipality: string;
  unit: string;
  dataDir: string;
  port: number;
  broker?: string;
}

export interface BoardRuntime {
  service: BoardService;
  host: RunningHost;
  stop(): Promise<void>;
}

export async function startBoard(options: BoardRuntimeOptions): Promise<BoardRuntime> {
  const service = new BoardService({ dataDir: options.dataDir, municipality: options.municipality, unit: options.unit });
  let host: RunningHost;
  try {
    host = await startHost(service, { port: options.port });
  } catch (error) {
    service.close();
    throw error;
  }
  return {
    service,
    host,
    async stop() {
      await host.close();
      service.close();
    },
  };
}
