/**
 * `tavla demo`: a hub and the boards of a fictitious municipality, over a provisioned local broker
 * with TLS identities and ACLs (Mosquitto when installed, else aedes serving the same folder).
 */

import { join } from 'node:path';
import type { RoleOptions } from '../cli/options.js';
import { seedUnit, type DemoClock, type DemoUnit } from '../demo/seed-unit.js';
import { seededRandom } from '../demo/synthetic-people.js';
import { startHost, type RunningHost } from '../host/http-host.js';
import { issueDeviceToken, revokeDeviceToken } from '../leader/device-tokens.js';
import { BoardService } from '../board/board-service.js';
import type { SyncEngine } from '../sync/sync-engine.js';
import { attachSync } from './board-runtime.js';
import { startDemoBroker, type DemoBroker } from './demo-broker.js';
import { startHub, type HubRuntime } from './hub-runtime.js';

export const DEMO_MUNICIPALITY = 'fjordvik';
const DEMO_SCREEN = 'demo-skjerm';
export const DEMO_UNITS: readonly DemoUnit[] = [
  { id: 'solsiden', name: 'Solsiden sykehjem', kind: 'nursing-home', beds: 16, turnover: 0.01 },
  { id: 'fjellro', name: 'Fjellro korttid', kind: 'short-term', beds: 10, turnover: 0.12 },
  { id: 'hjemme-nord', name: 'Hjemmetjenesten nord', kind: 'home-care', beds: 0, listSize: 14, turnover: 0.02 },
  { id: 'tildeling', name: 'Tildelingskontoret', kind: 'allocation-office', beds: 0, listSize: 0, turnover: 0 },
];

interface DemoBoard {
  unit: DemoUnit;
  service: BoardService;
  host: RunningHost;
  sync: SyncEngine;
}

export async function startDemo(options: RoleOptions): Promise<{ stop(): Promise<void> }> {
  const started = Date.now();
  const root = options.data ?? join('.tavla', 'demo');
  // A broker given on the command line is used as it is; otherwise the demo runs its own. Its
  // certificates come from openssl child processes, so the units are seeded meanwhile.
  const brokerReady: Promise<DemoBroker | undefined> = options.broker
    ? Promise.resolve(undefined)
    : startDemoBroker(root, DEMO_MUNICIPALITY, DEMO_UNITS.map((u) => u.id)).catch((error: unknown) => {
        // A newcomer's demo still starts (openssl missing, say); the line below says it runs unsecured, this one why.
        console.log(`The provisioned broker did not start: ${(error as Error).message}`);
        return undefined;
      });
  const services = await openUnits(root);
  const secured = await brokerReady;
  let hub;
  try {
    hub = await startHub({
      municipality: DEMO_MUNICIPALITY,
      dataDir: join(root, '_hub'),
      port: options.port ?? 4700,
      brokerPort: options.brokerPort ?? 0,
      broker: secured?.hub.url ?? options.broker,
      brokerCredentials: secured?.hub.credentials,
      // The read-only leader view a wall screen opens, on loopback like everything in the demo.
      leader: { screenPort: 0, host: '127.0.0.1' },
    });
  } catch (error) {
    for (const service of services) service.close();
    await secured?.close();
    throw error;
  }
  const boards: DemoBoard[] = [];
  try {
    for (const [index, unit] of DEMO_UNITS.entries()) {
      const service = services[index];
      const sync = attachSync(service, secured?.board(unit.id) ?? hub.brokerUrl);
      sync.notifyLocalCommit();
      const host = await startHost(service, { port: 0 });
      boards.push({ unit, service, host, sync });
    }
  } catch (error) {
    await Promise.all(boards.map((b) => stopBoard(b)));
    for (const service of services.slice(boards.length)) service.close();
    await hub.stop();
    await secured?.close();
    throw error;
  }
  hub.service.directory = boards.map((b) => ({ unit: b.unit.id, name: b.unit.name, kind: b.unit.kind, url: b.host.url }));
  console.log(`Tavla demo: municipality ${DEMO_MUNICIPALITY}, ${boards.length} boards and the hub, ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(
    secured?.description ??
      (options.broker
        ? `Broker: ${options.broker}, as given`
        : 'Broker: the hub\'s embedded aedes, without TLS, identities or ACLs: for development only'),
  );
  console.log('Open this page for every board and the leader view (Ctrl-C stops everything):');
  console.log(hub.host.url);
  if (hub.leaderScreenHost) console.log(`The leader view as a wall screen shows it (read-only): ${hub.leaderScreenHost.url}?token=${demoScreenToken(hub)}`);
  console.log(`The hub's operator token for GET /api/state: ${hub.operatorTokenFile}`);
  return {
    async stop() {
      await Promise.all(boards.map((b) => stopBoard(b)));
      await hub.stop();
      await secured?.close();
    },
  };
}

/** The demo's wall screen gets a fresh device token each start (the one before is revoked). */
function demoScreenToken(hub: HubRuntime): string {
  revokeDeviceToken(hub.service.db, DEMO_SCREEN);
  return issueDeviceToken(hub.service.db, DEMO_SCREEN, null).token;
}

/** Opens each unit's store, seeding a new one; yields between units so the broker's setup runs on. */
async function openUnits(root: string): Promise<BoardService[]> {
  const services: BoardService[] = [];
  for (const [index, unit] of DEMO_UNITS.entries()) {
    const clock: DemoClock = { now: undefined };
    const service = new BoardService({ dataDir: join(root, unit.id), municipality: DEMO_MUNICIPALITY, unit: unit.id, now: () => clock.now ?? new Date() });
    services.push(service);
    if (service.state().unit === null) seedUnit(service, unit, seededRandom(1000 + index), clock, new Date());
    await new Promise((resolve) => setImmediate(resolve));
  }
  return services;
}

async function stopBoard(board: DemoBoard): Promise<void> {
  await board.sync.stop();
  await board.host.close();
  board.service.close();
}
