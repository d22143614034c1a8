import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { PathwayView } from '../../../shared/api/commands/pathway.js';
import { openTestBoard, seedWard, type TestBoard } from '../../support/ward-board.js';
import { tempDir } from '../../support/temp-dir.js';

const boards: TestBoard[] = [];
afterEach(() => {
  while (boards.length > 0) boards.pop()!.close();
});

/** A nursing home with Ingrid admitted (her long-term pathway started by the admission) at 2026-11-23 10:00 Oslo. */
function nursingHome(dir = tempDir('tavla-pathway-')) {
  const board = openTestBoard('2026-11-23T09:00:00Z', dir);
  boards.push(board);
  const ward = seedWard(board);
  return { board, ward };
}

const pathwaysOf = (board: TestBoard, stayId: string, session?: object): PathwayView[] => board.value('pathway.list', { stayId, ...(session ? { session } : {}) });

describe('pathway templates', () => {
  it('offers the shipped examples for the unit kind, then the unit leader’s own', () => {
    const { board } = nursingHome();
    expect(board.value('pathway.templates', {}).map((t) => t.id)).toEqual(['ex-nutrition-long-term']);
    const own = board.edit('pathway.saveTemplate', {
      name: 'Innkomst langtidsplass',
      trigger: 'manual',
      steps: [
        { title: 'Innkomstsamtale med pårørende', offset: 'P3D', days: 'working', role: 'nurse', completes: 'tap' },
        { title: 'Tannhelsevurdering', offset: 'P4W', days: 'calendar', role: 'nurse', completes: 'task', completesWith: 'dental-assessment' },
      ],
    }).id;
    const templates = board.value('pathway.templates', {});
    expect(templates.map((t) => [t.name, t.origin, t.steps.length])).toEqual([
      ['Ernæring, langtidsplass', 'example', 2],
      ['Innkomst langtidsplass', 'unit', 2],
    ]);
    // Editing keeps the step that is kept (its id), removes the one left out.
    const kept = templates[1].steps[0];
    board.edit('pathway.saveTemplate', { id: own, name: 'Innkomst', trigger: 'manual', steps: [{ id: kept.id, title: 'Innkomstsamtale', offset: 'P2D', days: 'working', role: 'nurse', completes: 'tap' }] });
    const edited = board.value('pathway.templates', {})[1];
    expect(edited.steps.map((s) => [s.id, s.title, s.offset])).toEqual([[kept.id, 'Innkomstsamtale', 'P2D']]);
  });

  it('refuses an unknown recorded-work code, an example edit, a bad offset, and a template edit without the unit leader', () => {
    const { board, ward } = nursingHome();
    const step = { title: 'X', offset: 'P1D', days: 'calendar', role: 'nurse', completes: 'iplos', completesWith: 'poFinnesIkke' };
    const unknown = board.run('pathway.saveTemplate', { session: ward.leaderSession, name: 'X', trigger: 'manual', steps: [step] });
    expect(unknown).toMatchObject({ ok: false, code: 'invalid-input', params: { reason: 'pathway-work-unknown', code: 'poFinnesIkke' } });
    const example = board.run('pathway.saveTemplate', { session: ward.leaderSession, id: 'ex-nutrition-long-term', name: 'X', trigger: 'manual', steps: [{ ...step, completes: 'tap', completesWith: undefined }] });
    expect(example).toMatchObject({ ok: false, params: { reason: 'pathway-example' } });
    expect(board.run('pathway.saveTemplate', { session: ward.leaderSession, name: 'X', trigger: 'manual', steps: [{ ...step, offset: 'PT4H' }] })).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(board.run('pathway.removeTemplate', { session: ward.leaderSession, id: 'ex-nutrition-long-term' })).toMatchObject({ ok: false, params: { reason: 'pathway-example' } });
    const nurse = { token: board.value('session.unlock', { staffId: ward.nurse, pin: '1357', screen: 'n' }).token, screen: 'n' };
    expect(board.run('pathway.saveTemplate', { session: nurse, name: 'X', trigger: 'manual', steps: [{ ...step, completes: 'tap', completesWith: undefined }] })).toMatchObject({ ok: false, params: { reason: 'role-required' } });
  });
});

