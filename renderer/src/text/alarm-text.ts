/** Words of the home-care board's alarm strip (issue 15, docs/alarms.md) in bokmål and English: `language.t.alarm`. */

import type { HandlingState, Severity } from '../../../shared/alarm/vkp-codes.js';

export interface AlarmText {
  heading: string;
  none: string;
  technical: string;
  severity: Record<Severity, string>;
  state: Record<HandlingState, string>;
  unknownUser: string;
  route: (route: string) => string;
  /** An alarm no route has (an unmatched patient): shown to every route, tap to give it one. */
  noRoute: string;
  chooseRoute: string;
  noRoutes: string;
  clearRoute: string;
  age: (minutes: number) => string;
  acceptedBy: (name: string) => string;
  banner: (n: number) => string;
  accept: string;
  escalate: string;
  close: string;
  reason: string;
  summary: string;
  send: string;
  /** The leader view's alarm figures and their definitions. */
  leader: {
    heading: (days: number) => string;
    banner: (unit: string, n: number) => string;
    columns: { unit: string; severity: string; alarms: string; perDay: string; accept: string; close: string; escalated: string };
    seconds: (s: number | null) => string;
    share: (share: number | null) => string;
    definitions: string[];
  };
}

export const nbAlarm: AlarmText = {
  heading: 'Varsler',
  none: 'Ingen åpne varsler',
  technical: 'Tekniske hendelser',
  severity: { red: 'Rød', yellow: 'Gul', green: 'Grønn' },
  state: { reported: 'Meldt', handling: 'Behandles', callout: 'Til utrykning', accepted: 'Tatt', closed: 'Kvittert' },
  unknownUser: 'Ukjent bruker',
  route: (route) => `rute ${route}`,
  noRoute: 'Ingen rute – velg',
  chooseRoute: 'Velg rute for varselet',
  noRoutes: 'Ingen ruter har besøk i dag',
  clearRoute: 'Ta av ruten',
  age: (minutes) => (minutes < 1 ? 'nå nettopp' : minutes < 60 ? `${minutes} min siden` : `${Math.floor(minutes / 60)} t ${minutes % 60} min siden`),
  acceptedBy: (name) => `tatt av ${name}`,
  banner: (n) => (n === 1 ? 'Et varsel er ikke tatt i tide' : `${n} varsler er ikke tatt i tide`),
  accept: 'Ta',
  escalate: 'Eskaler',
  close: 'Lukk',
  reason: 'Hvorfor eskaleres varselet?',
  summary: 'Kort oppsummering',
  send: 'Lagre',
  leader: {
    heading: (days) => `Varsler fra velferdsteknologi, siste ${days} dager`,
    banner: (unit, n) => `${unit}: ${n === 1 ? 'ett varsel' : `${n} varsler`} ikke tatt i tide`,
    columns: { unit: 'Enhet', severity: 'Alvorlighet', alarms: 'Varsler', perDay: 'Per dag', accept: 'Tid til tatt (median)', close: 'Tid til lukket (median)', escalated: 'Eskalert' },
    seconds: (s) => (s === null ? '–' : s < 120 ? `${s} s` : `${Math.round(s / 60)} min`),
    share: (share) => (share === null ? '–' : `${Math.round(share * 100)} %`),
    definitions: [
      'Tid til tatt: fra varselet ble meldt til det først ble behandlet eller tatt, median over varslene som ble tatt.',
      'Tid til lukket: fra varselet ble meldt til det ble kvittert, median over de lukkede.',
      'Per dag: pasientvarsler meldt i perioden delt på antall dager. Eskalert: andel av varslene som ble eskalert.',
      'Tekniske hendelser (batteri, enhet frakoblet) telles ikke. Ingen personopplysninger vises.',
    ],
  },
};

export const enAlarm: AlarmText = {
  heading: 'Alarms',
  none: 'No open alarms',
  technical: 'Technical events',
  severity: { red: 'Red', yellow: 'Yellow', green: 'Green' },
  state: { reported: 'Reported', handling: 'Being handled', callout: 'Call-out', accepted: 'Taken', closed: 'Closed' },
  unknownUser: 'Unknown user',
  route: (route) => `route ${route}`,
  noRoute: 'No route – choose',
  chooseRoute: 'Choose a route for the alarm',
  noRoutes: 'No route has visits today',
  clearRoute: 'Take it off the route',
  age: (minutes) => (minutes < 1 ? 'just now' : minutes < 60 ? `${minutes} min ago` : `${Math.floor(minutes / 60)} h ${minutes % 60} min ago`),
  acceptedBy: (name) => `taken by ${name}`,
  banner: (n) => (n === 1 ? 'An alarm was not taken in time' : `${n} alarms were not taken in time`),
  accept: 'Take',
  escalate: 'Escalate',
  close: 'Close',
  reason: 'Why is the alarm escalated?',
  summary: 'Short summary',
  send: 'Save',
  leader: {
    heading: (days) => `Welfare-technology alarms, last ${days} days`,
    banner: (unit, n) => `${unit}: ${n === 1 ? 'one alarm' : `${n} alarms`} not taken in time`,
    columns: { unit: 'Unit', severity: 'Severity', alarms: 'Alarms', perDay: 'Per day', accept: 'Time to take (median)', close: 'Time to close (median)', escalated: 'Escalated' },
    seconds: (s) => (s === null ? '–' : s < 120 ? `${s} s` : `${Math.round(s / 60)} min`),
    share: (share) => (share === null ? '–' : `${Math.round(share * 100)} %`),
    definitions: [
      'Time to take: from the alarm being reported to it first being handled or taken, median over the alarms taken.',
      'Time to close: from reported to closed, median over the closed ones.',
      'Per day: patient alarms reported in the period divided by the days. Escalated: share of the alarms escalated.',
      'Technical events (battery, device offline) are not counted. No personal data is shown.',
    ],
  },
};
