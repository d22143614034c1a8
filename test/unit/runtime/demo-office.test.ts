/** The demo office's synthetic PLO patients: hospital messages about invented people, the same on every start. */

import { describe, expect, it } from 'vitest';
import { officeMessages } from '../../../main/runtime/demo-office.js';
import { nationalIdKind } from '../../../shared/domain/national-id.js';
import { osloDay } from '../../../shared/time/oslo.js';

describe('the demo office messages', () => {
  const today = new Date('2026-12-01T10:00:00Z');
  const messages = officeMessages(today);

  it("carry only synthetic identity numbers (the test registers' month + 80), one per patient, each one the check takes for its birth date but one patient's, whose messages give another DateOfBirth (the office's warning)", () => {
    const patients = new Map(messages.map((m) => [m.patient.id, m.patient]));
    expect(patients.size).toBe(new Set(messages.map((m) => `${m.patient.givenName} ${m.patient.familyName}`)).size);
    const day = osloDay(today.getTime());
    const flagged: string[] = [];
    for (const patient of patients.values()) {
      expect(Number(patient.id.slice(2, 4)), patient.id).toBeGreaterThan(80);
      const told = nationalIdKind(patient.id, day);
      expect(told).toEqual({ kind: 'FNR', birthDate: expect.any(String) });
      const checked = nationalIdKind(patient.id, day, patient.birthDate ?? undefined);
      if ('problem' in checked) flagged.push(`${patient.id}:${checked.problem}`);
      else expect(checked).toEqual({ kind: 'FNR', birthDate: patient.birthDate });
    }
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatch(/:birth-date$/);
  });

  it('keep their message ids from one start to the next, so a restart imports nothing twice', () => {
    const later = officeMessages(new Date('2026-12-04T18:30:00Z'));
    expect(later.map((m) => m.msgId)).toEqual(messages.map((m) => m.msgId));
    expect(new Set(messages.map((m) => m.msgId)).size).toBe(messages.length);
  });

  it('make some patients discharge-ready days ago, after their admission, and leave others in treatment', () => {
    const ready = messages.filter((m) => m.type === 'LOG_UTSKRIVNINGSKLAR');
    expect(ready.length).toBeGreaterThanOrEqual(2);
    for (const message of ready) {
      expect(Date.parse(message.dischargeReadyAt ?? '')).toBeGreaterThan(Date.parse(message.admittedAt ?? ''));
      expect(Date.parse(message.dischargeReadyAt ?? '')).toBeLessThan(today.getTime() - 12 * 3_600_000);
    }
    const patients = new Set(messages.map((m) => m.patient.id));
    expect(patients.size).toBeGreaterThan(new Set(ready.map((m) => m.patient.id)).size);
  });
});
