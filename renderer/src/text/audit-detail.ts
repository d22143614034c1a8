/**
 * An access-log entry's detail in the screen's words. Main writes details for logs and scripts
 * (codes, field names, screen ids: `session.unlock` says "nurse, screen 3f9a…"); a screen shows
 * only what it can word, never an id or a code.
 */

import type { BoardText } from './board-text.js';

const PLAN_FIELDS = { nurse: 'nurse', adl: 'adl', expectedDischarge: 'expected' } as const;

export function auditDetail(t: BoardText, action: string, detail: string | null): string {
  if (!detail) return '';
  const words = t.audit.detailWords;
  switch (action) {
    case 'stay.setFlag': {
      const [flag, value] = detail.split('=');
      const name = (t.flags as Partial<Record<string, { long: string }>>)[flag]?.long;
      return name ? (value === 'true' ? words.flagSet(name) : words.flagCleared(name)) : '';
    }
    case 'bed.setStatus':
      return (t.bedStatus as Partial<Record<string, string>>)[detail] ?? '';
    case 'stay.reveal':
      return detail === 'shielded' ? t.shielded : '';
    case 'session.lock':
      return detail.startsWith('idle') ? words.idle : words.manual;
    case 'session.unlock':
      return (t.roles as Partial<Record<string, string>>)[detail.split(',')[0]] ?? '';
    case 'stay.plan':
      return detail
        .split(',')
        .map((field) => (field in PLAN_FIELDS ? t.card[PLAN_FIELDS[field as keyof typeof PLAN_FIELDS]] : null))
        .filter(Boolean)
        .join(', ');
    case 'staff.add':
    case 'staff.update': {
      // "Name (role), new PIN": a staff member's name is staff language; the role is a code.
      const staff = /^(.*) \(([a-z-]+)\)(, new PIN)?$/.exec(detail);
      if (!staff) return '';
      const role = (t.roles as Partial<Record<string, string>>)[staff[2]] ?? '';
      return [`${staff[1]}${role ? ` (${role.toLowerCase()})` : ''}`, staff[3] ? words.newPin : null].filter(Boolean).join(', ');
    }
    case 'staff.remove':
    case 'staff.release':
      return detail;
    case 'flow.setRate':
      return /^\d+(\.\d+)?$/.test(detail) ? t.flow.money(Number(detail)) : '';
    default: {
      const step = /^[a-z]+ -> ([a-z]+)$/.exec(detail);
      if (action.startsWith('transfer.') && step) return (t.flow.state as Partial<Record<string, string>>)[step[1]] ?? '';
      return '';
    }
  }
}
