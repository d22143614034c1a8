/** Starts the hub: its replica, an embedded broker unless one is given, sync and the HTTP host. */

import type { Change } from '../../shared/sync/change.js';
import { startHost, type RunningHost } from '../host/http-host.js';
import { leaderAddress } from '../host/leader-address.js';
import { operatorToken } from '../host/operator-token.js';
import { leaderSignIn, type OidcSettings } from '../host/leader-sign-in.js';
import { screenAccess } from '../host/screen-access.js';
import { startHubFlow, type HubFlow } from '../flow/hub-flow.js';
import { logger } from '../log.js';
import { HubService } from '../hub/hub-service.js';
import { startEmbeddedBroker, type EmbeddedBroker } from '../sync/embedded-broker.js';
import type { BrokerCredentials } from '../sync/mqtt-link.js';
import { DEFAULT_SYNC_PERIOD_MS, SyncEngine } from '../sync/sync-engine.js';
import { startCollector } from '../store/collector.js';
import { startVkpInbox, takeVkpBundle, type VkpHub } from '../alarm/alarm-inbox.js';
import { startFhirChecker, type FhirChecker } from '../alarm/fhir-validator.js';
import { vkpMappingApi } from '../alarm/vkp-mapping-api.js';
import { vkpSecret } from '../alarm/vkp-mapping.js';
import { homeCareUnit } from '../alarm/alarm-ingest.js';
import { shareAllEpisodes, shareEpisodes } from '../homehospital/episode-share.js';
import { WarehouseSink } from '../warehouse/warehouse-sink.js';
import type { PseudonymSecret } from '../privacy/pseudonym.js';

export interface HubRuntimeOptions {
  municipality: string;
  dataDir: string;
  port: number;
  broker?: string;
  /** The hub's identity at that broker (TLS client certificate, or username and password). */
  brokerCredentials?: BrokerCredentials;
  brokerPort?: number;
  /** A folder watched for PLO message files (patient flow). */
  ploInbox?: string;
  /** The allocation office PLO patients go to (default: the only one the hub knows). */
  ploUnit?: string;
  /** A folder watched for VKP alarm bundles (docs/alarms.md), and the home-care unit unmatched ones go to. */
  vkpInbox?: string;
  vkpUnit?: string;
  /**
   * Also serve the leader view alone (docs/leader.md): on `port` for leaders' desktops, on
   * `screenPort` read-only for wall screens (device tokens); `host` defaults to every interface.
   * Without `oidc` (leader sign-in) both listen on 127.0.0.1 only, whatever `host` says.
   */
  leader?: { port?: number; screenPort?: number; host?: string; oidc?: OidcSettings };
  /** More names every address of the hub answers to (`--host-names`). */
  hostNames?: readonly string[];
  /** The digest round's period in ms (default 30 s). */
  syncPeriodMs?: number;
  /** The collection horizon (DEFAULT_HORIZON_MS when absent). */
  horizonMs?: number;
  /** A PostgreSQL URL the leader view's aggregates are written to (main/warehouse), and how often (default 5 min). */
  warehouse?: string;
  warehousePeriodMs?: number;
  /** The municipality's provisioned pseudonym secret (`--pseudonym-key`); without it the hub makes its own. */
  pseudonyms?: PseudonymSecret;
}

export interface HubRuntime {
  service: HubService;
  host: RunningHost;
  /** The leader address, and the read-only one for leader screens, when asked for. */
  leaderHost: RunningHost | undefined;
  leaderScreenHost: RunningHost | undefined;
  sync: SyncEngine;
  /** The aggregate sink, when a warehouse is configured. */
  warehouse: WarehouseSink | undefined;
  broker: EmbeddedBroker | undefined;
  brokerUrl: string;
  /** The file holding the operator token that the loopback `GET /api/state` asks for. */
  operatorTokenFile: string;
  /** What the operator should know about how it started (the CLI prints these first). */
  notices: string[];
  stop(): Promise<void>;
}

