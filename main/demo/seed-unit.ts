/**
 * Seeds a demo unit through its own commands, as if 30 days had passed on the board: residents
 * come and go, daily tasks are done mostly on time. Runs in one transaction (one fsync).
 */

import type { UnitKind } from '../../shared/domain/types.js';
import type { BoardService } from '../services/board-service.js';
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
}

/** The clock the demo's commands see; moved through history while seeding. */
export interface DemoClock {
  now: Date | undefined;
}

const STAFF = ['Anne S.', 'Ola N.', 'Fatima H.', 'Jonas B.', 'Mari L.', 'Sander K.'];
const DAILY_TASKS = [
  { title: 'Morgenstell', hour: 8 },
  { title: 'Medisiner', hour: 9 },
  { title: 'Medisiner kveld', hour: 20 },
];
const DAY_MS = 86_400_000;

export function seedUnit(board: BoardService, unit: DemoUnit, random: () => number, clock: DemoClock, today: Date): void {
  const run = (command: string, input: unknown, actor = 'demo'): string => {
    const result = board.dispatch(command, input, actor);
    if (!result.ok) throw new Error(`demo seed ${unit.id} ${command}: ${result.message}`);
    return (result.value as { id: string }).id;
  };
  const bedLabels = Array.from({ length: unit.beds }, (_, i) => String(101 + i));
  const start = new Date(today.getTime() - 30 * DAY_MS);
  board.db.transaction(() => {
    clock.now = start;
    run('unit.configure', { name: unit.name, kind: unit.kind, capacity: unit.listSize ?? unit.beds, beds: bedLabels.map((label) => ({ label })) });
    const admit = (bed: string | undefined) => {
      const person = syntheticPerson(random);
      const flags = { fall: random() < 0.4, pressureUlcer: random() < 0.2, nutrition: random() < 0.25, allergy: random() < 0.15, twoCarers: random() < 0.2, hlrMinus: random() < 0.3 };
      return run('stay.admit', { ...(bed ? { bed } : {}), ...person, flags, adl: 1 + Math.floor(random() * 5), nurse: pick(random, STAFF), shielded: random() < 0.05 });
    };
    const stays = new Map<string, string | undefined>(); // stay id -> bed label
    const places = unit.listSize ?? Math.round(unit.beds * 0.85);
    for (let i = 0; i < places; i += 1) {
      const bed = unit.listSize ? undefined : bedLabels[i];
      stays.set(admit(bed), bed);
    }
    for (let day = 0; day <= 30; day += 1) {
      const midnight = new Date(start.getTime() + day * DAY_MS);
      midnight.setUTCHours(0, 0, 0, 0);
      for (const [stayId, bed] of [...stays]) {
        for (const task of DAILY_TASKS) {
          const due = new Date(midnight.getTime() + (task.hour - 1) * 3_600_000); // Oslo is UTC+1 in winter
          if (due > today) continue;
          clock.now = new Date(due.getTime() - 6 * 3_600_000);
          const id = run('task.create', { title: task.title, stayId, due: due.toISOString() });
          const lateness = random() < 0.85 ? random() * 25 : 30 + random() * 120;
          const doneAt = new Date(due.getTime() + lateness * 60_000);
          if (doneAt > today) continue;
          clock.now = doneAt;
          run('task.complete', { id, by: pick(random, STAFF) }, 'demo');
        }
        if (day < 30 && random() < unit.turnover) {
          clock.now = new Date(midnight.getTime() + 11 * 3_600_000);
          run('stay.discharge', { stayId });
          stays.delete(stayId);
          if (bed) {
            clock.now = new Date(midnight.getTime() + 12 * 3_600_000);
            const cleaning = board.db
              .prepare("SELECT id FROM task WHERE unit = ? AND title = ? AND status = 'open'")
              .get(unit.id, `Vask rom ${bed}`) as { id: string } | undefined;
            if (cleaning) run('task.complete', { id: cleaning.id, by: pick(random, STAFF) });
            run('bed.setStatus', { bed, status: 'free' });
          }
          clock.now = new Date(midnight.getTime() + 15 * 3_600_000);
          stays.set(admit(bed), bed);
        }
      }
    }
    clock.now = undefined;
  })();
}
