/**
 * CSV for every table of the leader view: RFC 4180 (comma, CRLF, quoted where needed), UTF-8 with a
 * byte-order mark so spreadsheet programs read æøå right, decimal point, ASCII column names. Cells
 * that a spreadsheet would run as a formula are defused with a leading apostrophe.
 */

import type { BenefitsView, CapacityView, FlowView, ForecastView, IndicatorsView } from '../../shared/api/commands/leader.js';
import { INDICATOR_IDS } from '../../shared/indicators/definitions.js';

export type CsvCell = string | number | boolean | null | undefined;

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header row and data rows as one CSV text. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function capacityCsv(view: CapacityView): string {
  return toCsv(
    ['enhet', 'navn', 'type', 'kapasitet', 'senger', 'belagt', 'ledige', 'sperret', 'vask', 'pasienter', 'belegg_prosent', 'utskrivningsklare', 'bemanning_planlagt', 'bemanning_til_stede', 'adl_poeng', 'adl_ikke_vurdert', 'adl_poeng_per_ansatt', 'oppgaver_apne', 'oppgaver_forfalt', 'reservert'],
    view.units.map((u) => [u.unit, u.name, u.kind, u.capacity, u.beds, u.occupied, u.free, u.blocked, u.cleaning, u.patients, u.occupancyPercent, u.dischargeReady, u.staffPlanned, u.staffPresent, u.adlPoints, u.adlUnassessed, u.workloadPerStaff, u.tasksOpen, u.tasksOverdue, u.reserved]),
  );
}

export function dischargeReadyCsv(view: FlowView): string {
  return toCsv(
    ['enhet', 'enhetsnavn', 'enhetstype', 'utskrivningsklar_fra', 'dager', 'kostnad_nok'],
    view.waiting.map((w) => [w.unit, w.unitName, w.unitKind, w.since, w.days, w.cost]),
  );
}

export function dischargeReadyMonthsCsv(view: FlowView): string {
  return toCsv(['maned', 'dager', 'kostnad_nok', 'pasienter'], view.months.map((m) => [m.month, m.days, m.cost, m.patients]));
}

export function transfersCsv(view: FlowView): string {
  return toCsv(
    ['fra_enhet', 'fra_navn', 'til_enhet', 'til_navn', 'status', 'bestilt', 'alder_dager', 'planlagt'],
    view.transfers.map((t) => [t.fromUnit, t.fromName, t.toUnit, t.toName, t.status, t.requestedAt, t.ageDays, t.scheduledFor]),
  );
}

/** The period's value of every indicator: the whole (or the unit drilled down to) first, then each unit. */
export function indicatorsCsv(view: IndicatorsView): string {
  const whole = view.unit ?? { unit: 'alle', name: 'Hele kommunen', kind: 'alle' };
  return toCsv(
    ['enhet', 'navn', 'type', 'fra', 'til', ...INDICATOR_IDS],
    [
      [whole.unit, whole.name, whole.kind, view.from, view.to, ...view.indicators.map((i) => i.value)],
      ...(view.unit ? [] : view.units.map((u) => [u.unit, u.name, u.kind, view.from, view.to, ...INDICATOR_IDS.map((id) => u.values[id])])),
    ],
  );
}

export function indicatorTrendsCsv(view: IndicatorsView): string {
  const days = view.indicators[0]?.trend.map((p) => p.day) ?? [];
  return toCsv(['dag', ...INDICATOR_IDS], days.map((day, i) => [day, ...view.indicators.map((ind) => ind.trend[i]?.value ?? null)]));
}

export function forecastCsv(view: ForecastView): string {
  const rows = [view.total, ...(view.units.length > 1 ? view.units : [])].flatMap((f) =>
    f.days.map((d) => [f.unit, f.name, d.day, d.occupancy, d.occupancyPercent, d.workload, d.knownAdmissions, d.knownDischarges, f.backtest.occupancy.mae, f.backtest.occupancy.baselineMae, f.backtest.workload.mae, f.backtest.workload.baselineMae]),
  );
  return toCsv(
    ['enhet', 'navn', 'dag', 'belegg', 'belegg_prosent', 'adl_poeng', 'kjente_innleggelser', 'kjente_utskrivninger', 'mae_belegg', 'mae_belegg_sesongnaiv', 'mae_adl', 'mae_adl_sesongnaiv'],
    rows,
  );
}

export function benefitsCsv(view: BenefitsView): string {
  return toCsv(
    ['navn', 'indikator', 'omfang', 'grunnlinje_fra', 'grunnlinje_til', 'grunnlinje_verdi', 'maling_fra', 'maling_til', 'malt_verdi', 'forbedring', 'gevinst_enheter', 'gevinst_nok_periode', 'gevinst_nok_per_30_dager', 'enhetskost_nok'],
    view.benefits.map((b) => [
      b.definition.name,
      b.definition.indicator,
      b.unitName ?? 'alle',
      b.baseline.from,
      b.baseline.to,
      b.baseline.value,
      b.measured.from,
      b.measured.to,
      b.measured.value,
      b.outcome.improvement,
      b.outcome.unitsInPeriod,
      b.outcome.valueInPeriod,
      b.outcome.valuePer30Days,
      b.definition.unitCost,
    ]),
  );
}
