/** The VKP bundle reader (issue 15, points 3 and 6): good bundles, unknown codes, and the malformed ones refused with a reason. */

import { describe, expect, it } from 'vitest';
import { inProcessFhirCheck } from '../../../main/alarm/fhir-validator.js';
import { parseVkpBundle as parseWith } from '../../../main/alarm/vkp-bundle.js';
import { alertDisplay, kindOf } from '../../../shared/alarm/vkp-codes.js';
import { timeToAccept, timeToClose } from '../../../shared/alarm/handling.js';
import { alarmBundle, bundleText } from '../../support/alarm-bundles.js';

const parseVkpBundle = (text: string) => parseWith(text, inProcessFhirCheck);

const refused = async (text: string): Promise<string> => {
  const parsed = await parseVkpBundle(text);
  if (parsed.ok) throw new Error('expected a refusal');
  return parsed.reason;
};

describe('parseVkpBundle', () => {
  it('reads a bundle with three handling events: their timestamps, 7 s to accept and 51 s to close', { timeout: 120_000 }, async () => {
    const parsed = await parseVkpBundle(bundleText());
    if (!parsed.ok) throw new Error(parsed.reason);
    const { alarm } = parsed;
    expect(alarm.identifier).toBe('urn:vkp:GlobalAlarmId|GA-1001');
    expect(alarm.code).toBe('7');
    expect(alarm.severity).toBe('red');
    expect(alarm.patient?.value).toBe('13916900281');
    expect(alarm.device).toBe('350000000000001');
    expect(alarm.events).toEqual({ reported: '2026-03-02T07:35:32.000Z', handling: '2026-03-02T07:35:39.000Z', closed: '2026-03-02T07:36:23.000Z' });
    const times = { reportedAt: alarm.events.reported!, handlingAt: alarm.events.handling ?? null, calloutAt: null, acceptedAt: null, closedAt: alarm.events.closed ?? null };
    expect(timeToAccept(times)).toBe(7);
    expect(timeToClose(times)).toBe(51);
  });

  it('takes collection, transaction and document bundles, and refuses a searchset', async () => {
    for (const type of ['collection', 'transaction', 'document']) expect((await parseVkpBundle(bundleText({ type }))).ok).toBe(true);
    expect(await refused(bundleText({ type: 'searchset' }))).toMatch(/searchset is not taken/);
  });

  it('keeps an unknown alert code raw and shows it raw', async () => {
    const parsed = await parseVkpBundle(bundleText({ code: '9.99', display: 'Ny sensorhendelse' }));
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.alarm.code).toBe('9.99');
    expect(parsed.alarm.codeText).toBe('Ny sensorhendelse');
    expect(alertDisplay(parsed.alarm.code, parsed.alarm.codeText, 'nb')).toEqual({ text: '9.99 Ny sensorhendelse', known: false });
    expect(kindOf('9.99')).toBe('patient');
    expect(alertDisplay('4.1', 'Fall', 'nb')).toEqual({ text: 'Fall – 4.1', known: true });
  });

  it('reads a bundle without a patient as unmatched, not refused', async () => {
    const parsed = await parseVkpBundle(bundleText({ patientId: null }));
    expect(parsed.ok && parsed.alarm.patient).toBe(null);
  });

  it('refuses what is not JSON, not a Bundle, or not valid FHIR R4', async () => {
    expect(await refused('{"resourceType": "Bundle", ')).toBe('not JSON');
    expect(await refused(JSON.stringify({ resourceType: 'Patient', id: 'x' }))).toMatch(/resourceType is Patient, not Bundle/);
    const bad = alarmBundle();
    (bad.entry as { resource: Record<string, unknown> }[])[0].resource.unheardOf = 1;
    expect(await refused(JSON.stringify(bad))).toMatch(/not valid FHIR R4: entry 0 DetectedIssue.*unheardOf/);
    const wrongType = alarmBundle();
    (wrongType.entry as { resource: Record<string, unknown> }[])[1].resource.event = 'meldt';
    expect(await refused(JSON.stringify(wrongType))).toMatch(/not valid FHIR R4: entry 1 Composition/);
  });

  it('refuses a DetectedIssue without identifier, code or time, and a bundle without one DetectedIssue', async () => {
    const noId = alarmBundle();
    delete (noId.entry as { resource: Record<string, unknown> }[])[0].resource.identifier;
    expect(await refused(JSON.stringify(noId))).toBe('the DetectedIssue has no identifier');
    const noTime = alarmBundle();
    delete (noTime.entry as { resource: Record<string, unknown> }[])[0].resource.identifiedDateTime;
    expect(await refused(JSON.stringify(noTime))).toBe('the DetectedIssue has no identifiedDateTime');
    const none = alarmBundle();
    none.entry = (none.entry as unknown[]).slice(1);
    expect(await refused(JSON.stringify(none))).toMatch(/holds 0 DetectedIssue/);
  });

  it('refuses Composition events out of order, with an unknown handling code, or without a time', async () => {
    expect(
      await refused(
        bundleText({
          events: [
            ['0', '2026-03-02T08:35:32+01:00'],
            ['3', '2026-03-02T08:35:30+01:00'],
          ],
        }),
      ),
    ).toMatch(/out of order: closed/);
    expect(await refused(bundleText({ events: [['8', '2026-03-02T08:35:32+01:00']] }))).toMatch(/unknown handling code 8/);
    const noTime = alarmBundle();
    const composition = (noTime.entry as { resource: { event: { period?: unknown }[] } }[])[1].resource;
    delete composition.event[1].period;
    expect(await refused(JSON.stringify(noTime))).toMatch(/event 1 \(1\) has no time/);
  });
});
