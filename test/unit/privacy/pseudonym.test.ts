/**
 * Keyed pseudonyms of identity numbers (main/privacy/pseudonym.ts): a key depends on the secret and
 * the purpose; under one secret the hub's PLO episodes and a virtual-ward board's admissions key a
 * patient alike, and nothing stored equals the bare SHA-256 that could be reversed by trying every
 * number; an episode keyed by that bare hash before the upgrade is still found, and re-keyed; a
 * configured key file that cannot be used stops the start with an error naming the option, and the
 * one given to `tavla import-plo` is the one the episodes it writes are keyed under.
 */

import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoardService } from '../../../main/board/board-service.js';
import { dispatchAs } from '../../../main/board/in-process-session.js';
import { importPlo } from '../../../main/cli/import-plo.js';
import { parseCommandLine, type ParsedCommand } from '../../../main/cli/options.js';
import { UsageError } from '../../../main/config/options.js';
import { readScreenConfig } from '../../../main/electron/board-config.js';
import { applyPloMessage, type PloTarget } from '../../../main/flow/plo-apply.js';
import { parsePloMessage } from '../../../main/flow/plo-parse.js';
import { HubService } from '../../../main/hub/hub-service.js';
import { LOCAL_PSEUDONYM_FILE, loadPseudonymKey, ploPatientKey, PseudonymSecret } from '../../../main/privacy/pseudonym.js';
import type { VirtualWardView } from '../../../shared/api/commands/homehospital.js';
import type { StaffMember } from '../../../shared/api/commands/ward.js';
import { PATIENTS, ploMessage, type PloSpec } from '../../support/plo-messages.js';
import { tempDir } from '../../support/temp-dir.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** A secret's text, as a provisioned file holds it. */
const secretText = () => randomBytes(32).toString('base64url');
/** Every bare hash of the number that the old code or an attacker's table could hold. */
const bareHashes = (id: string) => [sha256(id), sha256(`plo-patient:FNR:${id}`)];
const NURSE: StaffMember = { id: 'nurse', name: 'Nina Sykepleier', role: 'unit-leader' };
const AO = 'tildeling';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir('tavla-pseudonym-');
});
afterEach(() => dir.remove());

describe('a pseudonym', () => {
  it('differs under two secrets and between purposes, and is the same under one secret', () => {
    const text = secretText();
    const [a, b] = [new PseudonymSecret(text), new PseudonymSecret(secretText())];
    const id = PATIENTS.kari.id;
    expect(a.of('plo-patient', 'FNR', id)).not.toBe(b.of('plo-patient', 'FNR', id));
    expect(a.of('plo-patient', 'FNR', id)).toBe(new PseudonymSecret(text).of('plo-patient', 'FNR', id));
    expect(a.of('plo-patient', 'FNR', id)).not.toBe(a.of('reception-id', 'FNR', id));
    expect(a.of('plo-patient', 'FNR', id)).toMatch(/^[0-9a-f]{64}$/);
    expect(bareHashes(id)).not.toContain(a.of('plo-patient', 'FNR', id));
    // Parts are joined by newlines: a part holding one could pass for two parts.
    expect(() => a.of('reception-id', 'fjordvik', 'legevakt\n1')).toThrow(/newline/);
  });

  it('never shows the secret in JSON or an inspect', () => {
    const text = secretText();
    const holder = { pseudonyms: new PseudonymSecret(text) };
    expect(JSON.stringify(holder)).not.toContain(text);
    expect(inspect(holder, { depth: 5, showHidden: true })).not.toContain(text);
    expect(inspect(holder, { depth: 5, showHidden: true })).not.toMatch(/<Buffer/);
  });
});

