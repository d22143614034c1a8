/** Words of the shared emergency reception's board (issue 17, docs/shared-reception.md) in bokmål and English: `language.t.reception`. */

import type { Disposition, EncounterStatus, TriageColour } from '../../../shared/reception/reception-kinds.js';

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
}

const ORGANISATIONS_NB: Record<string, string> = { legevakt: 'Legevakt', sykehus: 'Sykehus' };
const ORGANISATIONS_EN: Record<string, string> = { legevakt: 'Out-of-hours service', sykehus: 'Hospital' };
/** An organisation the words do not know shows as its id, capitalised: ids are lowercase letters and digits. */
const named = (names: Record<string, string>) => (id: string) => names[id] ?? id.charAt(0).toUpperCase() + id.slice(1);

export const nbReception: ReceptionText = {
  queue: 'Kø',
  bays: 'Plasser',
  recent: 'Nylig ferdig',
  empty: 'Ingen pasienter i mottaket',
  free: 'Ledig',
  forOrganisation: (name) => `Tavla for ${name}`,
  organisation: named(ORGANISATIONS_NB),
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
  unlockForDetails: 'Lås opp for å se egne pasienters opplysninger',
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
  unlockForDetails: "Unlock to see your own patients' details",
};