describe('a pathway under way', () => {
  it('an admission starts the unit’s admission pathway, with each deadline in Oslo time', () => {
    const { board, ward } = nursingHome();
    const [pathway] = pathwaysOf(board, ward.ingrid);
    expect(pathway.template).toBe('ex-nutrition-long-term');
    expect(pathway.trigger).toBe('admission');
    expect(pathway.startedAt).toBe('2026-11-23T09:00:00.000Z');
    expect(pathway.steps.map((s) => [s.id, s.due, s.state])).toEqual([
      ['screening', '2026-11-30T09:00:00.000Z', 'planned'],
      ['medication-review', '2026-12-21T09:00:00.000Z', 'planned'],
    ]);
    expect(pathway.next?.id).toBe('screening');
    // A second start of the same pathway for her is refused.
    expect(board.run('pathway.start', { session: ward.leaderSession, stayId: ward.ingrid, template: 'ex-nutrition-long-term' })).toMatchObject({ ok: false, params: { reason: 'pathway-running' } });
  });

  it('moves a step from planned to due soon (24 h before) to overdue as time passes, without a write', () => {
    const { board, ward } = nursingHome();
    const state = () => pathwaysOf(board, ward.ingrid)[0].steps[0].state;
    board.clock.now = new Date('2026-11-29T08:59:59Z');
    expect(state()).toBe('planned');
    board.clock.now = new Date('2026-11-29T09:00:00Z');
    expect(state()).toBe('due-soon');
    board.clock.now = new Date('2026-11-30T09:00:01Z');
    expect(state()).toBe('overdue');
  });

  it('closes a step by recorded work: a done task of its IPLOS measure on the patient, after the start', () => {
    const { board, ward } = nursingHome();
    board.clock.now = new Date('2026-11-25T12:00:00Z');
    const task = board.edit('task.fromTemplate', { template: 'nutrition-screening', stayId: ward.ingrid }).id;
    expect(pathwaysOf(board, ward.ingrid)[0].steps[0].state).toBe('planned');
    board.edit('task.complete', { id: task });
    const [step] = pathwaysOf(board, ward.ingrid)[0].steps;
    expect(step).toMatchObject({ state: 'done', byRecordedWork: true, doneAt: '2026-11-25T12:00:00.000Z', doneBy: 'Liv Leder' });
    expect(pathwaysOf(board, ward.ingrid)[0].next?.id).toBe('medication-review');
  });

  it('records a tap done (once: the first time stands) and a skip with its reason, shown to an unlocked screen only', () => {
    const { board, ward } = nursingHome();
    const [pathway] = pathwaysOf(board, ward.ingrid);
    board.clock.now = new Date('2026-11-24T08:00:00Z');
    board.edit('pathway.completeStep', { pathwayId: pathway.id, stepId: 'screening' });
    board.clock.now = new Date('2026-11-24T09:00:00Z');
    board.edit('pathway.completeStep', { pathwayId: pathway.id, stepId: 'screening' });
    board.edit('pathway.skipStep', { pathwayId: pathway.id, stepId: 'medication-review', reason: 'Gjennomgått på sykehuset 20.11.' });
    const locked = pathwaysOf(board, ward.ingrid)[0].steps;
    expect(locked.map((s) => [s.state, s.doneAt, s.skipReason])).toEqual([
      ['done', '2026-11-24T08:00:00.000Z', null],
      ['not-applicable', null, null],
    ]);
    const leader = { token: board.value('session.unlock', { staffId: ward.leader, pin: '2468', screen: 'l' }).token, screen: 'l' };
    expect(pathwaysOf(board, ward.ingrid, leader)[0].steps[1]).toMatchObject({ skipReason: 'Gjennomgått på sykehuset 20.11.', skippedBy: 'Liv Leder' });
    expect(pathwaysOf(board, ward.ingrid)[0].next).toBeNull();
    expect(board.audit().filter((line) => line.action.startsWith('pathway.')).map((line) => [line.action, line.detail])).toEqual([
      ['pathway.completeStep', 'screening'],
      ['pathway.skipStep', 'medication-review'],
    ]);
  });

  it('refuses a step that is not in the pathway, an unknown pathway and a start without a session', () => {
    const { board, ward } = nursingHome();
    const [pathway] = pathwaysOf(board, ward.ingrid);
    expect(board.run('pathway.completeStep', { session: ward.leaderSession, pathwayId: pathway.id, stepId: 'nope' })).toMatchObject({ ok: false, params: { reason: 'pathway-step-unknown' } });
    expect(board.run('pathway.completeStep', { session: ward.leaderSession, pathwayId: 'nope', stepId: 'screening' })).toMatchObject({ ok: false, params: { reason: 'pathway-unknown' } });
    expect(board.run('pathway.start', { stayId: ward.ingrid, template: 'ex-nutrition-long-term' })).toMatchObject({ ok: false, code: 'unauthorized' });
  });

  it("gives the overview each patient's earliest open step, in ward.state and again with the tasks a tap touched", () => {
    const { board, ward } = nursingHome();
    const hers = (steps: { stayId: string }[]) => steps.filter((step) => step.stayId === ward.ingrid);
    const others = (steps: { stayId: string }[]) => steps.filter((step) => step.stayId !== ward.ingrid);
    const before = board.value('ward.state', {}).pathwaySteps;
    expect(hers(before)).toEqual([{ stayId: ward.ingrid, title: 'Ernæringskartlegging', due: '2026-11-30T09:00:00.000Z', state: 'planned' }]);
    expect(others(before).length).toBeGreaterThan(0); // the other patients' admission pathways
    // A second pathway whose first step falls earlier is the one her card chips.
    const own = board.edit('pathway.saveTemplate', { name: 'Etter fall', trigger: 'manual', steps: [{ title: 'Fallrisikovurdering', offset: 'P1D', days: 'calendar', role: 'nurse', completes: 'tap' }] }).id;
    board.edit('pathway.start', { stayId: ward.ingrid, template: own, startedAt: '2026-11-21T09:00:00.000Z' });
    expect(hers(board.value('ward.state', {}).pathwaySteps)).toEqual([{ stayId: ward.ingrid, title: 'Fallrisikovurdering', due: '2026-11-22T09:00:00.000Z', state: 'overdue' }]);
    // Done by a tap; then a done task closes the screening by recorded work: ward.tasks answers the steps as they now are.
    const fall = pathwaysOf(board, ward.ingrid).find((p) => p.template === own)!;
    board.edit('pathway.completeStep', { pathwayId: fall.id, stepId: fall.steps[0].id });
    const task = board.edit('task.fromTemplate', { template: 'nutrition-screening', stayId: ward.ingrid }).id;
    board.edit('task.complete', { id: task });
    const afterTap = board.value('ward.tasks', { ids: [task] }).pathwaySteps ?? [];
    expect(afterTap.length).toBeGreaterThan(0); // a task with a template code: the steps come with it
    expect(hers(afterTap)).toEqual([{ stayId: ward.ingrid, title: expect.any(String), due: '2026-12-21T09:00:00.000Z', state: 'planned' }]);
    expect(others(afterTap)).toEqual(others(before));
    // A task without a template code closes no step: its tap reads no steps (the screen keeps those it holds).
    const plain = board.edit('task.create', { title: 'Stell', stayId: ward.ingrid }).id;
    board.edit('task.complete', { id: plain });
    expect(board.value('ward.tasks', { ids: [plain] }).pathwaySteps).toBeUndefined();
    // No open step left: her card has none, the other patients' stay as they were.
    board.edit('pathway.skipStep', { pathwayId: pathwaysOf(board, ward.ingrid).find((p) => p.template !== own)!.id, stepId: 'medication-review', reason: 'Gjort på sykehuset' });
    const none = board.value('ward.state', {}).pathwaySteps;
    expect(hers(none)).toEqual([]);
    expect(others(none)).toEqual(others(before));
  });

  it('survives a restart (ordinary synced records)', () => {
    const { board, ward } = nursingHome();
    const [pathway] = pathwaysOf(board, ward.ingrid);
    board.edit('pathway.completeStep', { pathwayId: pathway.id, stepId: 'screening' });
    board.restart();
    expect(pathwaysOf(board, ward.ingrid)[0].steps[0].state).toBe('done');
  });
});

