/** Words of the virtual ward, hospital at home (issue 17), in bokmål and English: `language.t.homehospital`. */

import type { EpisodeOutcome, RoundMode, RoundState, VisitMaker } from '../../../shared/api/commands/homehospital.js';

export interface HomehospitalText {
  heading: string;
  /** "Virtuell seng V3". */
  bed: (label: string) => string;
  free: string;
  /** "Dag 3 av 10" (or "Dag 3" without a planned end). */
  day: (day: number, of: number | null) => string;
  plannedEnd: (date: string) => string;
  nextVisit: (time: string, by: VisitMaker) => string;
  noNextVisit: string;
  maker: Record<VisitMaker, string>;
  roundHeading: string;
  round: Record<RoundState, string>;
  /** "Utført 09:12 · Video". */
  roundDone: (time: string, mode: RoundMode) => string;
  late: { amber: string; red: string };
  mode: Record<RoundMode, string>;
  recordRound: string;
  /** Accessible name of a card's button: "Virtuell seng V3, IH: registrer visitt". */
  openFor: (label: string, who: string) => string;
  recordFor: (who: string) => string;
  escalate: string;
  escalateTo: string;
  end: string;
  outcome: Record<EpisodeOutcome, string>;
  chooseOutcome: string;
  leftToday: string;
  /** "V4 · IH · Eskalert til Medisinsk sengepost 09:40". */
  left: (bed: string, who: string, what: string, time: string) => string;
  escalatedTo: (ward: string) => string;
  roundTimes: (amber: string, red: string) => string;
  /** A free card's button: "Virtuell seng V1: legg inn pasient". */
  admitFor: (label: string) => string;
  /** Admitting to a free virtual bed from the screen. */
  admit: {
    title: (label: string) => string;
    /** The optional identity number's field, typed on the digit pad and shown as dots. */
    nationalId: string;
    /** Fewer or more than 11 digits typed. */
    nationalIdLength: (typed: number) => string;
    /** 11 digits whose date or check digits do not hold. */
    nationalIdCheck: string;
    /** A right number whose date is not the birth date chosen. */
    nationalIdBirthDate: string;
    /** Check digits right, but the individual number gives the year no century (no such number is given). */
    nationalIdCentury: string;
    /** A number whose birth date is after today. */
    nationalIdFuture: string;
    plannedEnd: string;
    started: string;
    startDay: string;
    startTime: string;
    homeCare: string;
    noHomeCare: string;
    nextVisit: string;
    visitDay: string;
    visitTime: string;
    visitBy: string;
    note: string;
    cancel: string;
    missingPlannedEnd: string;
    endBeforeStart: string;
    missingStartTime: string;
    startOutOfRange: (days: number) => string;
    missingVisitTime: string;
    missingVisitMaker: string;
  };
  shared: {
    heading: string;
    from: (unit: string) => string;
    plannedEnd: (date: string) => string;
    nextMunicipalVisit: (time: string) => string;
    noMunicipalVisit: string;
    handedOver: (time: string) => string;
    active: string;
    ended: string;
  };
  /** The leader view's virtual-ward figures and their definitions. */
  leader: {
    heading: string;
    unit: string;
    occupancy: string;
    occupancyDefinition: string;
    bedDays: string;
    bedDaysDefinition: string;
    visits: string;
    visitsDefinition: string;
    escalations: string;
    escalationsDefinition: string;
    readmissions: string;
    readmissionsDefinition: string;
    /** "av 4 med kjent fødselsnummer". */
    ofKnown: (n: number) => string;
    /** A unit's ended episodes keyed under another pseudonym secret than the hub's: never matched. */
    keyedElsewhere: (unit: string, n: number) => string;
  };
}

