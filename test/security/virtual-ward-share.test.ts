/**
 * The virtual ward's shared patient on the wire (issue 17, point 2), through a real Mosquitto with
 * the ACLs `tavla provision` writes: the municipal home-care unit's board receives the shared
 * fields (planned end, next municipal visit, handover to home care) in a record the hub writes
 * into its scope, and a subscriber holding the home-care identity, subscribed to everything, never
 * receives a message carrying the hospital's notes, the patient's name or any episode record.
 */

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MqttClient } from 'mqtt';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ploPatientKey, PseudonymSecret } from '../../main/privacy/pseudonym.js';
import { decodeBinary } from '../../main/sync/wire.js';
import type { SharedEpisode, VirtualWardBoard } from '../../shared/api/commands/homehospital.js';
import { Mosquitto, freePort } from '../support/mosquitto.js';
import { connected, identity } from '../support/mqtt-identity.js';
import { syntheticNationalId } from '../support/synthetic-national-id.js';
import { REPO, TavlaProcess } from '../support/tavla-process.js';
import { tempDir } from '../support/temp-dir.js';
import { waitFor } from '../support/wait.js';

const M = 'fjordvik';
const CLI = join(REPO, 'bin', 'tavla.js');
const NOTE = 'Hemmelig sykehusnotat om CRP';
const ROUND_NOTE = 'Visittnotat: hoster mindre';
const NAME = 'Solveig Nordbø';
const NATIONAL_ID = syntheticNationalId('FNR', '1952-09-12');
/** The bare hash the board once stored: reversible by trying every number. */
const BARE_KEY = createHash('sha256').update(`plo-patient:FNR:${NATIONAL_ID}`).digest('hex');

/** What a payload says, as text: JSON as it is, a binary page's changes decoded. */
function readable(payload: Buffer): { text: string; collections: string[] } {
  if (payload[0] === 0x7b) {
    const text = payload.toString('utf8');
    const collections = [...text.matchAll(/"c":"([A-Za-z]+)"/g)].map((m) => m[1]);
    return { text, collections };
  }
  try {
    const { header, changes } = decodeBinary(payload);
    return { text: JSON.stringify({ header, changes }), collections: changes.map((change) => change.c) };
  } catch {
    return { text: payload.toString('latin1'), collections: [] };
  }
}

