/**
 * `tavla demo`: a hub and the boards of a fictitious municipality, over a provisioned local broker
 * with TLS identities and ACLs (Mosquitto when installed, else aedes serving the same folder).
 */

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { seedOffice } from './demo-office.js';
import { DEMO_STAFF, demoBoardKey, seedUnit, type DemoClock, type DemoUnit } from '../demo/seed-unit.js';
import { seededRandom } from '../demo/synthetic-people.js';
import { issueDeviceToken, revokeDeviceToken } from '../leader/device-tokens.js';
import { BoardService } from '../board/board-service.js';
import { startBoard, type BoardRuntime } from './board-runtime.js';
import { startDemoBroker, type DemoBroker } from './demo-broker.js';
import { startHub, type HubRuntime } from './hub-runtime.js';
import { dropDemoAlarm } from '../alarm/demo-alarm.js';
import { folderPseudonymSecret, type PseudonymSecret } from '../privacy/pseudonym.js';

export const DEMO_MUNICIPALITY = 'fjordvik';
const DEMO_SCREEN = 'demo-skjerm';
const RECEPTION_ORGANISATIONS = ['legevakt', 'sykehus'] as const;
const ORGANISATION_NAMES: Readonly<Record<string, string>> = { legevakt: 'Legevakt', sykehus: 'Sykehus' };
const OFFICE: DemoUnit = { id: 'tildeling', name: 'Tildelingskontoret', kind: 'allocation-office', beds: 0, listSize: 0, turnover: 0 };
export const DEMO_UNITS: readonly DemoUnit[] = [
  { id: 'solsiden', name: 'Solsiden sykehjem', kind: 'nursing-home', beds: 16, turnover: 0.01 },
  { id: 'fjellro', name: 'Fjellro korttid', kind: 'short-term', beds: 10, turnover: 0.12 },
  { id: 'hjemme-nord', name: 'Hjemmetjenesten nord', kind: 'home-care', beds: 0, listSize: 14, turnover: 0.02 },
  // The hospital at home (issue 17): eight virtual beds, sharing patients with home care north.
  { id: 'hjemmesykehus', name: 'Hjemmesykehuset', kind: 'home-hospital', beds: 8, turnover: 0, sharesWith: 'hjemme-nord' },
  // The shared emergency reception (issue 17): one room, a board for each organisation.
  ...RECEPTION_ORGANISATIONS.map((organisation): DemoUnit => ({ id: 'mottak', name: 'Felles legevaktmottak', kind: 'shared-reception', beds: 6, turnover: 0, organisations: RECEPTION_ORGANISATIONS, organisation })),
  OFFICE,
];

/** The demo's data folder when none is given. */
export const demoDataDir = (options: DemoOptions): string => options.data ?? join('.tavla', 'demo');

/** What `tavla demo` is given: its data folder, the HTTP port of its hub, a broker of its own choosing. */
export interface DemoOptions {
  data?: string;
  port?: number;
  broker?: string;
  brokerPort?: number;
}

/** What started, for the CLI to print: the hub's page links every board and the leader view. */
export interface DemoRuntime {
  municipality: string;
  boards: { unit: string; name: string; url: string }[];
  /** The hub's page, linking every board and the leader view. */
  url: string;
  /** The read-only leader view a wall screen opens, with a fresh device token. */
  leaderScreenUrl: string | undefined;
  /** Which broker, and what it enforces. */
  brokerDescription: string;
  /** Why the provisioned broker did not start, when it did not (the demo then runs unsecured). */
  brokerProblem: string | undefined;
  operatorTokenFile: string;
  /** Who can unlock every board: synthetic staff and their PINs. */
  staff: readonly { name: string; role: string; pin: string }[];
  /** The allocation office's unit, its synthetic PLO patients, and the folder the hub imports more PLO files from. */
  office: { unit: string; patients: number; ploInbox: string };
  /** From the call until everything was up. */
  readyMs: number;
  stop(): Promise<void>;
}

interface DemoBoard extends BoardRuntime {
  unit: DemoUnit;
}

