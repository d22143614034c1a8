import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importPloFile, importPloPath, allImported } from '../../../main/flow/plo-import.js';
import type { PloTarget } from '../../../main/flow/plo-apply.js';
import { HubService } from '../../../main/hub/hub-service.js';
import { tempDir } from '../../support/temp-dir.js';
import { PATIENTS, ploMessage, type PloSpec } from '../../support/plo-messages.js';
import { syntheticNationalId, wrongCheckDigit } from '../../support/synthetic-national-id.js';

const AO = 'tildeling';

describe('PLO import into the hub', () => {
  let dir: ReturnType<typeof tempDir>;
  let hub: HubService;
  let target: PloTarget;
  let inbox: string;
  let n = 0;

  const drop = (spec: PloSpec, name = `m${String(++n).padStart(3, '0')}.xml`): string => {
    const file = join(inbox, name);
    writeFileSync(file, ploMessage(spec));
    return file;
  };
  const stays = () => hub.db.prepare('SELECT * FROM stay WHERE unit = ? ORDER BY admittedAt').all(AO) as Record<string, unknown>[];
  const changeCount = () => (hub.db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;

  beforeEach(() => {
    dir = tempDir('tavla-plo-');
    hub = new HubService({ dataDir: join(dir.path, 'hub'), municipality: 'fjordvik' });
    target = { store: hub.store, unit: AO, now: () => new Date('2026-11-20T12:00:00Z'), pseudonyms: hub.pseudonyms };
    inbox = join(dir.path, 'in');
    mkdirSync(inbox);
  });
  afterEach(() => {
    hub.close();
    dir.remove();
  });

  it('follows one patient through every message type into one stay of the allocation office', () => {
    const kari = PATIENTS.kari;
    const steps: [PloSpec, Record<string, unknown>][] = [
      [{ type: 'LOG_INNLAGT', genDate: '2026-11-10T15:00:00' }, { status: 'active', hospitalStatus: 'admitted', dischargeReadySince: null, admittedAt: '2026-11-10T13:00:00.000Z' }],
      [{ type: 'LOG_UTSKRIVNINGSKLAR', genDate: '2026-11-18T09:30:00' }, { hospitalStatus: 'discharge-ready', dischargeReadySince: '2026-11-18T08:00:00.000Z' }],
      [{ type: 'LOG_AVMELDING', genDate: '2026-11-19T08:30:00' }, { hospitalStatus: 'withdrawn', dischargeReadySince: null, status: 'active' }],
      [{ type: 'LOG_UTSKRIVNINGSKLAR', genDate: '2026-11-20T09:30:00', dischargeReadyAt: '2026-11-20T09:00:00' }, { hospitalStatus: 'discharge-ready', dischargeReadySince: '2026-11-20T08:00:00.000Z' }],
      [{ type: 'LOG_UTSKREVET', genDate: '2026-11-21T11:30:00', leftAt: '2026-11-21T11:00:00' }, { hospitalStatus: 'discharged', status: 'discharged', hospitalLeftAt: '2026-11-21T10:00:00.000Z', dischargedAt: '2026-11-21T10:00:00.000Z' }],
    ];
    for (const [spec, expected] of steps) {
      expect(importPloFile(target, drop({ ...spec, patient: kari }))).toMatchObject({ outcome: 'imported', type: spec.type, initials: 'KN' });
      expect(stays()).toHaveLength(1);
      expect(stays()[0]).toMatchObject({ ...expected, initials: 'KN', name: 'Kari Nordmann', birthDate: '1938-04-17', hospital: 'Fjordvik sykehus HF – Medisinsk avdeling' });
    }
    // Everything went into the allocation office's scope, so it syncs to that board and no other.
    const scopes = hub.db.prepare("SELECT DISTINCT scope FROM change_log WHERE collection = 'stay'").all() as { scope: string }[];
    expect(scopes).toEqual([{ scope: AO }]);
  });

  it('closes the stay of a patient who died in hospital', () => {
    importPloFile(target, drop({ type: 'LOG_UTSKRIVNINGSKLAR', patient: PATIENTS.ola }));
    importPloFile(target, drop({ type: 'LOG_DOD', patient: PATIENTS.ola, genDate: '2026-11-21T04:00:00', leftAt: '2026-11-21T03:40:00' }));
    expect(stays()[0]).toMatchObject({ hospitalStatus: 'dead', status: 'discharged', hospitalLeftAt: '2026-11-21T02:40:00.000Z' });
  });

  it('never keeps the identity number in the store', () => {
    importPloFile(target, drop({ type: 'LOG_UTSKRIVNINGSKLAR', patient: PATIENTS.ingrid }));
    const files = ['hub.sqlite', 'hub.sqlite-wal'].map((name) => join(dir.path, 'hub', name)).filter((file) => existsSync(file));
    const text = files.map((file) => readFileSync(file).toString('latin1')).join('');
    expect(text).toContain('Ingrid Berg');
    expect(text).not.toContain(PATIENTS.ingrid.id);
  });

  it('imports a message once: a second import of the same MsgId changes nothing', () => {
    const xml = ploMessage({ type: 'LOG_UTSKRIVNINGSKLAR', msgId: '7d0f3c1e-2b7a-4c55-9a61-0c6f1e2d3a4b' });
    writeFileSync(join(inbox, 'a.xml'), xml);
    expect(importPloFile(target, join(inbox, 'a.xml')).outcome).toBe('imported');
    const before = changeCount();
    writeFileSync(join(inbox, 'b.xml'), xml);
    expect(importPloFile(target, join(inbox, 'b.xml'))).toMatchObject({ outcome: 'duplicate', reason: 'already imported' });
    expect(changeCount()).toBe(before);
    expect(stays()).toHaveLength(1);
    expect(allImported([{ outcome: 'duplicate' } as never])).toBe(true);
  });

  it('ends in the same state when the messages of one stay arrive out of order', () => {
    const ready = { type: 'LOG_UTSKRIVNINGSKLAR', genDate: '2026-11-18T09:30:00' } as const;
    const withdrawn = { type: 'LOG_AVMELDING', genDate: '2026-11-19T08:30:00' } as const;
    importPloFile(target, drop(withdrawn));
    importPloFile(target, drop(ready));
    expect(stays()).toHaveLength(1);
    expect(stays()[0]).toMatchObject({ hospitalStatus: 'withdrawn', dischargeReadySince: null });
  });

  it('moves a malformed file aside with its reason, imports the others, and says not all imported', () => {
    drop({ type: 'LOG_INNLAGT', patient: PATIENTS.kari }, '1-good.xml');
    writeFileSync(join(inbox, '2-broken.xml'), '<MsgHead><MsgInfo>');
    drop({ type: 'LOG_UTSKRIVNINGSKLAR', patient: PATIENTS.ola }, '3-good.xml');
    writeFileSync(join(inbox, 'notes.txt'), 'not a message');
    const seen: string[] = [];
    const results = importPloPath(target, inbox, (result, index, total) => seen.push(`${index + 1}/${total} ${result.outcome}`));
    expect(seen).toEqual(['1/3 imported', '2/3 rejected', '3/3 imported']);
    expect(allImported(results)).toBe(false);
    expect(stays().map((s) => s.initials)).toEqual(['KN', 'OH']);
    expect(readdirSync(inbox).sort()).toEqual(['1-good.xml', '3-good.xml', 'notes.txt', 'rejected']);
    expect(readdirSync(join(inbox, 'rejected')).sort()).toEqual(['2-broken.xml', '2-broken.xml.reason.txt']);
    expect(readFileSync(join(inbox, 'rejected', '2-broken.xml.reason.txt'), 'utf8')).toMatch(/^bad XML/);
  });

  it('takes a message whose identity number fails its check, flagged with the problem, keyed as sent so its messages still tie together', () => {
    // Check digits slipped; 1970 with individual number 800 (no century); a right number of another birth date.
    const slipped = { ...PATIENTS.kari, id: wrongCheckDigit(PATIENTS.kari.id) };
    const noCentury = { ...PATIENTS.ola, id: '01017080039' };
    const otherDay = { ...PATIENTS.ingrid, id: syntheticNationalId('FNR', '1935-07-31') };
    const results = [slipped, noCentury, otherDay].map((patient) => importPloFile(target, drop({ type: 'LOG_INNLAGT', patient })));
    expect(results.map((r) => [r.outcome, r.idProblem])).toEqual([
      ['imported', 'check-digits'],
      ['imported', 'century'],
      ['imported', 'birth-date'],
    ]);
    expect(results[0].reason).toMatch(/identity number fails its check \(check-digits\)/);
    expect(allImported(results)).toBe(true);
    expect(stays().map((s) => s.initials).sort()).toEqual(['IB', 'KN', 'OH']);
    // A later message about the same (slipped) number finds the stay it opened.
    expect(importPloFile(target, drop({ type: 'LOG_UTSKRIVNINGSKLAR', patient: slipped, genDate: '2026-11-20T11:00:00' }))).toMatchObject({ outcome: 'imported', idProblem: 'check-digits' });
    expect(stays()).toHaveLength(3);
    // A right number is not flagged.
    expect(importPloFile(target, drop({ type: 'LOG_INNLAGT', patient: PATIENTS.kari }))).toMatchObject({ outcome: 'imported', idProblem: null, reason: null });
  });

  it('applies nothing of a message the store cannot take, and leaves its file for the next try', () => {
    const file = drop({ type: 'LOG_UTSKRIVNINGSKLAR' });
    // The stay's fields are written, then the disk fails: the message log, the episode and the stay go together.
    const original = hub.store.commit.bind(hub.store);
    const commit = vi.spyOn(hub.store, 'commit').mockImplementationOnce((...args) => {
      original(...args);
      throw new Error('SQLITE_FULL: database or disk is full');
    });
    expect(importPloFile(target, file)).toMatchObject({ outcome: 'failed', reason: expect.stringMatching(/SQLITE_FULL/) });
    expect(hub.db.prepare('SELECT count(*) AS n FROM plo_message').get()).toEqual({ n: 0 });
    expect(hub.db.prepare('SELECT count(*) AS n FROM plo_episode').get()).toEqual({ n: 0 });
    expect(stays()).toHaveLength(0);
    expect(existsSync(file)).toBe(true);
    commit.mockRestore();
    expect(importPloFile(target, file).outcome).toBe('imported');
    expect(stays()).toHaveLength(1);
  });

  it('records a discharge about a patient it never heard of, without inventing a stay', () => {
    expect(importPloFile(target, drop({ type: 'LOG_UTSKREVET', patient: PATIENTS.ingrid }))).toMatchObject({
      outcome: 'imported',
      reason: expect.stringMatching(/no earlier message/),
    });
    expect(stays()).toHaveLength(0);
  });

  it('opens a new stay for a new admission of a patient whose earlier stay ended', () => {
    importPloFile(target, drop({ type: 'LOG_INNLAGT', admittedAt: '2026-10-01T10:00:00', genDate: '2026-10-01T10:05:00' }));
    importPloFile(target, drop({ type: 'LOG_UTSKREVET', genDate: '2026-10-05T10:05:00', leftAt: '2026-10-05T10:00:00' }));
    importPloFile(target, drop({ type: 'LOG_INNLAGT', admittedAt: '2026-11-10T14:00:00', genDate: '2026-11-10T14:05:00' }));
    expect(stays().map((s) => [s.status, s.hospitalStatus])).toEqual([
      ['discharged', 'discharged'],
      ['active', 'admitted'],
    ]);
  });
});
