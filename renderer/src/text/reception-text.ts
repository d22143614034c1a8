/** Words of the shared emergency reception's board (issue 17, docs/shared-reception.md) in bokmål and English: `language.t.reception`. */

import { ORGANISATION_NAMES_NB, organisationName, type Disposition, type EncounterStatus, type TriageColour } from '../../../shared/reception/reception-kinds.js';

export interface ReceptionText {
  queue: string;
  bays: string;
  recent: string;
  empty: string;
  free: string;
  /** The board's own organisation, in the header. */
  forOrganisation: (name: string) => string;
  organisation: (id: string) => string;
  colour: Record<TriageColour, string>;
  untriaged: string;
  status: Record<EncounterStatus, string>;
  disposition: Record<Disposition, string>;
  waited: (minutes: number) => string;
  sinceTriage: (minutes: number) => string;
  firstTriage: (time: string) => string;
  responsible: (name: string) => string;
  reason: string;
  note: string;
  triage: string;
  assess: string;
  handoverTo: (name: string) => string;
  dispose: string;
  unlockForDetails: string;
  /** The leader view's figures per reception and organisation (point 5) and their definitions. */
  leader: {
    heading: (hours: number) => string;
    organisationHeading: (reception: string, organisation: string) => string;
    arrivals: string;
    arrivalsDefinition: string;
    perHour: (n: string) => string;
    byHour: string;
    hour: string;
    colour: string;
    encounters: string;
    toTriage: string;
    toTriageDefinition: string;
    toAssessment: string;
    toAssessmentDefinition: string;
    target: string;
    onTarget: string;
    onTargetDefinition: string;
    dispositions: string;
    dispositionsDefinition: string;
    handovers: string;
    handoversDefinition: string;
    handoversOut: string;
    handoversIn: string;
    minutes: (value: string) => string;
  };
}

const ORGANISATIONS_EN: Record<string, string> = { legevakt: 'Out-of-hours service', sykehus: 'Hospital' };
const named = (names: Readonly<Record<string, string>>) => (id: string) => organisationName(names, id);

export const nbReception: ReceptionText = {
  queue: 'Kø',
  bays: 'Plasser',
  recent: 'Nylig ferdig',
  empty: 'Ingen pasienter i mottaket',
  free: 'Ledig',
  forOrganisation: (name) => `Tavla for ${name}`,
  organisation: named(ORGANISATION_NAMES_NB),
  colour: { red: 'Rød', orange: 'Oransje', yellow: 'Gul', green: 'Grønn', blue: 'Blå' },
  untriaged: 'Ikke triagert',
  status: { waiting: 'Venter', triaged: 'Triagert', assessment: 'Under vurdering', admitted: 'Innlagt', kad: 'KAD', home: 'Hjem', transferred: 'Overført' },
  disposition: { admitted: 'Innlagt', kad: 'KAD', home: 'Hjem', transferred: 'Overført' },
  waited: (m) => `${m} min siden ankomst`,
  sinceTriage: (m) => `${m} min siden triage`,
  firstTriage: (time) => `først triagert ${time}`,
  responsible: (name) => `ansvar: ${name}`,
  reason: 'Henvendelse',
  note: 'Notat',
  triage: 'Triage',
  assess: 'Til vurdering',
  handoverTo: (name) => `Overfør til ${name}`,
  dispose: 'Videre til',
  unlockForDetails: 'Lås opp for å se egne pasienters opplysninger og for å triagere',
  leader: {
    heading: (hours) => `Felles mottak: siste ${hours} timer`,
    organisationHeading: (reception, organisation) => `${reception} – ${organisation}`,
    arrivals: 'Ankomster',
    arrivalsDefinition: 'Pasienter organisasjonen tok imot i perioden, og per time (ankomster / timer i perioden). Etter klokketime (norsk tid) i tabellen under.',
    perHour: (n) => `${n} per time`,
    byHour: 'Ankomster etter klokketime',
    hour: 'Time',
    colour: 'Første triagefarge',
    encounters: 'Pasienter',
    toTriage: 'Tid til triage (median)',
    toTriageDefinition: 'Minutter fra ankomst til første triage, median for pasientene med den første triagefargen (RETTS).',
    toAssessment: 'Tid til første vurdering (median)',
    toAssessmentDefinition: 'Minutter fra ankomst til pasienten først ble tatt til vurdering, median per første triagefarge.',
    target: 'mål',
    onTarget: 'innen mål',
    onTargetDefinition: 'Andel av pasientene med tiden registrert som var innenfor mottakets mål for fargen (mål settes per mottak).',
    dispositions: 'Videre til',
    dispositionsDefinition: 'Pasienter som forlot mottaket i perioden mens organisasjonen hadde ansvaret, etter hvor de gikk videre.',
    handovers: 'Overføringer',
    handoversDefinition: 'Ansvar overført mellom organisasjonene i perioden, hver vei.',
    handoversOut: 'Overført fra',
    handoversIn: 'Overført til',
    minutes: (value) => `${value} min`,
  },
};

