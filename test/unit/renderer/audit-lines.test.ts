/** The access log's details read as facts for staff words: ids and machine text never pass through. */

import { describe, expect, it } from 'vitest';
import { auditDetail } from '../../../renderer/src/state/audit-lines.js';

describe('an access-log detail as facts', () => {
  it('keeps the role of an unlock and the reason of a lock, and drops the screen id', () => {
    expect(auditDetail('session.unlock', 'nurse, screen scr-3f2a9c1e-77aa-4c2b-9d1e-0a1b2c3d4e5f')).toEqual({ kind: 'role', role: 'nurse' });
    expect(auditDetail('session.lock', 'idle, screen scr-3f2a9c1e')).toEqual({ kind: 'lock', idle: true });
    expect(auditDetail('session.expired', 'screen scr-3f2a9c1e')).toBeNull();
    expect(auditDetail('session.unlock-failed', 'screen scr-3f2a9c1e')).toBeNull();
  });

  it('reads the reveals: a shielded patient, and the staff-room overview with its count', () => {
    expect(auditDetail('stay.reveal', null)).toBeNull();
    expect(auditDetail('stay.reveal', 'shielded')).toEqual({ kind: 'shielded' });
    expect(auditDetail('stay.reveal-overview', '14')).toEqual({ kind: 'overview', patients: 14 });
    expect(auditDetail('stay.reveal-overview', 'many')).toBeNull();
  });

  it('drops a template id, keeps flags, bed states, plan fields, staff and settings as facts', () => {
    expect(auditDetail('task.create', 'template tmpl-round-2h')).toEqual({ kind: 'template' });
    expect(auditDetail('stay.setFlag', 'fall=true')).toEqual({ kind: 'flag', flag: 'fall', on: true });
    expect(auditDetail('stay.setFlag', 'fall=maybe')).toBeNull();
    expect(auditDetail('bed.setStatus', 'cleaning')).toEqual({ kind: 'bed', status: 'cleaning' });
    expect(auditDetail('stay.plan', 'nurse,adl,unknownField')).toEqual({ kind: 'plan', fields: ['nurse', 'adl'] });
    expect(auditDetail('staff.add', 'Ola Nilsen (nurse), new PIN')).toEqual({ kind: 'staff', name: 'Ola Nilsen', role: 'nurse', newPin: true });
    expect(auditDetail('ward.configure', '{"relockSeconds":120,"revealAll":true,"junk":"x"}')).toEqual({
      kind: 'settings',
      changes: [
        { key: 'relockSeconds', value: 120 },
        { key: 'revealAll', value: true },
      ],
    });
    expect(auditDetail('ward.configure', 'not json')).toBeNull();
    expect(auditDetail('handover.acknowledge', '2026-11-23 day')).toEqual({ kind: 'shift', date: '2026-11-23', shift: 'day' });
  });

  it('leaves out the detail of an action it has no facts for (PLO ids, transfer states, a newer board)', () => {
    expect(auditDetail('plo.import', 'discharge-report 7f3e9a01')).toBeNull();
    expect(auditDetail('transfer.accept', 'requested -> accepted')).toBeNull();
    expect(auditDetail('something.new', 'ba384f00c1')).toBeNull();
  });
});
