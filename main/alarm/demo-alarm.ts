/** The demo's open alarm: a synthetic VKP bundle (a fall, reported two minutes ago, no patient named: "ukjent bruker"). */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

/**
 * Drops the bundle into the hub's VKP inbox, as a response centre would: the inbox takes it on its
 * next poll, after the demo has started (checking it against the R4 schema costs seconds of CPU the
 * first time, which the start should not wait for).
 */
export function dropDemoAlarm(inbox: string, now: Date): string {
  mkdirSync(inbox, { recursive: true });
  const file = join(inbox, 'demo-alarm.json');
  writeFileSync(file, demoAlarmBundle(now));
  return file;
}