export const enReception: ReceptionText = {
  queue: 'Queue',
  bays: 'Bays',
  recent: 'Recently left',
  empty: 'No patients in the reception',
  free: 'Free',
  forOrganisation: (name) => `Board of ${name}`,
  organisation: named(ORGANISATIONS_EN),
  colour: { red: 'Red', orange: 'Orange', yellow: 'Yellow', green: 'Green', blue: 'Blue' },
  untriaged: 'Not triaged',
  status: { waiting: 'Waiting', triaged: 'Triaged', assessment: 'Under assessment', admitted: 'Admitted', kad: 'Municipal acute bed', home: 'Home', transferred: 'Transferred' },
  disposition: { admitted: 'Admitted', kad: 'Municipal acute bed', home: 'Home', transferred: 'Transferred' },
  waited: (m) => `${m} min since arrival`,
  sinceTriage: (m) => `${m} min since triage`,
  firstTriage: (time) => `first triaged ${time}`,
  responsible: (name) => `responsible: ${name}`,
  reason: 'Reason for contact',
  note: 'Note',
  triage: 'Triage',
  assess: 'To assessment',
  handoverTo: (name) => `Hand over to ${name}`,
  dispose: 'Leaves for',
  unlockForDetails: "Unlock to see your own patients' details and to triage",
  leader: {
    heading: (hours) => `Shared reception: last ${hours} hours`,
    organisationHeading: (reception, organisation) => `${reception} – ${organisation}`,
    arrivals: 'Arrivals',
    arrivalsDefinition: 'Patients the organisation received in the period, and per hour (arrivals / hours in the period). By hour of the day (Norwegian time) in the table below.',
    perHour: (n) => `${n} per hour`,
    byHour: 'Arrivals by hour of day',
    hour: 'Hour',
    colour: 'First triage colour',
    encounters: 'Patients',
    toTriage: 'Time to triage (median)',
    toTriageDefinition: 'Minutes from arrival to the first triage, the median for the patients of that first triage colour (RETTS).',
    toAssessment: 'Time to first assessment (median)',
    toAssessmentDefinition: 'Minutes from arrival to when the patient was first taken to assessment, the median per first triage colour.',
    target: 'target',
    onTarget: 'on target',
    onTargetDefinition: "Share of the patients with the time recorded who were within the reception's target for the colour (targets are set per reception).",
    dispositions: 'Left for',
    dispositionsDefinition: 'Patients who left the reception in the period while the organisation was responsible, by where they went.',
    handovers: 'Handovers',
    handoversDefinition: 'Responsibility handed over between the organisations in the period, each way.',
    handoversOut: 'Handed over by',
    handoversIn: 'Handed over to',
    minutes: (value) => `${value} min`,
  },
};