describe('PLO patients on the hub and a virtual-ward board', () => {
  const open: { close(): void }[] = [];
  // Before the folder goes (the file's afterEach runs after this one).
  afterEach(() => {
    for (const service of open.splice(0)) service.close();
  });

  const hubWith = (name: string, pseudonyms?: PseudonymSecret) => {
    const hub = new HubService({ dataDir: join(dir.path, name), municipality: 'fjordvik', pseudonyms });
    open.push(hub);
    return hub;
  };
  const import_ = (hub: HubService, spec: PloSpec) => {
    const parsed = parsePloMessage(ploMessage(spec));
    if (!parsed.ok) throw new Error(parsed.reason);
    const target: PloTarget = { store: hub.store, unit: AO, now: () => new Date('2026-11-20T12:00:00Z'), pseudonyms: hub.pseudonyms };
    return applyPloMessage(target, parsed.message, null);
  };
  const admitted = (pseudonyms: PseudonymSecret | undefined, name: string, nationalId: string) => {
    const board = new BoardService({ dataDir: join(dir.path, name), municipality: 'fjordvik', unit: 'hjemmesykehus', pseudonyms });
    open.push(board);
    const run = (command: string, input: object) => {
      const result = dispatchAs(board, NURSE, command, input);
      if (!result.ok) throw new Error(`${command}: ${result.message}`);
      return result.value as { id: string };
    };
    run('unit.configure', { name: 'Hjemmesykehuset', kind: 'home-hospital', beds: [], virtualBeds: 4 });
    run('episode.admit', { bed: 'V1', name: 'Kari Nordmann', initials: 'KN', birthDate: PATIENTS.kari.birthDate, plannedEnd: '2026-12-10', nationalId, idType: 'FNR' });
    return board.db.prepare('SELECT patientKey FROM episode').pluck().get() as string;
  };

  it('gives the same key on the hub and on the board under one secret, another under another, and never the bare hash', () => {
    const text = secretText();
    const municipality = new PseudonymSecret(text);
    const hub = hubWith('hub', municipality);
    import_(hub, { type: 'LOG_INNLAGT', patient: PATIENTS.kari });
    const stored = hub.db.prepare('SELECT patient_key FROM plo_episode').pluck().all() as string[];
    expect(stored).toHaveLength(1);
    expect(admitted(municipality, 'ward-1', PATIENTS.kari.id)).toBe(stored[0]);
    // A second board given the same secret keys her alike; a board with a secret of its own does not.
    expect(admitted(new PseudonymSecret(text), 'ward-2', PATIENTS.kari.id)).toBe(stored[0]);
    const ownSecret = admitted(undefined, 'ward-3', PATIENTS.kari.id);
    expect(ownSecret).not.toBe(stored[0]);
    expect(readdirSync(join(dir.path, 'ward-3'))).toContain(LOCAL_PSEUDONYM_FILE);
    expect(statSync(join(dir.path, 'ward-3', LOCAL_PSEUDONYM_FILE)).mode & 0o777).toBe(0o600);
    for (const value of [...stored, ownSecret]) expect(bareHashes(PATIENTS.kari.id)).not.toContain(value);
  });

  it('keeps its own secret across restarts when none is provisioned', () => {
    const first = hubWith('hub');
    import_(first, { type: 'LOG_INNLAGT', patient: PATIENTS.ola, admittedAt: '2026-11-18T08:00:00' });
    first.close();
    open.splice(0);
    const again = hubWith('hub');
    const result = import_(again, { type: 'LOG_UTSKRIVNINGSKLAR', patient: PATIENTS.ola, admittedAt: '2026-11-18T08:00:00' });
    expect(again.db.prepare('SELECT count(*) FROM plo_episode').pluck().get()).toBe(1);
    expect(result.stayId).toBe(again.db.prepare('SELECT stay FROM plo_episode').pluck().get());
  });

  it('finds an episode keyed by the legacy bare hash and re-keys it with the next message about the patient', () => {
    const hub = hubWith('hub', new PseudonymSecret(secretText()));
    const admittedAt = '2026-11-18T08:00:00';
    const first = import_(hub, { type: 'LOG_INNLAGT', patient: PATIENTS.kari, admittedAt });
    const keyed = hub.db.prepare('SELECT patient_key FROM plo_episode').pluck().get() as string;
    // As a hub before the upgrade wrote it: the bare hash of the number.
    const legacy = sha256(`plo-patient:FNR:${PATIENTS.kari.id}`);
    hub.db.prepare('UPDATE plo_episode SET patient_key = ?').run(legacy);
    const later = import_(hub, { type: 'LOG_UTSKRIVNINGSKLAR', patient: PATIENTS.kari, admittedAt, genDate: '2026-11-21T10:00:00' });
    expect(later).toMatchObject({ outcome: 'imported', stayId: first.stayId, note: null });
    expect(hub.db.prepare('SELECT patient_key, stay FROM plo_episode').all()).toEqual([{ patient_key: keyed, stay: first.stayId }]);
    expect(hub.db.prepare('SELECT count(*) FROM stay').pluck().get()).toBe(1);
    expect(hub.db.prepare('SELECT hospitalStatus FROM stay').pluck().get()).toBe('discharge-ready');
  });
});

