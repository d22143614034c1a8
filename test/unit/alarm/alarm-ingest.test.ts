/**
 * VKP bundles into the hub's store (issue 15, points 3 and 6): through the watched inbox, one
 * transaction per bundle, idempotent by the DetectedIssue identifier, matched through the hashed
 * patient mapping or kept as "ukjent bruker", malformed bundles set aside with their reason and
 * nothing written. A real SQLite file through the hub's own store.
 */

import { existsSync, mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { homeCareUnit, mapVkpPatient, type AlarmTarget } from '../../../main/alarm/alarm-ingest.js';
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

  beforeEach(() => {
    dir = tempDir('tavla-vkp-');
    hub = new HubService({ dataDir: join(dir.path, 'hub'), municipality: 'testvik' });
    seedMunicipality(hub, NOW);
    target = { store: hub.store, unit: homeCareUnit(hub.db), now: () => NOW };
    inbox = join(dir.path, 'vkp');
    mkdirSync(inbox);
  });
  afterEach(() => {
    hub.close();
    dir.remove();
  });

  it('finds the only home-care unit, or takes the one named', () => {
    expect(homeCareUnit(hub.db)).toBe('hjemme');
    expect(homeCareUnit(hub.db, 'annen')).toBe('annen');
  });

  it('imports a bundle with three handling events as one alarm with those times; a repeat makes nothing new', { timeout: 120_000 }, () => {
    drop('a.json', bundleText());
    const results = pollVkpInbox(target, inbox, 1000, NOW.getTime());
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
    expect(pollVkpInbox(target, inbox, 1000, NOW.getTime()).map((r) => r.outcome)).toEqual(['duplicate']);
    expect(alarms()).toHaveLength(1);
    expect(count('change_log')).toBe(changes);
    expect(existsSync(join(inbox, 'imported', 'b.json'))).toBe(true);
  });

  it('matches the patient through the hashed mapping, keeping no identity number', () => {
    mapVkpPatient(hub.db, { system: PATIENT_SYSTEM, value: '13116900216' }, 'hjemme', 's1');
    expect(takeVkpBundle(target, bundleText({ id: 'GA-2' }), 'post').outcome).toBe('imported');
    expect(alarms()[0]).toMatchObject({ stay: 's1', initials: 'IH', unit: 'hjemme' });
    const stored = JSON.stringify(hub.db.prepare('SELECT * FROM vkp_patient').all()) + JSON.stringify(hub.db.prepare('SELECT * FROM vkp_alarm').all());
    expect(stored).not.toContain('13116900216');
  });

  it("carries the route of the patient's visit nearest the alarm, for the strip", () => {
    const visit = (id: string, route: string, windowStart: string) => ({ c: 'visit' as const, id, scope: 'hjemme', fields: { unit: 'hjemme', stay: 's1', windowStart, windowEnd: windowStart, title: 'Tilsyn', route, deleted: false } });
    hub.store.commit({ actor: 'test', action: 'visit.plan' }, [visit('v1', 'Rute 1', '2026-03-01T08:00:00Z'), visit('v2', 'Rute 3', '2026-03-02T08:30:00Z')]);
    mapVkpPatient(hub.db, { system: PATIENT_SYSTEM, value: '13116900216' }, 'hjemme', 's1');
    takeVkpBundle(target, bundleText({ id: 'GA-R' }), 'post');
    expect(alarms()[0]).toMatchObject({ stay: 's1', route: 'Rute 3' });
  });

  it('keeps an unknown code raw, and files a technical event as technical', () => {
    takeVkpBundle(target, bundleText({ id: 'GA-3', code: '9.99', display: 'Ny sensorhendelse', severity: 'low' }), null);
    takeVkpBundle(target, bundleText({ id: 'GA-4', code: '3.9', display: 'Dispenser ikke tilkoblet', severity: 'low' }), null);
    const byCode = Object.fromEntries(alarms().map((a) => [a.code, a]));
    expect(byCode['9.99']).toMatchObject({ codeText: 'Ny sensorhendelse', kind: 'patient', severity: 'green' });
    expect(byCode['3.9']).toMatchObject({ kind: 'technical' });
  });

  it('records an ok utrykning from the bundle as an accept attempt that counts', () => {
    takeVkpBundle(
      target,
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

  it('sets a malformed bundle aside with its reason and writes nothing', { timeout: 120_000 }, () => {
    const changes = count('change_log');
    drop('broken.json', '{"resourceType": "Bundle"');
    drop('patient.json', JSON.stringify({ resourceType: 'Patient' }));
    drop('order.json', bundleText({ id: 'GA-6', events: [['0', '2026-03-02T08:00:00Z'], ['1', '2026-03-02T07:59:00Z']] }));
    const results = pollVkpInbox(target, inbox, 1000, NOW.getTime());
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

  it('leaves a file still being written for a later poll', () => {
    writeFileSync(join(inbox, 'fresh.json'), bundleText({ id: 'GA-7' }));
    expect(pollVkpInbox(target, inbox, 60_000)).toEqual([]);
    expect(existsSync(join(inbox, 'fresh.json'))).toBe(true);
  });

  it('takes the demo\'s bundle as an open red fall for "ukjent bruker", once a day', () => {
    for (const outcome of ['imported', 'duplicate']) {
      const file = dropDemoAlarm(inbox, NOW);
      utimesSync(file, new Date(NOW.getTime() - 60_000), new Date(NOW.getTime() - 60_000));
      expect(pollVkpInbox(target, inbox, 1000, NOW.getTime()).map((r) => r.outcome)).toEqual([outcome]);
    }
    expect(alarms()).toEqual([expect.objectContaining({ code: '4.1', severity: 'red', stay: null, closedAt: null, reportedAt: '2026-03-02T08:58:00.000Z' })]);
  });
});
