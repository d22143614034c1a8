/**
 * Words and number formats of the leader view in bokmål and English (`language.t.leader`); times in
 * Oslo. Counts agree with their number ("1 enhet", "2 enheter").
 */

import type { BenefitIndicator } from '../../../shared/indicators/benefits.js';
import { enPanels, nbPanels, type LeaderPanelText } from './leader-panel-text.js';
import { counter, type Forms } from './plural.js';
import { TIME_ZONE } from '../../../shared/time/oslo.js';

type Figure = number | null | undefined;

/** The leader view's tabs (state/leader-state.svelte.ts `LEADER_TABS`; the view indexes `tabs` by them, so a new tab without words is a type error there). */
type LeaderTab = 'capacity' | 'flow' | 'indicators' | 'forecast' | 'benefits';

/** The shell and capacity tab here; the other panels' words in text/leader-panel-text.ts. */
export interface LeaderText extends LeaderPanelText {
  tabs: Record<LeaderTab, string>;
  /** Lower-case shift names inside a sentence ("Bemanning gjelder dagvakt 3. mars"). */
  shift: Record<string, string>;
  transferStatus: Record<string, string>;
  benefitIndicator: Record<BenefitIndicator, string>;
  rateSource: Record<string, string>;
  all: string;
  /** "–" for no figure; otherwise the figure in the language's style. */
  num: (value: Figure) => string;
  dec: (value: Figure) => string;
  pct: (value: Figure) => string;
  nok: (value: Figure) => string;
  /** A calendar date "YYYY-MM-DD" as "3. mars" (dates are Oslo dates already). */
  dateText: (day: string) => string;
  /** "on. 3. mars". */
  weekdayText: (day: string) => string;
  /** "mars 2024" from "2024-03". */
  monthText: (month: string) => string;
  /** "14:05" in Oslo. */
  clockText: (ms: number) => string;
  /** A counted noun: `count(3, 'unit')` is "3 enheter". */
  count: (n: number, noun: LeaderNoun) => string;
  view: {
    title: string;
    aggregatesOnly: string;
    readOnly: string;
    updated: (time: string) => string;
    signedInAs: (who: string) => string;
    signOut: string;
    tablist: string;
    loadFailed: (why: string) => string;
    loading: Record<LeaderTab, string>;
    boards: string;
  };
  /** The capacity tab. */
  capacity: {
    kindsTitle: string;
    freeOf: (beds: string) => string;
    onLists: string;
    kindLine: (units: string, occupancy: string, blocked: string) => string;
    summary: (f: { occupied: string; beds: string; occupancy: string; free: string; patients: string; ready: string; shift: string; date: string }) => string;
    heatmap: string;
    tableTitle: string;
    columns: readonly string[];
    notRecorded: string;
    unassessed: (n: number) => string;
    noUnits: string;
    loadingTable: string;
  };
  exportFailed: (why: string) => string;
  downloadCsv: string;
  saved: (what: string) => string;
  notSaved: (why: string) => string;
  rateSaved: (year: number) => string;
  benefitAdded: (name: string) => string;
  benefitNotAdded: (why: string) => string;
}

/** The nouns the leader view counts. */
export type LeaderNoun = 'unit' | 'patient' | 'bed' | 'day' | 'calendarDay' | 'task';

const zone = TIME_ZONE;

function formats(locale: string, dash = '–') {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const kroner = new Intl.NumberFormat(locale, { style: 'currency', currency: 'NOK', maximumFractionDigits: 0 });
  const dayMonth = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const weekdayDay = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  const monthYear = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: zone });
  const or = (format: (value: number) => string) => (value: Figure) => (value === null || value === undefined ? dash : format(value));
  return {
    num: or((v) => integer.format(v)),
    dec: or((v) => decimal.format(v)),
    pct: or((v) => `${decimal.format(v)} %`),
    nok: or((v) => kroner.format(v)),
    dateText: (day: string) => dayMonth.format(new Date(`${day}T12:00:00Z`)),
    weekdayText: (day: string) => weekdayDay.format(new Date(`${day}T12:00:00Z`)),
    monthText: (month: string) => monthYear.format(new Date(`${month}-15T12:00:00Z`)),
    clockText: (ms: number) => clock.format(new Date(ms)),
    counted: (nouns: Record<LeaderNoun, Forms>) => {
      const count = counter(locale, (n) => integer.format(n));
      return (n: number, noun: LeaderNoun) => count(n, nouns[noun]);
    },
  };
}

