/**
 * Synthetic VKP-shaped FHIR R4 bundles (issue 15): a DetectedIssue, a Composition carrying the
 * handling events, a Patient and a Device. Shaped like NHN's Trondheim sample (meldt 08:35:32 →
 * behandles 08:35:39 → kvittert 08:36:23) with invented identifiers only.
 */

export interface BundleOptions {
  id?: string;
  code?: string;
  display?: string;
  severity?: 'high' | 'moderate' | 'low';
  patientId?: string | null;
  identifiedAt?: string;
  events?: [code: string, at: string][];
  type?: string;
}

export const PATIENT_SYSTEM = 'urn:oid:2.16.578.1.12.4.1.4.1';

export function alarmBundle(options: BundleOptions = {}): Record<string, unknown> {
  const {
    id = 'GA-1001',
    code = '7',
    display = 'Trygghetsalarm',
    severity = 'high',
    patientId = '13916900281',
    identifiedAt = '2026-03-02T08:35:32+01:00',
    events = [
      ['0', '2026-03-02T08:35:32+01:00'],
      ['1', '2026-03-02T08:35:39+01:00'],
      ['3', '2026-03-02T08:36:23+01:00'],
    ],
    type = 'collection',
  } = options;
  const entry: Record<string, unknown>[] = [
    {
      resource: {
        resourceType: 'DetectedIssue',
        id: 'di1',
        identifier: [{ system: 'urn:vkp:GlobalAlarmId', value: id }],
        status: 'final',
        severity,
        code: { coding: [{ system: 'urn:oid:2.16.578.1.12.4.1.1.8413', code, display }] },
        ...(patientId === null ? {} : { patient: { reference: 'Patient/p1' } }),
        identifiedDateTime: identifiedAt,
        author: { reference: 'Device/d1' },
      },
    },
    {
      resource: {
        resourceType: 'Composition',
        id: 'c1',
        status: 'final',
        type: { text: 'Oppfølging av varsel' },
        date: identifiedAt,
        author: [{ reference: 'Device/d1' }],
        title: 'Alarmhåndtering',
        event: events.map(([c, at]) => ({ code: [{ coding: [{ system: 'urn:vkp:composition-event', code: c }] }], period: { start: at } })),
      },
    },
    { resource: { resourceType: 'Device', id: 'd1', identifier: [{ system: 'urn:imei', value: '350000000000001' }] } },
  ];
  if (patientId !== null) entry.push({ resource: { resourceType: 'Patient', id: 'p1', identifier: [{ system: PATIENT_SYSTEM, value: patientId }] } });
  return { resourceType: 'Bundle', id: `b-${id}`, type, entry };
}

export const bundleText = (options: BundleOptions = {}): string => JSON.stringify(alarmBundle(options));
