/** The demo's open alarm: a synthetic VKP bundle (a fall, reported two minutes ago, no patient named: "ukjent bruker"). */

import type { AlarmTarget } from './alarm-ingest.js';
import { takeVkpBundle, type BundleResult } from './alarm-inbox.js';

export function demoAlarmBundle(now: Date): string {
  const at = new Date(now.getTime() - 2 * 60_000).toISOString();
  return JSON.stringify({
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      {
        resource: {
          resourceType: 'DetectedIssue',
          identifier: [{ system: 'urn:tavla:demo', value: `demo-${at.slice(0, 10)}` }],
          status: 'preliminary',
          severity: 'high',
          code: { coding: [{ system: 'urn:vkp:alert-code', code: '4.1', display: 'Fall' }] },
          identifiedDateTime: at,
        },
      },
      {
        resource: {
          resourceType: 'Composition',
          status: 'preliminary',
          type: { text: 'Oppfølging av varsel' },
          date: at,
          author: [{ display: 'Demo responssenter' }],
          title: 'Alarmhåndtering',
          event: [{ code: [{ coding: [{ system: 'urn:vkp:composition-event', code: '0' }] }], period: { start: at } }],
        },
      },
    ],
  });
}

export function seedDemoAlarm(target: AlarmTarget): BundleResult {
  return takeVkpBundle(target, demoAlarmBundle(target.now()), 'demo');
}
