/**
 * The everyday visits of home care, with their usual window on the Oslo clock, and the days a
 * recurring plan makes visits for. A visit made from a template carries its code (`visit.template`);
 * the screen words the code (renderer/src/text/homecare-text.ts), never a title stored in one language.
 */

import type { VisitTemplate } from '../../shared/api/commands/homecare.js';
import { addDays, osloDay, osloHour, osloWallInstant, weekday } from '../../shared/time/oslo.js';

export const VISIT_TEMPLATES: readonly VisitTemplate[] = [
  { id: 'morning-medicines', from: '08:00', to: '09:00', staffCount: 1 },
  { id: 'morning-care', from: '07:30', to: '09:30', staffCount: 1 },
  { id: 'lunch', from: '11:30', to: '12:30', staffCount: 1 },
  { id: 'afternoon-medicines', from: '14:00', to: '15:00', staffCount: 1 },
  { id: 'evening-help', from: '20:00', to: '21:00', staffCount: 1 },
  { id: 'evening-two-carers', from: '21:00', to: '22:00', staffCount: 2 },
];

export function visitTemplate(id: string): VisitTemplate | undefined {
  return VISIT_TEMPLATES.find((template) => template.id === id);
}

/** The Oslo wall time (hour, minute) of an instant: Oslo's offsets are whole hours, so the minute is UTC's. */
function wallTime(ms: number): { hour: number; minute: number } {
  return { hour: osloHour(ms), minute: new Date(ms).getUTCMinutes() };
}

/**
 * The windows of a plan: the first as given, then the same Oslo wall times on each following day
 * the pattern takes (weekdays: Monday to Friday), `days` days counted from the first's Oslo date.
 * A window past midnight keeps its length.
 */
export function recurringWindows(from: string, to: string, recurrence?: { pattern: 'daily' | 'weekdays'; days: number }): { from: string; to: string }[] {
  const start = Date.parse(from);
  const length = Date.parse(to) - start;
  const first = { from: new Date(start).toISOString(), to: new Date(start + length).toISOString() };
  if (!recurrence) return [first];
  const firstDay = osloDay(start);
  const { hour, minute } = wallTime(start);
  const windows: { from: string; to: string }[] = [];
  for (let i = 0; i < recurrence.days; i += 1) {
    const day = addDays(firstDay, i);
    const dow = weekday(day);
    // weekday(): Monday = 0 … Sunday = 6.
    if (recurrence.pattern === 'weekdays' && dow >= 5) continue;
    const at = i === 0 ? start : osloWallInstant(day, hour, minute);
    windows.push({ from: new Date(at).toISOString(), to: new Date(at + length).toISOString() });
  }
  return windows;
}
