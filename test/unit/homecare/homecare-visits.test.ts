/**
 * Home care's day (issue 15, point 1): visits planned, started and completed on the manual clock,
 * their statuses, the day by route (late first, two-carer marked), recurring plans from templates,
 * and the key box and access notes kept out of the corridor form.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoardService } from '../../../main/board/board-service.js';
import { dispatchAs } from '../../../main/board/in-process-session.js';
import type { HomecareDay, HomecareVisit } from '../../../shared/api/commands/homecare.js';
import type { StaffMember } from '../../../shared/api/commands/ward.js';
import { ManualTime } from '../../support/manual-time.js';
import { tempDir } from '../../support/temp-dir.js';

const KARI: StaffMember = { id: 'kari', name: 'Kari Nordmann', role: 'unit-leader' };
const MIN = 60_000;

describe('home-care visits', () => {
  let dir: ReturnType<typeof tempDir>;
  let board: BoardService;
  // 2026-12-01 08:00 UTC = 09:00 in Oslo, a Tuesday.
  let time: ManualTime;

  const run = (command: string, input: object = {}) => dispatchAs(board, KARI, command, input);
  const value = <T>(command: string, input: object = {}): T => {
    const result = run(command, input);
    if (!result.ok) throw new Error(`${command}: ${result.message}`);
    return result.value as T;
  };
  const id = (command: string, input: object) => value<{ id: string }>(command, input).id;
  const day = (date?: string) => value<HomecareDay>('homecare.day', date ? { date } : {});
  const visit = (visitId: string): HomecareVisit => {
    const found = day().routes.flatMap((route) => route.visits).find((v) => v.id === visitId);
    if (!found) throw new Error(`no visit ${visitId}`);
    return found;
  };
  /** A recurring plan from a template: the first window, then the pattern for `days` days. */
  const series = (stayId: string, template: string, [from, to]: [string, string], pattern: 'daily' | 'weekdays', days: number) =>
    value<{ ids: string[] }>('visit.plan', { stayId, template, from, to, recurrence: { pattern, days } });
  const auditCount = () => (board.db.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n;
  let ola: string;
  let eva: string;

  beforeEach(() => {
    dir = tempDir();
    time = new ManualTime();
    board = new BoardService({ dataDir: dir.path, municipality: 'fjordvik', unit: 'hjemme-nord', now: () => new Date(time.now()) });
    id('unit.configure', { name: 'Hjemmetjenesten nord', kind: 'home-care', beds: [] });
    ola = id('stay.admit', { name: 'Ola Hansen', initials: 'OH', birthDate: '1938-04-12' });
    eva = id('stay.admit', { name: 'Eva Lund', initials: 'EL', birthDate: '1941-09-30' });
  });
  afterEach(() => {
    board.close();
    dir.remove();
  });

  it('moves a visit from planned to due, late, in progress and its outcome as the clock passes its window', async () => {
    const visitId = id('visit.plan', { stayId: ola, from: '2026-12-01T10:00:00+01:00', to: '2026-12-01T11:00:00+01:00', title: 'Morgenstell' });
    expect(visit(visitId)).toMatchObject({ status: 'planned', late: false, initials: 'OH', from: '2026-12-01T09:00:00.000Z', to: '2026-12-01T10:00:00.000Z' });
    await time.advance(60 * MIN); // 10:00 Oslo: the window opens
    expect(visit(visitId).status).toBe('due');
    await time.advance(60 * MIN + 1); // just past 11:00 Oslo: not started by the end of its window
    expect(visit(visitId)).toMatchObject({ status: 'late', late: true });
    id('visit.start', { id: visitId });
    expect(visit(visitId)).toMatchObject({ status: 'in-progress', late: true });
    id('visit.complete', { id: visitId, outcome: 'done', note: 'Gikk fint' });
    expect(visit(visitId)).toMatchObject({ status: 'done', late: true });
    const row = board.db.prepare('SELECT startedBy, completedBy, note FROM visit WHERE id = ?').get(visitId);
    expect(row).toEqual({ startedBy: 'Kari Nordmann', completedBy: 'Kari Nordmann', note: 'Gikk fint' });
  });

  it('records each outcome, and refuses a second completion or start without writing', () => {
    const outcomes = ['not-home', 'refused', 'cancelled'] as const;
    for (const outcome of outcomes) {
      const visitId = id('visit.plan', { stayId: eva, from: '2026-12-01T12:00:00+01:00', to: '2026-12-01T13:00:00+01:00', title: 'Tilsyn' });
      id('visit.complete', { id: visitId, outcome });
      expect(visit(visitId).status).toBe(outcome);
      const before = auditCount();
      expect(run('visit.complete', { id: visitId, outcome: 'done' })).toMatchObject({ ok: false, code: 'conflict', params: { reason: 'visit-completed', outcome } });
      expect(run('visit.start', { id: visitId })).toMatchObject({ ok: false, code: 'conflict', params: { reason: 'visit-completed' } });
      expect(auditCount()).toBe(before);
      expect(visit(visitId).status).toBe(outcome);
    }
    const started = id('visit.plan', { stayId: eva, from: '2026-12-01T09:00:00+01:00', to: '2026-12-01T10:00:00+01:00', title: 'Tilsyn' });
    id('visit.start', { id: started });
    expect(run('visit.start', { id: started })).toMatchObject({ ok: false, code: 'conflict', params: { reason: 'visit-started' } });
  });

  it('refuses bad plans with a clear reason and writes nothing', () => {
    const before = auditCount();
    const window = { from: '2026-12-01T10:00:00+01:00', to: '2026-12-01T11:00:00+01:00' };
    expect(run('visit.plan', { stayId: 'nobody', ...window, title: 'X' })).toMatchObject({ ok: false, code: 'not-found', params: { reason: 'stay-unknown' } });
    expect(run('visit.plan', { stayId: ola, from: window.to, to: window.from, title: 'X' })).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(run('visit.plan', { stayId: ola, ...window })).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(run('visit.plan', { stayId: ola, from: '2026-12-01 10:00', to: window.to, title: 'X' })).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(run('visit.plan', { stayId: ola, ...window, template: 'no-such' })).toMatchObject({ ok: false, code: 'not-found', params: { reason: 'template-unknown' } });
    expect(run('visit.plan', { stayId: ola, ...window, title: 'X', staffCount: 3 })).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(run('visit.complete', { id: 'nope', outcome: 'done' })).toMatchObject({ ok: false, code: 'not-found', params: { reason: 'visit-unknown' } });
    expect(run('visit.complete', { id: 'nope', outcome: 'gone' })).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(auditCount()).toBe(before);
    expect(day().routes).toEqual([]);
  });

  it('records a visit reported done without a start as started when reported: after its window, late', async () => {
    const visitId = id('visit.plan', { stayId: eva, from: '2026-12-01T09:00:00+01:00', to: '2026-12-01T09:30:00+01:00', title: 'Tilsyn' });
    await time.advance(45 * MIN); // 09:45 Oslo
    id('visit.complete', { id: visitId, outcome: 'done' });
    expect(visit(visitId)).toMatchObject({ status: 'done', late: true, startedAt: '2026-12-01T08:45:00.000Z', completedAt: '2026-12-01T08:45:00.000Z' });
  });

  it('plans a window already past, for catching up, and shows it late', () => {
    const visitId = id('visit.plan', { stayId: ola, from: '2026-12-01T07:00:00+01:00', to: '2026-12-01T08:00:00+01:00', title: 'Insulin' });
    expect(visit(visitId)).toMatchObject({ status: 'late', late: true });
  });

  it('refuses visits on a unit that is not home care', () => {
    const other = new BoardService({ dataDir: `${dir.path}/ward`, municipality: 'fjordvik', unit: 'solsiden', now: () => new Date(time.now()) });
    dispatchAs(other, KARI, 'unit.configure', { name: 'Solsiden', kind: 'nursing-home', beds: [{ label: '101' }] });
    const stay = dispatchAs(other, KARI, 'stay.admit', { bed: '101', name: 'Per Berg', initials: 'PB', birthDate: '1940-01-01' });
    const stayId = stay.ok ? (stay.value as { id: string }).id : '';
    expect(dispatchAs(other, KARI, 'visit.plan', { stayId, from: '2026-12-01T10:00:00+01:00', to: '2026-12-01T11:00:00+01:00', title: 'X' })).toMatchObject({
      ok: false,
      code: 'conflict',
      params: { reason: 'not-home-care' },
    });
    other.close();
  });

  it('shows the day as routes in order, late ones first, two-carer visits marked, unrouted last', () => {
    const plan = (stayId: string, from: string, to: string, extra: object) => id('visit.plan', { stayId, from: `2026-12-01T${from}:00+01:00`, to: `2026-12-01T${to}:00+01:00`, title: 'Besøk', ...extra });
    const a3 = plan(ola, '12:00', '13:00', { route: 'Rute 1', order: 3 });
    const a1 = plan(eva, '10:00', '11:00', { route: 'Rute 1', order: 1 });
    const aLate = plan(ola, '07:00', '08:30', { route: 'Rute 1', order: 2 });
    const b1 = plan(eva, '21:00', '22:00', { route: 'Rute 2', order: 1, staffCount: 2 });
    const loose = plan(ola, '15:00', '16:00', {});
    const routes = day().routes;
    expect(routes.map((r) => [r.route, r.visits.map((v) => v.id)])).toEqual([
      ['Rute 1', [aLate, a1, a3]],
      ['Rute 2', [b1]],
      [null, [loose]],
    ]);
    expect(routes[1].visits[0].staffCount).toBe(2);
    expect(routes[0].visits[1].staffCount).toBe(1);
    // Reassigned to another route and place, it moves there.
    id('visit.assign', { id: a3, route: 'Rute 2', order: 0, staff: 'Per Pleier' });
    const after = day().routes;
    expect(after[1].visits.map((v) => v.id)).toEqual([a3, b1]);
    expect(after[1].visits[0].staff).toBe('Per Pleier');
    expect(run('visit.assign', { id: a3 })).toMatchObject({ ok: false, code: 'invalid-input' });
  });

  it('makes recurring visits from a template for the coming days at the same Oslo time, across the spring clock change', () => {
    time = new ManualTime(Date.parse('2027-03-25T12:00:00Z'));
    const plan = series(ola, 'morning-medicines', ['2027-03-26T08:00:00+01:00', '2027-03-26T09:00:00+01:00'], 'daily', 4);
    expect(plan.ids).toHaveLength(4);
    const rows = board.db.prepare('SELECT windowStart, windowEnd, template, title, series, staffCount FROM visit ORDER BY windowStart').all() as Record<string, unknown>[];
    // 08:00 in Oslo each day: UTC+1 before Sunday 28 March, UTC+2 from it.
    expect(rows.map((r) => r.windowStart)).toEqual(['2027-03-26T07:00:00.000Z', '2027-03-27T07:00:00.000Z', '2027-03-28T06:00:00.000Z', '2027-03-29T06:00:00.000Z']);
    expect(rows.map((r) => r.windowEnd)[3]).toBe('2027-03-29T07:00:00.000Z');
    expect(new Set(rows.map((r) => r.series)).size).toBe(1);
    expect(rows[0]).toMatchObject({ template: 'morning-medicines', title: null, staffCount: 1 });
    expect(day('2027-03-28').routes[0].visits).toHaveLength(1);
  });

  it('makes weekday visits Monday to Friday only, and an evening template for two carers', () => {
    // Friday 4 December 2026, for five days: Friday, Monday, Tuesday.
    const plan = series(eva, 'evening-two-carers', ['2026-12-04T21:00:00+01:00', '2026-12-04T22:00:00+01:00'], 'weekdays', 5);
    expect(plan.ids).toHaveLength(3);
    const days = (board.db.prepare('SELECT windowStart, staffCount FROM visit ORDER BY windowStart').all() as { windowStart: string; staffCount: number }[]);
    expect(days.map((d) => d.windowStart.slice(0, 10))).toEqual(['2026-12-04', '2026-12-07', '2026-12-08']);
    expect(days.every((d) => d.staffCount === 2)).toBe(true);
    expect(run('visit.plan', { stayId: eva, template: 'lunch', from: '2026-12-04T11:30:00+01:00', to: '2026-12-04T12:30:00+01:00', recurrence: { pattern: 'daily', days: 29 } })).toMatchObject({ ok: false, code: 'invalid-input' });
  });

  it('keeps the key box and access notes out of the corridor form, and reveals them per patient to a session, audited', () => {
    id('homecare.setAccess', { stayId: ola, keyBox: '4711', accessNote: 'Bakdøra, hund i gangen' });
    id('visit.plan', { stayId: ola, from: '2026-12-01T10:00:00+01:00', to: '2026-12-01T11:00:00+01:00', title: 'Tilsyn' });
    const corridor = [
      board.dispatch('unit.state', {}),
      board.dispatch('ward.state', {}),
      board.dispatch('homecare.day', {}),
      board.stateSnapshot(),
    ];
    for (const answer of corridor) {
      const text = JSON.stringify(answer);
      expect(text).not.toContain('4711');
      expect(text).not.toContain('Bakdøra');
    }
    expect(JSON.stringify(board.dispatch('homecare.day', {}))).toContain('"initials":"OH"');
    // Without a session: refused, and nothing read.
    expect(board.dispatch('homecare.access', { stayId: ola })).toMatchObject({ ok: false, code: 'unauthorized' });
    const before = board.db.prepare("SELECT count(*) AS n FROM audit WHERE action = 'homecare.access'").get() as { n: number };
    expect(value('homecare.access', { stayId: ola })).toEqual({ stayId: ola, keyBox: '4711', accessNote: 'Bakdøra, hund i gangen' });
    expect(value('homecare.access', { stayId: eva })).toEqual({ stayId: eva, keyBox: null, accessNote: null });
    const entries = board.db.prepare("SELECT actor, record FROM audit WHERE action = 'homecare.access' ORDER BY seq").all();
    expect(entries.length - before.n).toBe(2);
    expect(entries.at(-2)).toEqual({ actor: 'Kari Nordmann', record: ola });
    // Cleared with an empty text.
    id('homecare.setAccess', { stayId: ola, keyBox: '' });
    expect(value('homecare.access', { stayId: ola })).toMatchObject({ keyBox: null, accessNote: 'Bakdøra, hund i gangen' });
  });

  it('counts the capacity tab in home care: patients, visits planned and done, hours planned vs staff present', () => {
    const plan = (from: string, to: string, extra: object = {}) => id('visit.plan', { stayId: ola, from: `2026-12-01T${from}:00+01:00`, to: `2026-12-01T${to}:00+01:00`, title: 'Besøk', ...extra });
    const done = plan('08:00', '09:00');
    plan('12:00', '12:30', { staffCount: 2 });
    const off = plan('14:00', '16:00');
    plan('07:00', '08:00'); // late by 09:00
    id('visit.complete', { id: done, outcome: 'done' });
    id('visit.complete', { id: off, outcome: 'cancelled' });
    id('staffing.set', { date: '2026-12-01', shift: 'day', present: 4 });
    id('staffing.set', { date: '2026-12-01', shift: 'evening', present: 2 });
    // Hours: 1 + 0.5×2 + 1 (the cancelled 2 h left out) = 3.
    expect(day().capacity).toEqual({ patients: 2, visitsPlanned: 4, visitsDone: 1, visitsNotDone: 1, visitsLate: 1, hoursPlanned: 3, staffPresent: 6 });
  });
});
