/** Words of patient flow (transfers, the allocation office) in bokmål and English: `language.t.flow`. */

import type { DeclineReason, HospitalStatus, TransferConflict, TransferState } from '../../../shared/api/commands/flow.js';
import type { NationalIdProblem } from '../../../shared/domain/national-id.js';
import { TIME_ZONE } from '../../../shared/time/oslo.js';

export interface FlowText {
  transfers: string;
  incoming: string;
  outgoing: string;
  none: string;
  state: Record<TransferState, string>;
  conflict: Record<TransferConflict, string>;
  reason: Record<DeclineReason, string>;
  hospitalStatus: Record<HospitalStatus, string>;
  from: (unit: string) => string;
  to: (unit: string) => string;
  via: (origin: string) => string;
  bed: (label: string) => string;
  scheduledFor: (when: string) => string;
  ago: (age: string) => string;
  age: (ms: number) => string;
  steps: {
    accept: string;
    decline: string;
    schedule: string;
    complete: { in: string; out: string };
    cancel: string;
    place: string;
    request: string;
  };
  /** Accessible names: each button says whose transfer it acts on. */
  stepFor: (step: string, who: string) => string;
  chooseBed: string;
  declineReason: string;
  chooseUnit: string;
  choosePatient: string;
  when: string;
  noFreeBed: string;
  send: string;
  nobodyToSend: string;
  noUnits: string;
  shielded: string;
  allocation: {
    patients: string;
    none: string;
    patient: string;
    hospital: string;
    admitted: string;
    readySince: string;
    days: string;
    cost: string;
    transfer: string;
    action: string;
    totals: (ready: number, days: number, cost: string) => string;
    rate: (rate: string) => string;
    changeRate: string;
    rateLabel: string;
    /** A daily rate that is not a whole number of kroner from 0 to 1 000 000, said before it is sent. */
    rateInvalid: string;
    capacity: string;
    capacityNote: (when: string) => string;
    free: (free: number, beds: number) => string;
    incoming: (n: number) => string;
    unitOption: (name: string, free: number) => string;
    start: string;
    leftHospital: (when: string) => string;
    /** On the row of a patient whose identity number in the hospital's message failed its check: what to do. */
    idProblem: string;
    /** Which check failed, in plain words. */
    idProblemWhy: Record<NationalIdProblem, string>;
    /** On the receiving unit's card of a transfer of such a patient: what to do there. */
    idProblemIncoming: string;
  };
  money: (nok: number) => string;
  date: (iso: string) => string;
  dateTime: (iso: string) => string;
  /** Accountable transfers (issue 13, point 6): the new-request banner, what the receiver prepares with, who took each step. */
  accountable: AccountableText;
}

export interface AccountableText {
  /** The banner's heading for n new requests. */
  banner: (n: number) => string;
  /** One request in the banner: initials (or the shielded word) and where from. */
  bannerLine: (who: string, from: string) => string;
  show: string;
  dismiss: string;
  adl: (level: number | null) => string;
  twoCarers: (needed: boolean) => string;
  risk: string;
  noRisk: string;
  summary: string;
  summaryLocked: string;
  noSummary: string;
  /** "Godtatt (Liv Leder)": a step's word and who took it. */
  by: (step: string, name: string) => string;
  chime: string;
  chimeOn: string;
  chimeOff: string;
  /** The sender's form: what goes with the request. */
  details: string;
  summaryLabel: string;
  adlLabel: string;
  adlUnknown: string;
  twoCarersLabel: string;
  /** The office's patient name, shown only on an unlocked screen. */
  nameOf: string;
}

const nbAccountable: AccountableText = {
  banner: (n) => (n === 1 ? 'Ny forespørsel om overføring' : `${n} nye forespørsler om overføring`),
  bannerLine: (who, from) => `${who} fra ${from}`,
  show: 'Vis forespørselen',
  dismiss: 'Lukk',
  adl: (level) => (level === null ? 'ADL ikke oppgitt' : `ADL ${level}`),
  twoCarers: (needed) => (needed ? 'Trenger to pleiere' : 'Én pleier'),
  risk: 'Risiko',
  noRisk: 'Ingen risiko meldt',
  summary: 'Sammendrag',
  summaryLocked: 'Lås opp for å lese sammendraget',
  noSummary: 'Ingen sammendrag',
  by: (step, name) => `${step} (${name})`,
  chime: 'Lyd ved ny forespørsel',
  chimeOn: 'På',
  chimeOff: 'Av',
  details: 'Opplysninger til mottaker',
  summaryLabel: 'Sammendrag til mottaker',
  adlLabel: 'ADL (1–5)',
  adlUnknown: 'ikke oppgitt',
  twoCarersLabel: 'Trenger to pleiere',
  nameOf: 'Navn',
};