const { counted: nbCounted, ...nbFormats } = formats('nb-NO');
const { counted: enCounted, ...enFormats } = formats('en-GB');

export const nbLeader: LeaderText = {
  tabs: { capacity: 'Kapasitet nå', flow: 'Pasientflyt', indicators: 'Indikatorer', forecast: 'Prognose', benefits: 'Gevinster' },
  shift: { day: 'dagvakt', evening: 'kveldsvakt', night: 'nattevakt' },
  transferStatus: { requested: 'Forespurt', accepted: 'Godtatt', scheduled: 'Planlagt', completed: 'Ankommet', cancelled: 'Avbrutt', declined: 'Avslått' },
  benefitIndicator: {
    'discharge-ready-days': 'Utskrivningsklare døgn',
    'tasks-on-time': 'Oppgaver i tide',
    'transfers-on-board': 'Overføringer på tavla',
    'length-of-stay': 'Liggetid',
  },
  rateSource: {
    hub: 'satt av leder for året',
    'allocation-office': 'tildelingskontorets sats',
    'earlier-year': 'tidligere års sats',
    default: 'standard, satsen for 2024',
  },
  all: 'Alle',
  ...nbPanels,
  ...nbFormats,
  count: nbCounted({
    unit: { one: 'enhet', other: 'enheter' },
    patient: { one: 'pasient', other: 'pasienter' },
    bed: { one: 'seng', other: 'senger' },
    day: { one: 'døgn', other: 'døgn' },
    calendarDay: { one: 'dag', other: 'dager' },
    task: { one: 'oppgave', other: 'oppgaver' },
  }),
  view: {
    title: 'Kommuneoversikt',
    aggregatesOnly: 'bare samlede tall, ingen personopplysninger',
    readOnly: 'kun visning',
    updated: (time) => `Oppdatert ${time}`,
    signedInAs: (who) => `Logget inn som ${who}`,
    signOut: 'Logg ut',
    tablist: 'Lederbildet',
    loadFailed: (why) => `Kunne ikke hente tallene: ${why}`,
    loading: {
      capacity: 'Henter kapasitet …',
      flow: 'Henter pasientflyt …',
      indicators: 'Henter indikatorer …',
      forecast: 'Henter prognose …',
      benefits: 'Henter gevinster …',
    },
    boards: 'Tavlene',
  },
  capacity: {
    kindsTitle: 'Ledige plasser per type enhet',
    freeOf: (beds) => `ledige av ${beds}`,
    onLists: 'pasienter på listene',
    kindLine: (units, occupancy, blocked) => `${units} · belegg ${occupancy} · ${blocked} sperret`,
    summary: (f) =>
      `Hele kommunen: ${f.occupied} av ${f.beds} i bruk (${f.occupancy}), ${f.free} ledige, ${f.patients}, ${f.ready} utskrivningsklare. Bemanning gjelder ${f.shift} ${f.date}`,
    heatmap: 'Varmekart',
    tableTitle: 'Kapasitet per enhet',
    columns: ['Enhet', 'Type', 'Senger', 'Belegg', 'Ledige', 'Reservert', 'Sperret', 'Til rengjøring', 'Pasienter', 'Utskrivningsklare', 'Bemanning (til stede / plan)', 'ADL-poeng', 'Per ansatt', 'Åpne oppgaver', 'Forfalt'],
    notRecorded: 'ikke registrert',
    unassessed: (n) => `(+${n} ikke vurdert)`,
    noUnits: 'Ingen enheter har synkronisert ennå.',
    loadingTable: 'Henter tabellen …',
  },
  exportFailed: (why) => `Eksporten feilet: ${why}`,
  downloadCsv: 'Last ned CSV',
  saved: (what) => `${what} er lagret.`,
  notSaved: (why) => `Ikke lagret: ${why}`,
  rateSaved: (year) => `Døgnprisen for ${year} er lagret.`,
  benefitAdded: (name) => `Gevinsten «${name}» er lagt til.`,
  benefitNotAdded: (why) => `Ikke lagt til: ${why}`,
};

