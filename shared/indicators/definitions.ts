/**
 * The indicators leaders track (../shared/DOMAIN.md), each with the definition shown on screen next
 * to its figure, how its trend is drawn, and which way is better. Bokmål, as leaders read it.
 */

export const INDICATOR_IDS = [
  'occupancy',
  'length-of-stay',
  'tasks-on-time',
  'workload-per-staff',
  'discharge-ready-days',
  'iplos-medication-review',
  'iplos-nutrition-screening',
  'iplos-physician-assessment',
  'iplos-dental-assessment',
  'nursing-home-wait',
  'nursing-home-deadline',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export interface IndicatorDefinition {
  id: IndicatorId;
  name: string;
  /** The definition as a leader reads it: numerator, denominator, counting rule. */
  definition: string;
  /** How one point of the trend is computed. */
  trend: string;
  /** Unit of the figure: '%', 'døgn', 'poeng per ansatt'. */
  unit: string;
  /** Which way is better, for colour and for FHIR's improvementNotation. */
  better: 'higher' | 'lower';
  /** Where the figure signals a problem, when the domain names one. */
  threshold?: { value: number; text: string };
  /** The unit kinds the indicator counts. */
  kinds: string;
}

const IPLOS_TREND = 'Andel av beboerne ved midnatt den dagen, med registrering de siste 12 månedene før.';

export const INDICATORS: Record<IndicatorId, IndicatorDefinition> = {
  occupancy: {
    id: 'occupancy',
    name: 'Belegg',
    definition:
      'Belagte døgn / tilgjengelige døgn × 100, etter midnattstelling: en pasient teller et døgn når hen ligger på enheten ved midnatt. Tilgjengelige døgn er enhetens kapasitet × antall dager.',
    trend: 'Midnattstellingen den dagen / kapasiteten × 100.',
    unit: '%',
    better: 'lower',
    threshold: { value: 85, text: 'Over ca. 85 % er et tegn på knapphet.' },
    kinds: 'Enheter med kapasitet (ikke tildelingskontoret).',
  },
  'length-of-stay': {
    id: 'length-of-stay',
    name: 'Gjennomsnittlig liggetid',
    definition: 'Liggedøgn (midnattstelling) i perioden / utskrivninger i perioden.',
    trend: 'Liggedøgn / utskrivninger de siste 28 dagene fram til dagen.',
    unit: 'døgn',
    better: 'lower',
    kinds: 'Sykehusavdelinger, sykehjem, korttid og hjemmesykehus.',
  },
  'tasks-on-time': {
    id: 'tasks-on-time',
    name: 'Oppgaver i tide',
    definition:
      'Oppgaver utført innen fristen (inntil 30 minutter etter, som for en medisinrunde) / oppgaver med frist i perioden × 100. Hoppede over og slettede oppgaver teller ikke; en oppgave uten frist teller ikke.',
    trend: 'Oppgaver med frist den dagen: andel utført innen fristen.',
    unit: '%',
    better: 'higher',
    kinds: 'Alle enheter.',
  },
  'workload-per-staff': {
    id: 'workload-per-staff',
    name: 'Pleietyngde per ansatt',
    definition:
      'Sum ADL-poeng (pleienivå 1–5; 9 = ikke vurdert teller ikke) for pasientene ved vaktstart / ansatte til stede på vakten, summert over vaktene i perioden.',
    trend: 'Samme brøk for vaktene den dagen.',
    unit: 'poeng per ansatt',
    better: 'lower',
    kinds: 'Enheter som registrerer bemanning.',
  },
  'discharge-ready-days': {
    id: 'discharge-ready-days',
    name: 'Utskrivningsklare døgn',
    definition:
      'Døgn fra utskrivningsklar til utskrevet, talt ved midnatt, for alle utskrivningsklare pasienter; kommunen betaler døgnprisen for hvert slikt døgn.',
    trend: 'Utskrivningsklare pasienter ved midnatt den dagen.',
    unit: 'døgn',
    better: 'lower',
    kinds: 'Alle enheter (også pasienter fra PLO-meldinger på tildelingskontoret).',
  },
  'iplos-medication-review': {
    id: 'iplos-medication-review',
    name: 'Legemiddelgjennomgang (IPLOS poLegeMiddGj)',
    definition:
      'Andel beboere i sykehjem med legemiddelgjennomgang siste 12 måneder: utført oppgave «Legemiddelgjennomgang» (oppgavemalen) på beboeren.',
    trend: IPLOS_TREND,
    unit: '%',
    better: 'higher',
    kinds: 'Sykehjemsavdelinger.',
  },
  'iplos-nutrition-screening': {
    id: 'iplos-nutrition-screening',
    name: 'Ernæringskartlegging (IPLOS poErnKartlagt)',
    definition:
      'Andel beboere i sykehjem med ernæringskartlegging siste 12 måneder: utført oppgave «Ernæringskartlegging» (oppgavemalen) på beboeren.',
    trend: IPLOS_TREND,
    unit: '%',
    better: 'higher',
    kinds: 'Sykehjemsavdelinger.',
  },
  'iplos-physician-assessment': {
    id: 'iplos-physician-assessment',
    name: 'Legevurdering (IPLOS poVurdLege)',
    definition:
      'Andel beboere i sykehjem vurdert av lege siste 12 måneder: utført oppgave «Legevurdering» (oppgavemalen) på beboeren.',
    trend: IPLOS_TREND,
    unit: '%',
    better: 'higher',
    kinds: 'Sykehjemsavdelinger.',
  },
  'iplos-dental-assessment': {
    id: 'iplos-dental-assessment',
    name: 'Tannhelsevurdering (IPLOS poVurdTann)',
    definition:
      'Andel beboere i sykehjem med tannhelsevurdering siste 12 måneder: utført oppgave «Tannhelsevurdering» (oppgavemalen) på beboeren.',
    trend: IPLOS_TREND,
    unit: '%',
    better: 'higher',
    kinds: 'Sykehjemsavdelinger.',
  },
  'nursing-home-wait': {
    id: 'nursing-home-wait',
    name: 'Ventetid på sykehjemsplass',
    definition:
      'Dager fra vedtak til oppstart: fra overføringen til en sykehjemsavdeling ble bestilt til den ble fullført, i snitt for dem som startet i perioden.',
    trend: 'Snitt for dem som startet de siste 28 dagene fram til dagen.',
    unit: 'dager',
    better: 'lower',
    threshold: { value: 61, text: 'Lovens frist er 2 måneder.' },
    kinds: 'Overføringer til sykehjemsavdelinger.',
  },
  'nursing-home-deadline': {
    id: 'nursing-home-deadline',
    name: 'Sykehjemsplass innen 2 måneder',
    definition:
      'Startet innen 2 måneder etter vedtak / (startet i perioden + venter ved periodens slutt forbi fristen) × 100.',
    trend: 'Samme brøk for de siste 28 dagene fram til dagen.',
    unit: '%',
    better: 'higher',
    kinds: 'Overføringer til sykehjemsavdelinger.',
  },
};

/** Named in DOMAIN.md but not computed here, and why (shown on screen so nobody looks for it). */
export const NOT_COMPUTED = [
  {
    name: 'Reinnleggelse innen 30 dager, 67+',
    why: 'Krever å kjenne igjen samme person på tvers av opphold og alder, altså persondata; lederbildet har bare aggregater.',
  },
] as const;

/** Rounds a figure for display and export: one decimal. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Rounds to one decimal, keeping "no figure" as null. */
export function roundOrNull(value: number | null): number | null {
  return value === null ? null : round1(value);
}

/** A share in per cent, or null when there is nothing to divide by. */
export function percent(numerator: number, denominator: number): number | null {
  return denominator > 0 ? (numerator / denominator) * 100 : null;
}

/** A ratio, or null when there is nothing to divide by. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}
