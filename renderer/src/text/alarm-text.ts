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
  age: (minutes: number) => string;
  acceptedBy: (name: string) => string;
  banner: (n: number) => string;
  accept: string;
  escalate: string;
  close: string;
  reason: string;
  summary: string;
  send: string;
}

export const nbAlarm: AlarmText = {
  heading: 'Varsler',
  none: 'Ingen åpne varsler',
  technical: 'Tekniske hendelser',
  severity: { red: 'Rød', yellow: 'Gul', green: 'Grønn' },
  state: { reported: 'Meldt', handling: 'Behandles', callout: 'Til utrykning', accepted: 'Tatt', closed: 'Kvittert' },
  unknownUser: 'Ukjent bruker',
  route: (route) => `rute ${route}`,
  age: (minutes) => (minutes < 1 ? 'nå nettopp' : minutes < 60 ? `${minutes} min siden` : `${Math.floor(minutes / 60)} t ${minutes % 60} min siden`),
  acceptedBy: (name) => `tatt av ${name}`,
  banner: (n) => (n === 1 ? 'Et varsel er ikke tatt i tide' : `${n} varsler er ikke tatt i tide`),
  accept: 'Ta',
  escalate: 'Eskaler',
  close: 'Lukk',
  reason: 'Hvorfor eskaleres varselet?',
  summary: 'Kort oppsummering',
  send: 'Lagre',
};

export const enAlarm: AlarmText = {
  heading: 'Alarms',
  none: 'No open alarms',
  technical: 'Technical events',
  severity: { red: 'Red', yellow: 'Yellow', green: 'Green' },
  state: { reported: 'Reported', handling: 'Being handled', callout: 'Call-out', accepted: 'Taken', closed: 'Closed' },
  unknownUser: 'Unknown user',
  route: (route) => `route ${route}`,
  age: (minutes) => (minutes < 1 ? 'just now' : minutes < 60 ? `${minutes} min ago` : `${Math.floor(minutes / 60)} h ${minutes % 60} min ago`),
  acceptedBy: (name) => `taken by ${name}`,
  banner: (n) => (n === 1 ? 'An alarm was not taken in time' : `${n} alarms were not taken in time`),
  accept: 'Take',
  escalate: 'Escalate',
  close: 'Close',
  reason: 'Why is the alarm escalated?',
  summary: 'Short summary',
  send: 'Save',
};
