/**
 * A synthetic municipality for the hub benchmark, written straight into a hub's store through
 * FieldStore.applyRemote (the path synced changes take): units of every kind with beds or lists,
 * stays with admissions and discharges day by day, care levels, tasks due and done (mostly on
 * time), IPLOS work in nursing homes, staffing per shift, discharge-ready patients from PLO at the
 * allocation office, and transfers. Seeded, so every run builds the same municipality.
 */

import { addDays, osloDay, osloInstant, weekday } from '../shared/time/oslo.js';
import type { CollectionName, FieldValue } from '../shared/domain/schema.js';
import type { Change } from '../shared/sync/change.js';
import { HybridLogicalClock } from '../shared/sync/hlc.js';
import { pick, seededRandom, syntheticPerson } from '../main/demo/synthetic-people.js';
import type { FieldStore } from '../main/store/field-store.js';

export interface MunicipalityOptions {
  units: number;
  days: number;
  tasksPerPatientDay: number;
  seed: number;
}

export interface MunicipalitySummary {
  units: number;
  stays: number;
  tasks: number;
  transfers: number;
  staffing: number;
  fields: number;
}

interface UnitPlan {
  id: string;
  name: string;
  kind: string;
  beds: number;
  list: number;
  /** Daily chance a patient leaves. */
  turnover: number;
}

interface Patient {
  id: string;
  bed: string | null;
  adl: number;
}

const TASK_HOURS = [8, 14, 20, 11];
const TASK_TITLES = ['Morgenstell', 'Medisiner', 'Kveldsstell', 'Tilsyn'];
/** IPLOS work as the board records it: a task made from the measure's template, carrying its code. */
const IPLOS_WORK: [string, string, number][] = [
  ['Legemiddelgjennomgang', 'medication-review', 1 / 180],
  ['Ernæringskartlegging', 'nutrition-screening', 1 / 120],
  ['Legevurdering', 'physician-assessment', 1 / 90],
  ['Tannhelsevurdering', 'dental-assessment', 1 / 365],
];
const STAFF = ['Anne S.', 'Ola N.', 'Fatima H.', 'Jonas B.', 'Mari L.'];

/** The mix of a municipality of `n` units (for 200: 1 office, 10 wards, 90 homes, 40 short-term, 10 home hospital, 49 home care). */
export function unitPlans(n: number): UnitPlan[] {
  const share = (part: number) => Math.max(1, Math.round((n * part) / 200));
  const kinds: [string, string, number, number, number, number][] = [
    ['hospital-ward', 'ward', share(10), 20, 0, 0.18],
    ['nursing-home', 'nh', share(90), 24, 0, 0.012],
    ['short-term', 'st', share(40), 12, 0, 0.12],
    ['home-hospital', 'hh', share(10), 0, 8, 0.15],
  ];
  const plans: UnitPlan[] = [{ id: 'tildeling', name: 'Tildelingskontoret', kind: 'allocation-office', beds: 0, list: 0, turnover: 0 }];
  const names: Record<string, string> = { 'hospital-ward': 'Sykehusavdeling', 'nursing-home': 'Sykehjem', 'short-term': 'Korttid', 'home-hospital': 'Hjemmesykehus' };
  for (const [kind, prefix, count, beds, list, turnover] of kinds) {
    for (let i = 0; i < count && plans.length < n; i += 1) plans.push({ id: `${prefix}-${i + 1}`, name: `${names[kind]} ${i + 1}`, kind, beds, list, turnover });
  }
  for (let i = 0; plans.length < n; i += 1) plans.push({ id: `hc-${i + 1}`, name: `Hjemmetjeneste ${i + 1}`, kind: 'home-care', beds: 0, list: 40, turnover: 0.02 });
  return plans;
}

/** Collects a unit's records as changes and hands them to the store in large batches. */
class Writer {
  readonly clock: HybridLogicalClock;
  private changes: Change[] = [];
  fields = 0;

  constructor(
    private readonly store: FieldStore,
    private readonly scope: string,
    node: string,
  ) {
    this.clock = new HybridLogicalClock(node);
  }

  put(c: CollectionName, id: string, fields: Record<string, FieldValue>): void {
    for (const [f, v] of Object.entries(fields)) this.changes.push({ c, id, f, v, s: this.clock.tick() });
    if (this.changes.length >= 50_000) this.flush();
  }

  flush(): void {
    if (this.changes.length === 0) return;
    const outcome = this.store.applyRemote(this.changes, this.scope);
    if (outcome.rejected > 0) throw new Error(`the store refused ${outcome.rejected} generated changes`);
    this.fields += outcome.applied.length;
    this.changes = [];
  }
}