export async function startHub(options: HubRuntimeOptions): Promise<HubRuntime> {
  const broker = options.broker ? undefined : await startEmbeddedBroker(options.brokerPort ?? 1883);
  const brokerUrl = options.broker ?? (broker as EmbeddedBroker).url;
  const service = new HubService({ dataDir: options.dataDir, municipality: options.municipality, horizonMs: options.horizonMs, pseudonyms: options.pseudonyms });
  const sync: SyncEngine = new SyncEngine({
    store: service.store,
    clock: service.clock,
    periodMs: options.syncPeriodMs,
    brokerUrl,
    credentials: options.brokerCredentials,
    municipality: options.municipality,
    nodeId: service.nodeId,
    role: 'hub',
    onApplied: (scope, changes) => {
      mirrorTransfers(service, sync, scope, changes);
      shareVirtualWard(service, changes);
      // Runs only once the link delivers merged batches, after `flow` below exists.
      flow.applied(scope, changes);
    },
    onHeard: (scope) => service.receipts.heard(scope, Date.now()),
    onStatus: (status) => {
      service.receipts.status(status, Date.now());
      service.setSyncStatus(status);
    },
  });
  service.receipts.setPeriod(options.syncPeriodMs ?? DEFAULT_SYNC_PERIOD_MS);
  shareVirtualWard(service, 'all');
  const stopCollector = startCollector(service.store, () => sync.status.broker === 'connected');
  const flow: HubFlow = startHubFlow({ service, sync, dataDir: options.dataDir, ploInbox: options.ploInbox, ploUnit: options.ploUnit, pseudonyms: service.pseudonyms });
  // The R4 schema compiles in a worker thread (about 2 s of CPU), never on the event loop: from the
  // start when the hub takes alarms (an inbox, or a home-care unit it holds), else at the first POST.
  let fhir: FhirChecker | undefined;
  const checker = (): FhirChecker => {
    if (fhir) return fhir;
    const started = startFhirChecker();
    service.fhirSchema = 'compiling';
    void started.ready.then((compiled) => (service.fhirSchema = compiled ? 'ready' : 'failed'));
    return (fhir = started);
  };
  if (options.vkpInbox || service.db.prepare("SELECT 1 FROM unit WHERE kind = 'home-care' AND deleted = 0 LIMIT 1").get()) checker();
  const vkp: VkpHub = { store: service.store, secret: vkpSecret(options.dataDir), fhir: (resources) => checker().check(resources) };
  const vkpInbox = options.vkpInbox ? startVkpInbox(vkp, options.vkpInbox, options.vkpUnit) : undefined;
  const warehouse = options.warehouse
    ? new WarehouseSink({ url: options.warehouse, db: service.db, municipality: options.municipality, periodMs: options.warehousePeriodMs })
    : undefined;
  if (warehouse) service.warehouse = () => warehouse.status();
  warehouse?.start();
  let host: RunningHost | undefined;
  let leaderHost: RunningHost | undefined;
  let leaderScreenHost: RunningHost | undefined;
  const stop = async () => {
    stopCollector();
    flow.stop();
    vkpInbox?.stop();
    await warehouse?.stop();
    await fhir?.close();
    await sync.stop();
    await leaderHost?.close();
    await leaderScreenHost?.close();
    await host?.close();
    service.close();
    await broker?.close();
  };
  let operator: { token: string; file: string };
  const notices: string[] = [];
  try {
    operator = operatorToken(options.dataDir);
    const { hostNames } = options;
    // POST /fhir/Bundle: the same reader as the VKP inbox, for a sender on the hub machine with the operator token.
    const fhirBundle = async (text: string) => {
      let unit: string;
      try {
        unit = homeCareUnit(service.db, options.vkpUnit);
      } catch (error) {
        return { outcome: 'failed' as const, alarmId: null, reason: (error as Error).message };
      }
      return takeVkpBundle({ ...vkp, unit, now: () => new Date() }, text, 'POST /fhir/Bundle');
    };
    const operatorApi = vkpMappingApi(service.db, vkp.secret);
    host = await startHost(service, { port: options.port, hostNames, operatorToken: operator.token, fhirBundle, operatorApi });
    const { port, screenPort, host: asked = '0.0.0.0', oidc } = options.leader ?? {};
    // No sign-in, no network: the leader view then answers only on the hub machine itself.
    const leaderBind = oidc ? asked : '127.0.0.1';
    if ((port !== undefined || screenPort !== undefined) && !oidc) {
      const line = 'leader sign-in (OpenID Connect) is not configured: the leader addresses listen on 127.0.0.1 only';
      notices.push(line);
      logger.warn({ requestedHost: asked }, line);
    }
    // The provider sends the browser back to the redirect URL: its host is one the leader address answers to.
    const leaderNames = oidc ? [...(hostNames ?? []), new URL(oidc.redirectUrl).origin] : hostNames;
    // On loopback without sign-in, whoever reaches the address is on the hub machine, like its operator.
    const unsigned = leaderAddress(service, { actor: 'leader (hub machine, no sign-in)', units: null, mayEdit: true });
    if (port !== undefined) {
      leaderHost = await startHost(unsigned, { port, host: leaderBind, hostNames: leaderNames, gate: oidc ? leaderSignIn(service, oidc) : undefined });
    }
    if (screenPort !== undefined) {
      const screen = leaderAddress(service, { actor: 'screen', units: null, mayEdit: false }, { readOnly: true });
      leaderScreenHost = await startHost(screen, { port: screenPort, host: leaderBind, hostNames, gate: screenAccess(service) });
    }
  } catch (error) {
    // A port in use: release the store, broker and sync started above before saying so.
    await stop();
    throw error;
  }
  return { service, host, leaderHost, leaderScreenHost, sync, warehouse, broker, brokerUrl, operatorTokenFile: operator.file, notices, stop };
}

/** A virtual ward's shared patients reach their home-care unit's scope (shared fields only; docs/virtual-ward.md). */
function shareVirtualWard(service: HubService, changes: readonly Change[] | 'all'): void {
  try {
    if (changes === 'all' || changes.some((change) => change.c === 'unit' && change.f === 'kind')) shareAllEpisodes(service.store);
    else shareEpisodes(service.store, changes);
  } catch (error) {
    // Rolled back whole; the next batch touching the episode (or the next start) writes it.
    logger.error({ err: error }, 'virtual-ward share failed');
  }
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
