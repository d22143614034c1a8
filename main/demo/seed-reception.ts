/**
 * The demo's shared emergency reception (issue 17, point 6; docs/shared-reception.md): one room of
 * the out-of-hours service (legevakt) and the hospital (sykehus), a board for each. Each board
 * seeds its own organisation's encounters of the last hours through its own commands, so the
 * private details (synthetic name, reason, note) are written in its own scope only: waiting,
 * triaged red, yellow and green, under assessment, one handed over to the other organisation, one
 * gone home, one admitted.
 */

import type { TriageColour } from '../../shared/reception/reception-kinds.js';
import { syntheticPerson } from './synthetic-people.js';

type Run = (command: string, input: object) => string;
/** The clock the seed's commands see (seed-unit.ts's DemoClock, which calls this seed). */
interface SeedClock {
  now: Date | undefined;
}

interface Step {
  /** Minutes before now. */
  ago: number;
  triage?: TriageColour;
  assess?: string;
  handover?: string;
  dispose?: 'home' | 'admitted' | 'kad' | 'transferred';
}

interface DemoEncounter {
  label: string;
  reason: string;
  note?: string;
  arrived: number;
  steps: Step[];
}

/** Each organisation's encounters, minutes before the demo's start. */
const ENCOUNTERS: Readonly<Record<string, readonly DemoEncounter[]>> = {
  legevakt: [
    { label: 'L-101', reason: 'Hodepine siden i går', arrived: 12, steps: [] },
    { label: 'L-102', reason: 'Kutt i hånden', arrived: 48, steps: [{ ago: 40, triage: 'green' }] },
    { label: 'L-103', reason: 'Feber og hoste', note: 'Startet i helgen.', arrived: 70, steps: [{ ago: 62, triage: 'yellow' }, { ago: 25, assess: 'R3' }] },
    { label: 'L-104', reason: 'Brystsmerter', arrived: 130, steps: [{ ago: 126, triage: 'orange' }, { ago: 110, assess: 'R1' }, { ago: 60, handover: 'sykehus' }] },
    { label: 'L-105', reason: 'Vondt i ankelen etter fall', arrived: 190, steps: [{ ago: 180, triage: 'green' }, { ago: 120, assess: 'R4' }, { ago: 75, dispose: 'home' }] },
  ],
  sykehus: [
    { label: 'S-201', reason: 'Pustebesvær', note: 'Kjent KOLS.', arrived: 18, steps: [{ ago: 17, triage: 'red' }, { ago: 16, assess: 'R2' }] },
    { label: 'S-202', reason: 'Magesmerter', arrived: 35, steps: [{ ago: 28, triage: 'yellow' }] },
    { label: 'S-203', reason: 'Svimmelhet', arrived: 220, steps: [{ ago: 212, triage: 'yellow' }, { ago: 170, assess: 'R5' }, { ago: 95, dispose: 'admitted' }] },
  ],
};

export const DEMO_RECEPTION_BAYS = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6'] as const;

/** Seeds one organisation's encounters on its board (the board's own organisation is the owner). */
export function seedReception(run: Run, random: () => number, clock: SeedClock, today: Date, organisation: string): void {
  const now = today.getTime();
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000);
  for (const encounter of ENCOUNTERS[organisation] ?? []) {
    clock.now = at(encounter.arrived);
    const { name } = syntheticPerson(random);
    const id = run('encounter.arrive', { label: encounter.label, name, reason: encounter.reason, ...(encounter.note ? { note: encounter.note } : {}) });
    for (const step of encounter.steps) {
      clock.now = at(step.ago);
      if (step.triage) run('encounter.triage', { id, colour: step.triage });
      if (step.assess) run('encounter.assess', { id, bay: step.assess });
      if (step.handover) run('encounter.handover', { id, to: step.handover });
      if (step.dispose) run('encounter.dispose', { id, disposition: step.dispose });
    }
  }
  clock.now = today;
}
