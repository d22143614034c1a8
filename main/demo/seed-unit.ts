/**
 * Seeds a demo unit through its own commands, as if 30 days had passed on the board: residents
 * come and go, daily tasks are done mostly on time, shifts are staffed and handed over. Runs in
 * one transaction (one fsync).
 */

import { needsSession } from '../../shared/api/commands/access.js';
import type { StaffMember } from '../../shared/api/commands/ward.js';
import type { UnitKind } from '../../shared/domain/types.js';
import type { BoardService } from '../board/board-service.js';
import type { CommandContext } from '../replica/command-context.js';
import { acknowledgeHandover } from '../ward/handover.js';
import { dispatchAs } from '../board/in-process-session.js';
import type { PathwayView } from '../../shared/api/commands/pathway.js';
import { seedPathways } from './seed-pathways.js';
import { osloDay, osloWallInstant, previousShift, shiftSpanAt } from '../../shared/time/oslo.js';
import { hashPin, saveStaff, type HashedPin } from '../staff/pin-lock.js';
import { writeStaffing } from '../ward/staffing.js';
import { taskTemplates } from '../ward/task-templates.js';
import { seedTodaysVisits } from './seed-visits.js';
import { seedVirtualWard } from './seed-virtual-ward.js';
import { DEMO_RECEPTION_BAYS, seedReception } from './seed-reception.js';
import { pick, syntheticPerson } from './synthetic-people.js';

export interface DemoUnit {
  id: string;
  name: string;
  kind: UnitKind;
  beds: number;
  /** Patients on the list of a unit without beds (home care). */
  listSize?: number;
  /** Daily chance that a patient is discharged (short-term units turn over fast). */
  turnover: number;
  /** A virtual ward: the home-care unit it shares patients with. */
  sharesWith?: string;
  /** A shared reception: its organisations, and the one this board runs for. */
  organisations?: readonly string[];
  organisation?: string;
}

/** A demo board's own name for its folder and broker identity: `<unit>`, or `<unit>-<organisation>`. */
export const demoBoardKey = (unit: DemoUnit): string => (unit.organisation ? `${unit.id}-${unit.organisation}` : unit.id);

/** The clock the demo's commands see; moved through history while seeding. */
export interface DemoClock {
  now: Date | undefined;
}

const STAFF = ['Anne S.', 'Ola N.', 'Fatima H.', 'Jonas B.', 'Mari L.', 'Sander K.'];
// Morning care goes round the rooms from 07:30; the rounds of medicines take their time too.
const DAILY_TASKS = [
  { title: 'Morgenstell', hour: 7, minute: 30, spreadMinutes: 150 },
  { title: 'Medisiner', hour: 9, minute: 0, spreadMinutes: 45 },
  { title: 'Medisiner kveld', hour: 20, minute: 0, spreadMinutes: 45 },
];
const DAY_MS = 86_400_000;

/**
 * `sameRoom`: a shared reception's board of another organisation already seeded: this board takes
 * its unit and bays as they are (the same records), so the room is configured once.
 */
