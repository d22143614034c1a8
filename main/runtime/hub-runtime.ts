/** Starts the hub: its replica, an embedded broker unless one is given, sync and the HTTP host. */

import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Change } from '../../shared/sync/change.js';
import { required, type RoleOptions } from '../cli/options.js';
import { startHost, type RunningHost } from '../host/http-host.js';
import { leaderAddress } from '../host/leader-address.js';
import { startHubFlow, type HubFlow } from '../flow/hub-flow.js';
import { logger } from '../log.js';
import { HubService } from '../services/hub-service.js';
import { startEmbeddedBroker, type EmbeddedBroker } from '../sync/embedded-broker.js';
import { SyncEngine } from '../sync/sync-engine.js';
import { startCollector } from '../store/collector.js';

export interface HubRuntimeOptions {
  municipality: string;
  dataDir: string;
  port: number;
  broker?: string;
  brokerPort?: number;
  /** A folder watched for PLO message files (patient flow). */
  ploInbox?: string;
  /** The allocation office PLO patients go to (default: the only one the hub knows). */
  ploUnit?: string;
  /**
   * Also serve the leader view alone (docs/leader.md): on `port` for leaders' desktops, on
   * `screenPort` read-only for wall screens; `host` defaults to every interface.
   */
  leader?: { port?: number; screenPort?: number; host?: string };
  /** The collection horizon (DEFAULT_HORIZON_MS when absent). */
  horizonMs?: number;
}

export interface HubRuntime {
  service: HubService;
  host: RunningHost;
  /** The leader address, and the read-only one for leader screens, when asked for. */
  leaderHost: RunningHost | undefined;
  leaderScreenHost: RunningHost | undefined;
  sync: SyncEngine;
  broker: EmbeddedBroker | undefined;
  brokerUrl: string;
  stop(): Promise<void>;
}

export async function startHub(options: HubRuntimeOptions): Promise<HubRuntime> {
  const broker = options.broker ? undefined : await startEmbeddedBroker(options.brokerPort ?? 1883);
  const brokerUrl = options.broker ?? (broker as EmbeddedBroker).url;
  const service = new HubService({ dataDir: options.dataDir, municipality: options.municipality, horizonMs: options.horizonMs });
  const sync: SyncEngine = new SyncEngine({
    store: service.store,
    brokerUrl,
    municipality: options.municipality,
    nodeId: service.nodeId,
    role: 'hub',
    onApplied: (scope, changes) => {
      mirrorTransfers(service, sync, scope, changes);
      // Runs only once the link delivers merged batches, after `flow` below exists.
      flow.applied(scope, changes);
      service.emit('state.changed', { collections: [...new Set(changes.map((c) => c.c))] });
    },
    onStatus: (status) => service.setSyncStatus(status),
  });
  const stopCollector = startCollector(service.store, () => sync.status.broker === 'connected');
  const flow: HubFlow = startHubFlow({ service, sync, dataDir: options.dataDir, ploInbox: options.ploInbox, ploUnit: options.ploUnit });
  let host: RunningHost | undefined;
  let leaderHost: RunningHost | undefined;
  let leaderScreenHost: RunningHost | undefined;
  const stop = async () => {
    stopCollector();
    flow.stop();
    await sync.stop();
    await leaderHost?.close();
    await leaderScreenHost?.close();
    await host?.close();
    service.close();
    await broker?.close();
  };
  try {
    host = await startHost(service, { port: options.port });
    const { port, screenPort, host: leaderBind = '0.0.0.0' } = options.leader ?? {};
    if (port !== undefined) leaderHost = await startHost(leaderAddress(service), { port, host: leaderBind });
    if (screenPort !== undefined) leaderScreenHost = await startHost(leaderAddress(service, { readOnly: true }), { port: screenPort, host: leaderBind });
  } catch (error) {
    // A port in use: release the store, broker and sync started above before saying so.
    await stop();
    throw error;
  }
  return { service, host, leaderHost, leaderScreenHost, sync, broker, brokerUrl, stop };
}

/** A transfer lives in the scopes of both units it joins: the hub carries it to the other one. */
function mirrorTransfers(service: HubService, sync: SyncEngine, scope: string, changes: Change[]): void {
  const transfers = changes.filter((change) => change.c === 'transfer');
  if (transfers.length === 0) return;
  const units = service.db.prepare('SELECT fromUnit, toUnit FROM transfer WHERE id = ?');
  const byScope = new Map<string, Change[]>();
  for (const change of transfers) {
    const row = units.get(change.id) as { fromUnit: string | null; toUnit: string | null } | undefined;
    for (const other of [row?.fromUnit, row?.toUnit]) {
      if (!other || other === scope) continue;
      byScope.set(other, [...(byScope.get(other) ?? []), change]);
    }
  }
  for (const [other, mirrored] of byScope) {
    // Best effort: anti-entropy with the other unit's boards carries anything lost here.
    sync.publishInto(other, mirrored).catch((error: unknown) => logger.debug({ err: error, other }, 'transfer mirror deferred'));
  }
}

export async function startHubFromCli(options: RoleOptions): Promise<HubRuntime> {
  const municipality = required(options.municipality, 'municipality', 'hub');
  const hub = await startHub({
    municipality,
    dataDir: options.data ?? join('.tavla', municipality, '_hub'),
    port: options.port ?? 4700,
    broker: options.broker,
    brokerPort: options.brokerPort,
    ploInbox: options.ploInbox,
    ploUnit: options.unit,
    leader: { port: options.leaderPort, screenPort: options.leaderScreenPort, host: options.leaderHost },
    horizonMs: options.horizon,
  });
  console.log(`Tavla hub ${municipality} (${hub.service.nodeId}), broker ${hub.brokerUrl}`);
  console.log(hub.host.url);
  if (hub.leaderHost) console.log(`leader view: ${reachableUrl(hub.leaderHost.url)}`);
  if (hub.leaderScreenHost) console.log(`leader screens (read-only): ${reachableUrl(hub.leaderScreenHost.url)}`);
  return hub;
}

/** A URL bound to every interface (0.0.0.0, ::) is opened elsewhere by the machine's name. */
function reachableUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.hostname === '0.0.0.0' || parsed.hostname === '[::]') parsed.hostname = hostname();
  return parsed.toString();
}