export async function startDemo(options: DemoOptions): Promise<DemoRuntime> {
  const started = Date.now();
  const root = demoDataDir(options);
  // A broker given on the command line is used as it is; otherwise the demo runs its own. Its
  // certificates come from openssl child processes, so the units are seeded meanwhile.
  let brokerProblem: string | undefined;
  const brokerReady: Promise<DemoBroker | undefined> = options.broker
    ? Promise.resolve(undefined)
    : startDemoBroker(root, DEMO_MUNICIPALITY, [...new Set(DEMO_UNITS.map((u) => u.id))], { mottak: RECEPTION_ORGANISATIONS }).catch((error: unknown) => {
        // A newcomer's demo still starts (openssl missing, say); the description says it runs unsecured, this why.
        brokerProblem = (error as Error).message;
        return undefined;
      });
  // One secret for the hub and every board, as provisioning gives a municipality: the virtual ward's readmissions match the hub's PLO episodes.
  mkdirSync(root, { recursive: true });
  const pseudonyms = folderPseudonymSecret(root);
  const services = await openUnits(root, pseudonyms);
  const secured = await brokerReady;
  let hub;
  const ploInbox = join(root, 'plo-inbox');
  const vkpInbox = join(root, 'vkp-inbox');
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
      ploInbox,
      ploUnit: OFFICE.id,
      vkpInbox,
      vkpUnit: 'hjemme-nord',
      pseudonyms,
    });
  } catch (error) {
    for (const service of services) service.close();
    await secured?.close();
    throw error;
  }
  // The hospital's messages about the office's first patients, imported as the inbox would; they reach the office board by sync.
  const today = new Date();
  const patients = seedOffice({ store: hub.service.store, unit: OFFICE.id, now: () => today, pseudonyms }, today);
  // An open alarm on the home-care board (docs/alarms.md): a synthetic bundle in the hub's VKP inbox.
  dropDemoAlarm(vkpInbox, today);
  if (patients > 0) hub.sync.notifyLocalCommit();
  const boards: DemoBoard[] = [];
  // Each store handed to a board's start is that start's to close, should it fail.
  let handed = 0;
  try {
    for (const [index, unit] of DEMO_UNITS.entries()) {
      const broker = secured?.board(unit.id, unit.organisation) ?? { url: hub.brokerUrl };
      const service = services[index];
      handed += 1;
      const board = await startBoard(
        { municipality: DEMO_MUNICIPALITY, unit: unit.id, organisation: unit.organisation, dataDir: service.options.dataDir, port: 0, broker: broker.url, brokerCredentials: broker.credentials },
        service,
      );
      boards.push({ ...board, unit });
      // The seeded history goes out at once rather than at the first digest round.
      board.sync?.notifyLocalCommit();
    }
  } catch (error) {
    await Promise.all(boards.map((b) => b.stop()));
    for (const service of services.slice(handed)) service.close();
    await hub.stop();
    await secured?.close();
    throw error;
  }
  // A reception's boards are named with their organisation: the visitor picks whose board to open.
  const links = boards.map((b) => ({ unit: b.unit.id, name: b.unit.organisation ? `${b.unit.name} – ${ORGANISATION_NAMES[b.unit.organisation] ?? b.unit.organisation}` : b.unit.name, url: b.host.url }));
  hub.service.directory = links.map((link, index) => ({ ...link, kind: boards[index].unit.kind }));
  return {
    municipality: DEMO_MUNICIPALITY,
    boards: links,
    url: hub.host.url,
    leaderScreenUrl: hub.leaderScreenHost ? `${hub.leaderScreenHost.url}?token=${demoScreenToken(hub)}` : undefined,
    brokerDescription:
      secured?.description ??
      (options.broker ? `Broker: ${options.broker}, as given` : "Broker: the hub's embedded aedes, without TLS, identities or ACLs: for development only"),
    brokerProblem,
    operatorTokenFile: hub.operatorTokenFile,
    staff: DEMO_STAFF,
    office: { unit: OFFICE.id, patients: countOfficePatients(hub, OFFICE.id), ploInbox },
    readyMs: Date.now() - started,
    async stop() {
      await Promise.all(boards.map((b) => b.stop()));
      await hub.stop();
      await secured?.close();
    },
  };
}

/** The office's patients still on its list (active stays in its scope). */
function countOfficePatients(hub: HubRuntime, unit: string): number {
  return (hub.service.db.prepare("SELECT count(*) AS n FROM stay WHERE unit = ? AND deleted = 0 AND status = 'active'").get(unit) as { n: number }).n;
}

/** The demo's wall screen gets a fresh device token each start (the one before is revoked). */
function demoScreenToken(hub: HubRuntime): string {
  revokeDeviceToken(hub.service.db, DEMO_SCREEN);
  return issueDeviceToken(hub.service.db, DEMO_SCREEN, null).token;
}

/** Opens each unit's store, seeding a new one; yields between units so the broker's setup runs on. */
async function openUnits(root: string, pseudonyms: PseudonymSecret): Promise<BoardService[]> {
  const services: BoardService[] = [];
  for (const [index, unit] of DEMO_UNITS.entries()) {
    const clock: DemoClock = { now: undefined };
    const service = new BoardService({ dataDir: join(root, demoBoardKey(unit)), municipality: DEMO_MUNICIPALITY, unit: unit.id, organisation: unit.organisation, now: () => clock.now ?? new Date(), pseudonyms });
    // A reception's second organisation's board takes the room the first one's configured.
    const sameRoom = unit.organisation ? services.find((other, i) => DEMO_UNITS[i].id === unit.id) : undefined;
    services.push(service);
    if (service.state().unit === null) seedUnit(service, unit, seededRandom(1000 + index), clock, new Date(), sameRoom);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return services;
}
