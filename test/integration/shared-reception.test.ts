/**
 * The shared reception through a real Mosquitto (issue 17, point 6): a board per organisation and
 * the hub, in process, synced over the broker. For 1,000 random encounters (fast-check) nothing
 * private is ever published on the unit's shared topics — checked by a subscriber on them that
 * decodes every payload — while the same checker finds the private fields on the owner's own
 * topics; with one organisation's board offline the other keeps working, and the shared fields
 * converge when it is back.
 */

import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import mqtt, { type MqttClient } from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachSync } from '../../main/board/board-assembly.js';
import { BoardService } from '../../main/board/board-service.js';
import { dispatchAs } from '../../main/board/in-process-session.js';
import { HubService } from '../../main/hub/hub-service.js';
import { PseudonymSecret } from '../../main/privacy/pseudonym.js';
import { seededRandom, syntheticPerson } from '../../main/demo/synthetic-people.js';
import { SyncEngine } from '../../main/sync/sync-engine.js';
import { decodeBinary } from '../../main/sync/wire.js';
import type { StaffMember } from '../../shared/api/commands/ward.js';
import type { Result } from '../../shared/api/result.js';
import { DISPOSITIONS, TRIAGE_COLOURS } from '../../shared/reception/reception-kinds.js';
import { Mosquitto } from '../support/mosquitto.js';
import { RECEPTION } from '../support/reception-boards.js';
import { tempDir } from '../support/temp-dir.js';
import { syntheticNationalId } from '../support/synthetic-national-id.js';
import { waitFor } from '../support/wait.js';

const M = 'testby';
const ENCOUNTERS = Number(process.env.TAVLA_RECEPTION_ENCOUNTERS ?? 1000);
const REASONS = ['Brystsmerter', 'Pustebesvær', 'Magesmerter', 'Hodeskade etter fall', 'Høy feber', 'Allergisk reaksjon', 'Kuttskade hånd', 'Svimmelhet'];

interface Board {
  service: BoardService;
  sync: SyncEngine | undefined;
  organisation: string;
  staff: StaffMember;
}

/** Every string inside a decoded payload, and the changes it carries. */
function payloadContents(payload: Buffer): { strings: string[]; changes: { c: string; f: string }[] } {
  let decoded: unknown;
  try {
    decoded = decodeBinary(payload);
  } catch {
    try {
      decoded = JSON.parse(payload.toString('utf8'));
    } catch {
      decoded = payload.toString('utf8');
    }
  }
  const strings: string[] = [];
  const changes: { c: string; f: string }[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.c === 'string' && typeof record.f === 'string') changes.push({ c: record.c, f: record.f });
      Object.values(record).forEach(walk);
    }
  };
  walk(decoded);
  return { strings, changes };
}

