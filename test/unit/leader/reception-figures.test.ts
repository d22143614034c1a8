/**
 * The leader view's shared-reception figures (issue 17, point 5): per organisation, arrivals per
 * hour, time to triage and to first assessment per colour against the unit's targets, the
 * disposition mix and handovers each way — and, though the hub holds both organisations' private
 * scopes, no private value in the answer.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HubService } from '../../../main/hub/hub-service.js';
import type { ReceptionLeaderView } from '../../../shared/api/commands/leader.js';
import { privateScope } from '../../../shared/reception/reception-kinds.js';
import { tempDir } from '../../support/temp-dir.js';

describe('the shared reception on the leader view', () => {
  let dir: ReturnType<typeof tempDir>;
  let hub: HubService;
  const now = Date.now();
  const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString();

  beforeEach(() => {
    dir = tempDir();
    hub = new HubService({ dataDir: dir.path, municipality: 'fjordvik' });
    const targets = JSON.stringify({ triage: { red: 0, yellow: 10 }, assessment: { yellow: 30 } });
    hub.store.commit({ actor: 'test', action: 'seed' }, [
      { c: 'unit', id: 'mottak', scope: 'mottak', fields: { municipality: 'fjordvik', name: 'Felles mottak', kind: 'shared-reception', organisations: 'legevakt,sykehus', receptionTargets: targets, deleted: false } },
    ]);
    // Legevakt: three yellow (triage after 5, 8 and 20 min; assessed after 25, 40), one red; sykehus: one green, handed over to legevakt.
    const encounters: [string, string, string, string, number, number | null, number | null, string | null][] = [
      ['e1', 'legevakt', 'legevakt', 'yellow', 100, 95, 75, 'home'],
      ['e2', 'legevakt', 'legevakt', 'yellow', 90, 82, 50, null],
      ['e3', 'legevakt', 'sykehus', 'yellow', 80, 60, null, 'admitted'],
      ['e4', 'legevakt', 'legevakt', 'red', 30, 30, 29, 'kad'],
      ['e5', 'sykehus', 'legevakt', 'green', 60, 50, null, null],
    ];
    for (const [id, owner, responsible, colour, arrived, triaged, assessed, disposition] of encounters) {
      hub.store.commit({ actor: 'test', action: 'seed' }, [
        {
          c: 'encounter',
          id,
          scope: 'mottak',
          fields: { unit: 'mottak', owner, responsible, label: `Merke-${id}`, colour, arrivedAt: ago(arrived), triagedAt: triaged === null ? null : ago(triaged), assessedAt: assessed === null ? null : ago(assessed), disposition, deleted: false },
        },
        { c: 'encounterTriage', id: `t-${id}`, scope: 'mottak', fields: { unit: 'mottak', encounter: id, colour, at: triaged === null ? null : ago(triaged), deleted: false } },
        { c: 'encounterPrivate', id, scope: privateScope('mottak', owner), fields: { unit: 'mottak', organisation: owner, name: `Hemmelig Navn ${id}`, reason: `Hemmelig grunn ${id}`, note: `Hemmelig notat ${id}`, deleted: false } },
      ]);
    }
    hub.store.commit({ actor: 'test', action: 'seed' }, [
      { c: 'encounterHandover', id: 'h1', scope: 'mottak', fields: { unit: 'mottak', encounter: 'e3', from: 'legevakt', to: 'sykehus', at: ago(70), by: 'Liv Lege', board: 'b1', deleted: false } },
      { c: 'encounterHandover', id: 'h2', scope: 'mottak', fields: { unit: 'mottak', encounter: 'e5', from: 'sykehus', to: 'legevakt', at: ago(40), by: 'Siv Sykepleier', board: 'b2', deleted: false } },
    ]);
  });
  afterEach(() => {
    hub.close();
    dir.remove();
  });

  it('gives each organisation its arrivals, times per colour against the targets, dispositions and handovers each way', () => {
    const result = hub.dispatch('leader.reception', { hours: 4 });
    expect(result.ok).toBe(true);
    const view = (result as { value: ReceptionLeaderView }).value;
    expect(view.receptions).toHaveLength(1);
    const [legevakt, sykehus] = view.receptions[0].organisations;
    expect(legevakt).toMatchObject({ organisation: 'legevakt', arrivals: 4, perHour: 1, handoversOut: 1, handoversIn: 1, dispositions: { home: 1, kad: 1, admitted: 0, transferred: 0 } });
    expect(legevakt.byHour.reduce((a, b) => a + b, 0)).toBe(4);
    const yellow = legevakt.colours.find((c) => c.colour === 'yellow');
    expect(yellow).toEqual({ colour: 'yellow', encounters: 3, toTriage: 8, toAssessment: 32.5, triageOnTarget: 2 / 3, assessmentOnTarget: 0.5, targets: { triage: 10, assessment: 30 } });
    expect(legevakt.colours.find((c) => c.colour === 'red')).toMatchObject({ encounters: 1, toTriage: 0, toAssessment: 1, triageOnTarget: 1, targets: { triage: 0, assessment: 0 } });
    expect(sykehus).toMatchObject({ arrivals: 1, handoversOut: 1, handoversIn: 1, dispositions: { admitted: 1, home: 0 } });
    expect(sykehus.colours.find((c) => c.colour === 'green')).toMatchObject({ encounters: 1, toTriage: 10, toAssessment: null, targets: { triage: 15, assessment: 120 } });
  });

  it('carries no private value and no label, though the hub holds both organisations’ private scopes', () => {
    expect(hub.db.prepare('SELECT COUNT(*) FROM encounterPrivate').pluck().get()).toBe(5);
    const text = JSON.stringify(hub.dispatch('leader.reception', {}));
    expect(text).not.toMatch(/Hemmelig|Merke-/);
  });
});
