/**
 * An access-log line's detail as facts a screen can word (text layer), read from the short text
 * main stored with the entry. Screen ids, template ids, record ids and other machine text are
 * never among them: a detail this does not know is left out, not shown as it was stored.
 */

import { STAFF_ROLES, SHIFTS, type Shift, type StaffRole } from '../../../shared/api/commands/ward.js';
import { BED_STATUSES, RISK_FLAGS, type RiskFlag } from '../../../shared/domain/schema.js';
import type { BedStatus } from '../../../shared/domain/types.js';

export type AuditDetail =
  | { kind: 'role'; role: StaffRole }
  | { kind: 'lock'; idle: boolean }
  | { kind: 'shielded' }
  | { kind: 'overview'; patients: number }
  | { kind: 'flag'; flag: RiskFlag; on: boolean }
  | { kind: 'bed'; status: BedStatus }
  | { kind: 'template' }
  | { kind: 'plan'; fields: PlanField[] }
  | { kind: 'staff'; name: string; role: StaffRole | null; newPin: boolean }
  | { kind: 'settings'; changes: SettingChange[] }
  | { kind: 'shift'; date: string; shift: Shift };

export type PlanField = 'nurse' | 'expectedDischarge' | 'adl';
export type SettingChange =
  | { key: 'relockSeconds' | 'pinMaxAttempts' | 'pinLockoutSeconds'; value: number }
  | { key: 'revealAll'; value: boolean };

const PLAN_FIELDS: readonly PlanField[] = ['nurse', 'expectedDischarge', 'adl'];
const NUMBER_SETTINGS = ['relockSeconds', 'pinMaxAttempts', 'pinLockoutSeconds'] as const;

const isOneOf = <T extends string>(list: readonly T[], value: string | undefined): value is T => value !== undefined && (list as readonly string[]).includes(value);

/** The facts of an entry's detail, or null when it has none a person needs (or none this knows). */
export function auditDetail(action: string, detail: string | null): AuditDetail | null {
  if (detail === null) return null;
  // "nurse, screen scr-…" / "idle, screen scr-…": the screen is a page's random id, never shown.
  const first = detail.split(',')[0]?.trim();
  switch (action) {
    case 'session.unlock':
      return isOneOf(STAFF_ROLES, first) ? { kind: 'role', role: first } : null;
    case 'session.lock':
      return first === 'idle' || first === 'manual' ? { kind: 'lock', idle: first === 'idle' } : null;
    case 'stay.reveal':
      return detail === 'shielded' ? { kind: 'shielded' } : null;
    case 'stay.reveal-overview': {
      const patients = Number(detail);
      return Number.isSafeInteger(patients) && patients > 0 ? { kind: 'overview', patients } : null;
    }
    case 'stay.setFlag': {
      const [flag, value] = detail.split('=');
      return isOneOf(RISK_FLAGS, flag) && (value === 'true' || value === 'false') ? { kind: 'flag', flag, on: value === 'true' } : null;
    }
    case 'bed.setStatus':
      return isOneOf(BED_STATUSES, detail) ? { kind: 'bed', status: detail } : null;
    case 'task.create':
      return detail.startsWith('template ') ? { kind: 'template' } : null;
    case 'stay.plan': {
      const fields = detail.split(',').filter((field): field is PlanField => isOneOf(PLAN_FIELDS, field));
      return fields.length > 0 ? { kind: 'plan', fields } : null;
    }
    case 'staff.add':
    case 'staff.update':
      return staffDetail(detail);
    case 'staff.remove':
    case 'staff.release':
      return { kind: 'staff', name: detail, role: null, newPin: false };
    case 'ward.configure':
      return settingsDetail(detail);
    case 'handover.setNotes':
    case 'handover.acknowledge':
    case 'handover.give': {
      const [date, shift] = detail.split(' ');
      return date && /^\d{4}-\d{2}-\d{2}$/.test(date) && isOneOf(SHIFTS, shift) ? { kind: 'shift', date, shift } : null;
    }
    default:
      return null;
  }
}

/** "Ola Nilsen (nurse), new PIN" */
function staffDetail(detail: string): AuditDetail | null {
  const match = /^(.*) \(([a-z-]+)\)(, new PIN)?$/.exec(detail);
  if (!match) return null;
  const [, name = '', role, newPin] = match;
  return { kind: 'staff', name, role: isOneOf(STAFF_ROLES, role) ? role : null, newPin: newPin !== undefined };
}

/** The JSON of the settings a unit leader changed. */
function settingsDetail(detail: string): AuditDetail | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const changes: SettingChange[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (key === 'revealAll' && typeof value === 'boolean') changes.push({ key, value });
    else if (isOneOf(NUMBER_SETTINGS, key) && typeof value === 'number') changes.push({ key, value });
  }
  return changes.length > 0 ? { kind: 'settings', changes } : null;
}
