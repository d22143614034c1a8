/**
 * Words of the leader view's panels (indicators, forecast, patient flow, benefits, heatmap, charts)
 * in bokmål and English; part of `language.t.leader` (text/leader-text.ts).
 */

import { BENEFIT_INDICATORS, BENEFIT_TEXT, type BenefitIndicator } from '../../../shared/indicators/benefits.js';
import { INDICATOR_IDS, INDICATORS, NOT_COMPUTED, type IndicatorId, type IndicatorLanguage, type IndicatorWords } from '../../../shared/indicators/definitions.js';

/** What a benefit measures and what one unit of it is, as the panel says it. */
interface BenefitWords {
  name: string;
  value: string;
  unitOfBenefit: string;
}

/** The words of a forecast's backtest verdict. */
interface VerdictText {
  tooShort: (what: string) => string;
  beats: (what: string, mae: string, baseline: string, origins: string) => string;
  fails: (what: string, how: string) => string;
  same: (mae: string) => string;
  against: (mae: string, baseline: string) => string;
}

export interface LeaderPanelText {
  /** Each indicator's name, definition, trend rule, unit and threshold (shared/indicators/definitions.ts). */
  indicator: Record<IndicatorId, IndicatorWords>;
  /** An indicator's name as a narrow column heading (the full name stays in its title). */
  heading: (name: string) => string;
  notComputed: readonly { name: string; why: string }[];
  picker: { unit: string; whole: string };
  chart: { showFigures: string; day: string };
  indicators: {
    title: (where: string, from: string, to: string) => string;
    whole: string;
    period: string;
    trendsCsv: string;
    fhir: string;
    dischargeReadyCost: (nok: string) => string;
    notComputed: string;
    perUnit: string;
    caption: string;
    noData: string;
    /** "3 døgn over 30 dager". */
    readyParts: (days: string, span: string) => string;
    definition: string;
    trend: string;
    chartLabel: (name: string, trend: string) => string;
  };
  /** The pathway indicator's drill-down: per unit and template, how each step that fell due went. */
  pathways: {
    title: string;
    caption: string;
    columns: { unit: string; template: string; step: string; due: string; onTime: string; late: string; notDone: string; share: string };
    none: string;
  };
  forecast: {
    title: (name: string) => string;
    methodTitle: string;
    methodStart: (patients: string, points: string, day: string) => string;
    method: string;
    backtest: string;
    what: { occupancy: string; workload: string };
    verdict: VerdictText;
    unitsBeating: (beating: string, scored: string) => string;
    chartLabel: (name: string) => string;
    forecastSeries: string;
    capacitySeries: string;
    caption: string;
    dayColumns: readonly string[];
    perUnit: string;
    unitColumns: readonly string[];
    better: { tooShort: string; yes: string; same: string; no: string };
  };
  flow: {
    readyTitle: string;
    summary: (patients: string, days: string, cost: string) => string;
    rate: (year: string, nok: string, source: string) => string;
    countRule: string;
    readyCaption: string;
    readyColumns: readonly string[];
    noneWaiting: string;
    monthsTitle: string;
    monthsChart: string;
    costSeries: string;
    monthColumns: readonly string[];
    noMonths: string;
    year: string;
    rateField: string;
    saveRate: string;
    transfersTitle: string;
    transferColumns: readonly string[];
    noTransfers: string;
  };
  benefits: {
    title: string;
    what: Record<BenefitIndicator, BenefitWords>;
    remove: string;
    allUnits: string;
    baseline: (from: string, to: string) => string;
    measured: (span: string | null) => string;
    improvement: string;
    valueInPeriod: string;
    per30Days: string;
    unitLine: (value: string, units: string, unitOfBenefit: string, cost: string) => string;
    assumptions: string;
    none: (readOnly: boolean) => string;
    newTitle: string;
    name: string;
    indicator: string;
    baselineFrom: string;
    baselineTo: string;
    measureFrom: string;
    unitCost: (unitOfBenefit: string) => string;
    scope: string;
    scopeAll: string;
    add: string;
    hint: (rate: string) => string;
  };
  heatmap: {
    label: string;
    columns: { occupancy: string; free: string; blocked: string; ready: string; workload: string; overdue: string };
    legend: { low: string; middle: string; high: string; veryHigh: string };
    rule: string;
  };
  /** Figures that agree (issue 13, point 8): occupancy by kind, no figure without registrations, axes, data age. */
  figures: {
    /** A figure with nothing registered behind it: said in words, never 0 %. */
    noRecords: string;
    /** The heatmap's occupancy rule, with each kind's limits ("Sykehjem 97 / 100 / 105 %"). */
    heatRule: (limits: string) => string;
    kindLimits: (kind: string, limits: string) => string;
    /** The municipality's occupancy now, the same line on every tab. */
    municipalOccupancy: (value: string, patients: string, places: string) => string;
    /** A list unit's tile: "12 pasienter av 20 plasser". */
    patientsOfPlaces: (patients: string, places: string) => string;
    places: (n: number) => string;
    /** Axis titles: each chart's axis in its own unit. */
    axis: { percent: string; days: string; patients: string; pointsPerStaff: string; day: string; month: string; weekday: string };
    /** The chart's name for screen readers, with its axes. */
    axes: (label: string, y: string, x: string) => string;
    daysSeries: string;
    /** Data age. */
    lastReceived: (time: string) => string;
    neverReceived: string;
    offline: (since: string) => string;
    staleUnits: (units: string) => string;
  };
}

