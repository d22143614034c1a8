/** The leader view's alarm figures on the hub (issue 15, point 5), hand-computed from four alarms; no person in the answer. */

import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alarmLeaderView } from '../../../main/alarm/alarm-figures.js';
import type { AlarmLeaderView } from '../../../shared/api/commands/alarm.js';
import { HubService } from '../../../main/hub/hub-service.js';
import { seedMunicipality } from '../../support/municipality-fixture.js';
import { tempDir } from '../../support/temp-dir.js';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const at = (daysAgo: number, seconds = 0) => new Date(NOW.getTime() - daysAgo * 86_400_000 + seconds * 1000).toISOString();

describe('alarmLeaderView', () => {
  let dir: ReturnType<typeof tempDir>;
  let hub: HubService;

  beforeEach(() => {
    dir = tempDir('tavla-alarm-figures-');
    hub = new HubService({ dataDir: join(dir.path, 'hub'), municipality: 'testvik' });
    seedMunicipality(hub, NOW);
    const alarm = (id: string, fields: Record<string, string | null>) => ({
      c: 'alarm' as const,
      id,
      scope: 'hjemme',
      fields: { unit: 'hjemme', stay: null, initials: 'IH', code: '4.1', codeText: 'Fall', kind: 'patient', deleted: false, summary: 'Ingrid Haugland falt', ...fields },
    });
    hub.store.commit({ actor: 'test', action: 'seed' }, [
      // Red, accepted after 60 s by the earlier of two attempts, closed after 600 s.
      alarm('a1', { severity: 'red', reportedAt: at(2), closedAt: at(2, 600) }),
      { c: 'alarmAccept', id: 'x1', scope: 'hjemme', fields: { unit: 'hjemme', alarm: 'a1', by: 'Kari', at: at(2, 90), board: 'b', deleted: false } },
      { c: 'alarmAccept', id: 'x2', scope: 'hjemme', fields: { unit: 'hjemme', alarm: 'a1', by: 'Ola', at: at(2, 60), board: 'a', deleted: false } },
      // Red, behandles after 20 s, escalated, closed after 200 s.
      alarm('a2', { severity: 'red', reportedAt: at(1), handlingAt: at(1, 20), escalatedAt: at(1, 30), closedAt: at(1, 200) }),
      // Yellow, still open 10 minutes later: not past the yellow limit (15 min).
      alarm('a3', { severity: 'yellow', reportedAt: new Date(NOW.getTime() - 10 * 60_000).toISOString() }),
      // Red, open for 6 minutes: past the red limit (5 min).
      alarm('a4', { severity: 'red', reportedAt: new Date(NOW.getTime() - 6 * 60_000).toISOString() }),
      // Older than the window: not counted.
      alarm('a5', { severity: 'green', reportedAt: at(40), closedAt: at(40, 10) }),
    ]);
  });
  afterEach(() => {
    hub.close();
    dir.remove();
  });

  it('gives per unit the alarms, per day, the share escalated, the overdue count, and per severity the median times', () => {
    const view = alarmLeaderView(hub.db, () => true, NOW);
    expect(view.days).toBe(30);
    expect(view.units).toHaveLength(1);
    const [unit] = view.units;
    expect(unit).toMatchObject({ unit: 'hjemme', name: 'Hjemmetjenesten', alarms: 4, perDay: 0.13, escalatedShare: 0.25, notAccepted: 1 });
    // Red: accepted after 60 s and 20 s → median 40; closed after 600 s and 200 s → median 400; the open red one counts, with no times.
    expect(unit.bySeverity.find((f) => f.severity === 'red')).toEqual({ severity: 'red', alarms: 3, medianAcceptSeconds: 40, medianCloseSeconds: 400, escalated: 1 });
    expect(unit.bySeverity.find((f) => f.severity === 'yellow')).toMatchObject({ alarms: 1, medianAcceptSeconds: null });
    expect(unit.bySeverity.find((f) => f.severity === 'green')).toMatchObject({ alarms: 0 });
    // No person: not the initials, not the summary's name.
    const text = JSON.stringify(view);
    for (const secret of ['IH', 'Ingrid', 'Haugland', 'Kari', 'Ola']) expect(text).not.toContain(secret);
  });

  it('shows a leader only the units they see', () => {
    expect(alarmLeaderView(hub.db, (unit) => unit === 'solsiden', NOW).units).toEqual([]);
  });

  it('answers leader.alarms on the hub, now: the fixture\'s alarms are months old, only the two still open count, both overdue', () => {
    const result = hub.dispatch('leader.alarms', {});
    if (!result.ok) throw new Error(result.message);
    expect((result.value as AlarmLeaderView).units).toEqual([expect.objectContaining({ unit: 'hjemme', alarms: 0, notAccepted: 2 })]);
  });
});
