/**
 * The VKP code lists Tavla knows, as one table that can be updated (issue 15, point 3). The lists are
 * versioned and the live ones are newer than the public copy (NHN's 2024 sample uses alert code 7,
 * "Trygghetsalarm", which is not in v0.9.0), so an alarm keeps the raw code and text it came with and
 * this table only decides how a known code is shown and sorted. An unknown code is shown raw.
 */

export const SEVERITIES = ['green', 'yellow', 'red'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Patient alarms go in the strip; technical events (battery, device offline) in the muted list. */
export const ALARM_KINDS = ['patient', 'technical'] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];

/** The handling states, in the order they happen (VKP composition-event codes). */
export const HANDLING_STATES = ['reported', 'handling', 'callout', 'accepted', 'closed'] as const;
export type HandlingState = (typeof HANDLING_STATES)[number];

/** vkp-composition-event-v090: 0 hendelse_meldt, 1 behandles, 3 kvittert, 4 til_utrykning, 5 ok_utrykning. */
export const EVENT_CODES: Readonly<Record<string, HandlingState>> = {
  '0': 'reported',
  '1': 'handling',
  '4': 'callout',
  '5': 'accepted',
  '3': 'closed',
};
export const EVENT_CODE_OF: Readonly<Record<HandlingState, string>> = {
  reported: '0',
  handling: '1',
  callout: '4',
  accepted: '5',
  closed: '3',
};

export interface AlertCodeEntry {
  /** Bokmål display text (the raw text from the bundle is kept beside it). */
  nb: string;
  en: string;
  kind: AlarmKind;
  /** The severity used when the bundle states none. */
  severity: Severity;
}

/** vkp-alert-code-v090 (a selection) plus codes seen in newer samples. Update here when the list moves. */
export const ALERT_CODES: Readonly<Record<string, AlertCodeEntry>> = {
  '2.2': { nb: 'Måling ikke rapportert', en: 'Measurement not reported', kind: 'patient', severity: 'yellow' },
  '3.3': { nb: 'Dose ikke bekreftet', en: 'Dose not confirmed', kind: 'patient', severity: 'yellow' },
  '3.6': { nb: 'Dispenser tom', en: 'Dispenser empty', kind: 'technical', severity: 'yellow' },
  '3.9': { nb: 'Dispenser ikke tilkoblet', en: 'Dispenser not connected', kind: 'technical', severity: 'green' },
  '3.10': { nb: 'Ingen kontakt med dispenser', en: 'No contact with dispenser', kind: 'technical', severity: 'yellow' },
  '4.1': { nb: 'Fall', en: 'Fall', kind: 'patient', severity: 'red' },
  '4.2': { nb: 'Forlatt sengen', en: 'Left the bed', kind: 'patient', severity: 'yellow' },
  '4.11': { nb: 'Brannalarm', en: 'Fire alarm', kind: 'patient', severity: 'red' },
  '4.13': { nb: 'Knappetrykk', en: 'Button pressed', kind: 'patient', severity: 'red' },
  '4.15': { nb: 'Dør åpnet', en: 'Door opened', kind: 'patient', severity: 'yellow' },
  '4.17': { nb: 'Vannalarm', en: 'Water alarm', kind: 'patient', severity: 'yellow' },
  '4.19': { nb: 'Manglende bevegelse', en: 'No movement', kind: 'patient', severity: 'red' },
  '4.21': { nb: 'Forlatt bolig', en: 'Left home', kind: 'patient', severity: 'red' },
  '4.23': { nb: 'Inaktivitet bad', en: 'Inactivity in bathroom', kind: 'patient', severity: 'red' },
  '7': { nb: 'Trygghetsalarm', en: 'Safety alarm', kind: 'patient', severity: 'red' },
};

/** How a code is shown: the table's text when known, else the raw code and text exactly as received. */
export function alertDisplay(code: string, rawText: string | null, language: 'nb' | 'en'): { text: string; known: boolean } {
  const entry = Object.prototype.hasOwnProperty.call(ALERT_CODES, code) ? ALERT_CODES[code] : undefined;
  if (entry) return { text: `${entry[language]} – ${code}`, known: true };
  return { text: rawText ? `${code} ${rawText}` : code, known: false };
}

/** An unknown code counts as a patient alarm: a possible patient alarm is never hidden in the muted list. */
export function kindOf(code: string): AlarmKind {
  return Object.prototype.hasOwnProperty.call(ALERT_CODES, code) ? ALERT_CODES[code].kind : 'patient';
}