const indicatorWords = (language: IndicatorLanguage) =>
  Object.fromEntries(INDICATOR_IDS.map((id) => [id, INDICATORS[id].words[language]])) as Record<IndicatorId, IndicatorWords>;

/** The bokmål words of the benefits as shared/indicators/benefits.ts holds them (main words assumptions with them too). */
const nbBenefits = Object.fromEntries(
  BENEFIT_INDICATORS.map((id) => [id, { name: BENEFIT_TEXT[id].name, value: BENEFIT_TEXT[id].value, unitOfBenefit: BENEFIT_TEXT[id].unitOfBenefit }]),
) as Record<BenefitIndicator, BenefitWords>;

/**
 * A column heading: the name without its IPLOS variable (the heading's title keeps it) and, in
 * bokmål, with soft hyphens where its compounds join, so a narrow column breaks a word there, with a
 * hyphen, and never inside a part (Chromium has no bokmål hyphenation dictionary on these screens).
 */
function columnHeading(joints: readonly string[]): (name: string) => string {
  return (name) =>
    joints.reduce((text, joint) => {
      const cut = joint.indexOf('|');
      return text.replace(new RegExp(joint.replace('|', ''), 'gi'), (word) => `${word.slice(0, cut)}\u00AD${word.slice(cut)}`);
    }, name.replace(/ \(IPLOS [A-Za-z]+\)$/, ''));
}

const NB_JOINTS = ['gjennom|snittlig', 'legemiddel|gjennomgang', 'ernærings|kartlegging', 'tannhelse|vurdering', 'lege|vurdering', 'utskrivnings|klare', 'sykehjems|plass', 'pleie|tyngde', 'forløps|steg', 'vente|tid'];