describe('a configured pseudonym key', () => {
  it('is what `tavla import-plo` keys a stopped hub\'s episodes under', () => {
    const dataDir = join(dir.path, 'hub');
    const hub = new HubService({ dataDir, municipality: 'fjordvik' });
    hub.store.commit({ actor: 'test', action: 'seed' }, [{ c: 'unit', id: AO, scope: AO, fields: { municipality: 'fjordvik', name: 'Tildelingskontoret', kind: 'allocation-office', deleted: false } }]);
    hub.close();
    const text = secretText();
    const keyFile = join(dir.path, 'pseudonym.key');
    writeFileSync(keyFile, `${text}\n`, { mode: 0o600 });
    const message = join(dir.path, 'kari.xml');
    writeFileSync(message, ploMessage({ type: 'LOG_INNLAGT', patient: PATIENTS.kari }));
    const command = parseCommandLine(['import-plo', message, '--municipality', 'fjordvik', '--data', dataDir, '--pseudonym-key', keyFile]) as ParsedCommand;
    expect(importPlo(command)).toBe(0);
    const reopened = new HubService({ dataDir, municipality: 'fjordvik', pseudonyms: new PseudonymSecret(text) });
    try {
      expect(reopened.db.prepare('SELECT patient_key FROM plo_episode').pluck().all()).toEqual([ploPatientKey(new PseudonymSecret(text), 'FNR', PATIENTS.kari.id)]);
    } finally {
      reopened.close();
    }
  });

  it('must be the one the hub keyed its episodes under: `tavla import-plo` without it refuses, the hub warns', () => {
    const dataDir = join(dir.path, 'hub');
    const text = secretText();
    const provisioned = new PseudonymSecret(text);
    const hub = new HubService({ dataDir, municipality: 'fjordvik', pseudonyms: provisioned });
    hub.store.commit({ actor: 'test', action: 'seed' }, [{ c: 'unit', id: AO, scope: AO, fields: { municipality: 'fjordvik', name: 'Tildelingskontoret', kind: 'allocation-office', deleted: false } }]);
    expect(hub.pseudonymMismatch()).toBe(false); // no episode yet: nothing is keyed under anything
    const kari = parsePloMessage(ploMessage({ type: 'LOG_INNLAGT', patient: PATIENTS.kari }));
    if (!kari.ok) throw new Error(kari.reason);
    expect(applyPloMessage({ store: hub.store, unit: AO, now: () => new Date(), pseudonyms: hub.pseudonyms }, kari.message, null).outcome).toBe('imported');
    hub.close();
    const message = join(dir.path, 'ola.xml');
    writeFileSync(message, ploMessage({ type: 'LOG_INNLAGT', patient: PATIENTS.ola }));
    // Without the key the command would key Ola under the data folder's own secret: refused, nothing imported.
    const stderr: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => (stderr.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      expect(importPlo(parseCommandLine(['import-plo', message, '--municipality', 'fjordvik', '--data', dataDir]) as ParsedCommand)).toBe(2);
    } finally {
      process.stderr.write = write;
    }
    expect(stderr.join('')).toContain('keyed under another pseudonym secret');
    const unkeyed = new HubService({ dataDir, municipality: 'fjordvik' });
    try {
      expect(unkeyed.pseudonymMismatch()).toBe(true);
      expect(unkeyed.db.prepare('SELECT count(*) FROM plo_episode').pluck().get()).toBe(1);
    } finally {
      unkeyed.close();
    }
    const keyed = new HubService({ dataDir, municipality: 'fjordvik', pseudonyms: new PseudonymSecret(text) });
    try {
      expect(keyed.pseudonymMismatch()).toBe(false);
    } finally {
      keyed.close();
    }
  });

  it('must be the one a board keyed its patients under: a board started with another says so at start and in /healthz', () => {
    const text = secretText();
    const board = new BoardService({ dataDir: join(dir.path, 'ward'), municipality: 'fjordvik', unit: 'hjemmesykehus', pseudonyms: new PseudonymSecret(text) });
    const run = (command: string, input: object) => {
      const result = dispatchAs(board, NURSE, command, input);
      if (!result.ok) throw new Error(`${command}: ${result.message}`);
    };
    run('unit.configure', { name: 'Hjemmesykehuset', kind: 'home-hospital', beds: [], virtualBeds: 4 });
    // An admission without the number keys no one: nothing is named yet.
    run('episode.admit', { bed: 'V2', name: 'Per Hansen', initials: 'PH', birthDate: '1941-03-02', plannedEnd: '2026-12-10' });
    expect(board.health()).not.toHaveProperty('pseudonymSecret');
    run('episode.admit', { bed: 'V1', name: 'Kari Nordmann', initials: 'KN', birthDate: PATIENTS.kari.birthDate, plannedEnd: '2026-12-10', nationalId: PATIENTS.kari.id, idType: 'FNR' });
    expect(board.health()).not.toHaveProperty('pseudonymSecret');
    board.close();
    const reopen = (pseudonyms?: PseudonymSecret) => new BoardService({ dataDir: join(dir.path, 'ward'), municipality: 'fjordvik', unit: 'hjemmesykehus', pseudonyms });
    // Without the provisioned key the board falls back to a secret of its own: its keys would not match.
    const unkeyed = reopen();
    try {
      expect(unkeyed.health()).toMatchObject({ pseudonymSecret: 'another-than-the-keys' });
    } finally {
      unkeyed.close();
    }
    const keyed = reopen(new PseudonymSecret(text));
    try {
      expect(keyed.health()).not.toHaveProperty('pseudonymSecret');
    } finally {
      keyed.close();
    }
  });

  it("must be the hub's from the start: a virtual ward's episodes keyed under another secret are counted apart on the hub, named in its /healthz and on the leader's figures", () => {
    const hubSecret = new PseudonymSecret(secretText());
    const hub = new HubService({ dataDir: join(dir.path, 'hub'), municipality: 'fjordvik', pseudonyms: hubSecret });
    // Two virtual wards: one given the municipality's key, one another from its first start.
    const ward = (unit: string, pseudonyms: PseudonymSecret) => {
      const board = new BoardService({ dataDir: join(dir.path, unit), municipality: 'fjordvik', unit, pseudonyms });
      const run = (command: string, input: object) => {
        const result = dispatchAs(board, NURSE, command, input);
        if (!result.ok) throw new Error(`${command}: ${result.message}`);
        return result.value as { id: string };
      };
      run('unit.configure', { name: unit === 'hs-rett' ? 'Hjemmesykehuset' : 'Hjemmesykehuset nord', kind: 'home-hospital', beds: [], virtualBeds: 2 });
      const { id } = run('episode.admit', { bed: 'V1', name: 'Kari Nordmann', initials: 'KN', birthDate: PATIENTS.kari.birthDate, plannedEnd: '2026-12-10', nationalId: PATIENTS.kari.id, idType: 'FNR' });
      run('episode.end', { id, outcome: 'home-care' });
      // What the board's sync sends, merged on the hub through its store's inbound path.
      const outcome = hub.store.applyRemote(board.store.scopeChanges(unit, () => true), unit);
      expect(outcome.rejected, unit).toBe(0);
      board.close();
    };
    try {
      ward('hs-rett', hubSecret);
      expect(hub.health()).not.toHaveProperty('unitsKeyedElsewhere');
      ward('hs-annen', new PseudonymSecret(secretText()));
      expect(hub.health()).toMatchObject({ unitsKeyedElsewhere: ['hs-annen'] });
      expect(hub.health()).not.toHaveProperty('pseudonymSecret'); // the hub's own keys are its own
      const result = hub.dispatch('leader.virtualWard', {});
      if (!result.ok) throw new Error(result.message);
      const units = Object.fromEntries((result.value as VirtualWardView).units.map((u) => [u.unit, u]));
      expect(units['hs-rett']).toMatchObject({ endedWithKey: 1, endedKeyedElsewhere: 0 });
      expect(units['hs-annen']).toMatchObject({ endedWithKey: 0, endedKeyedElsewhere: 1 });
      // The fingerprint names the secret without saying it.
      expect(JSON.stringify(hub.health())).not.toContain(hubSecret.fingerprint());
    } finally {
      hub.close();
    }
  });

  it('is refused at start when missing or not a key, naming the option', () => {
    expect(() => loadPseudonymKey({ pseudonymKey: join(dir.path, 'missing.key') })).toThrow(UsageError);
    expect(() => loadPseudonymKey({ pseudonymKey: join(dir.path, 'missing.key') })).toThrow(/^--pseudonym-key: cannot read/);
    const bad = join(dir.path, 'bad.key');
    writeFileSync(bad, 'not a key\n', { mode: 0o600 });
    expect(() => loadPseudonymKey({ pseudonymKey: bad })).toThrow(/^--pseudonym-key: .*bad\.key is not a pseudonym key/);
    expect(loadPseudonymKey({})).toBeUndefined();
  });

  it("stops an Electron board whose configuration names a broken key, with the file's name in the message", () => {
    const config = join(dir.path, 'board.json');
    writeFileSync(join(dir.path, 'pseudonym.key'), 'short\n');
    chmodSync(join(dir.path, 'pseudonym.key'), 0o600);
    writeFileSync(config, JSON.stringify({ municipality: 'fjordvik', unit: 'solsiden', pseudonymKey: 'pseudonym.key' }));
    expect(() => readScreenConfig(config, dir.path)).toThrow(/board\.json: --pseudonym-key: .*pseudonym\.key is not a pseudonym key/);
  });

  it('is refused on a leader screen, which keys nobody', () => {
    const config = join(dir.path, 'screen.json');
    writeFileSync(config, JSON.stringify({ screen: 'leader', hub: 'https://tavla.fjordvik.example', pseudonymKey: 'pseudonym.key' }));
    expect(() => readScreenConfig(config, dir.path)).toThrow(/remove "pseudonymKey"/);
  });
});
