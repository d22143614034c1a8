/**
 * The indicators leaders track (../shared/DOMAIN.md), each with the definition shown on screen next
 * to its figure, how its trend is drawn, and which way is better. The words in bokmål (as leaders
 * read it, and as the FHIR export names it) and in English; the renderer reads them through
 * `language.t.leader.indicator`.
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
  'pathway-steps-on-time',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** An indicator's words in one language. */
export interface IndicatorWords {
  name: string;
  /** The definition as a leader reads it: numerator, denominator, counting rule. */
  definition: string;
  /** How one point of the trend is computed. */
  trend: string;
  /** Unit of the figure: '%', 'døgn', 'poeng per ansatt'. */
  unit: string;
  /** What the threshold means, when the indicator has one. */
  threshold?: string;
  /** The unit kinds the indicator counts. */
  kinds: string;
}

/** The languages an indicator is worded in (the screen's languages). */
export type IndicatorLanguage = 'nb' | 'en';

export interface IndicatorDefinition {
  id: IndicatorId;
  /** Which way is better, for colour and for FHIR's improvementNotation. */
  better: 'higher' | 'lower';
  /**
   * Where the figure signals a problem, when the domain names one (its words are `words[…].threshold`):
   * a figure, or `by-kind` when each unit kind has its own norm (OCCUPANCY_NORMS in occupancy.ts).
   */
  threshold?: number | 'by-kind';
  words: Record<IndicatorLanguage, IndicatorWords>;
}

const IPLOS_TREND = {
  nb: 'Andel av beboerne ved midnatt den dagen, med registrering de siste 12 månedene før.',
  en: 'Share of the residents at midnight that day with a record in the 12 months before.',
};
const NURSING_HOMES = { nb: 'Sykehjemsavdelinger.', en: 'Nursing-home units.' };
const NURSING_HOME_TRANSFERS = { nb: 'Overføringer til sykehjemsavdelinger.', en: 'Transfers to nursing-home units.' };

/** The four IPLOS measures: the same sentence around the measure's name and its task template. */
function iplos(id: IndicatorId, code: string, nb: { name: string; what: string }, en: { name: string; what: string }): IndicatorDefinition {
  return {
    id,
    better: 'higher',
    words: {
      nb: {
        name: `${nb.name} (IPLOS ${code})`,
        definition: `Andel beboere i sykehjem ${nb.what} siste 12 måneder: utført oppgave «${nb.name}» (oppgavemalen) på beboeren.`,
        trend: IPLOS_TREND.nb,
        unit: '%',
        kinds: NURSING_HOMES.nb,
      },
      en: {
        name: `${en.name} (IPLOS ${code})`,
        definition: `Share of nursing-home residents ${en.what} in the last 12 months: a done “${en.name}” task (the task template) on the resident.`,
        trend: IPLOS_TREND.en,
        unit: '%',
        kinds: NURSING_HOMES.en,
      },
    },
  };
}

