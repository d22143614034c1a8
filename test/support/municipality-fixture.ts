/**
 * A small synthetic municipality in a hub's store, dated relative to `now`, whose figures are
 * worked out by hand in the tests. Every patient has a full name, birth date and note (personal
 * data the leader view must never carry). Synthetic people only.
 */

import { addDays, osloDay, osloInstant } from '../../shared/time/oslo.js';
import type { FieldValue } from '../../shared/domain/schema.js';
import type { RecordEdit } from '../../main/store/field-store.js';
import type { HubService } from '../../main/hub/hub-service.js';

export const PEOPLE = {
  s1: { name: 'Ingrid Haugland', birthDate: '1938-04-17', note: 'Datter ringer hver søndag' },
  s2: { name: 'Olav Brekkestø', birthDate: '1941-11-02', note: 'Liker kaffe uten melk' },
  s3: { name: 'Ragnhild Sæterbakken', birthDate: '1935-01-29', note: 'Hører dårlig på venstre øre' },
  f1: { name: 'Knut Fjellheim', birthDate: '1950-06-06', note: 'Rullator på rommet' },
  f2: { name: 'Solveig Nordbø', birthDate: '1944-09-12', note: 'Diabetes, kost etter plan' },
  p1: { name: 'Arne Lysholm', birthDate: '1939-03-03', note: 'Venter på korttidsplass' },
  p2: { name: 'Berit Tjøsvoll', birthDate: '1946-12-24', note: 'Utskrevet til hjemmet' },
} as const;

export type Edit = RecordEdit;

/** An instant `daysAgo` Oslo days before now's day, at an Oslo hour, as stored (ISO). */
export function clock(now: Date) {
  const today = osloDay(now.getTime());
  const day = (daysAgo: number) => addDays(today, -daysAgo);
  const at = (daysAgo: number, hour: number, minute = 0) => new Date(osloInstant(day(daysAgo), hour) + minute * 60_000).toISOString();
  return { today, day, at };
}

const unit = (id: string, name: string, kind: string, capacity: number): Edit => ({
  c: 'unit',
  id,
  scope: id,
  fields: { municipality: 'testvik', name, kind, capacity, deleted: false },
});

const bed = (unitId: string, label: string, status: string): Edit => ({
  c: 'bed',
  id: `${unitId}-bed-${label}`,
  scope: unitId,
  fields: { unit: unitId, label, room: label, status, sort: Number(label), deleted: false },
});

function stay(unitId: string, id: keyof typeof PEOPLE, fields: Record<string, FieldValue>): Edit {
  const person = PEOPLE[id];
  return {
    c: 'stay',
    id,
    scope: unitId,
    fields: {
      unit: unitId,
      initials: person.name.split(' ').map((part) => part[0]).join(''),
      name: person.name,
      birthDate: person.birthDate,
      note: person.note,
      status: 'active',
      shielded: false,
      deleted: false,
      ...fields,
    },
  };
}

const task = (unitId: string, id: string, fields: Record<string, FieldValue>): Edit => ({
  c: 'task',
  id,
  scope: unitId,
  fields: { unit: unitId, stay: null, recurrenceMinutes: null, createdAt: fields.due ?? null, deleted: false, ...fields },
});

/** The municipality of the tests. See the test files for the figures it gives. */
export function municipalityEdits(now: Date): Edit[] {
  const { at, day } = clock(now);
  return [
    unit('solsiden', 'Solsiden sykehjem', 'nursing-home', 4),
    unit('fjellro', 'Fjellro korttid', 'short-term', 2),
    unit('hjemme', 'Hjemmetjenesten', 'home-care', 10),
    unit('tildeling', 'Tildelingskontoret', 'allocation-office', 0),
    bed('solsiden', '101', 'occupied'),
    bed('solsiden', '102', 'free'),
    bed('solsiden', '103', 'occupied'),
    bed('solsiden', '104', 'blocked'),
    bed('fjellro', '201', 'occupied'),
    bed('fjellro', '202', 'cleaning'),
    stay('solsiden', 's1', { bed: 'solsiden-bed-101', admittedAt: at(40, 12), adl: 3 }),
    stay('solsiden', 's2', { bed: 'solsiden-bed-102', admittedAt: at(20, 12), dischargedAt: at(5, 11), status: 'discharged', adl: 5 }),
    stay('solsiden', 's3', { bed: 'solsiden-bed-103', admittedAt: at(3, 15), adl: 9, expectedDischarge: day(-2) }),
    stay('fjellro', 'f1', { admittedAt: at(10, 10), dischargedAt: at(4, 10), status: 'discharged', adl: 2 }),
    stay('fjellro', 'f2', { bed: 'fjellro-bed-201', admittedAt: at(4, 14), adl: 4 }),
    stay('tildeling', 'p1', { admittedAt: at(12, 8), dischargeReadySince: at(6, 10) }),
    stay('tildeling', 'p2', { admittedAt: at(20, 8), dischargeReadySince: at(15, 9), dischargedAt: at(9, 14), status: 'discharged' }),
    task('solsiden', 't1', { stay: 's1', title: 'Legemiddelgjennomgang', template: 'medication-review', due: at(10, 10), status: 'done', doneBy: 'Anne S.', doneAt: at(10, 9) }),
    task('solsiden', 't2', { stay: 's1', title: 'Morgenstell', due: at(2, 8), status: 'done', doneBy: 'Ola N.', doneAt: at(2, 8, 45) }),
    task('solsiden', 't3', { title: 'Sjekk medisinrommet', due: at(2, 9), status: 'done', doneBy: 'Ola N.', doneAt: at(2, 8, 55) }),
    task('solsiden', 't4', { title: 'Bestill bleier', due: new Date(now.getTime() - 3_600_000).toISOString(), status: 'open' }),
    task('solsiden', 't5', { title: 'Rydd lageret', due: null, status: 'open' }),
    { c: 'staffing', id: 'st1', scope: 'solsiden', fields: { unit: 'solsiden', date: day(1), shift: 'day', planned: 3, present: 2, deleted: false } },
    { c: 'staffing', id: 'st2', scope: 'solsiden', fields: { unit: 'solsiden', date: day(0), shift: 'day', planned: 3, present: 2, deleted: false } },
    {
      c: 'transfer',
      id: 'tr1',
      scope: 'tildeling',
      fields: { fromUnit: 'tildeling', toUnit: 'solsiden', stay: 'p1', status: 'accepted', requestedAt: at(2, 12), acceptedAt: at(1, 9), scheduledFor: at(-1, 11), deleted: false },
    },
    {
      c: 'transfer',
      id: 'tr2',
      scope: 'fjellro',
      fields: { fromUnit: 'fjellro', toUnit: 'solsiden', stay: 's2', status: 'completed', requestedAt: at(30, 10), acceptedAt: at(29, 10), completedAt: at(20, 12), deleted: false },
    },
  ];
}

/** Writes the municipality into the hub's store as if every unit's board had synced it. */
export function seedMunicipality(hub: HubService, now: Date): void {
  hub.store.commit({ actor: 'test', action: 'seed' }, municipalityEdits(now));
}
