/**
 * The demo's home-care day (issue 15): every patient on a route with a visit from a template,
 * planned daily for the week ahead; today's past visits done (one not at home, one refused), and
 * one visit caught up on but not started, so the base station shows a late visit. Through the
 * board's own commands, like the rest of the demo.
 */

import { dayStart, osloDay, osloWallInstant } from '../../shared/time/oslo.js';
import { pick } from './synthetic-people.js';

/** The templates the demo uses, with their usual window (as main/homecare/visit-templates.ts has them). */
const ROUND = [
  { template: 'morning-medicines', from: [8, 0], to: [9, 0] },
  { template: 'morning-care', from: [7, 30], to: [9, 30] },
  { template: 'lunch', from: [11, 30], to: [12, 30] },
  { template: 'afternoon-medicines', from: [14, 0], to: [15, 0] },
  { template: 'evening-help', from: [20, 0], to: [21, 0] },
  { template: 'evening-two-carers', from: [21, 0], to: [22, 0] },
] as const;
const ROUTES = ['Rute 1', 'Rute 2', 'Rute 3'];
const CARERS = ['Anne S.', 'Jonas B.', 'Mari L.'];
const KEY_BOXES = ['Nøkkelboks ved inngangsdøra, kode 4711', 'Nøkkel hos nabo i 2. etasje', 'Kodelås 2580, ring på først'];

type Run = (command: string, input: object) => string;

export function seedTodaysVisits(run: Run, random: () => number, clock: { now: Date | undefined }, today: Date, stays: readonly string[]): void {
  const day = osloDay(today.getTime());
  const planAt = new Date(Math.min(today.getTime(), dayStart(day) + 6 * 3_600_000));
  stays.forEach((stayId, i) => {
    const round = ROUND[i % ROUND.length];
    const from = osloWallInstant(day, round.from[0], round.from[1]);
    const to = osloWallInstant(day, round.to[0], round.to[1]);
    clock.now = planAt;
    const route = i % ROUTES.length;
    const visit = run('visit.plan', {
      stayId,
      template: round.template,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      route: ROUTES[route],
      order: 1 + Math.floor(i / ROUTES.length),
      staff: CARERS[route],
      recurrence: { pattern: 'daily', days: 7 },
    });
    if (i < KEY_BOXES.length) run('homecare.setAccess', { stayId, keyBox: KEY_BOXES[i], accessNote: pick(random, ['Hund i gangen', 'Bruk bakdøra', 'Ring på og vent']) });
    // What already happened today: started in the window and finished, now and then nobody home or a no thanks.
    if (to >= today.getTime()) return;
    clock.now = new Date(from + random() * (to - from) * 0.8);
    const outcome = i === 1 ? 'not-home' : i === 6 ? 'refused' : 'done';
    if (outcome === 'done') run('visit.start', { id: visit });
    clock.now = new Date(Math.min(today.getTime(), clock.now.getTime() + 20 * 60_000));
    run('visit.complete', { id: visit, outcome });
  });
  // A visit caught up on afterwards, its window over and not started: the late one at the top of its route.
  if (stays.length > 0 && today.getTime() - 100 * 60_000 >= dayStart(day)) {
    clock.now = new Date(today.getTime() - 110 * 60_000);
    run('visit.plan', {
      stayId: stays[stays.length - 1],
      title: 'Insulin og blodsukker',
      from: new Date(today.getTime() - 100 * 60_000).toISOString(),
      to: new Date(today.getTime() - 40 * 60_000).toISOString(),
      route: ROUTES[0],
      order: 0,
      staff: CARERS[0],
    });
  }
  clock.now = today;
}