export const nbPanels: LeaderPanelText = {
  indicator: indicatorWords('nb'),
  heading: columnHeading(NB_JOINTS),
  notComputed: NOT_COMPUTED.nb,
  picker: { unit: 'Enhet', whole: 'Hele kommunen' },
  chart: { showFigures: 'Vis tallene', day: 'Dag' },
  indicators: {
    title: (where, from, to) => `Indikatorer for ${where}, ${from}–${to}`,
    whole: 'hele kommunen',
    period: 'Periode',
    trendsCsv: 'Trender som CSV',
    fhir: 'FHIR MeasureReport',
    dischargeReadyCost: (nok) => `Utskrivningsklare døgn i perioden kostet ${nok} etter døgnprisen.`,
    notComputed: 'ikke beregnet.',
    perUnit: 'Per enhet',
    caption: 'Indikatorer per enhet i perioden',
    noData: 'ingen data',
    readyParts: (days, span) => `${days} over ${span}`,
    definition: 'Definisjon:',
    trend: 'Trend:',
    chartLabel: (name, trend) => `${name} per dag: ${trend}`,
  },
  pathways: {
    title: 'Forløpssteg i tide per enhet og forløpsmal',
    caption: 'Steg med frist i perioden per forløpsmal: utført i tide, for sent og ikke utført',
    columns: { unit: 'Enhet', template: 'Forløp', step: 'Steg', due: 'Med frist', onTime: 'I tide', late: 'For sent', notDone: 'Ikke utført', share: 'Andel i tide' },
    none: 'Ingen forløpssteg hadde frist i perioden.',
  },
  forecast: {
    title: (name) => `Forventet behov neste 7 dager: ${name}`,
    methodTitle: 'Slik er prognosen laget',
    methodStart: (patients, points, day) => `Vi starter med midnattstellingen sist natt (${patients} og ${points} ADL-poeng ved midnatt etter ${day}).`,
    method:
      'For hver av de neste 7 dagene legger vi til innleggelsene og trekker fra utskrivningene som er vanlige for den ukedagen (snittet av de siste 8 ukene). Der vi vet om flere, bruker vi dem: overføringer som er godtatt eller planlagt, og forventet utskrivningsdato. Tallet holdes mellom 0 og kapasiteten. Pleietyngden (ADL-poeng) regnes på samme måte.',
    backtest:
      'Testet på historikken: for hver av de siste (opptil) 28 dagene lages prognosen med bare det som var kjent da, og sammenlignes med det som skjedde. Sammenligningen er den sesongnaive metoden: samme ukedag uken før. Forventet utskrivningsdato har ikke tidsstempel og er derfor ikke med i testen.',
    what: { occupancy: 'belegg', workload: 'pleietyngde' },
    verdict: {
      tooShort: (what) => `For lite historikk til å teste prognosen for ${what} (trenger minst 3 uker).`,
      beats: (what, mae, baseline, origins) =>
        `Prognosen for ${what} traff bedre enn den sesongnaive metoden: gjennomsnittlig bom ${mae} mot ${baseline} (${origins} testdager × 7 dager fram).`,
      fails: (what, how) => `Prognosen for ${what} slår IKKE den sesongnaive metoden (samme ukedag forrige uke): ${how}. Bruk den med forsiktighet.`,
      same: (mae) => `begge bommer i snitt ${mae}`,
      against: (mae, baseline) => `gjennomsnittlig bom ${mae} mot ${baseline}`,
    },
    unitsBeating: (beating, scored) => `${beating} av ${scored} testede enheter får lavere feil enn den sesongnaive metoden for belegg.`,
    chartLabel: (name) => `Prognose for belegg (pasienter) neste 7 dager, ${name}`,
    forecastSeries: 'Belegg (prognose)',
    capacitySeries: 'Kapasitet',
    caption: 'Prognose per dag',
    dayColumns: ['Dag', 'Belegg', 'Belegg %', 'ADL-poeng', 'Kjente innleggelser', 'Kjente utskrivninger'],
    perUnit: 'Per enhet',
    unitColumns: ['Enhet', 'Belegg i natt', 'Om 7 dager', 'Bom (prognose)', 'Bom (sesongnaiv)', 'Bedre enn naiv?'],
    better: { tooShort: 'for lite historikk', yes: 'ja', same: 'nei (like god)', no: 'nei' },
  },
  flow: {
    readyTitle: 'Utskrivningsklare pasienter som venter',
    summary: (patients, days, cost) => `${patients} venter nå, ${days} i alt, påløpt ${cost}.`,
    rate: (year, nok, source) => `Døgnpris ${year}: ${nok} (${source}).`,
    countRule: 'Et døgn telles ved hver midnatt etter at pasienten ble meldt utskrivningsklar.',
    readyCaption: 'Utskrivningsklare pasienter, uten navn',
    readyColumns: ['Nr.', 'Enhet', 'Utskrivningsklar fra', 'Døgn', 'Påløpt'],
    noneWaiting: 'Ingen utskrivningsklare pasienter venter.',
    monthsTitle: 'Utskrivningsklare døgn per måned',
    monthsChart: 'Utskrivningsklare døgn per måned (kostnaden står i tabellen)',
    costSeries: 'Kostnad (kr)',
    monthColumns: ['Måned', 'Pasienter', 'Døgn', 'Kostnad'],
    noMonths: 'Ingen utskrivningsklare døgn de siste 12 månedene.',
    year: 'År',
    rateField: 'Døgnpris (kr)',
    saveRate: 'Lagre døgnpris',
    transfersTitle: 'Overføringer underveis',
    transferColumns: ['Fra', 'Til', 'Status', 'Alder (døgn)', 'Planlagt'],
    noTransfers: 'Ingen overføringer underveis.',
  },
  benefits: {
    title: 'Gevinstrealisering',
    what: nbBenefits,
    remove: 'Fjern',
    allUnits: 'alle enheter',
    baseline: (from, to) => `Grunnlinje ${from}–${to}`,
    measured: (span) => `Målt ${span ?? '(ikke begynt)'}`,
    improvement: 'Forbedring',
    valueInPeriod: 'Gevinst i måleperioden',
    per30Days: 'Per 30 dager',
    unitLine: (value, units, unitOfBenefit, cost) => `Målt verdi: ${value}. ${units} × ${unitOfBenefit} à ${cost}.`,
    assumptions: 'Forutsetninger',
    none: (readOnly) =>
      `Ingen gevinster er definert ennå. ${readOnly ? 'En leder definerer dem fra lederbildet på sin egen PC.' : 'Definer en under: hva som skal bli bedre, en grunnlinjeperiode og en enhetskost.'}`,
    newTitle: 'Ny gevinst',
    name: 'Navn',
    indicator: 'Indikator',
    baselineFrom: 'Grunnlinje fra',
    baselineTo: 'Grunnlinje til',
    measureFrom: 'Måles fra (valgfritt)',
    unitCost: (unitOfBenefit) => `Enhetskost (kr per ${unitOfBenefit})`,
    scope: 'Omfang',
    scopeAll: 'Alle enheter',
    add: 'Legg til gevinst',
    hint: (rate) => `For utskrivningsklare døgn er døgnprisen (${rate} kr i 2024) en naturlig enhetskost.`,
  },
  heatmap: {
    label: 'Varmekart over enhetene',
    columns: { occupancy: 'Belegg', free: 'Ledige', blocked: 'Sperret', ready: 'Utskrivningsklare', workload: 'ADL-poeng per ansatt', overdue: 'Forfalte oppgaver' },
    legend: { low: 'lav', middle: 'middels', high: 'høy', veryHigh: 'svært høy' },
    rule: 'Belegg farges mot 85 %-grensen, ledige senger ved 0 og 1, pleietyngde mot medianenheten (20 og 40 % over); de andre kolonnene mot den høyeste enheten.',
  },
  figures: {
    noRecords: 'ingen registreringer',
    heatRule: (limits) =>
      `Belegg farges etter grensene for enhetstypen (middels / høy / svært høy): ${limits}. Forfalte oppgaver etter faste antall: 1 (lav), 3 (middels), 6 (høy) og 10 (svært høy). Ledige senger ved 0 og 1, pleietyngde mot medianenheten (20 og 40 % over), sperret og utskrivningsklare mot den høyeste enheten.`,
    kindLimits: (kind, limits) => `${kind} ${limits} %`,
    municipalOccupancy: (value, patients, places) => `Belegg nå, hele kommunen: ${value} (${patients} av ${places})`,
    patientsOfPlaces: (patients, places) => `${patients} av ${places}`,
    places: (n) => (n === 1 ? '1 plass' : `${new Intl.NumberFormat('nb-NO').format(n)} plasser`),
    axis: { percent: 'prosent (%)', days: 'døgn', patients: 'pasienter', pointsPerStaff: 'poeng per ansatt', day: 'dag', month: 'måned', weekday: 'dag' },
    axes: (label, y, x) => `${label}. Loddrett akse: ${y}, vannrett akse: ${x}.`,
    daysSeries: 'Døgn',
    lastReceived: (time) => `data sist mottatt kl. ${time}`,
    neverReceived: 'ingen data mottatt ennå',
    offline: (since) => `Ingen forbindelse med tavlene: tallene er ikke oppdatert, data sist mottatt kl. ${since}.`,
    staleUnits: (units) => `Har ikke rapportert nylig: ${units}.`,
  },
};

