/**
 * Patient flow for leaders: every discharge-ready patient still waiting (where, since which day,
 * days waited and the cost accrued at the configured rate), totals per month, and the transfers
 * between units that are not yet completed, with their status and age.
 */

import type { FlowView, TransferInFlight } from '../../shared/api/commands/leader.js';
import { addMonths, DAY_MS, instantOf, monthOf, osloDay } from '../../shared/time/oslo.js';
import { round1 } from '../../shared/indicators/definitions.js';
import { costOfDays, daysWaiting, monthlyTotals, waitedDays, type ReadyInterval } from '../../shared/indicators/discharge-ready.js';
import { rateOfYear, type RateTable } from './daily-rates.js';
import type { LeaderHistory } from './leader-history.js';

/** Months shown in the totals: this one and the eleven before. */
export const FLOW_MONTHS = 12;
const DONE = new Set(['completed', 'cancelled', 'declined']);

export function flowView(history: LeaderHistory, now: Date, table: RateTable): FlowView {
  const at = now.getTime();
  const intervals: ReadyInterval[] = [];
  const waiting: FlowView['waiting'] = [];
  const units = new Map(history.units().map((u) => [u.id, u]));
  for (const { unit: unitId, stay } of history.readyStays()) {
    const unit = units.get(unitId);
    if (stay.ready === null || !unit) continue;
    intervals.push({ since: stay.ready, until: stay.readyUntil ?? at });
    if (stay.readyUntil !== null) continue;
    waiting.push({
      unit: unit.id,
      unitName: unit.name,
      unitKind: unit.kind,
      since: osloDay(stay.ready),
      days: daysWaiting(stay.ready, at),
      cost: costOfDays(waitedDays(stay.ready, at), table.rates),
    });
  }
  waiting.sort((a, b) => b.days - a.days || a.unitName.localeCompare(b.unitName, 'nb'));

  const today = osloDay(at);
  const firstMonth = monthOf(addMonths(today, -(FLOW_MONTHS - 1)));
  const years = new Set([Number(today.slice(0, 4)), ...Object.keys(table.rates).map(Number)]);
  return {
    asOf: now.toISOString(),
    rate: rateOfYear(table, Number(today.slice(0, 4))),
    rates: [...years].sort((a, b) => a - b).map((year) => rateOfYear(table, year)),
    waiting,
    months: monthlyTotals(intervals, table.rates).filter((m) => m.month >= firstMonth),
    totals: {
      patients: waiting.length,
      days: waiting.reduce((sum, w) => sum + w.days, 0),
      cost: waiting.reduce((sum, w) => sum + w.cost, 0),
    },
    transfers: transfersInFlight(history, at),
  };
}

/** Transfers not yet completed, cancelled or declined, oldest first. */
export function transfersInFlight(history: LeaderHistory, at: number): TransferInFlight[] {
  const names = new Map(history.units().map((u) => [u.id, u.name]));
  return history
    .transfers()
    .filter((t) => !DONE.has(t.status ?? ''))
    .map((t) => {
      const requested = instantOf(t.requestedAt);
      return {
        fromUnit: t.fromUnit ?? '',
        fromName: names.get(t.fromUnit ?? '') ?? t.fromUnit ?? '–',
        toUnit: t.toUnit ?? '',
        toName: names.get(t.toUnit ?? '') ?? t.toUnit ?? '–',
        status: t.status ?? 'requested',
        requestedAt: t.requestedAt,
        ageDays: requested === undefined ? null : round1((at - requested) / DAY_MS),
        scheduledFor: t.scheduledFor,
      };
    })
    .sort((a, b) => (b.ageDays ?? -1) - (a.ageDays ?? -1));
}