export const nbHomehospital: HomehospitalText = {
  heading: 'Virtuelle senger',
  bed: (label) => `Virtuell seng ${label}`,
  free: 'Ledig',
  day: (day, of) => (of === null ? `Dag ${day}` : `Dag ${day} av ${of}`),
  plannedEnd: (date) => `Planlagt slutt ${date}`,
  nextVisit: (time, by) => `Neste besøk ${time} · ${by === 'hospital' ? 'sykehuset' : 'kommunen'}`,
  noNextVisit: 'Neste besøk ikke avtalt',
  maker: { hospital: 'Sykehuset', municipality: 'Kommunen' },
  roundHeading: 'Dagens visitt',
  round: { 'not-yet': 'Ikke ennå', done: 'Utført', escalated: 'Eskalert' },
  roundDone: (time, mode) => `Utført ${time} · ${nbHomehospital.mode[mode]}`,
  late: { amber: 'Visitten er sen', red: 'Visitten er forsinket' },
  mode: { home: 'Hjemmebesøk', video: 'Video', phone: 'Telefon' },
  recordRound: 'Registrer visitt',
  openFor: (label, who) => `Virtuell seng ${label}, ${who}: registrer visitt`,
  recordFor: (who) => `Dagens visitt for ${who}`,
  escalate: 'Tilbake til sykehuset',
  escalateTo: 'Sengepost',
  end: 'Avslutt forløpet',
  outcome: { 'home-care': 'Overført til hjemmetjenesten', 'self-managed': 'Klarer seg selv', 'back-to-ward': 'Tilbake til sengepost', died: 'Død' },
  chooseOutcome: 'Hvordan endte forløpet?',
  leftToday: 'Ut av virtuell seng i dag',
  left: (bed, who, what, time) => `${bed} · ${who} · ${what} ${time}`,
  escalatedTo: (ward) => `Eskalert til ${ward}`,
  roundTimes: (amber, red) => `Visitt gul etter ${amber}, rød etter ${red}`,
  admitFor: (label) => `Virtuell seng ${label}: legg inn pasient`,
  admit: {
    title: (label) => `Legg inn i virtuell seng ${label}`,
    nationalId: 'Fødselsnummer / D-nummer',
    nationalIdLength: (typed) => `Fødselsnummeret har 11 sifre – ${typed} er tastet.`,
    nationalIdCheck: 'Kontroller fødselsnummeret – kontrollsifrene stemmer ikke.',
    nationalIdBirthDate: 'Fødselsnummeret passer ikke med fødselsdatoen – kontroller begge.',
    nationalIdCentury: 'Kontroller fødselsnummeret – individnummeret passer ikke med fødselsåret.',
    nationalIdFuture: 'Kontroller fødselsnummeret – fødselsdatoen i nummeret er etter i dag.',
    plannedEnd: 'Planlagt slutt',
    started: 'Startet (hvis registrert i etterkant)',
    startDay: 'Startdato',
    startTime: 'Startet kl.',
    homeCare: 'Kommunens hjemmetjeneste',
    noHomeCare: 'Ingen',
    nextVisit: 'Neste besøk',
    visitDay: 'Dag for neste besøk',
    visitTime: 'Neste besøk kl.',
    visitBy: 'Hvem gjør besøket',
    note: 'Notat (vises ikke på tavla)',
    cancel: 'Avbryt',
    missingPlannedEnd: 'Velg planlagt slutt.',
    endBeforeStart: 'Planlagt slutt kan ikke være før starten.',
    missingStartTime: 'Velg klokkeslett for starten.',
    startOutOfRange: (days) => `Starten må være innen de siste ${days} dagene, og ikke fram i tid.`,
    missingVisitTime: 'Velg klokkeslett for neste besøk.',
    missingVisitMaker: 'Velg hvem som gjør neste besøk.',
  },
  shared: {
    heading: 'Delte pasienter fra hjemmesykehuset',
    from: (unit) => `Fra ${unit}`,
    plannedEnd: (date) => `Planlagt slutt ${date}`,
    nextMunicipalVisit: (time) => `Neste kommunale besøk ${time}`,
    noMunicipalVisit: 'Ingen kommunale besøk avtalt',
    handedOver: (time) => `Overført til hjemmetjenesten ${time}`,
    active: 'Innlagt i virtuell seng',
    ended: 'Avsluttet',
  },
  leader: {
    heading: 'Hjemmesykehus: virtuelle senger siste 30 dager',
    unit: 'Enhet',
    occupancy: 'Belegg nå',
    occupancyDefinition: 'Virtuelle senger med pasient nå / virtuelle senger i drift × 100.',
    bedDays: 'Liggedøgn',
    bedDaysDefinition: 'Pasienter i virtuell seng ved hver midnatt i perioden, lagt sammen.',
    visits: 'Visitter og besøk',
    visitsDefinition: 'Registrerte visitter og besøk i perioden, etter om de var hjemmebesøk, video eller telefon.',
    escalations: 'Eskaleringer',
    escalationsDefinition: 'Pasienter sendt tilbake til sengepost i perioden (den virtuelle sengen ble ledig). Avsluttede forløp telles etter utfall i kolonnene etter.',
    readmissions: 'Reinnlagt innen 30 dager',
    readmissionsDefinition: 'Forløp avsluttet i perioden der kommunen har fått PLO-melding om innlagt pasient for samme pasient 8 timer til 30 døgn etter, koblet med en hashet nøkkel, aldri fødselsnummeret.',
    ofKnown: (n) => `av ${n} med kjent fødselsnummer`,
    keyedElsewhere: (unit, n) => `${unit}: ${n} ${n === 1 ? 'avsluttet forløp' : 'avsluttede forløp'} kan ikke kobles til PLO-meldingene, for tavla bruker en annen pseudonymnøkkel enn kommunen. De er ikke med i reinnleggelsene. Meld fra til IT.`,
  },
};