export function seedUnit(board: BoardService, unit: DemoUnit, random: () => number, clock: DemoClock, today: Date, sameRoom?: BoardService): void {
  // The history is made by the demo's synthetic staff, each edit that needs it under a session of
  // its own; a task is created by the board, as a template tap on a locked screen would.
  const run = (command: string, input: object, staff: StaffMember = DEMO_LEADER): string => {
    const signed = needsSession(command) || command === 'task.complete';
    const result = signed ? dispatchAs(board, staff, command, input) : board.dispatch(command, input);
    if (!result.ok) throw new Error(`demo seed ${unit.id} ${command}: ${result.message}`);
    return (result.value as { id: string }).id;
  };
  const bedLabels = Array.from({ length: unit.beds }, (_, i) => String(101 + i));
  const start = new Date(today.getTime() - 30 * DAY_MS);
  if (unit.kind === 'shared-reception') {
    board.db.transaction(() => {
      clock.now = start;
      if (sameRoom) copyRoom(sameRoom, board, unit.id);
      else run('unit.configure', { name: unit.name, kind: unit.kind, organisations: [...(unit.organisations ?? [])], beds: DEMO_RECEPTION_BAYS.map((label) => ({ label })) });
      for (const staff of DEMO_STAFF) saveStaff(board.db, { id: `demo-${staff.pin}`, name: staff.name, role: staff.role }, demoHash(staff.pin), today);
      seedReception(run, random, clock, today, unit.organisation ?? '');
      clock.now = undefined;
    })();
    return;
  }
  if (unit.kind === 'home-hospital') {
    // The virtual ward: V1..VN and its episodes (seed-virtual-ward.ts); staff who can unlock it.
    board.db.transaction(() => {
      clock.now = start;
      run('unit.configure', { name: unit.name, kind: unit.kind, beds: [], virtualBeds: unit.beds });
      for (const staff of DEMO_STAFF) saveStaff(board.db, { id: `demo-${staff.pin}`, name: staff.name, role: staff.role }, demoHash(staff.pin), today);
      seedVirtualWard(run, random, clock, today, unit.sharesWith);
      const open = board.db.prepare("SELECT id FROM stay WHERE unit = ? AND status = 'active' AND deleted = 0 ORDER BY admittedAt").all(unit.id) as { id: string }[];
      seedTodaysTasks(run, random, clock, today, open.map((row) => row.id));
      clock.now = undefined;
    })();
    return;
  }
  board.db.transaction(() => {
    clock.now = start;
    run('unit.configure', { name: unit.name, kind: unit.kind, capacity: unit.listSize ?? unit.beds, beds: bedLabels.map((label) => ({ label })) });
    const admit = (bed: string | undefined) => {
      const person = syntheticPerson(random);
      const flags = { fall: random() < 0.4, pressureUlcer: random() < 0.2, nutrition: random() < 0.25, allergy: random() < 0.15, twoCarers: random() < 0.2, hlrMinus: random() < 0.3 };
      return run('stay.admit', { ...(bed ? { bed } : {}), ...person, flags, adl: 1 + Math.floor(random() * 5), nurse: pick(random, STAFF), shielded: random() < 0.05 });
    };
    const stays = new Map<string, string | undefined>(); // stay id -> bed label
    // A patient's place on the round (a newcomer takes the place of the one who left): when their daily tasks fall due.
    const places = new Map<string, number>();
    const placeCount = unit.listSize ?? Math.round(unit.beds * 0.85);
    for (let i = 0; i < placeCount; i += 1) {
      const bed = unit.listSize ? undefined : bedLabels[i];
      const stayId = admit(bed);
      stays.set(stayId, bed);
      places.set(stayId, i);
    }
    for (let day = 0; day <= 30; day += 1) {
      const midnight = new Date(start.getTime() + day * DAY_MS);
      midnight.setUTCHours(0, 0, 0, 0);
      for (const [stayId, bed] of [...stays]) {
        const place = places.get(stayId) ?? 0;
        for (const task of DAILY_TASKS) {
          const minute = task.minute + roundTo5((place * task.spreadMinutes) / placeCount);
          const due = new Date(osloWallInstant(osloDay(midnight.getTime()), task.hour, minute));
          if (due > today) continue;
          clock.now = new Date(due.getTime() - 6 * 3_600_000);
          const id = run('task.create', { title: task.title, stayId, due: due.toISOString() });
          const lateness = random() < 0.85 ? random() * 25 : 30 + random() * 120;
          const doneAt = new Date(due.getTime() + lateness * 60_000);
          if (doneAt > today) continue;
          clock.now = doneAt;
          run('task.complete', { id }, demoNurse(pick(random, STAFF)));
        }
        if (day < 30 && random() < unit.turnover) {
          clock.now = new Date(midnight.getTime() + 11 * 3_600_000);
          run('stay.discharge', { stayId });
          stays.delete(stayId);
          if (bed) {
            clock.now = new Date(midnight.getTime() + 12 * 3_600_000);
            const cleaning = board.db
              .prepare("SELECT id FROM task WHERE unit = ? AND title = ? AND status = 'open'")
              .get(unit.id, `Rengjør rom ${bed}`) as { id: string } | undefined;
            if (cleaning) run('task.complete', { id: cleaning.id }, demoNurse(pick(random, STAFF)));
            run('bed.setStatus', { bed, status: 'free' });
          }
          clock.now = new Date(midnight.getTime() + 15 * 3_600_000);
          const newcomer = admit(bed);
          stays.set(newcomer, bed);
          places.set(newcomer, place);
        }
      }
    }
    // Every board of the demo, the allocation office's too, has staff who can unlock it.
    for (const staff of DEMO_STAFF) saveStaff(board.db, { id: `demo-${staff.pin}`, name: staff.name, role: staff.role }, demoHash(staff.pin), today);
    if (unit.kind !== 'allocation-office') {
      seedWardLife(board, unit, random, clock, today, [...stays.keys()]);
      seedTodaysTasks(run, random, clock, today, [...stays.keys()]);
      // Home care's day of visits by route (issue 15).
      if (unit.kind === 'home-care') seedTodaysVisits(run, random, clock, today, [...stays.keys()]);
      seedPathways(run, () => {
        const listed = board.dispatch('pathway.list', {});
        return listed.ok ? (listed.value as PathwayView[]) : [];
      }, clock, today, unit.kind, [...stays.keys()]);
    }
    clock.now = undefined;
  })();
}

/** The reception's unit and bays as the first organisation's board configured them: the same ids, so the boards converge on one room. */
function copyRoom(from: BoardService, to: BoardService, unit: string): void {
  const room = from.db.prepare('SELECT municipality, name, kind, capacity, organisations, receptionTargets FROM unit WHERE id = ?').get(unit) as Record<string, string | number | null>;
  const bays = from.db.prepare('SELECT id, label, room, sort FROM bed WHERE unit = ? AND deleted = 0').all(unit) as { id: string; label: string; room: string; sort: number }[];
  to.store.commit({ actor: 'demo', action: 'unit.configure', collection: 'unit', record: unit }, [
    { c: 'unit', id: unit, fields: { ...Object.fromEntries(Object.entries(room).filter(([, value]) => value !== null)), deleted: false } },
    ...bays.map((bay) => ({ c: 'bed' as const, id: bay.id, fields: { unit, label: bay.label, room: bay.room, sort: bay.sort, status: 'free', deleted: false } })),
  ]);
}

