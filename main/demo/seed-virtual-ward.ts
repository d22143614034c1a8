/**
 * The demo's virtual ward (issue 17, point 6), seeded through its own commands as if a month had
 * passed: episodes that ended (handed to home care, self-managed, back to a ward), and today's
 * beds in every state — a round done by video, one not yet and amber, one visited at home, one
 * escalated back to a ward this morning, one ended today — two of them shared with home care.
 */

import { addDays, osloDay, osloWall, osloWallInstant } from '../../shared/time/oslo.js';
import { pick, syntheticPerson } from './synthetic-people.js';

type Run = (command: string, input: object) => string;
/** The clock the seed's commands see (seed-unit.ts's DemoClock, which calls this seed). */
interface SeedClock {
  now: Date | undefined;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MODES = ['video', 'video', 'phone', 'home'] as const;
const OUTCOMES = ['home-care', 'self-managed', 'self-managed', 'back-to-ward'] as const;

/** "HH:MM" of an Oslo instant. */
const wallTime = (ms: number) => {
  const { hour, minute } = osloWall(ms);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
};

/**
 * Round times around the demo's start, so a round not yet recorded shows amber whenever it
 * starts: amber half an hour ago, red three hours on (within the Oslo day).
 */
export function demoRoundTimes(now: number): { amber: string; red: string } {
  const today = osloDay(now);
  const first = osloWallInstant(today, 0, 0);
  const last = osloWallInstant(today, 23, 59);
  const amber = Math.max(first, now - HOUR / 2);
  const red = Math.min(last, Math.max(now + 3 * HOUR, amber + 5 * 60_000));
  return { amber: wallTime(amber), red: wallTime(red) };
}

export function seedVirtualWard(run: Run, random: () => number, clock: SeedClock, today: Date, homeCareUnit: string | undefined): void {
  const now = today.getTime();
  const day = osloDay(now);
  const at = (daysAgo: number, hour: number) => osloWallInstant(addDays(day, -daysAgo), hour);
  const admit = (bed: string, startedAt: number, plannedDays: number, extra: object = {}) => {
    clock.now = new Date(startedAt);
    const person = syntheticPerson(random);
    return run('episode.admit', { bed, ...person, startedAt: new Date(startedAt).toISOString(), plannedEnd: addDays(osloDay(startedAt), plannedDays - 1), ...extra });
  };
  const round = (id: string, when: number, mode: string) => {
    clock.now = new Date(when);
    run('episode.recordRound', { id, mode });
  };
  const share = homeCareUnit ? { homeCareUnit } : {};
  // Earlier today, never ahead of the clock (another replica refuses a stamp from the future).
  const earlierToday = (msAgo: number, minute: number) => Math.min(now, Math.max(osloWallInstant(day, 0, minute), now - msAgo));

  // The month behind: six episodes, a round each morning, ended by outcome.
  for (let i = 0; i < 6; i += 1) {
    const start = at(28 - i * 4, 11);
    const length = 4 + Math.floor(random() * 4);
    const id = admit(`V${6 + (i % 3)}`, start, length + 1, i % 2 === 0 ? share : {});
    for (let d = 1; d < length; d += 1) round(id, start + d * DAY - 2 * HOUR + Math.floor(random() * HOUR), pick(random, MODES));
    clock.now = new Date(start + length * DAY);
    const outcome = OUTCOMES[i % OUTCOMES.length];
    if (outcome === 'back-to-ward') run('episode.escalate', { id, to: 'Medisinsk sengepost' });
    else run('episode.end', { id, outcome });
  }

  clock.now = today;
  run('episode.settings', demoRoundTimes(now));
  // Today's beds: day 3 of 10, the round done by video an hour ago.
  const done = admit('V1', at(2, 10), 10, { nextVisit: { at: new Date(now + DAY).toISOString(), by: 'hospital' } });
  round(done, earlierToday(HOUR, 5), 'video');
  // Day 4: the round not yet recorded, amber now; home care visits this afternoon.
  admit('V2', at(3, 13), 8, { ...share, nextVisit: { at: new Date(now + 2 * HOUR).toISOString(), by: 'municipality' } });
  // Day 6: visited at home this morning.
  const home = admit('V3', at(5, 9), 9);
  round(home, earlierToday(2 * HOUR, 10), 'home');
  // Day 2: escalated back to a ward within the last hour.
  const escalated = admit('V4', at(1, 15), 5);
  clock.now = new Date(earlierToday(HOUR / 2, 15));
  run('episode.escalate', { id: escalated, to: 'Medisinsk sengepost' });
  // Ended today: handed over to home care.
  const ended = admit('V5', at(7, 11), 8, share);
  clock.now = new Date(earlierToday(HOUR / 4, 20));
  run('episode.end', { id: ended, outcome: homeCareUnit ? 'home-care' : 'self-managed' });
  clock.now = today;
}
