/** Words of home care's base station (issue 15) in bokmål and English: `language.t.homecare`. */

import type { VisitOutcome, VisitStatus } from '../../../shared/api/commands/homecare.js';

export interface HomecareText {
  heading: string;
  /** Where the welfare-technology alarms will show, above the day (points 3–5 of issue 15). */
  alarms: string;
  noVisits: string;
  noRoute: string;
  route: (name: string) => string;
  /** Accessible name of a route's list: "Rute 1, 4 besøk, 1 forsinket". */
  routeSummary: (name: string, visits: number, late: number) => string;
  window: (from: string, to: string) => string;
  status: Record<VisitStatus, string>;
  /** A done visit started after its window. */
  doneLate: string;
  twoCarers: string;
  twoCarersLabel: string;
  carer: (name: string) => string;
  /** A visit template's title, by its code (main/homecare/visit-templates.ts); a long compound has a soft hyphen where it joins, for a narrow button or card. */
  template: Record<string, string>;
  start: string;
  complete: string;
  outcome: Record<VisitOutcome, string>;
  /** "Avslutt besøket hos OH: hva skjedde?" */
  chooseOutcome: (who: string) => string;
  cancel: string;
  /** Accessible names: each button says whose visit it acts on. */
  startFor: (who: string) => string;
  completeFor: (who: string) => string;
  showAccess: string;
  showAccessFor: (who: string) => string;
  keyBox: string;
  accessNote: string;
  none: string;
  /** The base station's form for planning a visit (`visit.plan`). */
  plan: {
    open: string;
    title: string;
    patient: string;
    noPatients: string;
    what: string;
    ownTitle: string;
    day: string;
    from: string;
    to: string;
    carers: string;
    carerCount: (n: 1 | 2) => string;
    route: string;
    newRoute: string;
    newRouteName: string;
    repeat: string;
    once: string;
    daily: string;
    weekdays: string;
    forDays: string;
    days: (n: number) => string;
    fewer: string;
    more: string;
    submit: string;
    missingPatient: string;
    missingWhat: string;
    missingTime: string;
    endBeforeStart: string;
    /** Said under the clocks when a night window ends after midnight. */
    endsNextDay: string;
    tooLong: (hours: number) => string;
    missingRoute: string;
  };
  capacity: {
    heading: string;
    patients: string;
    visitsPlanned: string;
    visitsDone: string;
    visitsNotDone: string;
    visitsLate: string;
    hoursPlanned: string;
    staffPresent: string;
    unknown: string;
    hours: (n: string) => string;
    definitions: string;
  };
  leader: {
    heading: string;
    unit: string;
    day: string;
    patients: string;
    visitsToday: string;
    visitsDoneToday: string;
    withinWindow: string;
    withinWindowDefinition: string;
    notDone: string;
    notDoneDefinition: string;
    notHome: string;
    refused: string;
    cancelled: string;
    capacityDefinition: string;
    noUnits: string;
  };
}