/** Demo staff who can unlock the board (docs/board.md lists them): PINs 1111 and 2222. */
export const DEMO_STAFF = [
  { name: 'Marit Solberg', role: 'unit-leader', pin: '1111' },
  { name: 'Ola Nilsen', role: 'nurse', pin: '2222' },
] as const;

const DEMO_LEADER: StaffMember = { id: 'demo-1111', name: DEMO_STAFF[0].name, role: DEMO_STAFF[0].role };
const demoNurse = (name: string): StaffMember => ({ id: `demo-${name.replace(/\W+/g, '-')}`, name, role: 'nurse' });

const SHIFT_STAFF = { day: 5, evening: 4, night: 2 } as const;

// The demo's boards share one hash per PIN: scrypt is slow on purpose, and the demo starts in seconds.
const demoHashes = new Map<string, HashedPin>();
const demoHash = (pin: string): HashedPin => {
  let hashed = demoHashes.get(pin);
  if (!hashed) {
    hashed = hashPin(pin);
    demoHashes.set(pin, hashed);
  }
  return hashed;
};

/**
 * The ward board's side of the history: staffing of every shift for 14 days
 * (now and then one short), acknowledged handovers and a few notes.
 */
function seedWardLife(board: BoardService, unit: DemoUnit, random: () => number, clock: DemoClock, today: Date, stays: string[]): void {
  const ctx: CommandContext = { store: board.store, municipality: board.options.municipality, unit: unit.id, actor: 'demo', staff: null, now: () => clock.now ?? new Date(), pseudonyms: board.pseudonyms };
  const current = shiftSpanAt(today.getTime());
  for (let back = 14 * 3; back >= 0; back -= 1) {
    let ref = current;
    for (let i = 0; i < back; i += 1) ref = previousShift(ref);
    const planned = SHIFT_STAFF[ref.shift];
    const present = planned - (random() < 0.2 ? 1 : 0);
    clock.now = new Date(ref.from);
    writeStaffing(ctx, { date: ref.date, shift: ref.shift, planned, present });
    // The shift just ended is left for the demo's visitor to acknowledge.
    if (back > 1) {
      // The outgoing leader gives the report at the shift's end, the incoming one receives it ten minutes on.
      const giver = pick(random, STAFF);
      clock.now = new Date(ref.to);
      acknowledgeHandover(ctx, { date: ref.date, shift: ref.shift, side: 'giver' }, giver);
      clock.now = new Date(new Date(ref.to).getTime() + 10 * 60_000);
      acknowledgeHandover(ctx, { date: ref.date, shift: ref.shift, side: 'receiver' }, pick(random, STAFF.filter((name) => name !== giver)));
    }
  }
  clock.now = today;
  for (const stayId of stays.slice(0, 2)) {
    board.store.commit({ actor: 'demo', action: 'stay.note', collection: 'stay', record: stayId }, [
      { c: 'stay', id: stayId, fields: { note: pick(random, ['Pårørende kommer i ettermiddag.', 'Spiser lite, tilby næringsdrikk.', 'Sov dårlig i natt.']) } },
    ]);
  }
}

/**
 * Today's work still to do, spread over the hours ahead so the boards do not all turn red at one
 * minute: a round or check per patient from the templates (the first already late) and one for the unit.
 */
function seedTodaysTasks(run: (command: string, input: object) => string, random: () => number, clock: DemoClock, today: Date, stays: readonly string[]): void {
  const perPatient = taskTemplates('nb').filter((t) => ['turn', 'news2', 'vitals', 'fluids'].includes(t.id));
  const unitTask = taskTemplates('nb').find((t) => t.id === 'medicine-room');
  const phase = random() * 20;
  const step = 5 * 60_000;
  const dueAt = (i: number) => new Date(Math.round((today.getTime() + (-30 + phase + (i * SPREAD_MINUTES) / (stays.length + 1)) * 60_000) / step) * step);
  const create = (title: string, recurrenceMinutes: number | null, due: Date, stayId?: string) => {
    // Created a while before, and never in the future: a stamp ahead of the clock would be refused by the other replicas.
    clock.now = new Date(Math.min(today.getTime(), due.getTime()) - 20 * 60_000);
    run('task.create', { title, due: due.toISOString(), ...(stayId ? { stayId } : {}), ...(recurrenceMinutes === null ? {} : { recurrenceMinutes }) });
  };
  stays.forEach((stayId, i) => {
    const template = perPatient[i % perPatient.length];
    create(template.title, template.recurrenceMinutes, dueAt(i), stayId);
  });
  if (unitTask) create(unitTask.title, unitTask.recurrenceMinutes, dueAt(stays.length));
}

/** Today's open tasks fall due from half an hour ago to this far ahead. */
const SPREAD_MINUTES = 6 * 60;

/** Due times on the five minutes ("14:35", as the templates give them). */
const roundTo5 = (minutes: number): number => Math.round(minutes / 5) * 5;