const enAccountable: AccountableText = {
  banner: (n) => (n === 1 ? 'New transfer request' : `${n} new transfer requests`),
  bannerLine: (who, from) => `${who} from ${from}`,
  show: 'Show the request',
  dismiss: 'Close',
  adl: (level) => (level === null ? 'ADL not given' : `ADL ${level}`),
  twoCarers: (needed) => (needed ? 'Needs two carers' : 'One carer'),
  risk: 'Risk',
  noRisk: 'No risk reported',
  summary: 'Summary',
  summaryLocked: 'Unlock to read the summary',
  noSummary: 'No summary',
  by: (step, name) => `${step} (${name})`,
  chime: 'Sound on a new request',
  chimeOn: 'On',
  chimeOff: 'Off',
  details: 'Details for the receiving unit',
  summaryLabel: 'Summary for the receiving unit',
  adlLabel: 'ADL (1–5)',
  adlUnknown: 'not given',
  twoCarersLabel: 'Needs two carers',
  nameOf: 'Name',
};

const zone = TIME_ZONE;

function make(locale: string) {
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'NOK', maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: zone });
  const dateTime = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: zone });
  return { money: (nok: number) => money.format(nok), date: (iso: string) => date.format(new Date(iso)), dateTime: (iso: string) => dateTime.format(new Date(iso)) };
}

/** "5 min", "3 t", "2 døgn": how old a decision is, coarser the older it gets. */
function ageIn(units: { min: string; hour: string; day: (n: number) => string }) {
  return (ms: number) => {
    const minutes = Math.max(0, Math.floor(ms / 60_000));
    if (minutes < 60) return `${minutes} ${units.min}`;
    const hours = Math.floor(minutes / 60);
    if (hours < 48) return `${hours} ${units.hour}`;
    return units.day(Math.floor(hours / 24));
  };
}

export const nbFlow: FlowText = {
  transfers: 'Overføringer',
  incoming: 'Til oss',
  outgoing: 'Fra oss',
  none: 'Ingen overføringer nå.',
  state: { requested: 'Forespurt', accepted: 'Godtatt', scheduled: 'Planlagt', declined: 'Avslått', cancelled: 'Avbrutt', completed: 'Ankommet' },
  conflict: {
    'completed-and-cancelled': 'Meldt ankommet på én tavle og avbrutt på en annen samtidig: sjekk hvor pasienten er.',
    'completed-and-declined': 'Meldt ankommet på én tavle og avslått på en annen samtidig: sjekk hvor pasienten er.',
    'duplicate-request': 'Pasienten er sendt to steder samtidig: avbryt den ene.',
  },
  reason: { 'no-bed': 'ingen ledig plass', 'care-level': 'feil omsorgsnivå', other: 'annen grunn' },
  hospitalStatus: { admitted: 'Innlagt', 'discharge-ready': 'Utskrivningsklar', withdrawn: 'Ikke lenger utskrivningsklar', discharged: 'Utskrevet', dead: 'Død' },
  from: (unit) => `fra ${unit}`,
  to: (unit) => `til ${unit}`,
  via: (origin) => `(${origin})`,
  bed: (label) => `seng ${label}`,
  scheduledFor: (when) => `planlagt ${when}`,
  ago: (age) => `for ${age} siden`,
  age: ageIn({ min: 'min', hour: 't', day: (n) => `${n} døgn` }),
  steps: {
    accept: 'Godta',
    decline: 'Avslå',
    schedule: 'Planlegg',
    complete: { in: 'Pasienten er kommet', out: 'Pasienten har reist' },
    cancel: 'Avbryt overføring',
    place: 'Gi seng',
    request: 'Be om overføring',
  },
  stepFor: (step, who) => `${step}: ${who}`,
  chooseBed: 'Seng',
  declineReason: 'Grunn til avslag',
  chooseUnit: 'Til enhet',
  choosePatient: 'Pasient',
  when: 'Tidspunkt',
  noFreeBed: 'Ingen ledig seng',
  send: 'Send en pasient',
  nobodyToSend: 'Ingen pasienter å sende.',
  noUnits: 'Ingen andre enheter er meldt inn ennå.',
  shielded: 'Navn skjult',
  allocation: {
    patients: 'Pasienter fra sykehuset',
    none: 'Ingen meldinger fra sykehuset.',
    patient: 'Pasient',
    hospital: 'Sykehus',
    admitted: 'Innlagt',
    readySince: 'Utskrivningsklar siden',
    days: 'Døgn',
    cost: 'Påløpt',
    transfer: 'Overføring',
    action: 'Plass',
    totals: (ready, days, cost) => `${ready} utskrivningsklare · ${days} døgn · ${cost} påløpt`,
    rate: (rate) => `Døgnpris ${rate}`,
    changeRate: 'Endre døgnpris',
    rateLabel: 'Døgnpris (kr)',
    rateInvalid: 'Døgnprisen må være et helt tall fra 0 til 1 000 000 kroner.',
    capacity: 'Ledig kapasitet',
    capacityNote: (when) => `Sist meldt ${when}`,
    free: (free, beds) => `${free} av ${beds} ledig`,
    incoming: (n) => `${n} på vei inn`,
    unitOption: (name, free) => `${name} — ${free} ledig`,
    start: 'Start overføring',
    leftHospital: (when) => `ute av sykehuset ${when}`,
    idProblem: 'Fødselsnummeret i meldingen stemmer ikke – kontroller med sykehuset',
    idProblemIncoming: 'Fødselsnummeret i sykehusets melding stemmer ikke – kontroller hvem som kommer',
    idProblemWhy: {
      length: 'Nummeret har ikke 11 sifre.',
      'check-digits': 'Kontrollsifrene stemmer ikke, eller datoen i nummeret finnes ikke.',
      century: 'Individnummeret passer ikke med fødselsåret.',
      future: 'Fødselsdatoen i nummeret er etter i dag.',
      'birth-date': 'Nummeret passer ikke med fødselsdatoen i meldingen.',
    },
  },
  accountable: nbAccountable,
  ...make('nb-NO'),
};

