/**
 * The leader view's shared-reception figures (issue 17, point 5): per organisation, arrivals per
 * hour, time to triage and to first assessment per colour against the unit's targets, the
 * disposition mix and handovers each way — and, though the hub holds both organisations' private
 * scopes, no private value in the answer.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HubService } from '../../../main/hub/hub-service.js';
import type { ReceptionLeaderView } from '../../../shared/api/commands/leader.js';
import { seedReceptionFigures } from '../../support/reception-figures-seed.js';
import { tempDir } from '../../support/temp-dir.js';

describe('the shared reception on the leader view', () => {
  let dir: ReturnType<typeof tempDir>;
  let hub: HubService;
  const now = Date.now();

  beforeEach(() => {
    dir = tempDir();
    hub = new HubService({ dataDir: dir.path, municipality: 'fjordvik' });
    seedReceptionFigures(hub.store, now);
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
