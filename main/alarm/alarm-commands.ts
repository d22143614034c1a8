/**
 * Handlers of the alarm strip's commands (shared/api/commands/alarm.ts) on a home-care board.
 * Accepting writes an attempt record every time, so two boards accepting at once both keep theirs
 * (and both audit lines); who accepted is the earliest attempt (shared/alarm/handling.ts), which
 * every board computes alike once the attempts have synced. Escalating and closing are fields of
 * the alarm itself, each committed with its audit line in one transaction.
 */

import type { AlarmCommandName } from '../../shared/api/contract.js';
import type { AlarmList, AlarmView } from '../../shared/api/commands/alarm.js';
import { fail, ok, type Result } from '../../shared/api/result.js';
import { handlingState, notAcceptedInTime, unitAcceptLimits, winningAttempt, type AcceptAttempt, type AcceptLimits } from '../../shared/alarm/handling.js';
import { SEVERITIES, type AlarmKind, type Severity } from '../../shared/alarm/vkp-codes.js';
import type { FieldStore } from '../store/field-store.js';
import { newId, type CommandContext, type Handler } from '../replica/command-context.js';

interface AlarmRow {
  id: string;
  unit: string;
  stay: string | null;
  initials: string | null;
  route: string | null;
  code: string;
  codeText: string | null;
  severity: Severity;
  kind: AlarmKind;
  reportedAt: string;
  handlingAt: string | null;
  calloutAt: string | null;
  escalatedAt: string | null;
  closedAt: string | null;
  shielded: number | null;
}

const SEVERITY_RANK: Record<Severity, number> = { red: 0, yellow: 1, green: 2 };

function attemptsOf(db: FieldStore['db'], alarms: readonly string[]): Map<string, AcceptAttempt[]> {
  const byAlarm = new Map<string, AcceptAttempt[]>();
  if (alarms.length === 0) return byAlarm;
  const rows = db
    .prepare(`SELECT id, alarm, "by", at, board FROM alarmAccept WHERE deleted = 0 AND alarm IN (${alarms.map(() => '?').join(', ')})`)
    .all(...alarms) as AcceptAttempt[];
  for (const row of rows) byAlarm.set(row.alarm, [...(byAlarm.get(row.alarm) ?? []), row]);
  return byAlarm;
}

/** A unit's limits for accepting an alarm (`unit.configure alarmAcceptMinutes`; the defaults where it set none). */
export function acceptLimitsOf(db: FieldStore['db'], unit: string): AcceptLimits {
  const row = db.prepare('SELECT alarmAcceptRed, alarmAcceptYellow, alarmAcceptGreen FROM unit WHERE id = ?').get(unit) as
    | { alarmAcceptRed: number | null; alarmAcceptYellow: number | null; alarmAcceptGreen: number | null }
    | undefined;
  return unitAcceptLimits(row);
}

/** The unit's alarms not closed yet, as the strip shows them; `limits` (the unit's own by default) say when one is overdue. */
export function readAlarmList(db: FieldStore['db'], unit: string, now: Date, limits: AcceptLimits = acceptLimitsOf(db, unit)): AlarmList {
  const rows = db
    .prepare(
      `SELECT a.id, a.unit, a.stay, a.initials, a.route, a.code, a.codeText, a.severity, a.kind, a.reportedAt, a.handlingAt,
              a.calloutAt, a.escalatedAt, a.closedAt, s.shielded
       FROM alarm a LEFT JOIN stay s ON s.id = a.stay
       WHERE a.unit = ? AND a.deleted = 0 AND a.closedAt IS NULL`,
    )
    .all(unit) as AlarmRow[];
  const attempts = attemptsOf(db, rows.map((r) => r.id));
  const views = rows.map((row): AlarmView => {
    const mine = attempts.get(row.id) ?? [];
    const winner = winningAttempt(mine);
    const severity = SEVERITIES.includes(row.severity) ? row.severity : 'yellow';
    const times = { reportedAt: row.reportedAt, handlingAt: row.handlingAt, calloutAt: row.calloutAt, acceptedAt: winner?.at ?? null, closedAt: row.closedAt };
    return {
      id: row.id,
      code: row.code,
      codeText: row.codeText,
      severity,
      kind: row.kind === 'technical' ? 'technical' : 'patient',
      state: handlingState(times),
      // A shielded patient shows no initials on the strip either.
      initials: row.shielded ? null : row.initials,
      route: row.route,
      reportedAt: row.reportedAt,
      acceptedAt: winner?.at ?? null,
      acceptedBy: winner?.by ?? null,
      acceptAttempts: mine.length,
      escalatedAt: row.escalatedAt,
      closedAt: row.closedAt,
      overdue: notAcceptedInTime({ severity, times }, now, limits),
    };
  });
  views.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.reportedAt.localeCompare(b.reportedAt));
  const open = views.filter((v) => v.kind === 'patient');
  return { open, technical: views.filter((v) => v.kind === 'technical'), banner: open.some((v) => v.overdue), routes: routesNear(db, unit, now) };
}

