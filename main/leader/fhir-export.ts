/**
 * The indicators as FHIR R4 MeasureReport resources (type "summary"), one per indicator, in a
 * Bundle of type "collection". A municipality-wide report is stratified by unit. Only aggregates:
 * population counts and scores, never a patient reference.
 */

import { randomUUID } from 'node:crypto';
import type { IndicatorsView, IndicatorValue } from '../../shared/api/commands/leader.js';
import { INDICATORS, type IndicatorId } from '../../shared/indicators/definitions.js';

/** Where Tavla's measure definitions would live; a deployment publishing them sets its own base. */
export const FHIR_BASE = 'https://tavla.invalid/fhir';
const POPULATION = 'http://terminology.hl7.org/CodeSystem/measure-population';
const IMPROVEMENT = 'http://terminology.hl7.org/CodeSystem/measure-improvement-notation';
const UCUM = 'http://unitsofmeasure.org';

interface Quantity {
  value: number;
  unit: string;
  system: string;
  code: string;
}

const UNITS: Record<string, Omit<Quantity, 'value'>> = {
  '%': { unit: '%', system: UCUM, code: '%' },
  døgn: { unit: 'døgn', system: UCUM, code: 'd' },
  dager: { unit: 'dager', system: UCUM, code: 'd' },
  'poeng per ansatt': { unit: 'ADL-poeng per ansatt', system: UCUM, code: '{score}' },
};

const score = (id: IndicatorId, value: number | null): { measureScore?: Quantity } =>
  value === null ? {} : { measureScore: { value, ...UNITS[INDICATORS[id].words.nb.unit] } };

function populations(indicator: IndicatorValue | { id: IndicatorId; numerator: number; denominator: number }) {
  const code = (c: string) => ({ coding: [{ system: POPULATION, code: c }] });
  if (indicator.id === 'discharge-ready-days') return [{ code: code('measure-population'), count: indicator.numerator }];
  return [
    { code: code('numerator'), count: indicator.numerator },
    { code: code('denominator'), count: indicator.denominator },
  ];
}

/** One MeasureReport for one indicator over the view's period. */
export function measureReport(view: IndicatorsView, indicator: IndicatorValue, municipality: string, now: Date): Record<string, unknown> {
  // The export speaks bokmål, as the municipality's reports do.
  const def = INDICATORS[indicator.id];
  const words = def.words.nb;
  const stratifier =
    view.unit === null && view.units.length > 0
      ? [
          {
            code: [{ text: 'enhet' }],
            stratum: view.units.map((u) => ({
              value: { coding: [{ system: `${FHIR_BASE}/CodeSystem/unit`, code: u.unit }], text: u.name },
              ...score(indicator.id, u.values[indicator.id]),
            })),
          },
        ]
      : [];
  return {
    resourceType: 'MeasureReport',
    id: `${indicator.id}-${view.to}`,
    status: 'complete',
    type: 'summary',
    measure: `${FHIR_BASE}/Measure/${indicator.id}`,
    ...(view.unit ? { subject: { identifier: { system: `${FHIR_BASE}/CodeSystem/unit`, value: view.unit.unit }, display: view.unit.name } } : {}),
    date: now.toISOString(),
    reporter: { display: `Tavla, ${municipality}` },
    period: { start: view.from, end: view.to },
    improvementNotation: { coding: [{ system: IMPROVEMENT, code: def.better === 'higher' ? 'increase' : 'decrease' }] },
    group: [
      {
        code: { coding: [{ system: `${FHIR_BASE}/CodeSystem/indicator`, code: indicator.id, display: words.name }], text: words.definition },
        population: populations(indicator),
        ...score(indicator.id, indicator.value),
        ...(stratifier.length > 0 ? { stratifier } : {}),
      },
    ],
  };
}

/** Every indicator of the view as MeasureReports in one collection Bundle. */
export function measureReportBundle(view: IndicatorsView, municipality: string, now: Date): Record<string, unknown> {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: now.toISOString(),
    entry: view.indicators.map((indicator) => ({ fullUrl: `urn:uuid:${randomUUID()}`, resource: measureReport(view, indicator, municipality, now) })),
  };
}
