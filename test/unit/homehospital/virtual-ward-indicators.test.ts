/**
 * The leader view's virtual-ward figures (issue 17, point 3) on a hub holding a home-hospital
 * unit as its boards send it: with capacity 10 and 8 beds occupied for 3 days, 80 % and 24
 * bed-days; rounds by mode, escalations and outcomes; and 30-day readmissions from the hub's own
 * PLO admission messages, matched by the keyed pseudonym — 10 days after counts, 31 days does not.
 */

import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPloMessage } from '../../../main/flow/plo-apply.js';
import { parsePloMessage } from '../../../main/flow/plo-parse.js';
import { ploPatientKey } from '../../../main/privacy/pseudonym.js';
import { HubService } from '../../../main/hub/hub-service.js';
import type { RecordEdit } from '../../../main/store/field-store.js';
import type { VirtualWardView } from '../../../shared/api/commands/homehospital.js';
import type { FieldValue } from '../../../shared/domain/schema.js';
import { addDays, osloDay, osloWallInstant } from '../../../shared/time/oslo.js';
import { PATIENTS, ploMessage } from '../../support/plo-messages.js';
import { tempDir } from '../../support/temp-dir.js';

const U = 'hjemmesykehus';
const DAY = 86_400_000;
// The leader view reads the hub's clock: the fixture is dated relative to now.
const NOW = Date.now();
const day = (daysAgo: number) => addDays(osloDay(NOW), -daysAgo);
const iso = (ms: number) => new Date(ms).toISOString();

describe('virtual-ward indicators', () => {
  let dir: ReturnType<typeof tempDir>;
  let hub: HubService;
  const write = (edits: RecordEdit[]) => hub.store.commit({ actor: 'test', action: 'seed' }, edits);
  const episode = (id: string, fields: Record<string, FieldValue>): RecordEdit => ({ c: 'episode', id, scope: U, fields: { unit: U, initials: 'XX', deleted: false, ...fields } });
  const round = (id: string, episodeId: string, mode: string, at: number): RecordEdit => ({ c: 'episodeRound', id, scope: U, fields: { unit: U, episode: episodeId, kind: 'round', mode, at: iso(at), day: osloDay(at), deleted: false } });
  const view = (input: object = {}) => {
    const result = hub.dispatch('leader.virtualWard', input);
    if (!result.ok) throw new Error(result.message);
    return (result.value as VirtualWardView).units[0];
  };
  const admitted = (patient: (typeof PATIENTS)[keyof typeof PATIENTS], at: number, msgId: string) => {
    // PLO writes Oslo local time without an offset.
    const local = new Date(at + 60 * 60_000).toISOString().slice(0, 19);
    const parsed = parsePloMessage(ploMessage({ type: 'LOG_INNLAGT', patient, admittedAt: local, genDate: local, msgId }));
    if (!parsed.ok) throw new Error(parsed.reason);
    applyPloMessage({ store: hub.store, unit: 'tildeling', now: () => new Date(NOW), pseudonyms: hub.pseudonyms }, parsed.message, null);
  };

  beforeEach(() => {
    dir = tempDir();
    hub = new HubService({ dataDir: join(dir.path, 'hub'), municipality: 'fjordvik' });
    write([
      { c: 'unit', id: U, scope: U, fields: { municipality: 'fjordvik', name: 'Hjemmesykehuset', kind: 'home-hospital', capacity: 10, deleted: false } },
      ...Array.from({ length: 10 }, (_, i): RecordEdit => ({ c: 'bed', id: `v${i + 1}`, scope: U, fields: { unit: U, label: `V${i + 1}`, status: i < 8 ? 'occupied' : 'free', sort: i, deleted: false } })),
    ]);
  });
  afterEach(() => {
    hub.close();
    dir.remove();
  });

  it('shows 80 % and 24 bed-days with capacity 10 and 8 beds occupied for 3 days; rounds by mode, escalations and outcomes', () => {
    const threeDaysAgo = osloWallInstant(day(3), 10);
    write(Array.from({ length: 8 }, (_, i) => episode(`e${i}`, { bed: `v${i + 1}`, startedAt: iso(threeDaysAgo) })));
    // Escalated the same afternoon it began: no midnight in a virtual bed, no bed-day, not occupied.
    write([episode('esc', { startedAt: iso(osloWallInstant(day(1), 9)), escalatedAt: iso(osloWallInstant(day(1), 15)), endedAt: iso(osloWallInstant(day(1), 15)), outcome: 'back-to-ward' })]);
    write([episode('done', { startedAt: iso(osloWallInstant(day(2), 9)), endedAt: iso(osloWallInstant(day(2), 16)), outcome: 'self-managed' })]);
    write([round('r1', 'e0', 'video', NOW - 3_600_000), round('r2', 'e1', 'video', NOW - 3_600_000), round('r3', 'e2', 'phone', NOW - 3_600_000), round('r4', 'e3', 'home', NOW - DAY)]);
    const figures = view({ unit: U, days: 30 });
    expect(figures).toMatchObject({ unit: U, capacity: 10, occupied: 8, occupancyPercent: 80, bedDays: 24 });
    expect(figures.visits).toEqual({ home: 1, video: 2, phone: 1 });
    expect(figures.escalations).toBe(1);
    expect(figures.ended).toEqual({ 'home-care': 0, 'self-managed': 1, 'back-to-ward': 1, died: 0 });
  });

  it('counts a readmission 10 days after an episode ended and not one 31 days after', () => {
    const karisEnd = NOW - 20 * DAY;
    const olasEnd = NOW - 40 * DAY;
    write([
      episode('kari', { startedAt: iso(karisEnd - 5 * DAY), endedAt: iso(karisEnd), outcome: 'home-care', patientKey: ploPatientKey(hub.pseudonyms, 'FNR', PATIENTS.kari.id) }),
      episode('ola', { startedAt: iso(olasEnd - 5 * DAY), endedAt: iso(olasEnd), outcome: 'self-managed', patientKey: ploPatientKey(hub.pseudonyms, 'FNR', PATIENTS.ola.id) }),
      // No identity number given at admission: counted as ended, never as readmitted.
      episode('ingrid', { startedAt: iso(karisEnd - 2 * DAY), endedAt: iso(karisEnd), outcome: 'self-managed' }),
    ]);
    admitted(PATIENTS.kari, karisEnd + 10 * DAY, 'plo-kari-1');
    admitted(PATIENTS.ola, olasEnd + 31 * DAY, 'plo-ola-1');
    expect(view({ unit: U, days: 60 })).toMatchObject({ readmissions30: 1, endedWithKey: 2 });
    // Ingrid's key is never written: her later admission cannot be matched.
    admitted(PATIENTS.ingrid, karisEnd + 3 * DAY, 'plo-ingrid-1');
    expect(view({ unit: U, days: 60 })).toMatchObject({ readmissions30: 1 });
  });

  it('carries no personal field', () => {
    write([episode('e', { startedAt: iso(NOW - DAY), note: 'Hemmelig klinisk notat', patientKey: ploPatientKey(hub.pseudonyms, 'FNR', PATIENTS.kari.id) })]);
    const text = JSON.stringify(hub.dispatch('leader.virtualWard', {}));
    expect(text).not.toMatch(/Hemmelig|[0-9a-f]{64}/);
  });
});
