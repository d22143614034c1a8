/**
 * A small shared reception with hand-known leader figures (issue 17, point 5), committed straight
 * into a hub's store: the unit test of `leader.reception` and the leader page's e2e read the same.
 * Legevakt: three yellow (triage after 5, 8 and 20 min; assessed after 25 and 40), one red; sykehus:
 * one green, handed over to legevakt; one legevakt yellow handed over to sykehus. Targets: triage
 * red 0, yellow 10; assessment yellow 30 (the rest default). Each encounter has private values
 * ("Hemmelig …") and a label ("Merke-…") that must never reach a figure.
 */

import type { FieldStore } from '../../main/store/field-store.js';
import { privateScope } from '../../shared/reception/reception-kinds.js';

export function seedReceptionFigures(store: FieldStore, now: number, municipality = 'fjordvik'): void {
  const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString();
  const targets = JSON.stringify({ triage: { red: 0, yellow: 10 }, assessment: { yellow: 30 } });
  store.commit({ actor: 'test', action: 'seed' }, [
    { c: 'unit', id: 'mottak', scope: 'mottak', fields: { municipality, name: 'Felles mottak', kind: 'shared-reception', organisations: 'legevakt,sykehus', receptionTargets: targets, deleted: false } },
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
    store.commit({ actor: 'test', action: 'seed' }, [
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
  store.commit({ actor: 'test', action: 'seed' }, [
    { c: 'encounterHandover', id: 'h1', scope: 'mottak', fields: { unit: 'mottak', encounter: 'e3', from: 'legevakt', to: 'sykehus', at: ago(70), by: 'Liv Lege', board: 'b1', deleted: false } },
    { c: 'encounterHandover', id: 'h2', scope: 'mottak', fields: { unit: 'mottak', encounter: 'e5', from: 'sykehus', to: 'legevakt', at: ago(40), by: 'Siv Sykepleier', board: 'b2', deleted: false } },
  ]);
}