/** Generates the municipality into the store; `now` is the end of the history. */
export function generateMunicipality(store: FieldStore, options: MunicipalityOptions, now: Date): MunicipalitySummary {
  const random = seededRandom(options.seed);
  const plans = unitPlans(options.units);
  const today = osloDay(now.getTime());
  const first = addDays(today, -options.days);
  const iso = (ms: number) => new Date(ms).toISOString();
  const at = (day: string, hour: number, minutes = 0) => osloInstant(day, hour) + minutes * 60_000;
  const summary: MunicipalitySummary = { units: 0, stays: 0, tasks: 0, transfers: 0, staffing: 0, fields: 0 };
  const homes = plans.filter((p) => p.kind === 'nursing-home');
  const shortTerm = plans.filter((p) => p.kind === 'short-term');
  let seq = 0;
  const id = (prefix: string) => `${prefix}${(seq++).toString(36)}`;

  for (const [index, plan] of plans.entries()) {
    const w = new Writer(store, plan.id, `bench-b${index}`);
    w.put('unit', plan.id, { municipality: 'bench', name: plan.name, kind: plan.kind, capacity: plan.beds || plan.list, deleted: false });
    summary.units += 1;
    const bedIds = Array.from({ length: plan.beds }, (_, i) => `${plan.id}-bed-${101 + i}`);
    bedIds.forEach((bed, i) => w.put('bed', bed, { unit: plan.id, label: String(101 + i), room: String(101 + i), status: 'free', sort: i, deleted: false }));
    const places = plan.beds || plan.list;
    const present: Patient[] = [];
    const freeBeds = new Set(bedIds);

    const admit = (day: string, hour: number, since?: number): Patient => {
      const person = syntheticPerson(random);
      const bed = plan.beds > 0 ? ([...freeBeds][0] ?? null) : null;
      if (bed) freeBeds.delete(bed);
      const patient = { id: id('s'), bed, adl: random() < 0.05 ? 9 : 1 + Math.floor(random() * 5) };
      w.put('stay', patient.id, {
        unit: plan.id,
        bed,
        initials: person.initials,
        name: person.name,
        birthDate: person.birthDate,
        adl: patient.adl,
        admittedAt: iso(since ?? at(day, hour)),
        status: 'active',
        shielded: false,
        deleted: false,
        fall: random() < 0.3,
      });
      summary.stays += 1;
      present.push(patient);
      return patient;
    };
    const discharge = (patient: Patient, ms: number, extra: Record<string, FieldValue> = {}) => {
      w.put('stay', patient.id, { status: 'discharged', dischargedAt: iso(ms), ...extra });
      if (patient.bed) freeBeds.add(patient.bed);
      present.splice(present.indexOf(patient), 1);
    };

    if (plan.kind === 'allocation-office') {
      generateOffice(w, plan, first, today, now, random, homes.concat(shortTerm), summary, id);
      w.flush();
      summary.fields += w.fields;
      continue;
    }

    // The patients already there when the history begins.
    for (let i = 0; i < Math.round(places * (0.85 + random() * 0.1)); i += 1) admit(first, 0, at(first, 0) - Math.floor(1 + random() * 400) * 86_400_000);

    for (let d = 0; d <= options.days; d += 1) {
      const day = addDays(first, d);
      // Nothing happens on today's date after now.
      const cutoff = day === today ? now.getTime() : Infinity;
      for (const patient of [...present]) {
        if (random() >= plan.turnover) continue;
        const leave = at(day, 9 + Math.floor(random() * 6));
        if (leave < cutoff) discharge(patient, leave);
      }
      // Admissions on weekdays mostly: a weekly pattern the forecast can learn.
      const wd = weekday(day);
      const openPlaces = places - present.length;
      const rate = wd === 6 ? 0.05 : wd === 5 ? 0.2 : 0.45;
      for (let i = 0; i < openPlaces; i += 1) {
        if (random() >= rate) continue;
        const hour = 10 + Math.floor(random() * 8);
        if (at(day, hour) < cutoff) admit(day, hour);
      }
      for (const patient of present) {
        for (let t = 0; t < options.tasksPerPatientDay; t += 1) {
          const due = at(day, TASK_HOURS[t % TASK_HOURS.length]);
          const task: Record<string, FieldValue> = {
            unit: plan.id,
            stay: patient.id,
            title: TASK_TITLES[t % TASK_TITLES.length],
            due: iso(due),
            recurrenceMinutes: null,
            createdAt: iso(due - 6 * 3_600_000),
            deleted: false,
          };
          const r = random();
          if (due > now.getTime()) task.status = 'open';
          else if (r < 0.03) task.status = 'skipped';
          else if (r < 0.04 && due > now.getTime() - 86_400_000) task.status = 'open';
          else {
            const late = r < 0.85 ? random() * 30 : 30 + random() * 120;
            task.status = 'done';
            task.doneAt = iso(Math.min(now.getTime(), due + late * 60_000));
            task.doneBy = pick(random, STAFF);
          }
          w.put('task', id('t'), task);
          summary.tasks += 1;
        }
        if (plan.kind !== 'nursing-home') continue;
        for (const [title, template, chance] of IPLOS_WORK) {
          if (random() >= chance) continue;
          const due = at(day, 12);
          if (due > now.getTime()) continue;
          w.put('task', id('t'), { unit: plan.id, stay: patient.id, title, template, due: iso(due), status: 'done', doneAt: iso(due), doneBy: pick(random, STAFF), createdAt: iso(due), deleted: false });
          summary.tasks += 1;
        }
      }
      for (const [shift, per] of [['day', 4], ['evening', 5], ['night', 10]] as const) {
        const planned = Math.max(1, Math.ceil(places / per));
        w.put('staffing', `${plan.id}-${day}-${shift}`, { unit: plan.id, date: day, shift, planned, present: planned - (random() < 0.15 ? 1 : 0), deleted: false });
        summary.staffing += 1;
      }
    }
    for (const patient of present) if (patient.bed) w.put('bed', patient.bed, { status: 'occupied' });
    for (const bed of freeBeds) if (random() < 0.05) w.put('bed', bed, { status: random() < 0.5 ? 'blocked' : 'cleaning' });

    // Placements from short-term units into nursing homes: decided, then started weeks later.
    if (plan.kind === 'short-term') {
      for (let d = 0; d < options.days; d += 5) {
        const decided = at(addDays(first, d), 10);
        const wait = Math.floor(5 + random() * 80);
        const started = decided + wait * 86_400_000;
        const done = started < now.getTime();
        w.put('transfer', id('x'), {
          fromUnit: plan.id,
          toUnit: pick(random, homes).id,
          stay: present[0]?.id ?? null,
          status: done ? 'completed' : 'accepted',
          requestedAt: iso(decided),
          acceptedAt: iso(decided + 86_400_000),
          scheduledFor: done ? iso(started) : null,
          completedAt: done ? iso(started) : null,
          deleted: false,
        });
        summary.transfers += 1;
      }
    }
    w.flush();
    summary.fields += w.fields;
  }
  return summary;
}