export const INDICATORS: Record<IndicatorId, IndicatorDefinition> = {
  occupancy: {
    id: 'occupancy',
    better: 'lower',
    threshold: 'by-kind',
    words: {
      nb: {
        name: 'Belegg',
        definition:
          'Belagte døgn / tilgjengelige døgn × 100, etter midnattstelling: en pasient teller et døgn når hen er på enheten (i seng, eller på listen i hjemmetjenesten) ved midnatt. Tilgjengelige døgn er enhetens plasser × antall dager. Samme regel som «Belegg nå»: pasienter / plasser.',
        trend: 'Midnattstellingen den dagen / plassene × 100.',
        unit: '%',
        threshold: 'Normen gjelder enhetstypen: sykehus 85 %, korttid 90 %, sykehjem 100 % (fullt), hjemmetjeneste 100 % av plassene.',
        kinds: 'Hele kommunen: enheter med senger (sykehus, sykehjem, korttid). Én enhet: etter sin type, hjemmetjenesten som pasienter av plasser. Ikke tildelingskontoret.',
      },
      en: {
        name: 'Occupancy',
        definition:
          'Occupied days / available days × 100, by midnight count: a patient counts one day when on the unit (in a bed, or on the home-care list) at midnight. Available days are the unit’s places × the number of days. The same rule as “Occupancy now”: patients / places.',
        trend: 'The midnight count that day / the places × 100.',
        unit: '%',
        threshold: 'The norm is the unit kind’s: hospital 85 %, short-term 90 %, nursing home 100 % (full), home care 100 % of its places.',
        kinds: 'The whole municipality: units with beds (hospital, nursing home, short-term). One unit: by its kind, home care as patients of places. Not the allocation office.',
      },
    },
  },
  'length-of-stay': {
    id: 'length-of-stay',
    better: 'lower',
    words: {
      nb: {
        name: 'Gjennomsnittlig liggetid',
        definition: 'Liggedøgn (midnattstelling) i perioden / utskrivninger i perioden.',
        trend: 'Liggedøgn / utskrivninger de siste 28 dagene fram til dagen.',
        unit: 'døgn',
        kinds: 'Sykehusavdelinger, sykehjem, korttid og hjemmesykehus.',
      },
      en: {
        name: 'Average length of stay',
        definition: 'Bed-days (midnight count) in the period / discharges in the period.',
        trend: 'Bed-days / discharges in the 28 days up to the day.',
        unit: 'days',
        kinds: 'Hospital wards, nursing homes, short-term stays and hospital at home.',
      },
    },
  },
  'tasks-on-time': {
    id: 'tasks-on-time',
    better: 'higher',
    words: {
      nb: {
        name: 'Oppgaver i tide',
        definition:
          'Oppgaver utført innen fristen (inntil 30 minutter etter, som for en medisinrunde) / oppgaver med frist i perioden × 100. Hoppede over og slettede oppgaver teller ikke; en oppgave uten frist teller ikke.',
        trend: 'Oppgaver med frist den dagen: andel utført innen fristen.',
        unit: '%',
        kinds: 'Alle enheter.',
      },
      en: {
        name: 'Tasks on time',
        definition:
          'Tasks done by their due time (up to 30 minutes after, as for a medication round) / tasks due in the period × 100. Skipped and deleted tasks do not count; a task without a due time does not count.',
        trend: 'Tasks due that day: the share done by their due time.',
        unit: '%',
        kinds: 'All units.',
      },
    },
  },
  'workload-per-staff': {
    id: 'workload-per-staff',
    better: 'lower',
    words: {
      nb: {
        name: 'Pleietyngde per ansatt',
        definition:
          'Sum ADL-poeng (pleienivå 1–5; 9 = ikke vurdert teller ikke) for pasientene ved vaktstart / ansatte til stede på vakten, summert over vaktene i perioden.',
        trend: 'Samme brøk for vaktene den dagen.',
        unit: 'poeng per ansatt',
        kinds: 'Enheter som registrerer bemanning.',
      },
      en: {
        name: 'Care workload per staff',
        definition:
          'Sum of ADL points (care level 1–5; 9 = not assessed does not count) of the patients at the start of the shift / staff present on the shift, summed over the shifts in the period.',
        trend: 'The same fraction for the shifts that day.',
        unit: 'points per staff',
        kinds: 'Units that record staffing.',
      },
    },
  },
  'discharge-ready-days': {
    id: 'discharge-ready-days',
    better: 'lower',
    words: {
      nb: {
        name: 'Utskrivningsklare døgn',
        definition:
          'Døgn fra utskrivningsklar til utskrevet, talt ved midnatt, for alle utskrivningsklare pasienter; kommunen betaler døgnprisen for hvert slikt døgn.',
        trend: 'Utskrivningsklare pasienter ved midnatt den dagen.',
        unit: 'døgn',
        kinds: 'Alle enheter (også pasienter fra PLO-meldinger på tildelingskontoret).',
      },
      en: {
        name: 'Discharge-ready days',
        definition:
          'Days from discharge-ready to discharged, counted at midnight, for all discharge-ready patients; the municipality pays the daily rate for each such day.',
        trend: 'Discharge-ready patients at midnight that day.',
        unit: 'days',
        kinds: 'All units (also patients from PLO messages at the allocation office).',
      },
    },
  },
  'iplos-medication-review': iplos(
    'iplos-medication-review',
    'poLegeMiddGj',
    { name: 'Legemiddelgjennomgang', what: 'med legemiddelgjennomgang' },
    { name: 'Medication review', what: 'with a medication review' },
  ),
  'iplos-nutrition-screening': iplos(
    'iplos-nutrition-screening',
    'poErnKartlagt',
    { name: 'Ernæringskartlegging', what: 'med ernæringskartlegging' },
    { name: 'Nutrition screening', what: 'with a nutrition screening' },
  ),
  'iplos-physician-assessment': iplos(
    'iplos-physician-assessment',
    'poVurdLege',
    { name: 'Legevurdering', what: 'vurdert av lege' },
    { name: 'Physician assessment', what: 'assessed by a physician' },
  ),
  'iplos-dental-assessment': iplos(
    'iplos-dental-assessment',
    'poVurdTann',
    { name: 'Tannhelsevurdering', what: 'med tannhelsevurdering' },
    { name: 'Dental assessment', what: 'with a dental assessment' },
  ),
  'nursing-home-wait': {
    id: 'nursing-home-wait',
    better: 'lower',
    threshold: 61,
    words: {
      nb: {
        name: 'Ventetid på sykehjemsplass',
        definition:
          'Dager fra vedtak til oppstart: fra overføringen til en sykehjemsavdeling ble forespurt til pasienten var ankommet, i snitt for dem som startet i perioden.',
        trend: 'Snitt for dem som startet de siste 28 dagene fram til dagen.',
        unit: 'dager',
        threshold: 'Lovens frist er 2 måneder.',
        kinds: NURSING_HOME_TRANSFERS.nb,
      },
      en: {
        name: 'Wait for a nursing-home place',
        definition:
          'Days from decision to start: from the transfer to a nursing-home unit was requested until it was completed, on average for those who started in the period.',
        trend: 'Average for those who started in the 28 days up to the day.',
        unit: 'days',
        threshold: 'The statutory deadline is 2 months.',
        kinds: NURSING_HOME_TRANSFERS.en,
      },
    },
  },
  'nursing-home-deadline': {
    id: 'nursing-home-deadline',
    better: 'higher',
    words: {
      nb: {
        name: 'Sykehjemsplass innen 2 måneder',
        definition:
          'Startet innen 2 måneder etter vedtak / (startet i perioden + venter ved periodens slutt forbi fristen) × 100.',
        trend: 'Samme brøk for de siste 28 dagene fram til dagen.',
        unit: '%',
        kinds: NURSING_HOME_TRANSFERS.nb,
      },
      en: {
        name: 'Nursing-home place within 2 months',
        definition:
          'Started within 2 months of the decision / (started in the period + waiting past the deadline at the end of the period) × 100.',
        trend: 'The same fraction for the 28 days up to the day.',
        unit: '%',
        kinds: NURSING_HOME_TRANSFERS.en,
      },
    },
  },
  'pathway-steps-on-time': {
    id: 'pathway-steps-on-time',
    better: 'higher',
    words: {
      nb: {
        name: 'Forløpssteg i tide',
        definition:
          'Steg i tjenesteforløp utført innen fristen / steg med frist i perioden × 100, per enhet og forløpsmal. Et steg satt til «ikke aktuelt» teller ikke (verken over eller under brøkstreken); et steg utført etter fristen, eller ikke utført, teller bare under brøkstreken. Utført betyr trykket «Utført» eller registrert arbeid (en utført oppgave av stegets type), det tidligste av dem.',
        trend: 'Steg med frist den dagen: andel utført innen fristen.',
        unit: '%',
        kinds: 'Enheter med tjenesteforløp (hjemmetjeneste, korttid, sykehjem).',
      },
      en: {
        name: 'Pathway steps on time',
        definition:
          'Steps of service pathways done by their deadline / steps whose deadline fell in the period × 100, per unit and pathway template. A step marked “not applicable” counts in neither; a step done after its deadline, or not done, counts in the denominator only. Done means tapped “Done” or recorded work (a done task of the step’s kind), whichever came first.',
        trend: 'Steps due that day: the share done by their deadline.',
        unit: '%',
        kinds: 'Units with service pathways (home care, short-term, nursing homes).',
      },
    },
  },
};

