/** Starts one board headless: its services, its sync with the broker and the HTTP/WebSocket host. */

import type { Change } from '../../shared/sync/change.js';
import { BoardService } from '../board/board-service.js';
import { startHost, type RunningHost } from '../host/http-host.js';
import type { BrokerCredentials } from '../sync/mqtt-link.js';
import { SyncEngine } from '../sync/sync-engine.js';
import { startCollector } from '../store/collector.js';

/** A broker and the identity this replica shows it. */
export interface BrokerEndpoint {
  url: string;
  credentials?: BrokerCredentials;
}

export interface BoardRuntimeOptions {
  municipality: string;
  unit: string;
  dataDir: string;
  port: number;
  broker?: string;
  /** More names the board's host answers to (`--host-names`). */
  hostNames?: readonly string[];
  brokerCredentials?: BrokerCredentials;
  /** The digest round's period in ms (default 30 s). */
  syncPeriodMs?: number;
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
export function attachSync(service: BoardService, broker: string | BrokerEndpoint, observe?: (changes: Change[]) => void, periodMs?: number): SyncEngine {
  const { url, credentials } = typeof broker === 'string' ? { url: broker, credentials: undefined } : broker;
  const sync = new SyncEngine({
    clock: service.clock,
    periodMs,
    store: service.store,
    brokerUrl: url,
    credentials,
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
  service.setSyncStatus({ ...sync.status });
  return sync;
}

export async function startBoard(options: BoardRuntimeOptions): Promise<BoardRuntime> {
  const service = new BoardService({ dataDir: options.dataDir, municipality: options.municipality, unit: options.unit, horizonMs: options.horizonMs });
  let host: RunningHost;
  try {
    host = await startHost(service, { port: options.port, hostNames: options.hostNames });
  } catch (error) {
    service.close();
    throw error;
  }
  let sync: SyncEngine | undefined;
  try {
    sync = options.broker ? attachSync(service, { url: options.broker, credentials: options.brokerCredentials }, undefined, options.syncPeriodMs) : undefined;
  } catch (error) {
    await host.close();
    service.close();
    throw error;
  }
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