export const enFlow: FlowText = {
  transfers: 'Transfers',
  incoming: 'Coming to us',
  outgoing: 'Leaving us',
  none: 'No transfers now.',
  state: { requested: 'Requested', accepted: 'Accepted', scheduled: 'Scheduled', declined: 'Declined', cancelled: 'Cancelled', completed: 'Arrived' },
  conflict: {
    'completed-and-cancelled': 'Marked arrived on one board and cancelled on another at the same time: check where the patient is.',
    'completed-and-declined': 'Marked arrived on one board and declined on another at the same time: check where the patient is.',
    'duplicate-request': 'The patient was sent to two places at once: cancel one.',
  },
  reason: { 'no-bed': 'no free place', 'care-level': 'wrong level of care', other: 'other reason' },
  hospitalStatus: { admitted: 'Admitted', 'discharge-ready': 'Discharge-ready', withdrawn: 'No longer discharge-ready', discharged: 'Discharged', dead: 'Died' },
  from: (unit) => `from ${unit}`,
  to: (unit) => `to ${unit}`,
  via: (origin) => `(${origin})`,
  bed: (label) => `bed ${label}`,
  scheduledFor: (when) => `scheduled ${when}`,
  ago: (age) => `${age} ago`,
  age: ageIn({ min: 'min', hour: 'h', day: (n) => `${n} days` }),
  steps: {
    accept: 'Accept',
    decline: 'Decline',
    schedule: 'Schedule',
    complete: { in: 'Patient has arrived', out: 'Patient has left' },
    cancel: 'Cancel transfer',
    place: 'Assign bed',
    request: 'Request transfer',
  },
  stepFor: (step, who) => `${step}: ${who}`,
  chooseBed: 'Bed',
  declineReason: 'Reason to decline',
  chooseUnit: 'To unit',
  choosePatient: 'Patient',
  when: 'Time',
  noFreeBed: 'No free bed',
  send: 'Send a patient',
  nobodyToSend: 'No patients to send.',
  noUnits: 'No other units have reported yet.',
  shielded: 'Name hidden',
  allocation: {
    patients: 'Patients from hospital',
    none: 'No messages from the hospital.',
    patient: 'Patient',
    hospital: 'Hospital',
    admitted: 'Admitted',
    readySince: 'Discharge-ready since',
    days: 'Days',
    cost: 'Accrued',
    transfer: 'Transfer',
    action: 'Place',
    totals: (ready, days, cost) => `${ready} discharge-ready · ${days} days · ${cost} accrued`,
    rate: (rate) => `Daily rate ${rate}`,
    changeRate: 'Change daily rate',
    rateLabel: 'Daily rate (NOK)',
    rateInvalid: 'The daily rate must be a whole number from 0 to 1,000,000 kroner.',
    capacity: 'Free capacity',
    capacityNote: (when) => `Last reported ${when}`,
    free: (free, beds) => `${free} of ${beds} free`,
    incoming: (n) => `${n} on the way in`,
    unitOption: (name, free) => `${name} — ${free} free`,
    start: 'Start transfer',
    leftHospital: (when) => `left hospital ${when}`,
    idProblem: "The identity number in the hospital's message fails its check – confirm with the hospital",
    idProblemIncoming: "The identity number in the hospital's message fails its check – confirm who arrives",
    idProblemWhy: {
      length: 'The number does not have 11 digits.',
      'check-digits': 'The check digits are wrong, or the date in the number does not exist.',
      century: 'The individual number does not fit the year of birth.',
      future: 'The birth date in the number is after today.',
      'birth-date': 'The number does not match the birth date in the message.',
    },
  },
  accountable: enAccountable,
  ...make('en-GB'),
};