export const nbHomecare: HomecareText = {
  heading: 'Dagens besøk',
  alarms: 'Alarmer',
  noVisits: 'Ingen besøk planlagt i dag.',
  noRoute: 'Uten rute',
  route: (name) => name,
  routeSummary: (name, visits, late) => `${name}, ${visits} besøk${late > 0 ? `, ${late} forsinket` : ''}`,
  window: (from, to) => `${from}–${to}`,
  status: {
    planned: 'Planlagt',
    due: 'Nå',
    late: 'Forsinket',
    'in-progress': 'Pågår',
    done: 'Utført',
    'not-home': 'Ikke hjemme',
    refused: 'Avslått av bruker',
    cancelled: 'Avbestilt',
  },
  doneLate: 'Utført etter avtalt tid',
  twoCarers: '2 pleiere',
  twoCarersLabel: 'To pleiere sammen',
  carer: (name) => `Pleier: ${name}`,
  template: {
    'morning-medicines': 'Morgenmedisiner',
    'morning-care': 'Morgenstell',
    lunch: 'Lunsj',
    'afternoon-medicines': 'Ettermiddags\u00ADmedisiner',
    'evening-help': 'Kveldshjelp',
    'evening-two-carers': 'Kveldsstell',
  },
  start: 'Start',
  complete: 'Avslutt',
  outcome: { done: 'Utført', 'not-home': 'Ikke hjemme', refused: 'Avslått av bruker', cancelled: 'Avbestilt' },
  chooseOutcome: (who) => `Avslutt besøket hos ${who}: hva skjedde?`,
  cancel: 'Tilbake',
  startFor: (who) => `Start besøket hos ${who}`,
  completeFor: (who) => `Avslutt besøket hos ${who}`,
  showAccess: 'Nøkkelboks',
  showAccessFor: (who) => `Vis nøkkelboks og adkomst for ${who}`,
  keyBox: 'Nøkkelboks',
  accessNote: 'Adkomst',
  none: 'ikke registrert',
  plan: {
    open: 'Planlegg besøk',
    title: 'Planlegg besøk',
    patient: 'Bruker',
    noPatients: 'Ingen aktive brukere på enheten.',
    what: 'Besøk',
    ownTitle: 'Egen tittel',
    day: 'Dag',
    from: 'Fra',
    to: 'Til',
    carers: 'Antall pleiere',
    carerCount: (n) => (n === 1 ? '1 pleier' : '2 pleiere'),
    route: 'Rute',
    newRoute: 'Ny rute',
    newRouteName: 'Navn på ny rute',
    repeat: 'Gjenta',
    once: 'Bare én gang',
    daily: 'Hver dag',
    weekdays: 'Hverdager',
    forDays: 'Hvor mange dager',
    days: (n) => (n === 1 ? '1 dag' : `${n} dager`),
    fewer: 'Færre dager',
    more: 'Flere dager',
    submit: 'Planlegg',
    missingPatient: 'Velg bruker.',
    missingWhat: 'Velg et besøk eller skriv en tittel.',
    missingTime: 'Velg tid fra og til.',
    endBeforeStart: 'Slutten må være etter starten.',
    endsNextDay: 'Slutter neste dag.',
    tooLong: (hours) => `Avtalt tid kan være høyst ${hours} timer.`,
    missingRoute: 'Skriv navnet på den nye ruten.',
  },
  capacity: {
    heading: 'Kapasitet i dag',
    patients: 'Brukere',
    visitsPlanned: 'Besøk planlagt',
    visitsDone: 'Besøk utført',
    visitsNotDone: 'Ikke utført',
    visitsLate: 'Forsinket nå',
    hoursPlanned: 'Timer planlagt',
    staffPresent: 'Ansatte på vakt',
    unknown: 'ikke registrert',
    hours: (n) => `${n} t`,
    definitions:
      'Brukere: aktive brukere på enheten. Besøk planlagt: dagens besøk. Ikke utført: ikke hjemme, avslått eller avbestilt. Forsinket: ikke startet innen slutten av avtalt tid. Timer planlagt: avtalt tid × antall pleiere for besøk som ikke er avbestilt. Ansatte på vakt: registrert til stede over dagens vakter.',
  },
  leader: {
    heading: 'Hjemmetjenesten: besøk',
    unit: 'Enhet',
    day: 'Dag',
    patients: 'Brukere',
    visitsToday: 'Besøk i dag',
    visitsDoneToday: 'Utført i dag',
    withinWindow: 'Besøk innen avtalt tid',
    withinWindowDefinition:
      'Utførte besøk startet innen avtalt tidsvindu / besøk som skulle vært gjort (utført, eller passert avtalt tid uten å være startet). Besøk som ble avbestilt, avslått eller der bruker ikke var hjemme telles ikke.',
    notDone: 'Besøk ikke utført',
    notDoneDefinition: 'Besøk avsluttet som ikke hjemme, avslått av bruker eller avbestilt / alle dagens planlagte besøk.',
    notHome: 'Ikke hjemme',
    refused: 'Avslått',
    cancelled: 'Avbestilt',
    capacityDefinition: 'Kapasitet i hjemmetjenesten telles i brukere og besøk, ikke senger.',
    noUnits: 'Ingen hjemmetjeneste å vise.',
  },
};