/** Named in DOMAIN.md but not computed here, and why (shown on screen so nobody looks for it). */
export const NOT_COMPUTED: Record<IndicatorLanguage, readonly { name: string; why: string }[]> = {
  nb: [
    {
      name: 'Reinnleggelse innen 30 dager, 67+',
      why: 'Krever å kjenne igjen samme person på tvers av opphold og alder, altså persondata; lederbildet har bare aggregater.',
    },
  ],
  en: [
    {
      name: 'Readmission within 30 days, 67+',
      why: 'It needs to recognise the same person across stays and their age, that is personal data; the leader view holds aggregates only.',
    },
  ],
};

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

/** A share 0–1 in per cent to one decimal, as the leader's exports write shares (`*_prosent`); null stays null. */
export function sharePercent(share: number | null): number | null {
  return share === null ? null : round1(share * 100);
}

/** A ratio, or null when there is nothing to divide by. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** The unit kinds whose length of stay is counted (not home care's lists, not the allocation office). */
export const LENGTH_OF_STAY_KINDS: ReadonlySet<string> = new Set(['hospital-ward', 'nursing-home', 'short-term', 'home-hospital']);

/**
 * Whether an indicator counts a unit of this kind at all: where it does not, a unit has no figure
 * ("–"); where it does and has none, nothing was registered ("ingen registreringer").
 */
export function countsKind(id: IndicatorId, kind: string): boolean {
  if (id === 'occupancy') return kind !== 'allocation-office';
  if (id === 'length-of-stay') return LENGTH_OF_STAY_KINDS.has(kind);
  if (id.startsWith('iplos-') || id.startsWith('nursing-home-')) return kind === 'nursing-home';
  return true;
}
