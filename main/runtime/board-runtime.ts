/** Starts one board headless: its services, its sync with the broker and the HTTP/WebSocket host. */

import type { Change } from '../../shared/sync/change.js';
import { BoardService } from '../services/board-service.js';
import { startHost, type RunningHost } from '../host/http-host.js';
import { SyncEngine } from '../sync/sync-engine.js';
import { startCollector } from '../store/collector.js';

export interface BoardRuntimeOptions {
  municipality: string;
  unit: string;
  dataDir: string;
  port: number;
  broker?: string;
  /** The collection horizon (DEFAULT_HORIZON_MS when absent). */
  horizonMs?: number;
}

export interface BoardRuntime {
  service: BoardService;
  host: RunningHost;
  sync: SyncEngine | undefined;
  stop(): Promise<void>;
}

/** Connects a board's services to the broker; `observe` sees every merged batch (benchmarks). */
export function attachSync(service: BoardService, brokerUrl: string, observe?: (changes: Change[]) => void): SyncEngine {
  const sync = new SyncEngine({
    store: service.store,
    brokerUrl,
    municipality: service.options.municipality,
    nodeId: service.nodeId,
    role: 'board',
    unit: service.unit,
    onApplied: (_scope, changes) => {
      observe?.(changes);
      service.remoteApplied(changes);
    },
    onStatus: (status) => service.setSyncStatus(status),
  });
  service.afterCommit = () => sync.notifyLocalCommit();
  service.setSyncStatus({ ...sync.status });
  return sync;
}

export async function startBoard(options: BoardRuntimeOptions): Promise<BoardRuntime> {
  const service = new BoardService({ dataDir: options.dataDir, municipality: options.municipality, unit: options.unit, horizonMs: options.horizonMs });
  let host: RunningHost;
  try {
    host = await startHost(service, { port: options.port });
  } catch (error) {
    service.close();
    throw error;
  }
  const sync = options.broker ? attachSync(service, options.broker) : undefined;
  const stopCollector = startCollector(service.store, () => sync?.status.broker === 'connected');
  return {
    service,
    host,
    sync,
    async stop() {
      stopCollector();
      await sync?.stop();
      await host.close();
      service.close();
    },
  };
}