describe('two offline boards', () => {
  it('a done on one and a not-applicable on the other merge to done on both, in any order of delivery', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.integer({ min: 0, max: 3_600_000 }), (aFirst, doneLater, gap) => {
        const { board: a, ward } = nursingHome();
        const b = openTestBoard('2026-11-23T09:00:00Z', tempDir('tavla-pathway-b-'));
        boards.push(b);
        b.service.store.applyRemote(a.service.store.unsent(100_000).map((s) => s.change), 'solsiden');
        b.value('staff.set', { name: 'Berit Board B', role: 'unit-leader', pin: '1111' });
        const [pathway] = pathwaysOf(b, ward.ingrid);
        const sentA = a.service.store.unsent(100_000).length;
        const sentB = b.service.store.unsent(100_000).length;
        // Offline: A records the step done, B records it not applicable, in either order of time.
        a.clock.now = new Date(Date.parse('2026-11-24T08:00:00Z') + (doneLater ? gap : 0));
        b.clock.now = new Date(Date.parse('2026-11-24T08:00:00Z') + (doneLater ? 0 : gap));
        a.edit('pathway.completeStep', { pathwayId: pathway.id, stepId: 'screening' });
        b.edit('pathway.skipStep', { pathwayId: pathway.id, stepId: 'screening', reason: 'Ikke aktuelt' });
        const fromA = a.service.store.unsent(100_000).slice(sentA).map((s) => s.change);
        const fromB = b.service.store.unsent(100_000).slice(sentB).map((s) => s.change);
        // Back online: each receives the other's, in the order the property picks.
        if (aFirst) {
          b.service.store.applyRemote(fromA, 'solsiden');
          a.service.store.applyRemote(fromB, 'solsiden');
        } else {
          a.service.store.applyRemote(fromB, 'solsiden');
          b.service.store.applyRemote(fromA, 'solsiden');
        }
        const onA = pathwaysOf(a, ward.ingrid)[0].steps[0];
        const onB = pathwaysOf(b, ward.ingrid)[0].steps[0];
        expect(onA.state).toBe('done');
        expect(onB).toEqual(onA);
        a.close();
        b.close();
        boards.length = 0;
      }),
      { numRuns: 4 },
    );
  });
});
