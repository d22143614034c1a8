/**
 * Accountable transfers (issue 13, point 6): every step needs an unlocked session and records who
 * took it, in the audit log and on the transfer (so the other unit knows whom to phone); the
 * receiving board gets the care level, the two-carer need, the risk flags and the sender's short
 * summary, the summary only on an unlocked screen.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchAs } from '../../../main/board/in-process-session.js';
import type { FlowState, TransferView } from '../../../shared/api/commands/flow.js';
import type { AuditLine, StaffMember } from '../../../shared/api/commands/ward.js';
import { personalFields } from '../../../shared/domain/schema.js';
import { tempDir } from '../../support/temp-dir.js';
import { FlowWorld } from '../../support/flow-world.js';

const LIV: StaffMember = { id: 'liv', name: 'Liv Leder', role: 'nurse' };
const ARNE: StaffMember = { id: 'arne', name: 'Arne Avdeling', role: 'nurse' };

describe('accountable transfers', () => {
  let dir: ReturnType<typeof tempDir>;
  let world: FlowWorld;
  let stay: string;

  /** A command on a board with no session at all: a locked screen. */
  const locked = (name: string, command: string, input: object) => world.get(name).dispatch(command, input);
  const as = (name: string, staff: StaffMember, command: string, input: object) => dispatchAs(world.get(name), staff, command, input);
  const transferOn = (state: FlowState, id: string): TransferView => {
    const found = state.transfers.find((t) => t.id === id);
    if (!found) throw new Error(`transfer ${id} not there`);
    return found;
  };
  const lockedFlow = (name: string) => {
    const result = locked(name, 'flow.state', {});
    if (!result.ok) throw new Error(result.message);
    return result.value as FlowState;
  };
  const audit = (name: string) => (world.run(name, 'audit.list', {}) as { ok: true; value: AuditLine[] }).value;

  beforeEach(() => {
    dir = tempDir('tavla-flow-acc-');
    world = new FlowWorld(dir.path);
    world.add('a', 'solsiden');
    world.add('b', 'fjellro');
    world.id('a', 'unit.configure', { name: 'Solsiden sykehjem', kind: 'nursing-home', beds: [{ label: '101' }, { label: '102' }] });
    world.id('b', 'unit.configure', { name: 'Fjellro korttid', kind: 'short-term', beds: [{ label: '201' }, { label: '202' }] });
    stay = world.id('a', 'stay.admit', { bed: '101', name: 'Ingrid Haugland', initials: 'IH', birthDate: '1938-04-17', flags: { fall: true, twoCarers: true }, adl: 4 });
    world.relay();
  });
  afterEach(() => {
    world.close();
    dir.remove();
  });

  it('refuses request, accept, decline, complete and cancel on a locked screen with a clear code, and writes nothing', () => {
    expect(locked('a', 'transfer.request', { stayId: stay, toUnit: 'fjellro' })).toMatchObject({ ok: false, code: 'unauthorized', params: { reason: 'screen-locked' } });
    const id = as('a', ARNE, 'transfer.request', { stayId: stay, toUnit: 'fjellro' });
    expect(id.ok).toBe(true);
    const transfer = (id as { value: { id: string } }).value.id;
    world.relay();
    const before = world.get('b').store.db.prepare('SELECT COUNT(*) AS n FROM change_log').get();
    for (const [command, input] of [
      ['transfer.accept', { id: transfer, bed: '201' }],
      ['transfer.decline', { id: transfer, reason: 'no-bed' }],
      ['transfer.schedule', { id: transfer, scheduledFor: '2026-11-24T10:00:00+01:00', bed: '201' }],
    ] as const) {
      expect(locked('b', command, input), command).toMatchObject({ ok: false, code: 'unauthorized', params: { reason: 'screen-locked' } });
    }
    expect(world.get('b').store.db.prepare('SELECT COUNT(*) AS n FROM change_log').get()).toEqual(before);
    expect(transferOn(lockedFlow('b'), transfer)).toMatchObject({ state: 'requested', by: { accepted: null, declined: null } });

    world.id('b', 'transfer.accept', { id: transfer, bed: '201' });
    world.relay();
    expect(locked('b', 'transfer.complete', { id: transfer })).toMatchObject({ ok: false, code: 'unauthorized', params: { reason: 'screen-locked' } });
    expect(locked('a', 'transfer.complete', { id: transfer })).toMatchObject({ ok: false, code: 'unauthorized', params: { reason: 'screen-locked' } });
    expect(locked('a', 'transfer.cancel', { id: transfer })).toMatchObject({ ok: false, code: 'unauthorized', params: { reason: 'screen-locked' } });
    expect(transferOn(lockedFlow('a'), transfer).state).toBe('accepted');
  });

  it('records who requested, accepted and received the patient: in each unit\'s audit log and on the transfer both units see', () => {
    const request = as('a', ARNE, 'transfer.request', { stayId: stay, toUnit: 'fjellro' }) as { ok: true; value: { id: string } };
    const id = request.value.id;
    world.relay();
    expect(as('b', LIV, 'transfer.accept', { id, bed: '202' })).toMatchObject({ ok: true });
    world.relay();
    // The sending board sees who at the receiving unit accepted (whom to phone), without a session.
    expect(transferOn(lockedFlow('a'), id)).toMatchObject({ state: 'accepted', by: { requested: 'Arne Avdeling', accepted: 'Liv Leder', completed: null } });
    expect(as('b', LIV, 'transfer.complete', { id })).toMatchObject({ ok: true });
    world.relay();
    expect(transferOn(lockedFlow('a'), id)).toMatchObject({ state: 'completed', by: { requested: 'Arne Avdeling', accepted: 'Liv Leder', completed: 'Liv Leder' } });

    const stepsOf = (lines: AuditLine[]) => lines.filter((line) => line.record === id && line.action.startsWith('transfer.')).map((line) => [line.action, line.actor]);
    expect(stepsOf(audit('b')).sort()).toEqual([
      ['transfer.accept', 'Liv Leder'],
      ['transfer.complete', 'Liv Leder'],
    ]);
    expect(stepsOf(audit('a'))).toEqual([['transfer.request', 'Arne Avdeling']]);
  });

  it('records who declined, and who cancelled', () => {
    const first = (as('a', ARNE, 'transfer.request', { stayId: stay, toUnit: 'fjellro' }) as { ok: true; value: { id: string } }).value.id;
    world.relay();
    expect(as('b', LIV, 'transfer.decline', { id: first, reason: 'care-level' })).toMatchObject({ ok: true });
    world.relay();
    expect(transferOn(lockedFlow('a'), first)).toMatchObject({ state: 'declined', declineReason: 'care-level', by: { declined: 'Liv Leder' } });
    const second = (as('a', ARNE, 'transfer.request', { stayId: stay, toUnit: 'fjellro' }) as { ok: true; value: { id: string } }).value.id;
    expect(as('a', ARNE, 'transfer.cancel', { id: second })).toMatchObject({ ok: true });
    world.relay();
    expect(transferOn(lockedFlow('b'), second)).toMatchObject({ state: 'cancelled', by: { requested: 'Arne Avdeling', cancelled: 'Arne Avdeling' } });
  });

  it('gives the receiving board the care level, the two-carer need, the risk flags, and the summary only to an unlocked screen', () => {
    const summary = 'Falt hjemme i oktober, trenger rullator. Diabetes type 2, insulin morgen og kveld.';
    const id = world.id('a', 'transfer.request', { stayId: stay, toUnit: 'fjellro', summary });
    world.relay();
    const lockedView = transferOn(lockedFlow('b'), id);
    expect(lockedView).toMatchObject({ initials: 'IH', adl: 4, flags: ['fall', 'twoCarers'], hasSummary: true, summary: null });
    // A locked screen's state holds no word of the summary.
    expect(JSON.stringify(lockedFlow('b'))).not.toContain('rullator');
    expect(transferOn(world.flow('b'), id)).toMatchObject({ hasSummary: true, summary });
    // The summary is personal data, marked so in the schema (never in the leader view, purged as names are).
    expect(personalFields()).toContainEqual({ collection: 'transfer', field: 'summary' });
  });

  it('keeps the new-request sound off until a unit leader turns it on for this screen', () => {
    expect(locked('b', 'ward.settings', {})).toMatchObject({ ok: true, value: { transferChime: 0 } });
    expect(as('b', LIV, 'ward.configure', { transferChime: 1 })).toMatchObject({ ok: false, code: 'unauthorized', params: { reason: 'role-required' } });
    expect(world.run('b', 'ward.configure', { transferChime: 2 })).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(world.run('b', 'ward.configure', { transferChime: 1 })).toMatchObject({ ok: true, value: { transferChime: 1 } });
    expect(locked('b', 'ward.settings', {})).toMatchObject({ ok: true, value: { transferChime: 1 } });
  });

  it('lets the sender give the care level and flags a hospital patient has none of, and refuses a summary too long or unsafe', () => {
    world.id('a', 'stay.plan', { stayId: stay, adl: null });
    const tooLong = world.run('a', 'transfer.request', { stayId: stay, toUnit: 'fjellro', summary: 'x'.repeat(501) });
    expect(tooLong).toMatchObject({ ok: false, code: 'invalid-input' });
    const unsafe = world.run('a', 'transfer.request', { stayId: stay, toUnit: 'fjellro', summary: 'ok\u202Eevil' });
    expect(unsafe).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(world.run('a', 'transfer.request', { stayId: stay, toUnit: 'fjellro', flags: ['flying'] })).toMatchObject({ ok: false, code: 'invalid-input' });
    const id = world.id('a', 'transfer.request', { stayId: stay, toUnit: 'fjellro', adl: 2, flags: ['twoCarers', 'allergy'] });
    world.relay();
    expect(transferOn(lockedFlow('b'), id)).toMatchObject({ adl: 2, flags: ['allergy', 'twoCarers'], hasSummary: false, summary: null });
  });
});
