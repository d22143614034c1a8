/**
 * The leader view's alarm figures (issue 15, point 5; definitions in docs/alarms.md): per home-care
 * unit the patient alarms of the last `days` days, per day, the share escalated, how many open ones
 * wait past their limit now, and per severity the median times to accept and to close. Counts and
 * durations only: no initials, no text, no person.
 */

import type { AlarmLeaderView } from '../../shared/api/commands/alarm.js';
import { alarmFigures, notAcceptedInTime, type AcceptLimits } from '../../shared/alarm/handling.js';
import { acceptLimitsOf } from './alarm-commands.js';
import { SEVERITIES, type Severity } from '../../shared/alarm/vkp-codes.js';
import type { FieldStore } from '../store/field-store.js';

interface Row {
  unit: string;
  name: string | null;
  severity: Severity;
  reportedAt: string;
  handlingAt: string | null;
  calloutAt: string | null;
  acceptedAt: string | null;
  closedAt: string | null;
  escalatedAt: string | null;
}

export function alarmLeaderView(db: FieldStore['db'], sees: (unit: string) => boolean, now: Date, days = 30, limits?: AcceptLimits): AlarmLeaderView {
  const since = new Date(now.getTime() - days * 86_400_000).toISOString();
  const rows = db
    .prepare(
      `SELECT a.unit, u.name, a.severity, a.reportedAt, a.handlingAt, a.calloutAt, a.closedAt, a.escalatedAt,
              (SELECT MIN(at) FROM alarmAccept x WHERE x.alarm = a.id AND x.deleted = 0) AS acceptedAt
       FROM alarm a LEFT JOIN unit u ON u.id = a.unit
       WHERE a.deleted = 0 AND a.kind = 'patient' AND (a.reportedAt >= ? OR a.closedAt IS NULL)`,
    )
    .all(since) as Row[];
  const byUnit = new Map<string, Row[]>();
  for (const row of rows) if (sees(row.unit)) byUnit.set(row.unit, [...(byUnit.get(row.unit) ?? []), row]);
  const units = [...byUnit.entries()].map(([unit, mine]) => {
    const alarms = mine.map((r) => ({
      severity: SEVERITIES.includes(r.severity) ? r.severity : ('yellow' as const),
      times: { reportedAt: r.reportedAt, handlingAt: r.handlingAt, calloutAt: r.calloutAt, acceptedAt: r.acceptedAt, closedAt: r.closedAt },
      escalatedAt: r.escalatedAt,
    }));
    const inWindow = alarms.filter((a) => a.times.reportedAt >= since);
    return {
      unit,
      name: mine[0].name ?? unit,
      alarms: inWindow.length,
      perDay: Math.round((inWindow.length / days) * 100) / 100,
      escalatedShare: inWindow.length === 0 ? null : inWindow.filter((a) => a.escalatedAt !== null).length / inWindow.length,
      notAccepted: alarms.filter((a) => a.times.closedAt === null && notAcceptedInTime(a, now, limits ?? acceptLimitsOf(db, unit))).length,
      bySeverity: alarmFigures(inWindow),
    };
  });
  units.sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  return { days, units };
}