describe('a virtual ward sharing a patient with municipal home care', () => {
  let dir: ReturnType<typeof tempDir>;
  let out: string;
  let broker: Mosquitto;
  let url: string;
  const running: TavlaProcess[] = [];
  let tap: MqttClient | undefined;

  beforeAll(async () => {
    dir = tempDir('tavla-vw-share-');
    chmodSync(dir.path, 0o711);
    out = join(dir.path, 'prov');
    const port = await freePort();
    const run = spawnSync(process.execPath, [CLI, 'provision', '--municipality', M, '--units', 'hjemmesykehus,hjemme', '--boards-per-unit', '1', '--out', out, '--broker-host', '127.0.0.1', '--broker-port', String(port)], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    broker = await Mosquitto.fromConfig(join(out, 'broker', 'mosquitto.conf'), port);
    url = `mqtts://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await tap?.endAsync(true);
    await Promise.all(running.splice(0).map((p) => p.stop('SIGKILL')));
    await broker?.kill();
    dir?.remove();
  });

  it('delivers the shared fields to the home-care board and never a hospital note to the home-care identity', { timeout: 180_000 }, async () => {
    const start = (role: 'board' | 'hub', name: string, unit?: string) =>
      TavlaProcess.start({ role, municipality: M, unit, data: join(dir.path, `run-${name}`), config: join(out, `${name}.json`) }).then((p) => (running.push(p), p));
    // The home-care identity, subscribed to every topic of the municipality: the broker delivers only what its ACL lets it read.
    tap = await connected(url, identity(out, 'hjemme-1'));
    const seen: { topic: string; text: string; collections: string[] }[] = [];
    tap.on('message', (topic, payload) => seen.push({ topic, ...readable(payload) }));
    await tap.subscribeAsync(`tavla/v1/${M}/#`, { qos: 1 });

    const hub = await start('hub', 'hub');
    const ward = await start('board', 'hjemmesykehus-1', 'hjemmesykehus');
    const home = await start('board', 'hjemme-1', 'hjemme');
    await home.id('unit.configure', { name: 'Hjemmetjenesten sentrum', kind: 'home-care', beds: [] });
    await ward.id('unit.configure', { name: 'Hjemmesykehuset', kind: 'home-hospital', beds: [], virtualBeds: 6 });
    await waitFor(() => hub.call('hub.overview'), (r) => JSON.stringify(r).includes('"kind":"home-care"'), { what: 'the hub to know the home-care unit', timeout: 30_000 });

    const plannedEnd = new Date(Date.now() + 6 * 86_400_000).toISOString().slice(0, 10);
    const visitAt = new Date(Date.now() + 3 * 3_600_000).toISOString();
    const id = await ward.id('episode.admit', {
      bed: 'V2', name: NAME, initials: 'SN', birthDate: '1952-09-12', plannedEnd, homeCareUnit: 'hjemme', note: NOTE, nationalId: NATIONAL_ID,
      nextVisit: { at: visitAt, by: 'municipality' },
    });
    await ward.id('episode.recordRound', { id, mode: 'video', note: ROUND_NOTE });

    const shared = await waitFor(() => home.call<SharedEpisode[]>('episode.shared'), (r) => (r.value?.length ?? 0) === 1, { what: 'the shared episode on the home-care board', timeout: 60_000 });
    expect(shared.value?.[0]).toMatchObject({ id, fromUnit: 'hjemmesykehus', fromName: 'Hjemmesykehuset', initials: 'SN', plannedEnd, nextMunicipalVisit: new Date(visitAt).toISOString(), handedOverAt: null, status: 'active' });

    // The next visit made by the hospital is not the municipality's: it leaves the shared record.
    await ward.id('episode.planVisit', { id, at: visitAt, by: 'hospital' });
    await waitFor(() => home.call<SharedEpisode[]>('episode.shared'), (r) => r.value?.[0]?.nextMunicipalVisit === null, { what: 'the municipal visit withdrawn', timeout: 60_000 });
    await ward.id('episode.end', { id, outcome: 'home-care' });
    const ended = await waitFor(() => home.call<SharedEpisode[]>('episode.shared'), (r) => r.value?.[0]?.status === 'ended', { what: 'the handover on the home-care board', timeout: 60_000 });
    expect(ended.value?.[0].handedOverAt).not.toBeNull();
    // The virtual ward still shows its own note-free corridor form; the hospital holds the note.
    expect(JSON.stringify((await ward.call<VirtualWardBoard>('episode.board')).value)).not.toContain(NOTE);

    // The hub holds the episode keyed under the provisioned secret the board read from its configuration, never by the bare hash.
    const secret = new PseudonymSecret(readFileSync(join(out, 'ca', 'pseudonym.key'), 'utf8').trim());
    const hubStore = new Database(join(dir.path, 'run-hub', 'hub.sqlite'), { readonly: true });
    try {
      const keys = await waitFor(() => hubStore.prepare('SELECT patientKey FROM episode').pluck().all(), (rows) => rows.length === 1, { what: 'the episode on the hub', timeout: 60_000 });
      expect(keys).toEqual([ploPatientKey(secret, 'FNR', NATIONAL_ID)]);
    } finally {
      hubStore.close();
    }

    // What the home-care identity could read: the shared record, and never the hospital's part.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(seen.some((m) => m.collections.includes('episodeShare'))).toBe(true);
    for (const message of seen) {
      expect(message.topic.startsWith(`tavla/v1/${M}/hjemme/`) || message.topic.startsWith(`tavla/v1/${M}/_hub/presence/`), message.topic).toBe(true);
      expect(message.text).not.toContain(NOTE);
      expect(message.text).not.toContain(ROUND_NOTE);
      expect(message.text).not.toContain(NAME);
      expect(message.text).not.toContain(BARE_KEY);
      expect(message.text).not.toContain(NATIONAL_ID);
      expect(message.collections.filter((c) => c === 'episode' || c === 'episodeRound' || c === 'stay')).toEqual([]);
    }
    // Nor did the home-care board's store get any of it.
    expect(JSON.stringify(await home.call('unit.state'))).not.toContain('SN');
  });
});
