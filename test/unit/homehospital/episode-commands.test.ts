/**
 * The virtual ward (issue 17, point 1): virtual beds V1..VN from a count; admitting to a virtual
 * bed shows day n, the planned end and the next visit; today's round is amber after the unit's
 * amber time and red after its red time (Oslo wall time) until recorded; escalation frees the bed;
 * an episode ends with an outcome; and the board's corridor form carries no name or note.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoardService } from '../../../main/board/board-service.js';
import { dispatchAs } from '../../../main/board/in-process-session.js';
import type { VirtualWardBoard } from '../../../shared/api/commands/homehospital.js';
import type { StaffMember } from '../../../shared/api/commands/ward.js';
import { ploPatientKey } from '../../../main/privacy/pseudonym.js';
import { tempDir } from '../../support/temp-dir.js';
import { syntheticNationalId, wrongCheckDigit } from '../../support/synthetic-national-id.js';

const KARI: StaffMember = { id: 'kari', name: 'Kari Nordmann', role: 'unit-leader' };
const HOUR = 3_600_000;

describe('the virtual ward', () => {
  let dir: ReturnType<typeof tempDir>;
  let board: BoardService;
  // 2026-12-03 08:00 UTC = 09:00 in Oslo.
  let now = Date.UTC(2026, 11, 3, 8, 0, 0);

  const run = (command: string, input: object = {}) => dispatchAs(board, KARI, command, input);
  const value = <T>(command: string, input: object = {}): T => {
    const result = run(command, input);
    if (!result.ok) throw new Error(`${command}: ${result.message}`);
    return result.value as T;
  };
  const ward = () => value<VirtualWardBoard>('episode.board');
  const bed = (label: string) => ward().beds.find((b) => b.label === label);
  const admit = (label: string, extra: object = {}) =>
    value<{ id: string }>('episode.admit', { bed: label, name: 'Ingrid Haugland', initials: 'ih', birthDate: '1951-04-17', plannedEnd: '2026-12-10', ...extra }).id;

  beforeEach(() => {
    dir = tempDir();
    now = Date.UTC(2026, 11, 3, 8, 0, 0);
    board = new BoardService({ dataDir: dir.path, municipality: 'fjordvik', unit: 'hjemmesykehus', now: () => new Date(now) });
    value('unit.configure', { name: 'Hjemmesykehuset', kind: 'home-hospital', beds: [], virtualBeds: 10 });
    value('episode.settings', { amber: '10:00', red: '12:00' });
  });
  afterEach(() => {
    board.close();
    dir.remove();
  });

  it('configures V1..VN from a count, with that capacity', () => {
    expect(ward().beds.map((b) => b.label)).toEqual(['V1', 'V2', 'V3', 'V4', 'V5', 'V6', 'V7', 'V8', 'V9', 'V10']);
    expect(board.state().unit).toMatchObject({ kind: 'home-hospital', capacity: 10 });
    const refused = run('unit.configure', { name: 'Sengepost', kind: 'hospital-ward', beds: [], virtualBeds: 4 });
    expect(refused).toMatchObject({ ok: false, code: 'invalid-input' });
  });

  it('shows day n of the episode, its planned end and the next visit, and the round turning amber then red until recorded', () => {
    const id = admit('V3', { startedAt: '2026-12-01T09:30:00+01:00', nextVisit: { at: '2026-12-03T14:00:00+01:00', by: 'municipality' }, note: 'Får antibiotika iv' });
    expect(bed('V3')?.episode).toMatchObject({ id, initials: 'IH', day: 3, plannedDays: 10, plannedEnd: '2026-12-10', nextVisit: { at: '2026-12-03T13:00:00.000Z', by: 'municipality' }, round: 'not-yet', colour: 'none' });
    expect(JSON.stringify(ward())).not.toMatch(/Ingrid|antibiotika/);
    const { amberAt, redAt } = ward();
    expect([amberAt, redAt]).toEqual(['2026-12-03T09:00:00.000Z', '2026-12-03T11:00:00.000Z']);
    now = Date.parse(amberAt) - 1;
    expect(bed('V3')?.episode?.colour).toBe('none');
    now = Date.parse(amberAt);
    expect(bed('V3')?.episode?.colour).toBe('amber');
    now = Date.parse(redAt);
    expect(bed('V3')?.episode?.colour).toBe('red');
    value('episode.recordRound', { id, mode: 'video', note: 'Feber falt' });
    expect(bed('V3')?.episode).toMatchObject({ round: 'done', colour: 'none', roundMode: 'video' });
    // The next day the round is due again.
    now += 24 * HOUR;
    expect(bed('V3')?.episode).toMatchObject({ day: 4, round: 'not-yet', colour: 'red' });
  });

  it('takes the unit\'s own round times', () => {
    const id = admit('V1', { startedAt: '2026-12-02T09:00:00+01:00' });
    value('episode.settings', { amber: '08:30', red: '09:30' });
    expect(bed('V1')?.episode?.colour).toBe('amber');
    now += HOUR;
    expect(bed('V1')?.episode?.colour).toBe('red');
    expect(run('episode.settings', { amber: '11:00', red: '10:00' })).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(id).toBeTruthy();
  });

  it('escalates back to a ward: the virtual bed is freed and the episode shows as escalated today', () => {
    const id = admit('V2', { startedAt: '2026-12-02T09:00:00+01:00' });
    value('episode.escalate', { id, to: 'Medisinsk sengepost' });
    expect(bed('V2')?.episode).toBeNull();
    expect(ward().leftToday).toEqual([expect.objectContaining({ id, bed: 'V2', round: 'escalated', outcome: 'back-to-ward', escalatedTo: 'Medisinsk sengepost' })]);
    expect(board.state().beds.find((b) => b.label === 'V2')?.status).toBe('free');
    expect(run('episode.recordRound', { id, mode: 'phone' })).toMatchObject({ ok: false, code: 'conflict' });
    // The freed bed takes the next patient.
    expect(admit('V2')).toBeTruthy();
  });

  it('ends an episode with an outcome and frees the bed', () => {
    const id = admit('V5');
    value('episode.end', { id, outcome: 'home-care' });
    expect(bed('V5')?.episode).toBeNull();
    expect(ward().leftToday[0]).toMatchObject({ id, outcome: 'home-care', round: 'done' });
    expect(run('episode.end', { id, outcome: 'died' })).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('refuses bad input with a clear error and writes nothing', () => {
    const before = (board.db.prepare('SELECT count(*) AS n FROM episode').get() as { n: number }).n;
    expect(run('episode.admit', { bed: 'V11', name: 'Ola Hansen', initials: 'OH', birthDate: '1950-01-01', plannedEnd: '2026-12-10' })).toMatchObject({ ok: false, code: 'not-found' });
    expect(run('episode.admit', { bed: 'V1', name: 'Ola Hansen', initials: 'OH', birthDate: '1950-01-01', plannedEnd: '2026-11-01' })).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(run('episode.recordRound', { id: 'nope', mode: 'teleport' })).toMatchObject({ ok: false, code: 'invalid-input' });
    // The start: at most 60 days back (2026-10-04 08:00 UTC is exactly that), not ahead of the clock.
    const ola = { bed: 'V1', name: 'Ola Hansen', initials: 'OH', birthDate: '1950-01-01', plannedEnd: '2026-12-10' };
    expect(run('episode.admit', { ...ola, startedAt: '2026-10-04T07:59:00Z' })).toMatchObject({ ok: false, code: 'invalid-input', params: { reason: 'start-out-of-range' } });
    expect(run('episode.admit', { ...ola, startedAt: '2026-12-03T08:05:00Z' })).toMatchObject({ ok: false, code: 'invalid-input', params: { reason: 'start-out-of-range' } });
    expect(run('episode.admit', { ...ola, plannedEnd: '2026-12-02' })).toMatchObject({ ok: false, params: { reason: 'end-before-start' } });
    admit('V1');
    expect(run('episode.admit', { bed: 'V1', name: 'Ola Hansen', initials: 'OH', birthDate: '1950-01-01', plannedEnd: '2026-12-10' })).toMatchObject({ ok: false, code: 'conflict' });
    expect((board.db.prepare('SELECT count(*) AS n FROM episode').get() as { n: number }).n).toBe(before + 1);
  });

  it('refuses an identity number that is not one, or not the birth date\'s, or not the kind named, storing nothing; takes a right one keyed by its kind', () => {
    const ingrid = { bed: 'V1', name: 'Ingrid Haugland', initials: 'IH', birthDate: '1951-04-17', plannedEnd: '2026-12-10' };
    const fnr = syntheticNationalId('FNR', ingrid.birthDate);
    const dnr = syntheticNationalId('DNR', ingrid.birthDate);
    const count = (table: string) => board.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    const rows = () => ({ episodes: count('episode'), stays: count('stay'), fields: count('field_state') });
    const before = rows();
    const refused: [object, string][] = [
      [{ nationalId: wrongCheckDigit(fnr) }, 'national-id-check-digits'],
      // Taken before the century was read: born 1 January 2038 (00-39 with 500-999), and 1970 with individual number 800 (no century).
      [{ nationalId: '01013850085' }, 'national-id-future'],
      [{ nationalId: '01017080039' }, 'national-id-century'],
      // A right number of another day, and of another century (17 April 1854 is not 1954: taken before, the two-digit year alike).
      [{ nationalId: syntheticNationalId('FNR', '1951-04-18') }, 'national-id-birth-date'],
      [{ birthDate: '1954-04-17', nationalId: syntheticNationalId('FNR', '1854-04-17') }, 'national-id-birth-date'],
      [{ nationalId: dnr, idType: 'FNR' }, 'national-id-kind'],
    ];
    for (const [extra, reason] of refused) expect(run('episode.admit', { ...ingrid, ...extra }), reason).toMatchObject({ ok: false, code: 'invalid-input', params: { reason } });
    expect(run('episode.admit', { ...ingrid, nationalId: '1234567890' })).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(rows()).toEqual(before);
    expect(bed('V1')?.episode).toBeNull();
    // Right: keyed as the hub keys the PLO messages about that number, by the kind the number tells (idType may be left out).
    const first = admit('V1', { nationalId: fnr, idType: 'FNR' });
    const second = admit('V2', { nationalId: dnr });
    const keyOf = (id: string) => board.db.prepare('SELECT patientKey FROM episode WHERE id = ?').pluck().get(id);
    expect([keyOf(first), keyOf(second)]).toEqual([ploPatientKey(board.pseudonyms, 'FNR', fnr), ploPatientKey(board.pseudonyms, 'DNR', dnr)]);
    expect(rows().episodes).toBe((before.episodes as number) + 2);
  });

  it('needs an unlocked screen to admit', () => {
    expect(board.dispatch('episode.admit', { bed: 'V1', name: 'Ola Hansen', initials: 'OH', birthDate: '1950-01-01', plannedEnd: '2026-12-10' })).toMatchObject({ ok: false });
    expect(board.dispatch('episode.board', {})).toMatchObject({ ok: true });
  });
});
