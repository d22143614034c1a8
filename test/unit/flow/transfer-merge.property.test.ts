/**
 * Any mix of steps on two screens of each unit, with any of them offline at any time, ends — once
 * everyone has synced — in one state on every replica, a stored status equal to it, and the
 * patient on exactly one unit.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrivalStayId } from '../../../main/flow/transfer-records.js';
import { transferState, type TransferFacts } from '../../../main/flow/transfer-steps.js';
import { tempDir } from '../../support/temp-dir.js';
import { FlowWorld } from '../../support/flow-world.js';

const SCREENS = ['a1', 'a2', 'b1', 'b2'] as const;
const STEPS = ['cancel', 'accept', 'decline', 'schedule', 'complete'] as const;

type Action = { kind: 'step'; screen: (typeof SCREENS)[number]; step: (typeof STEPS)[number]; bed: '201' | '202' } | { kind: 'sync'; screens: string[] };

const bed = fc.constantFrom('201' as const, '202' as const);
const step = (screens: readonly (typeof SCREENS)[number][], steps: readonly (typeof STEPS)[number][]) =>
  fc.record({ kind: fc.constant('step' as const), screen: fc.constantFrom(...screens), step: fc.constantFrom(...steps), bed });
// Weighted so that many runs get as far as a completion, and many race one against a cancel or decline.
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: step(['b1', 'b2'], ['accept', 'schedule']) },
  { weight: 3, arbitrary: step(SCREENS, ['complete']) },
  { weight: 2, arbitrary: step(SCREENS, STEPS) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), screens: fc.subarray([...SCREENS], { minLength: 1 }) }) },
);

function input(step: Action & { kind: 'step' }, id: string): Record<string, unknown> {
  if (step.step === 'accept') return { id, bed: step.bed };
  if (step.step === 'schedule') return { id, bed: step.bed, scheduledFor: '2026-11-24T10:00:00Z' };
  return { id };
}

describe('transfer steps merged from concurrent screens', () => {
  it('converge to one valid state with the patient on exactly one unit', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 12 }), (actions) => {
        const dir = tempDir('tavla-prop-');
        const world = new FlowWorld(dir.path);
        try {
          for (const screen of SCREENS) world.add(screen, screen.startsWith('a') ? 'solsiden' : 'fjellro');
          world.id('a1', 'unit.configure', { name: 'Solsiden', kind: 'nursing-home', beds: [{ label: '101' }] });
          world.id('b1', 'unit.configure', { name: 'Fjellro', kind: 'short-term', beds: [{ label: '201' }, { label: '202' }] });
          const stay = world.id('a1', 'stay.admit', { bed: '101', name: 'Ingrid Haugland', initials: 'IH', birthDate: '1938-04-17' });
          world.relay();
          const id = world.id('a1', 'transfer.request', { stayId: stay, toUnit: 'fjellro' });
          world.relay();
          for (const [n, act] of actions.entries()) {
            world.now = new Date(Date.parse('2026-11-23T08:00:00Z') + (n + 1) * 60_000);
            if (act.kind === 'sync') world.relay(...act.screens);
            else world.run(act.screen, `transfer.${act.step}`, input(act, id)); // refusals are part of the game
          }
          world.relay();
          world.relay();

          const replicas = [...SCREENS.map((s) => world.get(s).db), world.hub.db];
          const rows = replicas.map((db) => db.prepare('SELECT * FROM transfer WHERE id = ?').get(id) as TransferFacts & { status: string });
          const states = rows.map((row) => transferState(row));
          expect(new Set(states).size).toBe(1);
          expect(rows.map((row) => row.status)).toEqual(states);

          const completed = states[0] === 'completed';
          for (const screen of ['a1', 'a2']) {
            const leaving = world.get(screen).db.prepare('SELECT status FROM stay WHERE id = ?').get(stay) as { status: string };
            expect(leaving.status).toBe(completed ? 'discharged' : 'active');
            const cleaning = world.get(screen).db.prepare("SELECT count(*) AS n FROM task WHERE title = 'Rengjør rom 101'").get() as { n: number };
            expect(cleaning.n).toBe(completed ? 1 : 0);
          }
          for (const screen of ['b1', 'b2']) {
            const db = world.get(screen).db;
            const arrived = db.prepare("SELECT id, name, bed FROM stay WHERE unit = 'fjellro' AND status = 'active'").all() as { id: string; name: string | null; bed: string | null }[];
            expect(arrived).toEqual(completed ? [expect.objectContaining({ id: arrivalStayId(id), name: 'Ingrid Haugland' })] : []);
            for (const stayInBed of arrived.filter((s) => s.bed !== null)) {
              expect(db.prepare('SELECT status FROM bed WHERE id = ?').get(stayInBed.bed)).toEqual({ status: 'occupied' });
            }
          }
        } finally {
          world.close();
          dir.remove();
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