export const enHomecare: HomecareText = {
  heading: 'Visits today',
  alarms: 'Alarms',
  noVisits: 'No visits planned today.',
  noRoute: 'No route',
  route: (name) => name,
  routeSummary: (name, visits, late) => `${name}, ${visits} ${visits === 1 ? 'visit' : 'visits'}${late > 0 ? `, ${late} late` : ''}`,
  window: (from, to) => `${from}–${to}`,
  status: {
    planned: 'Planned',
    due: 'Now',
    late: 'Late',
    'in-progress': 'In progress',
    done: 'Done',
    'not-home': 'Not at home',
    refused: 'Refused',
    cancelled: 'Cancelled',
  },
  doneLate: 'Done after the agreed time',
  twoCarers: '2 carers',
  twoCarersLabel: 'Two carers together',
  carer: (name) => `Carer: ${name}`,
  template: {
    'morning-medicines': 'Morning medicines',
    'morning-care': 'Morning care',
    lunch: 'Lunch',
    'afternoon-medicines': 'Afternoon medicines',
    'evening-help': 'Evening help',
    'evening-two-carers': 'Evening care',
  },
  start: 'Start',
  complete: 'Finish',
  outcome: { done: 'Done', 'not-home': 'Not at home', refused: 'Refused', cancelled: 'Cancelled' },
  chooseOutcome: (who) => `Finish the visit to ${who}: what happened?`,
  cancel: 'Back',
  startFor: (who) => `Start the visit to ${who}`,
  completeFor: (who) => `Finish the visit to ${who}`,
  showAccess: 'Key box',
  showAccessFor: (who) => `Show key box and access for ${who}`,
  keyBox: 'Key box',
  accessNote: 'Access',
  none: 'not recorded',
  plan: {
    open: 'Plan visit',
    title: 'Plan a visit',
    patient: 'Patient',
    noPatients: 'No active patients on the unit.',
    what: 'Visit',
    ownTitle: 'Own title',
    day: 'Day',
    from: 'From',
    to: 'To',
    carers: 'Carers',
    carerCount: (n) => (n === 1 ? '1 carer' : '2 carers'),
    route: 'Route',
    newRoute: 'New route',
    newRouteName: 'Name of the new route',
    repeat: 'Repeat',
    once: 'Just once',
    daily: 'Every day',
    weekdays: 'Weekdays',
    forDays: 'For how many days',
    days: (n) => (n === 1 ? '1 day' : `${n} days`),
    fewer: 'Fewer days',
    more: 'More days',
    submit: 'Plan',
    missingPatient: 'Choose the patient.',
    missingWhat: 'Choose a visit or write a title.',
    missingTime: 'Choose the time from and to.',
    endBeforeStart: 'The end must come after the start.',
    endsNextDay: 'Ends the next day.',
    tooLong: (hours) => `The agreed window can be at most ${hours} hours.`,
    missingRoute: 'Write the name of the new route.',
  },
  capacity: {
    heading: 'Capacity today',
    patients: 'Patients',
    visitsPlanned: 'Visits planned',
    visitsDone: 'Visits done',
    visitsNotDone: 'Not done',
    visitsLate: 'Late now',
    hoursPlanned: 'Hours planned',
    staffPresent: 'Staff present',
    unknown: 'not recorded',
    hours: (n) => `${n} h`,
    definitions:
      "Patients: active patients of the unit. Visits planned: today's visits. Not done: not at home, refused or cancelled. Late: not started by the end of the agreed window. Hours planned: agreed window × carers, for visits not cancelled. Staff present: recorded present over today's shifts.",
  },
  leader: {
    heading: 'Home care: visits',
    unit: 'Unit',
    day: 'Day',
    patients: 'Patients',
    visitsToday: 'Visits today',
    visitsDoneToday: 'Done today',
    withinWindow: 'Visits within the agreed window',
    withinWindowDefinition:
      'Visits done and started within the agreed window / visits that should have happened (done, or past the window without a start). Visits cancelled, refused or with nobody at home are not counted.',
    notDone: 'Visits not done',
    notDoneDefinition: "Visits ended as not at home, refused or cancelled / all the day's planned visits.",
    notHome: 'Not at home',
    refused: 'Refused',
    cancelled: 'Cancelled',
    capacityDefinition: 'Home-care capacity is counted in patients and visits, not beds.',
    noUnits: 'No home care to show.',
  },
};