export const enHomehospital: HomehospitalText = {
  heading: 'Virtual beds',
  bed: (label) => `Virtual bed ${label}`,
  free: 'Free',
  day: (day, of) => (of === null ? `Day ${day}` : `Day ${day} of ${of}`),
  plannedEnd: (date) => `Planned end ${date}`,
  nextVisit: (time, by) => `Next visit ${time} · ${by === 'hospital' ? 'hospital' : 'municipality'}`,
  noNextVisit: 'Next visit not arranged',
  maker: { hospital: 'Hospital', municipality: 'Municipality' },
  roundHeading: "Today's round",
  round: { 'not-yet': 'Not yet', done: 'Done', escalated: 'Escalated' },
  roundDone: (time, mode) => `Done ${time} · ${enHomehospital.mode[mode]}`,
  late: { amber: 'The round is late', red: 'The round is overdue' },
  mode: { home: 'Home visit', video: 'Video', phone: 'Phone' },
  recordRound: 'Record round',
  openFor: (label, who) => `Virtual bed ${label}, ${who}: record round`,
  recordFor: (who) => `Today's round for ${who}`,
  escalate: 'Back to hospital',
  escalateTo: 'Ward',
  end: 'End the episode',
  outcome: { 'home-care': 'Handed to home care', 'self-managed': 'Self-managed', 'back-to-ward': 'Back to a ward', died: 'Died' },
  chooseOutcome: 'How did the episode end?',
  leftToday: 'Left a virtual bed today',
  left: (bed, who, what, time) => `${bed} · ${who} · ${what} ${time}`,
  escalatedTo: (ward) => `Escalated to ${ward}`,
  roundTimes: (amber, red) => `Round amber after ${amber}, red after ${red}`,
  admitFor: (label) => `Virtual bed ${label}: admit a patient`,
  admit: {
    title: (label) => `Admit to virtual bed ${label}`,
    nationalId: 'National identity number',
    nationalIdLength: (typed) => `The identity number has 11 digits – ${typed} typed.`,
    nationalIdCheck: 'Check the identity number – the check digits do not match.',
    nationalIdBirthDate: 'The identity number does not match the date of birth – check both.',
    nationalIdCentury: 'Check the identity number – the individual number does not fit the year of birth.',
    nationalIdFuture: 'Check the identity number – its date of birth is after today.',
    plannedEnd: 'Planned end',
    started: 'Started (if registered afterwards)',
    startDay: 'Start date',
    startTime: 'Started at',
    homeCare: 'Municipal home care',
    noHomeCare: 'None',
    nextVisit: 'Next visit',
    visitDay: 'Day of the next visit',
    visitTime: 'Next visit at',
    visitBy: 'Who makes the visit',
    note: 'Note (not shown on the board)',
    cancel: 'Cancel',
    missingPlannedEnd: 'Choose the planned end.',
    endBeforeStart: 'The planned end cannot be before the start.',
    missingStartTime: 'Choose the time of the start.',
    startOutOfRange: (days) => `The start must be within the last ${days} days, and not ahead.`,
    missingVisitTime: 'Choose the time of the next visit.',
    missingVisitMaker: 'Choose who makes the next visit.',
  },
  shared: {
    heading: 'Patients shared by the home hospital',
    from: (unit) => `From ${unit}`,
    plannedEnd: (date) => `Planned end ${date}`,
    nextMunicipalVisit: (time) => `Next municipal visit ${time}`,
    noMunicipalVisit: 'No municipal visit arranged',
    handedOver: (time) => `Handed to home care ${time}`,
    active: 'In a virtual bed',
    ended: 'Ended',
  },
  leader: {
    heading: 'Home hospital: virtual beds, last 30 days',
    unit: 'Unit',
    occupancy: 'Occupancy now',
    occupancyDefinition: 'Virtual beds with a patient now / virtual beds in service × 100.',
    bedDays: 'Bed-days',
    bedDaysDefinition: 'Patients in a virtual bed at each midnight of the period, added up.',
    visits: 'Rounds and visits',
    visitsDefinition: 'Rounds and visits recorded in the period, by home visit, video or phone.',
    escalations: 'Escalations',
    escalationsDefinition: 'Patients sent back to a ward in the period (the virtual bed was freed). Ended episodes are counted by outcome in the columns after.',
    readmissions: 'Readmitted within 30 days',
    readmissionsDefinition: 'Episodes ended in the period whose patient the hub received a PLO admission message for 8 hours to 30 days later, matched by a hashed key, never the identity number.',
    ofKnown: (n) => `of ${n} with a known identity number`,
    keyedElsewhere: (unit, n) => `${unit}: ${n} ended ${n === 1 ? 'episode' : 'episodes'} cannot be matched to the PLO messages, because the board uses another pseudonym key than the municipality. They are not in the readmissions. Tell IT.`,
  },
};