/** The allocation office: hospital patients from PLO, many discharge-ready, some waiting now. */
function generateOffice(
  w: Writer,
  plan: UnitPlan,
  first: string,
  today: string,
  now: Date,
  random: () => number,
  targets: UnitPlan[],
  summary: MunicipalitySummary,
  id: (prefix: string) => string,
): void {
  const iso = (ms: number) => new Date(ms).toISOString();
  for (let d = 0; d <= 90 && addDays(first, d) <= today; d += 1) {
    const day = addDays(first, d);
    for (let n = Math.floor(random() * 4); n > 0; n -= 1) {
      const admitted = osloInstant(day, 8 + Math.floor(random() * 10));
      if (admitted > now.getTime()) continue;
      const person = syntheticPerson(random);
      const stayId = id('p');
      const ready = random() < 0.6 ? admitted + (2 + Math.floor(random() * 7)) * 86_400_000 : null;
      const left = (ready ?? admitted) + (1 + Math.floor(random() * 10)) * 86_400_000 + 3_600_000;
      const gone = left < now.getTime();
      w.put('stay', stayId, {
        unit: plan.id,
        bed: null,
        initials: person.initials,
        name: person.name,
        birthDate: person.birthDate,
        admittedAt: iso(admitted),
        dischargeReadySince: ready !== null && ready < now.getTime() ? iso(ready) : null,
        dischargedAt: gone ? iso(left) : null,
        status: gone ? 'discharged' : 'active',
        shielded: false,
        deleted: false,
      });
      summary.stays += 1;
      if (ready === null || ready > now.getTime()) continue;
      w.put('transfer', id('x'), {
        fromUnit: plan.id,
        toUnit: targets[Math.floor(random() * targets.length)].id,
        stay: stayId,
        status: gone ? 'completed' : 'requested',
        requestedAt: iso(ready),
        completedAt: gone ? iso(left) : null,
        deleted: false,
      });
      summary.transfers += 1;
    }
  }
}