describe('the shared reception through Mosquitto', () => {
  let dir: ReturnType<typeof tempDir>;
  let broker: Mosquitto;
  let hub: { service: HubService; sync: SyncEngine };
  let boards: Board[];
  let observer: MqttClient;
  const shared: Buffer[] = [];
  const legevaktOwn: Buffer[] = [];

  const value = <T>(result: Result<unknown>): T => {
    if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
    return result.value as T;
  };
  const edit = <T = { id: string }>(board: Board, command: string, input: object) => value<T>(dispatchAs(board.service, board.staff, command, input));
  const connect = (board: Board) => (board.sync = attachSync(board.service, broker.url, undefined, 1000));
  const count = (db: BoardService['db'] | HubService['db'], sql: string) => db.prepare(sql).pluck().get() as number;

  beforeEach(async () => {
    dir = tempDir('tavla-reception-int-');
    broker = await Mosquitto.start(dir.path);
    observer = await mqtt.connectAsync(broker.url, { clientId: 'observer' });
    observer.on('message', (topic, payload) => (topic.startsWith(`tavla/v1/${M}/mottak/`) ? shared : legevaktOwn).push(payload));
    await observer.subscribeAsync([`tavla/v1/${M}/mottak/#`, `tavla/v1/${M}/mottak~legevakt/#`], { qos: 1 });
    // One pseudonym secret for the hub and both boards, as provisioning gives them.
    const pseudonyms = new PseudonymSecret(randomBytes(32).toString('base64url'));
    const hubService = new HubService({ dataDir: `${dir.path}/hub`, municipality: M, pseudonyms });
    hub = {
      service: hubService,
      sync: new SyncEngine({
        store: hubService.store,
        clock: hubService.clock,
        periodMs: 1000,
        brokerUrl: broker.url,
        municipality: M,
        nodeId: hubService.nodeId,
        role: 'hub',
        onApplied: () => undefined,
        onStatus: (status) => hubService.setSyncStatus(status),
      }),
    };
    boards = ['legevakt', 'sykehus'].map((organisation) => {
      const service = new BoardService({ dataDir: `${dir.path}/${organisation}`, municipality: M, unit: 'mottak', organisation, pseudonyms });
      const name = organisation === 'legevakt' ? 'Liv Lege' : 'Siv Sykepleier';
      const { id } = value<{ id: string }>(service.dispatch('staff.set', { name, role: 'unit-leader', pin: '2468' }));
      const board: Board = { service, sync: undefined, organisation, staff: { id, name, role: 'unit-leader' } as StaffMember };
      connect(board);
      return board;
    });
    edit(boards[0], 'unit.configure', RECEPTION);
    await waitFor(() => count(boards[1].service.db, "SELECT COUNT(*) FROM unit WHERE kind = 'shared-reception'"), (n) => n === 1, { what: 'the reception on the sykehus board' });
  });
  afterEach(async () => {
    await observer.endAsync(true);
    for (const board of boards) {
      await board.sync?.stop();
      board.service.close();
    }
    await hub.sync.stop();
    hub.service.close();
    await broker.kill();
    dir.remove();
    shared.length = 0;
    legevaktOwn.length = 0;
  });

  const encounter = fc.record({
    organisation: fc.integer({ min: 0, max: 1 }),
    person: fc.integer({ min: 1, max: 2 ** 31 }),
    // A synthetic number the check takes (each kind, a birth day from 1925 through 2020), or none.
    nationalId: fc.option(
      fc
        .tuple(fc.constantFrom('FNR' as const, 'DNR' as const, 'HNR' as const), fc.integer({ min: 0, max: 35_000 }), fc.integer({ min: 0, max: 3 }))
        .map(([kind, day, nth]) => syntheticNationalId(kind, new Date(Date.UTC(1925, 0, 1) + day * 86_400_000).toISOString().slice(0, 10), nth)),
      { nil: undefined },
    ),
    reason: fc.constantFrom(...REASONS),
    note: fc.stringMatching(/^[A-Za-zÆØÅæøå][A-Za-zÆØÅæøå ,.]{5,59}$/),
    colours: fc.array(fc.constantFrom(...TRIAGE_COLOURS), { maxLength: 3 }),
    handover: fc.boolean(),
    disposition: fc.option(fc.constantFrom(...DISPOSITIONS), { nil: undefined }),
  });

  it(`publishes no private field on the shared topics for ${ENCOUNTERS} random encounters, and holds each organisation's private fields on its own board and the hub only`, { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(encounter, { minLength: ENCOUNTERS, maxLength: ENCOUNTERS }), async (arrivals) => {
        const privates: string[] = [];
        arrivals.forEach((arrival, n) => {
          const board = boards[arrival.organisation];
          const name = syntheticPerson(seededRandom(arrival.person)).name;
          const note = `${arrival.note.trim()} ${n}`;
          // The number, and the bare hash the board once stored of it (reversible by trying every number).
          const bare = arrival.nationalId ? [arrival.nationalId, createHash('sha256').update(`reception-id:${M}:${board.organisation}:${arrival.nationalId}`).digest('hex')] : [];
          privates.push(name, `${arrival.reason} ${n}`, note, ...bare);
          const { id } = edit(board, 'encounter.arrive', { label: `${board.organisation[0].toUpperCase()}-${n}`, name, nationalId: arrival.nationalId, reason: `${arrival.reason} ${n}`, note });
          for (const colour of arrival.colours) edit(board, 'encounter.triage', { id, colour });
          if (arrival.disposition) edit(board, 'encounter.dispose', { id, disposition: arrival.disposition });
          else if (arrival.handover) edit(board, 'encounter.handover', { id, to: boards[1 - arrival.organisation].organisation });
        });
        const owned = [0, 1].map((o) => arrivals.filter((a) => a.organisation === o).length);
        await waitFor(
          () => [boards[0], boards[1]].map((b) => count(b.service.db, 'SELECT COUNT(*) FROM encounter')).concat(count(hub.service.db, 'SELECT COUNT(*) FROM encounterPrivate')),
          (counts) => counts.every((n) => n === arrivals.length),
          { what: 'every encounter on both boards and every private record on the hub', timeout: 300_000 },
        );
        // Both boards see the same shared fields; each holds its own organisation's private records only.
        const sharedRows = (db: BoardService['db']) => db.prepare('SELECT id, owner, responsible, label, colour, triagedAt, status FROM encounter ORDER BY id').all();
        await waitFor(() => JSON.stringify(sharedRows(boards[1].service.db)), (rows) => rows === JSON.stringify(sharedRows(boards[0].service.db)), { what: 'shared fields converged', timeout: 120_000 });
        for (const [o, board] of boards.entries()) {
          expect(count(board.service.db, 'SELECT COUNT(*) FROM encounterPrivate'), board.organisation).toBe(owned[o]);
          expect(count(board.service.db, `SELECT COUNT(*) FROM encounterPrivate WHERE organisation != '${board.organisation}'`)).toBe(0);
        }
        // Every identity number reached the hub as a keyed pseudonym: one key per number given, none a bare hash or the number.
        const idKeys = hub.service.db.prepare('SELECT idKey FROM encounterPrivate WHERE idKey IS NOT NULL').pluck().all() as string[];
        expect(idKeys).toHaveLength(arrivals.filter((a) => a.nationalId !== undefined).length);
        expect(idKeys.filter((key) => privates.includes(key))).toEqual([]);
        // Nothing private on the shared topics: no private record, no private field, no private value.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        const seen = shared.map(payloadContents);
        expect(seen.flatMap((p) => p.changes).filter((c) => c.c === 'encounter').length).toBeGreaterThan(arrivals.length);
        expect(seen.flatMap((p) => p.changes).filter((c) => c.c === 'encounterPrivate')).toEqual([]);
        const strings = new Set(seen.flatMap((p) => p.strings));
        const leaks = privates.filter((secret) => [...strings].some((text) => text.includes(secret)));
        expect(leaks).toEqual([]);
        // The checker is not blind: the same decoding finds legevakt's private fields on legevakt's own topics.
        const own = new Set(legevaktOwn.map(payloadContents).flatMap((p) => p.strings));
        const legevaktSecrets = arrivals.flatMap((a, n) => (a.organisation === 0 ? [`${a.reason} ${n}`] : []));
        expect(legevaktSecrets.filter((secret) => own.has(secret)).length).toBe(legevaktSecrets.length);
      }),
      { numRuns: 1 },
    );
  });

  it('keeps one organisation working while the other is offline, and the shared fields converge when it is back', { timeout: 180_000 }, async () => {
    const [legevakt, sykehus] = boards;
    const before = edit(sykehus, 'encounter.arrive', { label: 'S-1', name: 'Per Hansen', reason: 'Fall' }).id;
    await waitFor(() => count(legevakt.service.db, 'SELECT COUNT(*) FROM encounter'), (n) => n === 1, { what: 'S-1 on the legevakt board' });
    await sykehus.sync?.stop();
    sykehus.sync = undefined;
    // Legevakt works on: arrivals, triage, a handover to the offline organisation.
    const ids = [1, 2, 3].map((n) => edit(legevakt, 'encounter.arrive', { label: `L-${n}`, name: `Kari Berg ${n}`, reason: 'Feber' }).id);
    edit(legevakt, 'encounter.triage', { id: ids[0], colour: 'orange' });
    edit(legevakt, 'encounter.triage', { id: ids[1], colour: 'red' });
    edit(legevakt, 'encounter.handover', { id: ids[2], to: 'sykehus' });
    // Sykehus works on alone too.
    edit(sykehus, 'encounter.triage', { id: before, colour: 'green' });
    expect(value<{ queue: unknown[] }>(dispatchAs(legevakt.service, legevakt.staff, 'encounter.list', {})).queue).toHaveLength(4);
    await waitFor(() => count(hub.service.db, 'SELECT COUNT(*) FROM encounterPrivate'), (n) => n === 4, { what: "legevakt's private records on the hub" });

    connect(sykehus);
    const rows = (db: BoardService['db']) => JSON.stringify(db.prepare('SELECT id, responsible, colour, triagedAt, colourSetAt, status FROM encounter ORDER BY id').all());
    await waitFor(() => rows(sykehus.service.db), (r) => r === rows(legevakt.service.db) && r.includes('"green"') && r.includes('"red"'), { what: 'shared fields converged', timeout: 60_000 });
    expect(count(sykehus.service.db, "SELECT COUNT(*) FROM encounter WHERE responsible = 'sykehus'")).toBe(2);
    // The handover reached sykehus' log while it was away: logged once on its return, never shown from legevakt's private scope.
    await waitFor(() => count(sykehus.service.db, "SELECT COUNT(*) FROM auditEntry WHERE id LIKE 'handover-%'"), (n) => n === 1, { what: "the handover in sykehus' log" });
    expect(count(sykehus.service.db, "SELECT COUNT(*) FROM encounterPrivate WHERE organisation = 'legevakt'")).toBe(0);
  });
});
