/**
 * Benefits realisation (gevinstrealisering): a benefit names an indicator, a baseline period and a
 * unit cost; the measured period is compared with the baseline and the change priced. Periods of
 * different length are compared per 30 days; the arithmetic is shown beside every figure.
 */

export const BENEFIT_INDICATORS = ['discharge-ready-days', 'tasks-on-time', 'transfers-on-board', 'length-of-stay'] as const;
export type BenefitIndicator = (typeof BENEFIT_INDICATORS)[number];

export interface BenefitIndicatorText {
  name: string;
  /** What the measured value is. */
  value: string;
  /** What one unit of improvement is, priced at the unit cost. */
  unitOfBenefit: string;
  /** Which way of the indicator is a gain. */
  better: 'higher' | 'lower';
}

export const BENEFIT_TEXT: Record<BenefitIndicator, BenefitIndicatorText> = {
  'discharge-ready-days': {
    name: 'Utskrivningsklare døgn unngått',
    value: 'utskrivningsklare døgn per 30 dager',
    unitOfBenefit: 'unngått utskrivningsklart døgn',
    better: 'lower',
  },
  'tasks-on-time': {
    name: 'Flere oppgaver i tide',
    value: '% oppgaver utført innen fristen',
    unitOfBenefit: 'oppgave utført i tide som ellers ikke ville vært det',
    better: 'higher',
  },
  'transfers-on-board': {
    name: 'Overføringer avtalt på tavla i stedet for på telefon',
    value: 'fullførte overføringer på tavla per 30 dager',
    unitOfBenefit: 'overføring avtalt på tavla (telefonrunde spart)',
    better: 'higher',
  },
  'length-of-stay': {
    name: 'Kortere liggetid',
    value: 'gjennomsnittlig liggetid i døgn',
    unitOfBenefit: 'liggedøgn frigjort',
    better: 'lower',
  },
};

/** One period's measurement: its length, the indicator's value and the volume it rests on. */
export interface PeriodMeasure {
  days: number;
  /** The indicator's value; null when the period has no data for it. */
  value: number | null;
  /** Tasks due (tasks on time), discharges (length of stay), days or transfers counted. */
  volume: number;
}

export interface BenefitOutcome {
  /** Improvement in the indicator's own unit (positive is better), per 30 days for rates. */
  improvement: number | null;
  /** Units of benefit in the measured period (days avoided, tasks, transfers, bed-days). */
  unitsInPeriod: number | null;
  /** The benefit in NOK over the measured period and per 30 days. */
  valueInPeriod: number | null;
  valuePer30Days: number | null;
}

/**
 * The change against the baseline, priced. Rates per 30 days (discharge-ready days, transfers)
 * compare their per-30-day values; shares and averages compare directly and are priced on the
 * measured period's volume.
 */
export function benefitOutcome(indicator: BenefitIndicator, baseline: PeriodMeasure, measured: PeriodMeasure, unitCost: number): BenefitOutcome {
  if (baseline.value === null || measured.value === null || measured.days <= 0) {
    return { improvement: null, unitsInPeriod: null, valueInPeriod: null, valuePer30Days: null };
  }
  const sign = BENEFIT_TEXT[indicator].better === 'lower' ? -1 : 1;
  const improvement = sign * (measured.value - baseline.value);
  let unitsInPeriod: number;
  switch (indicator) {
    case 'discharge-ready-days':
    case 'transfers-on-board':
      unitsInPeriod = (improvement / 30) * measured.days;
      break;
    case 'tasks-on-time':
      unitsInPeriod = (improvement / 100) * measured.volume;
      break;
    case 'length-of-stay':
      unitsInPeriod = improvement * measured.volume;
      break;
  }
  const valueInPeriod = unitsInPeriod * unitCost;
  return { improvement, unitsInPeriod, valueInPeriod, valuePer30Days: (valueInPeriod / measured.days) * 30 };
}

/** A count over a period as a rate per 30 days. */
export function per30Days(count: number, days: number): number | null {
  return days > 0 ? (count / days) * 30 : null;
}
