/**
 * The leader view carries aggregates only: whatever personal-data fields the schema marks (today a
 * patient's name, birth date and note), no value of one reaches any leader command's answer.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_TABLES, LEADER_COMMANDS } from '../../../shared/api/commands/leader.js';
import { personalFields, type FieldValue } from '../../../shared/domain/schema.js';
import { LEADER_ADDRESS_COMMANDS } from '../../../main/host/leader-address.js';
import { HubService } from '../../../main/hub/hub-service.js';
import { tempDir } from '../../support/temp-dir.js';
import { clock, seedMunicipality } from '../../support/municipality-fixture.js';

describe('no personal data in the leader view', () => {
  let dir: ReturnType<typeof tempDir>;
  let hub: HubService;
  let secrets: string[];

  beforeEach(() => {
    dir = tempDir();
    hub = new HubService({ dataDir: dir.path, municipality: 'testvik' });
    const now = new Date();
    seedMunicipality(hub, now);
    // Every personal field of every record gets a value the test can look for, even a field the
    // fixture does not know (one added to the schema later).
    const fields = personalFields();
    for (const { collection, field } of fields) {
      const ids = (hub.db.prepare(`SELECT id FROM "${collection}"`).all() as { id: string }[]).map((r) => r.id);
      for (const id of ids) {
        const current = hub.db.prepare(`SELECT "${field}" AS v FROM "${collection}" WHERE id = ?`).get(id) as { v: FieldValue };
        if (current.v === null) hub.store.commit({ actor: 'test', action: 'seed' }, [{ c: collection, id, fields: { [field]: `Hemmelig ${collection}.${field} ${id}` } }]);
      }
    }
    secrets = fields.flatMap(({ collection, field }) =>
      (hub.db.prepare(`SELECT DISTINCT "${field}" AS v FROM "${collection}" WHERE "${field}" IS NOT NULL`).all() as { v: string }[]).map((r) => String(r.v)),
    );
    // Names are also looked for word by word (a first or last name alone is personal too).
    secrets = [...new Set([...secrets, ...secrets.flatMap((s) => s.split(/\s+/).filter((word) => word.length >= 4 && /^\p{Lu}/u.test(word)))])];
    const { day } = clock(now);
    const defined = hub.dispatch('benefit.define', { name: 'Færre utskrivningsklare døgn', indicator: 'discharge-ready-days', baselineFrom: day(30), baselineTo: day(8), unitCost: 5745 });
    expect(defined.ok).toBe(true);
  });
  afterEach(() => {
    hub.close();
    dir.remove();
  });

  it('finds the personal values where they are (so the search below can fail)', () => {
    expect(personalFields().length).toBeGreaterThanOrEqual(2);
    expect(secrets).toEqual(expect.arrayContaining(['Ingrid Haugland', '1938-04-17', 'Haugland']));
    const operatorView = JSON.stringify(hub.stateSnapshot());
    expect(secrets.filter((secret) => operatorView.includes(secret)).length).toBeGreaterThan(0);
  });

  it('answers every leader command, for the whole and for each unit, without one of them', () => {
    const units = ['solsiden', 'fjellro', 'hjemme', 'tildeling'];
    const calls: [string, unknown][] = [
      ['app.info', {}],
      ['hub.directory', {}],
      ['hub.overview', {}],
      ['leader.capacity', {}],
      ['leader.flow', {}],
      ['leader.indicators', {}],
      ['leader.indicators', { days: 90 }],
      ...units.map((unit): [string, unknown] => ['leader.indicators', { unit, days: 30 }]),
      ['leader.forecast', {}],
      ...units.map((unit): [string, unknown] => ['leader.forecast', { unit }]),
      ['leader.benefits', {}],
      ['leader.alarms', {}],
      ['leader.reception', {}],
      ['benefit.define', { name: 'Oppgaver i tide', indicator: 'tasks-on-time', baselineFrom: clock(new Date()).day(20), baselineTo: clock(new Date()).day(10), unitCost: 50, unit: 'solsiden' }],
      ['leader.setRate', { year: 2024, nok: 5745 }],
      ...EXPORT_TABLES.map((table): [string, unknown] => ['leader.exportCsv', { table }]),
      ...units.map((unit): [string, unknown] => ['leader.exportCsv', { table: 'indicator-trends', unit }]),
      ['leader.exportFhir', {}],
      ...units.map((unit): [string, unknown] => ['leader.exportFhir', { unit }]),
      ['leader.visits', {}],
      ...units.map((unit): [string, unknown] => ['leader.visits', { unit, days: 14 }]),
      ['leader.virtualWard', {}],
      ...units.map((unit): [string, unknown] => ['leader.virtualWard', { unit, days: 90 }]),
    ];
    const benefits = hub.dispatch('leader.benefits', {});
    const id = benefits.ok ? (benefits.value as { benefits: { definition: { id: string } }[] }).benefits[0].definition.id : '';
    calls.push(['benefit.remove', { id }]);

    const answered = new Set<string>();
    for (const [command, input] of calls) {
      const result = hub.dispatch(command, input);
      expect(result, `${command} ${JSON.stringify(input)}`).toMatchObject({ ok: true });
      answered.add(command);
      const text = JSON.stringify(result);
      const leaked = secrets.filter((secret) => text.includes(secret));
      expect(leaked, `${command} ${JSON.stringify(input)} carries personal data`).toEqual([]);
    }
    // A new leader command must be added above, so it is checked too; so must anything the leader
    // address (served on the network) answers.
    expect(Object.keys(LEADER_COMMANDS).every((command) => LEADER_ADDRESS_COMMANDS.has(command))).toBe(true);
    expect([...answered].sort()).toEqual([...LEADER_ADDRESS_COMMANDS, 'hub.overview'].sort());
  });
});
