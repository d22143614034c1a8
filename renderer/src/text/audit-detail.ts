/**
 * An access-log entry's detail in the screen's words. Main writes details for logs and scripts
 * (codes, field names, screen ids: `session.unlock` says "nurse, screen 3f9a…");
 * state/audit-lines.ts reads the facts a person needs from them, and this words those facts —
 * never an id or a code. A detail with nothing for a person is left empty.
 */

import { auditDetail as auditFacts } from '../state/audit-lines.js';
import type { BoardText } from './board-text.js';

export function auditDetail(t: BoardText, action: string, detail: string | null): string {
  const facts = auditFacts(action, detail);
  const words = t.audit.details;
  switch (facts?.kind) {
    case undefined:
      return '';
    case 'role':
      return t.roles[facts.role];
    case 'lock':
      return facts.idle ? words.lockIdle : words.lockManual;
    case 'shielded':
      return words.shielded;
    case 'overview':
      return words.overview(facts.patients);
    case 'flag':
      return words.flag(t.flags[facts.flag].long, facts.on);
    case 'bed':
      return t.bedStatus[facts.status];
    case 'template':
      return words.template;
    case 'plan':
      return facts.fields.map((field) => words.plan[field]).join(', ');
    case 'staff':
      return [facts.name, facts.role && t.roles[facts.role], facts.newPin && words.newPin].filter(Boolean).join(', ');
    case 'settings':
      return facts.changes.map((change) => (change.key === 'revealAll' ? words.revealAll(change.value) : words[change.key](change.value))).join(', ');
    case 'shift':
      return `${t.shifts[facts.shift]} ${t.date(facts.date)}`;
  }
}