export const enPanels: LeaderPanelText = {
  indicator: indicatorWords('en'),
  heading: columnHeading([]),
  notComputed: NOT_COMPUTED.en,
  picker: { unit: 'Unit', whole: 'The whole municipality' },
  chart: { showFigures: 'Show the figures', day: 'Day' },
  indicators: {
    title: (where, from, to) => `Indicators for ${where}, ${from}–${to}`,
    whole: 'the whole municipality',
    period: 'Period',
    trendsCsv: 'Trends as CSV',
    fhir: 'FHIR MeasureReport',
    dischargeReadyCost: (nok) => `Discharge-ready days in the period cost ${nok} at the daily rate.`,
    notComputed: 'not computed.',
    perUnit: 'Per unit',
    caption: 'Indicators per unit in the period',
    noData: 'no data',
    readyParts: (days, span) => `${days} over ${span}`,
    definition: 'Definition:',
    trend: 'Trend:',
    chartLabel: (name, trend) => `${name} per day: ${trend}`,
  },
  pathways: {
    title: 'Pathway steps on time per unit and template',
    caption: 'Steps due in the period per pathway template: done on time, late and not done',
    columns: { unit: 'Unit', template: 'Pathway', step: 'Step', due: 'Due', onTime: 'On time', late: 'Late', notDone: 'Not done', share: 'Share on time' },
    none: 'No pathway step fell due in the period.',
  },
  forecast: {
    title: (name) => `Expected need the next 7 days: ${name}`,
    methodTitle: 'How the forecast is made',
    methodStart: (patients, points, day) => `We start from last night's midnight count (${patients} and ${points} ADL points at midnight after ${day}).`,
    method:
      'For each of the next 7 days we add the admissions and subtract the discharges usual for that weekday (the average of the last 8 weeks). Where we know of more, we use them: transfers accepted or scheduled, and expected discharge dates. The figure is kept between 0 and the capacity. The care workload (ADL points) is computed the same way.',
    backtest:
      'Tested on the history: for each of the last (up to) 28 days the forecast is made from only what was known then, and compared with what happened. The comparison is the seasonal-naive method: the same weekday the week before. Expected discharge dates have no timestamp and are therefore left out of the test.',
    what: { occupancy: 'occupancy', workload: 'care workload' },
    verdict: {
      tooShort: (what) => `Too little history to test the forecast of ${what} (needs at least 3 weeks).`,
      beats: (what, mae, baseline, origins) =>
        `The forecast of ${what} did better than the seasonal-naive method: mean error ${mae} against ${baseline} (${origins} test days × 7 days ahead).`,
      fails: (what, how) => `The forecast of ${what} does NOT beat the seasonal-naive method (the same weekday last week): ${how}. Use it with care.`,
      same: (mae) => `both miss by ${mae} on average`,
      against: (mae, baseline) => `mean error ${mae} against ${baseline}`,
    },
    unitsBeating: (beating, scored) => `${beating} of ${scored} tested units have a lower error than the seasonal-naive method for occupancy.`,
    chartLabel: (name) => `Forecast of occupancy (patients) the next 7 days, ${name}`,
    forecastSeries: 'Occupancy (forecast)',
    capacitySeries: 'Capacity',
    caption: 'Forecast per day',
    dayColumns: ['Day', 'Occupancy', 'Occupancy %', 'ADL points', 'Known admissions', 'Known discharges'],
    perUnit: 'Per unit',
    unitColumns: ['Unit', 'Occupancy tonight', 'In 7 days', 'Error (forecast)', 'Error (seasonal naive)', 'Better than naive?'],
    better: { tooShort: 'too little history', yes: 'yes', same: 'no (as good)', no: 'no' },
  },
  flow: {
    readyTitle: 'Discharge-ready patients waiting',
    summary: (patients, days, cost) => `${patients} waiting now, ${days} in all, ${cost} accrued.`,
    rate: (year, nok, source) => `Daily rate ${year}: ${nok} (${source}).`,
    countRule: 'A day is counted at each midnight after the patient was reported discharge-ready.',
    readyCaption: 'Discharge-ready patients, without names',
    readyColumns: ['No.', 'Unit', 'Discharge-ready since', 'Days', 'Accrued'],
    noneWaiting: 'No discharge-ready patients are waiting.',
    monthsTitle: 'Discharge-ready days per month',
    monthsChart: 'Discharge-ready days per month (the cost is in the table)',
    costSeries: 'Cost (NOK)',
    monthColumns: ['Month', 'Patients', 'Days', 'Cost'],
    noMonths: 'No discharge-ready days in the last 12 months.',
    year: 'Year',
    rateField: 'Daily rate (NOK)',
    saveRate: 'Save the daily rate',
    transfersTitle: 'Transfers under way',
    transferColumns: ['From', 'To', 'Status', 'Age (days)', 'Scheduled'],
    noTransfers: 'No transfers under way.',
  },
  benefits: {
    title: 'Benefits realisation',
    what: {
      'discharge-ready-days': { name: 'Discharge-ready days avoided', value: 'discharge-ready days per 30 days', unitOfBenefit: 'discharge-ready day avoided' },
      'tasks-on-time': { name: 'More tasks on time', value: '% of tasks done by their due time', unitOfBenefit: 'task done on time that would not have been otherwise' },
      'transfers-on-board': {
        name: 'Transfers agreed on the board instead of by phone',
        value: 'completed transfers on the board per 30 days',
        unitOfBenefit: 'transfer agreed on the board (a round of calls saved)',
      },
      'length-of-stay': { name: 'Shorter length of stay', value: 'average length of stay in days', unitOfBenefit: 'bed-day freed' },
    },
    remove: 'Remove',
    allUnits: 'all units',
    baseline: (from, to) => `Baseline ${from}–${to}`,
    measured: (span) => `Measured ${span ?? '(not begun)'}`,
    improvement: 'Improvement',
    valueInPeriod: 'Benefit in the measured period',
    per30Days: 'Per 30 days',
    unitLine: (value, units, unitOfBenefit, cost) => `Measured value: ${value}. ${units} × ${unitOfBenefit} at ${cost}.`,
    assumptions: 'Assumptions',
    none: (readOnly) =>
      `No benefits are defined yet. ${readOnly ? 'A leader defines them from the leader view on their own PC.' : 'Define one below: what should get better, a baseline period and a unit cost.'}`,
    newTitle: 'New benefit',
    name: 'Name',
    indicator: 'Indicator',
    baselineFrom: 'Baseline from',
    baselineTo: 'Baseline to',
    measureFrom: 'Measured from (optional)',
    unitCost: (unitOfBenefit) => `Unit cost (NOK per ${unitOfBenefit})`,
    scope: 'Scope',
    scopeAll: 'All units',
    add: 'Add the benefit',
    hint: (rate) => `For discharge-ready days the daily rate (NOK ${rate} in 2024) is a natural unit cost.`,
  },
  heatmap: {
    label: 'Heatmap of the units',
    columns: { occupancy: 'Occupancy', free: 'Free', blocked: 'Blocked', ready: 'Discharge-ready', workload: 'ADL points per staff', overdue: 'Overdue tasks' },
    legend: { low: 'low', middle: 'medium', high: 'high', veryHigh: 'very high' },
    rule: 'Occupancy is coloured against the 85 % mark, free beds at 0 and 1, care workload against the median unit (20 and 40 % above); the other columns against the highest unit.',
  },
  figures: {
    noRecords: 'no records',
    heatRule: (limits) =>
      `Occupancy is coloured by the limits of the unit kind (medium / high / very high): ${limits}. Overdue tasks by fixed counts: 1 (low), 3 (medium), 6 (high) and 10 (very high). Free beds at 0 and 1, care workload against the median unit (20 and 40 % above), blocked and discharge-ready against the highest unit.`,
    kindLimits: (kind, limits) => `${kind} ${limits} %`,
    municipalOccupancy: (value, patients, places) => `Occupancy now, the whole municipality: ${value} (${patients} of ${places})`,
    patientsOfPlaces: (patients, places) => `${patients} of ${places}`,
    places: (n) => (n === 1 ? '1 place' : `${new Intl.NumberFormat('en-GB').format(n)} places`),
    axis: { percent: 'per cent (%)', days: 'days', patients: 'patients', pointsPerStaff: 'points per staff', day: 'day', month: 'month', weekday: 'day' },
    axes: (label, y, x) => `${label}. Vertical axis: ${y}, horizontal axis: ${x}.`,
    daysSeries: 'Days',
    lastReceived: (time) => `data last received at ${time}`,
    neverReceived: 'no data received yet',
    offline: (since) => `No connection with the boards: the figures are not updated, data last received at ${since}.`,
    staleUnits: (units) => `Not reported lately: ${units}.`,
  },
};