export const enLeader: LeaderText = {
  tabs: { capacity: 'Capacity now', flow: 'Patient flow', indicators: 'Indicators', forecast: 'Forecast', benefits: 'Benefits' },
  shift: { day: 'day shift', evening: 'evening shift', night: 'night shift' },
  transferStatus: { requested: 'Requested', accepted: 'Accepted', scheduled: 'Scheduled', completed: 'Arrived', cancelled: 'Cancelled', declined: 'Declined' },
  benefitIndicator: {
    'discharge-ready-days': 'Discharge-ready days',
    'tasks-on-time': 'Tasks on time',
    'transfers-on-board': 'Transfers on the board',
    'length-of-stay': 'Length of stay',
  },
  rateSource: {
    hub: 'set by a leader for the year',
    'allocation-office': "the allocation office's rate",
    'earlier-year': "an earlier year's rate",
    default: 'default, the 2024 rate',
  },
  all: 'All',
  ...enPanels,
  ...enFormats,
  count: enCounted({
    unit: { one: 'unit', other: 'units' },
    patient: { one: 'patient', other: 'patients' },
    bed: { one: 'bed', other: 'beds' },
    day: { one: 'day', other: 'days' },
    calendarDay: { one: 'day', other: 'days' },
    task: { one: 'task', other: 'tasks' },
  }),
  view: {
    title: 'Municipality overview',
    aggregatesOnly: 'aggregates only, no personal data',
    readOnly: 'view only',
    updated: (time) => `Updated ${time}`,
    signedInAs: (who) => `Signed in as ${who}`,
    signOut: 'Sign out',
    tablist: 'Leader view',
    loadFailed: (why) => `Could not load the figures: ${why}`,
    loading: {
      capacity: 'Loading capacity …',
      flow: 'Loading patient flow …',
      indicators: 'Loading indicators …',
      forecast: 'Loading the forecast …',
      benefits: 'Loading benefits …',
    },
    boards: 'The boards',
  },
  capacity: {
    kindsTitle: 'Free places by kind of unit',
    freeOf: (beds) => `free of ${beds}`,
    onLists: 'patients on the lists',
    kindLine: (units, occupancy, blocked) => `${units} · occupancy ${occupancy} · ${blocked} blocked`,
    summary: (f) =>
      `The whole municipality: ${f.occupied} of ${f.beds} in use (${f.occupancy}), ${f.free} free, ${f.patients}, ${f.ready} discharge-ready. Staffing for the ${f.shift} ${f.date}`,
    heatmap: 'Heatmap',
    tableTitle: 'Capacity per unit',
    columns: ['Unit', 'Kind', 'Beds', 'Occupancy', 'Free', 'Reserved', 'Blocked', 'Being cleaned', 'Patients', 'Discharge-ready', 'Staffing (present / planned)', 'ADL points', 'Per staff', 'Open tasks', 'Overdue'],
    notRecorded: 'not recorded',
    unassessed: (n) => `(+${n} not assessed)`,
    noUnits: 'No units have synchronised yet.',
    loadingTable: 'Loading the table …',
  },
  exportFailed: (why) => `The export failed: ${why}`,
  downloadCsv: 'Download CSV',
  saved: (what) => `${what} is saved.`,
  notSaved: (why) => `Not saved: ${why}`,
  rateSaved: (year) => `The daily rate for ${year} is saved.`,
  benefitAdded: (name) => `The benefit “${name}” is added.`,
  benefitNotAdded: (why) => `Not added: ${why}`,
};