const HALF_DAY_MS = 12 * 3_600_000;

/** The unit's routes with a visit starting within 12 hours of now, by name. */
function routesNear(db: FieldStore['db'], unit: string, now: Date): string[] {
  const rows = db
    .prepare('SELECT DISTINCT route FROM visit WHERE unit = ? AND deleted = 0 AND route IS NOT NULL AND windowStart >= ? AND windowStart < ? ORDER BY route')
    .all(unit, new Date(now.getTime() - HALF_DAY_MS).toISOString(), new Date(now.getTime() + HALF_DAY_MS).toISOString()) as { route: string }[];
  return rows.map((r) => r.route);
}

function openAlarm(ctx: CommandContext, id: string): Result<{ id: string }> {
  const row = ctx.store.db.prepare('SELECT id, closedAt FROM alarm WHERE id = ? AND unit = ? AND deleted = 0').get(id, ctx.unit) as
    | { id: string; closedAt: string | null }
    | undefined;
  if (!row) return fail('not-found', `no alarm ${id} on this unit`, { reason: 'alarm-unknown' });
  if (row.closedAt) return fail('conflict', 'the alarm is already closed', { reason: 'alarm-closed' });
  return ok({ id: row.id });
}

export const alarmCommands = {
  'alarm.list': (ctx) => ok(readAlarmList(ctx.store.db, ctx.unit, ctx.now())),

  'alarm.accept': (ctx, input) => {
    const alarm = openAlarm(ctx, input.id);
    if (!alarm.ok) return alarm;
    const attempt = newId();
    ctx.store.commit({ actor: ctx.actor, action: 'alarm.accept', collection: 'alarm', record: input.id, detail: `attempt ${attempt}` }, [
      { c: 'alarmAccept', id: attempt, fields: { unit: ctx.unit, alarm: input.id, by: ctx.actor, at: ctx.now().toISOString(), board: ctx.store.board, deleted: false } },
    ]);
    return ok({ id: input.id });
  },

  'alarm.escalate': (ctx, input) => {
    const alarm = openAlarm(ctx, input.id);
    if (!alarm.ok) return alarm;
    ctx.store.commit({ actor: ctx.actor, action: 'alarm.escalate', collection: 'alarm', record: input.id }, [
      { c: 'alarm', id: input.id, fields: { escalatedAt: ctx.now().toISOString(), escalatedBy: ctx.actor, escalationReason: input.reason } },
    ]);
    return ok({ id: input.id });
  },

  'alarm.assign': (ctx, input) => {
    const alarm = openAlarm(ctx, input.id);
    if (!alarm.ok) return alarm;
    ctx.store.commit({ actor: ctx.actor, action: 'alarm.assign', collection: 'alarm', record: input.id, detail: input.route ?? 'ingen rute' }, [
      { c: 'alarm', id: input.id, fields: { route: input.route } },
    ]);
    return ok({ id: input.id });
  },

  'alarm.close': (ctx, input) => {
    const alarm = openAlarm(ctx, input.id);
    if (!alarm.ok) return alarm;
    ctx.store.commit({ actor: ctx.actor, action: 'alarm.close', collection: 'alarm', record: input.id }, [
      { c: 'alarm', id: input.id, fields: { closedAt: ctx.now().toISOString(), closedBy: ctx.actor, summary: input.summary } },
    ]);
    return ok({ id: input.id });
  },
} satisfies { [K in AlarmCommandName]: Handler<K> };
