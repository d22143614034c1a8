/**
 * Benefits realisation from real use: each benefit a leader defined is measured over its baseline
 * and over the time since, from the same replica the indicators read, and priced at its unit cost.
 * The assumptions behind each figure are spelt out beside it.
 */

import type { BenefitDefinition, BenefitMeasurement, BenefitsView } from '../../shared/api/commands/leader.js';
import { benefitOutcome, BENEFIT_TEXT, per30Days, type PeriodMeasure } from '../../shared/indicators/benefits.js';
import { addDays, dayOf, daysBetween, osloDay } from '../../shared/time/oslo.js';
import { percent } from '../../shared/indicators/definitions.js';
import { averageLengthOfStay } from '../../shared/indicators/length-of-stay.js';
import type { Db } from '../store/database.js';
import { listBenefits } from './benefit-store.js';
import type { LeaderHistory, UnitRow } from './leader-history.js';
import { unitSeries, type UnitSeries } from './unit-series.js';

const LENGTH_OF_STAY_KINDS = new Set(['hospital-ward', 'nursing-home', 'short-term', 'home-hospital']);
const nok = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });

interface Period {
  from: string;
  to: string;
  days: number;
}

function measure(def: BenefitDefinition, history: LeaderHistory, scope: readonly UnitRow[], series: readonly UnitSeries[], period: Period): PeriodMeasure {
  if (period.days <= 0) return { days: 0, value: null, volume: 0 };
  const inPeriod = (s: UnitSeries) => s.days.map((day, i) => [day, i] as const).filter(([day]) => day >= period.from && day <= period.to).map(([, i]) => i);
  const total = (list: readonly UnitSeries[], pick: (s: UnitSeries, i: number) => number) =>
    list.reduce((sum, s) => sum + inPeriod(s).reduce((inner, i) => inner + pick(s, i), 0), 0);
  switch (def.indicator) {
    case 'discharge-ready-days': {
      const days = total(series, (s, i) => s.ready[i]);
      return { days: period.days, value: per30Days(days, period.days), volume: days };
    }
    case 'tasks-on-time': {
      const due = total(series, (s, i) => s.tasksDue[i]);
      return { days: period.days, value: percent(total(series, (s, i) => s.tasksOnTime[i]), due), volume: due };
    }
    case 'length-of-stay': {
      const beds = series.filter((s) => LENGTH_OF_STAY_KINDS.has(s.unit.kind));
      const discharges = total(beds, (s, i) => s.discharges[i]);
      return { days: period.days, value: averageLengthOfStay(total(beds, (s, i) => s.census[i].level), discharges), volume: discharges };
    }
    case 'transfers-on-board': {
      const ids = new Set(scope.map((u) => u.id));
      const count = history.transfers().filter((t) => {
        const day = dayOf(t.completedAt);
        const involved = (t.fromUnit !== null && ids.has(t.fromUnit)) || (t.toUnit !== null && ids.has(t.toUnit));
        return t.status === 'completed' && involved && day !== undefined && day >= period.from && day <= period.to;
      }).length;
      return { days: period.days, value: per30Days(count, period.days), volume: count };
    }
  }
}

function assumptions(def: BenefitDefinition, baseline: Period, measured: Period, firstData: string | undefined, unitName: string | null): string[] {
  const text = BENEFIT_TEXT[def.indicator];
  const list = [
    `Omfang: ${unitName ?? 'alle enheter i kommunen'}.`,
    `Grunnlinje ${baseline.from}–${baseline.to} (${baseline.days} dager) mot måleperiode ${measured.from}–${measured.to} (${Math.max(0, measured.days)} dager).`,
    `Målt verdi: ${text.value}.`,
  ];
  switch (def.indicator) {
    case 'discharge-ready-days':
      list.push('Utskrivningsklare døgn telles ved midnatt; begge perioder regnes om til per 30 dager. Gevinst = unngåtte døgn per 30 dager × enhetskost, skalert til måleperiodens lengde.');
      break;
    case 'tasks-on-time':
      list.push('Gevinst = endring i andel i tide (prosentpoeng) × oppgaver med frist i måleperioden × enhetskost.');
      break;
    case 'transfers-on-board':
      list.push('Hver fullførte overføring på tavla regnes som én telefonrunde spart; grunnlinjen er antallet på tavla i grunnlinjeperioden (0 om tavla ikke var i bruk). Per 30 dager.');
      break;
    case 'length-of-stay':
      list.push('Gevinst = kortere snittliggetid (døgn) × utskrivninger i måleperioden × enhetskost per liggedøgn.');
      break;
  }
  list.push(`Enhetskost ${nok.format(def.unitCost)} kr per ${text.unitOfBenefit}, satt av leder.`);
  if (firstData === undefined) list.push('Ingen data ennå for dette omfanget.');
  else if (baseline.from < firstData) {
    list.push(`Grunnlinjen starter før første registrering i Tavla (${firstData}): dager uten data trekker grunnlinjen mot null.`);
  }
  if (measured.days <= 0) list.push('Måleperioden har ikke begynt ennå (den måles til og med i går).');
  list.push('Endringen er målt, ikke bevist å skyldes Tavla: andre endringer i samme tid kan bidra.');
  return list;
}

export function benefitsView(db: Db, history: LeaderHistory, now: Date): BenefitsView {
  const yesterday = addDays(osloDay(now.getTime()), -1);
  const benefits = listBenefits(db).map((def): BenefitMeasurement => {
    const scope = history.units().filter((u) => def.unit === null || u.id === def.unit);
    const unitName = def.unit === null ? null : (scope[0]?.name ?? def.unit);
    const baseline: Period = { from: def.baselineFrom, to: def.baselineTo, days: daysBetween(def.baselineFrom, def.baselineTo) + 1 };
    const measureFrom = def.measureFrom ?? addDays(def.baselineTo, 1);
    const measured: Period = { from: measureFrom, to: yesterday, days: daysBetween(measureFrom, yesterday) + 1 };
    const last = measured.days > 0 ? yesterday : def.baselineTo;
    const span = Array.from({ length: daysBetween(def.baselineFrom, last) + 1 }, (_, i) => addDays(def.baselineFrom, i));
    const series = scope.map((unit) => unitSeries(history, unit, span));
    const b = measure(def, history, scope, series, baseline);
    const m = measure(def, history, scope, series, measured);
    let first: number | undefined;
    for (const unit of scope) for (const stay of history.stays(unit.id)) if (stay.admitted !== null && (first === undefined || stay.admitted < first)) first = stay.admitted;
    return {
      definition: def,
      unitName,
      baseline: { ...b, from: baseline.from, to: baseline.to },
      measured: { ...m, from: measured.from, to: measured.to, days: Math.max(0, measured.days) },
      outcome: benefitOutcome(def.indicator, b, m, def.unitCost),
      assumptions: assumptions(def, baseline, measured, first === undefined ? undefined : osloDay(first), unitName),
    };
  });
  return { asOf: now.toISOString(), benefits };
}
