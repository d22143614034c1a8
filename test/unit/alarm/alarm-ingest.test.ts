/**
 * VKP bundles into the hub's store (issue 15, points 3 and 6): through the watched inbox, one
 * transaction per bundle, idempotent by the DetectedIssue identifier, matched through the keyed
 * patient mapping or kept as "ukjent bruker", malformed bundles set aside with their reason and
 * nothing written. A real SQLite file through the hub's own store.
 */

import { existsSync, mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { homeCareUnit, type AlarmTarget } from '../../../main/alarm/alarm-ingest.js';
import { startFhirChecker, type FhirChecker } from '../../../main/alarm/fhir-validator.js';
import { mapVkpPatient, vkpSecret } from '../../../main/alarm/vkp-mapping.js';
import { pollVkpInbox, takeVkpBundle } from '../../../main/alarm/alarm-inbox.js';
import { dropDemoAlarm } from '../../../main/alarm/demo-alarm.js';
import { HubService } from '../../../main/hub/hub-service.js';
import { winningAttempt, timeToAccept, timeToClose, type AcceptAttempt } from '../../../shared/alarm/handling.js';
import { tempDir } from '../../support/temp-dir.js';
import { seedMunicipality } from '../../support/municipality-fixture.js';
import { bundleText, PATIENT_SYSTEM } from '../../support/alarm-bundles.js';

const NOW = new Date('2026-03-02T09:00:00.000Z');

describe('VKP bundles into the hub', () => {
  let dir: ReturnType<typeof tempDir>;
  let hub: HubService;
  let target: AlarmTarget;
  let inbox: string;

  const alarms = () => hub.db.prepare('SELECT * FROM alarm ORDER BY reportedAt').all() as Record<string, unknown>[];
  const count = (table: string) => (hub.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const drop = (name: string, text: string) => {
    const file = join(inbox, name);
    writeFileSync(file, text);
    utimesSync(file, new Date(NOW.getTime() - 60_000), new Date(NOW.getTime() - 60_000));
    return file;
  };

  let checker: FhirChecker;
  beforeAll(() => {
    checker = startFhirChecker();
  });
  afterAll(() => checker.close());

  const homeStay = (id: string, initials: string, fields: Record<string, string | null> = {}) =>
    hub.store.commit({ actor: 'test', action: 'stay.admit' }, [
      { c: 'stay', id, scope: 'hjemme', fields: { unit: 'hjemme', initials, status: 'active', admittedAt: '2026-02-01T10:00:00Z', dischargedAt: null, deleted: false, ...fields } },
    ]);

  beforeEach(() => {
    dir = tempDir('tavla-vkp-');
    hub = new HubService({ dataDir: join(dir.path, 'hub'), municipality: 'testvik' });
    seedMunicipality(hub, NOW);
    homeStay('h1', 'IH');
    target = { store: hub.store, unit: homeCareUnit(hub.db), secret: vkpSecret(join(dir.path, 'hub')), fhir: checker.check, now: () => NOW };
    inbox = join(dir.path, 'vkp');
    mkdirSync(inbox);
  });
  afterEach(() => {
    hub.close();
    dir.remove();
  });

  it('finds the only home-care unit, or takes the one named', async () => {
    expect(homeCareUnit(hub.db)).toBe('hjemme');
    expect(homeCareUnit(hub.db, 'annen')).toBe('annen');
  });

  it('imports a bundle with three handling events as one alarm with those times; a repeat makes nothing new', { timeout: 120_000 }, async () => {
    drop('a.json', bundleText());
    const results = await pollVkpInbox(target, inbox, 1000, NOW.getTime());
    expect(results.map((r) => r.outcome)).toEqual(['imported']);
    expect(existsSync(join(inbox, 'imported', 'a.json'))).toBe(true);
    const [alarm] = alarms();
    expect(alarm).toMatchObject({
      unit: 'hjemme',
      stay: null, // not mapped: "ukjent bruker"
      code: '7',
      codeText: 'Trygghetsalarm',
      severity: 'red',
      kind: 'patient',
      reportedAt: '2026-03-02T07:35:32.000Z',
      handlingAt: '2026-03-02T07:35:39.000Z',
      closedAt: '2026-03-02T07:36:23.000Z',
    });
    const times = { reportedAt: alarm.reportedAt as string, handlingAt: alarm.handlingAt as string, calloutAt: null, acceptedAt: null, closedAt: alarm.closedAt as string };
    expect([timeToAccept(times), timeToClose(times)]).toEqual([7, 51]);
    expect(hub.db.prepare("SELECT action FROM audit WHERE action = 'alarm.import'").all()).toHaveLength(1);

    const changes = count('change_log');
    drop('b.json', bundleText()); // the same identifier again, another file
    expect((await pollVkpInbox(target, inbox, 1000, NOW.getTime())).map((r) => r.outcome)).toEqual(['duplicate']);
    expect(alarms()).toHaveLength(1);
    expect(count('change_log')).toBe(changes);
    expect(existsSync(join(inbox, 'imported', 'b.json'))).toBe(true);
  });

  it('matches the patient through the keyed mapping while the stay lasts, keeping no identity number', async () => {
    expect(mapVkpPatient(hub.db, target.secret, { identifier: '13916900281', stayId: 'h1' }, 'test', NOW)).toEqual({ ok: true, unit: 'hjemme', stayId: 'h1' });
    expect((await takeVkpBundle(target, bundleText({ id: 'GA-2' }), 'post')).outcome).toBe('imported');
    expect(alarms()[0]).toMatchObject({ stay: 'h1', initials: 'IH', unit: 'hjemme' });
    const stored = JSON.stringify(hub.db.prepare('SELECT * FROM vkp_patient').all()) + JSON.stringify(hub.db.prepare('SELECT * FROM vkp_alarm').all());
    expect(stored).not.toContain('13916900281');
    // The stay ends: the mapping no longer matches, and the next alarm is "ukjent bruker".
    homeStay('h1', 'IH', { status: 'discharged', dischargedAt: '2026-03-02T08:00:00Z' });
    await takeVkpBundle(target, bundleText({ id: 'GA-2b' }), 'post');
    expect(alarms().find((a) => a.id !== alarms()[0].id && a.stay === null)).toBeDefined();
  });

  it('keys the mapping by an HMAC under the hub secret: another secret does not match', async () => {
    mapVkpPatient(hub.db, target.secret, { identifier: '13916900281', system: PATIENT_SYSTEM, stayId: 'h1' }, 'test', NOW);
    await takeVkpBundle({ ...target, secret: Buffer.alloc(32, 7) }, bundleText({ id: 'GA-S' }), 'post');
    expect(alarms()[0]).toMatchObject({ stay: null });
  });

  it('refuses a mapping to an unknown, ended or non-home-care stay, or of an identifier that is no fødselsnummer', async () => {
    homeStay('h2', 'BT', { status: 'discharged', dischargedAt: '2026-03-01T08:00:00Z' });
    const map = (input: Record<string, unknown>) => mapVkpPatient(hub.db, target.secret, input, 'test', NOW);
    expect(map({ identifier: '13916900281', stayId: 'nobody' })).toMatchObject({ ok: false, status: 404 });
    expect(map({ identifier: '13916900281', stayId: 'h2' })).toMatchObject({ ok: false, status: 409, reason: 'stay h2 has ended' });
    expect(map({ identifier: '13916900281', stayId: 's1' })).toMatchObject({ ok: false, status: 409 });
    expect(map({ identifier: '1391690028', stayId: 'h1' })).toMatchObject({ ok: false, status: 400 });
    expect(map({ stayId: 'h1' })).toMatchObject({ ok: false, status: 400 });
    expect(count('vkp_patient')).toBe(0);
  });

  it("carries the route of the patient's visit nearest the alarm, for the strip", async () => {
    const visit = (id: string, route: string, windowStart: string) => ({ c: 'visit' as const, id, scope: 'hjemme', fields: { unit: 'hjemme', stay: 'h1', windowStart, windowEnd: windowStart, title: 'Tilsyn', route, deleted: false } });
    hub.store.commit({ actor: 'test', action: 'visit.plan' }, [visit('v1', 'Rute 1', '2026-03-01T08:00:00Z'), visit('v2', 'Rute 3', '2026-03-02T08:30:00Z')]);
    mapVkpPatient(hub.db, target.secret, { identifier: '13916900281', stayId: 'h1' }, 'test', NOW);
    await takeVkpBundle(target, bundleText({ id: 'GA-R' }), 'post');
    expect(alarms()[0]).toMatchObject({ stay: 'h1', route: 'Rute 3' });
  });

  it('keeps an unknown code raw, and files a technical event as technical', async () => {
    await takeVkpBundle(target, bundleText({ id: 'GA-3', code: '9.99', display: 'Ny sensorhendelse', severity: 'low' }), null);
    await takeVkpBundle(target, bundleText({ id: 'GA-4', code: '3.9', display: 'Dispenser ikke tilkoblet', severity: 'low' }), null);
    const byCode = Object.fromEntries(alarms().map((a) => [a.code, a]));
    expect(byCode['9.99']).toMatchObject({ codeText: 'Ny sensorhendelse', kind: 'patient', severity: 'green' });
    expect(byCode['3.9']).toMatchObject({ kind: 'technical' });
  });

  it('records an ok utrykning from the bundle as an accept attempt that counts', async () => {
    await takeVkpBundle(target,
      bundleText({
        id: 'GA-5',
        events: [
          ['0', '2026-03-02T08:00:00Z'],
          ['4', '2026-03-02T08:00:30Z'],
          ['5', '2026-03-02T08:02:00Z'],
        ],
      }),
      null,
    );
    const attempts = hub.db.prepare('SELECT * FROM alarmAccept').all() as AcceptAttempt[];
    expect(winningAttempt(attempts)).toMatchObject({ by: 'VKP', at: '2026-03-02T08:02:00.000Z' });
    expect(alarms()[0]).toMatchObject({ calloutAt: '2026-03-02T08:00:30.000Z' });
  });

  it('sets a malformed bundle aside with its reason and writes nothing', { timeout: 120_000 }, async () => {
    const changes = count('change_log');
    drop('broken.json', '{"resourceType": "Bundle"');
    drop('patient.json', JSON.stringify({ resourceType: 'Patient' }));
    drop('order.json', bundleText({ id: 'GA-6', events: [['0', '2026-03-02T08:00:00Z'], ['1', '2026-03-02T07:59:00Z']] }));
    const results = await pollVkpInbox(target, inbox, 1000, NOW.getTime());
    expect(results.map((r) => r.outcome)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(readdirSync(join(inbox, 'rejected')).sort()).toEqual([
      'broken.json',
      'broken.json.reason.txt',
      'order.json',
      'order.json.reason.txt',
      'patient.json',
      'patient.json.reason.txt',
    ]);
    expect(readFileSync(join(inbox, 'rejected', 'broken.json.reason.txt'), 'utf8')).toBe('not JSON\n');
    expect(readFileSync(join(inbox, 'rejected', 'order.json.reason.txt'), 'utf8')).toMatch(/out of order/);
    expect(alarms()).toHaveLength(0);
    expect(count('change_log')).toBe(changes);
    expect(count('vkp_alarm')).toBe(0);
  });

  it('leaves a file still being written for a later poll', async () => {
    writeFileSync(join(inbox, 'fresh.json'), bundleText({ id: 'GA-7' }));
    expect(await pollVkpInbox(target, inbox, 60_000)).toEqual([]);
    expect(existsSync(join(inbox, 'fresh.json'))).toBe(true);
  });

  it('takes the demo\'s bundle as an open red fall for "ukjent bruker", once a day', async () => {
    for (const outcome of ['imported', 'duplicate']) {
      const file = dropDemoAlarm(inbox, NOW);
      utimesSync(file, new Date(NOW.getTime() - 60_000), new Date(NOW.getTime() - 60_000));
      expect((await pollVkpInbox(target, inbox, 1000, NOW.getTime())).map((r) => r.outcome)).toEqual([outcome]);
    }
    expect(alarms()).toEqual([expect.objectContaining({ code: '4.1', severity: 'red', stay: null, closedAt: null, reportedAt: '2026-03-02T08:58:00.000Z' })]);
  });
});
