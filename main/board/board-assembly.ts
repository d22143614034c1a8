/**
 * The one board assembly — its services, its sync with the broker, the store's collector and the
 * loopback HTTP/WebSocket host — used alike by `tavla board`, the Electron kiosk and the demo, so
 * every option reaches every host.
 */

import type { Change } from '../../shared/sync/change.js';
import { syncPeriodMs, type RoleOptions } from '../config/options.js';
import { startHost, type RunningHost } from '../host/http-host.js';
import { startCollector } from '../store/collector.js';
import { loadBrokerCredentials } from '../sync/broker-credentials.js';
import type { BrokerCredentials } from '../sync/mqtt-link.js';
import { SyncEngine } from '../sync/sync-engine.js';
import { backfillTemplateCodes, type TemplateBackfill } from '../ward/template-backfill.js';
import { logger } from '../log.js';
import { loadPseudonymKey, type PseudonymSecret } from '../privacy/pseudonym.js';
import { BoardService, boardActor } from './board-service.js';

/** A broker and the identity this replica shows it. */
export interface BrokerEndpoint {
  url: string;
  credentials?: BrokerCredentials;
}

/** Everything one board runs with, whichever host starts it. */
export interface BoardSettings {
  municipality: string;
  unit: string;
  /** A shared reception's board: the organisation it runs for (its private scope). */
  organisation?: string;
  dataDir: string;
  /** The loopback API's port (0 picks a free one); without it the board serves no API (an Electron board may not). */
  port?: number;
  /** More names the board's host answers to (`--host-names`). */
  hostNames?: readonly string[];
  /** Without a broker the board works on its own store and syncs once one is configured. */
  broker?: string;
  brokerCredentials?: BrokerCredentials;
  /** The digest round's period in ms (default 30 s). */
  syncPeriodMs?: number;
  /** The collection horizon (DEFAULT_HORIZON_MS when absent). */
  horizonMs?: number;
  /** The municipality's provisioned pseudonym secret (`--pseudonym-key`); without it the board makes its own. */
  pseudonyms?: PseudonymSecret;
}

/** A running board: what started, and the one way to stop it. */
export interface AssembledBoard {
  service: BoardService;
  /** The loopback API, when a port was given. */
  host: RunningHost | undefined;
  sync: SyncEngine | undefined;
  /** The one-time backfill of template codes at this start (`ran: false` once it has run); undefined when it failed. */
  templateBackfill: TemplateBackfill | undefined;
  stop(): Promise<void>;
}

/**
 * A board's settings from its configuration, the unit and municipality already required by the
 * caller (each says so in its own words); where the data lives and the API's port are the host's.
 */
export function boardSettings(options: RoleOptions & { municipality: string; unit: string }, dataDir: string): BoardSettings {
  return {
    municipality: options.municipality,
    unit: options.unit,
    organisation: options.organisation,
    dataDir,
    hostNames: options.hostNames,
    broker: options.broker,
    brokerCredentials: loadBrokerCredentials(options),
    pseudonyms: loadPseudonymKey(options),
    syncPeriodMs: syncPeriodMs(options),
    horizonMs: options.horizon,
  };
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
    organisation: service.organisation,
    // The service hears of merged batches from the store's commit notice itself (the change path).
    onApplied: (_scope, changes) => observe?.(changes),
    onStatus: (status) => service.setSyncStatus(status),
  });
  service.setSyncStatus({ ...sync.status });
  return sync;
}

/**
 * Starts one board: its store (or `opened`, a store the caller opened and seeded, as the demo does),
 * the host, then the sync; whatever started is stopped again when a later step fails.
 */
export async function assembleBoard(settings: BoardSettings, opened?: BoardService): Promise<AssembledBoard> {
  const service =
    opened ?? new BoardService({
      dataDir: settings.dataDir,
      municipality: settings.municipality,
      unit: settings.unit,
      organisation: settings.organisation,
      horizonMs: settings.horizonMs,
      pseudonyms: settings.pseudonyms,
    });
  const templateBackfill = backfillOnce(service);
  let host: RunningHost | undefined;
  try {
    host = settings.port === undefined ? undefined : await startHost(service, { port: settings.port, hostNames: settings.hostNames });
  } catch (error) {
    service.close();
    throw error;
  }
  let sync: SyncEngine | undefined;
  try {
    sync = settings.broker ? attachSync(service, { url: settings.broker, credentials: settings.brokerCredentials }, undefined, settings.syncPeriodMs) : undefined;
  } catch (error) {
    await host?.close();
    service.close();
    throw error;
  }
  const stopCollector = startCollector(service.store, () => sync?.status.broker === 'connected');
  return {
    service,
    host,
    sync,
    templateBackfill,
    async stop() {
      stopCollector();
      await sync?.stop();
      await host?.close();
      service.close();
    },
  };
}

/**
 * The board of the unit that owns the tasks gives its old title-only tasks their template code, once
 * (main/ward/template-backfill.ts), before it serves or syncs; a failure (a full disk) is logged and
 * the board starts all the same: the backfill runs again at the next start.
 */
function backfillOnce(service: BoardService): TemplateBackfill | undefined {
  try {
    return backfillTemplateCodes(service.store, service.unit, boardActor(service.nodeId));
  } catch (error) {
    logger.error({ err: error, unit: service.unit }, 'the one-time backfill of template codes failed; it runs again at the next start');
    return undefined;
  }
}
