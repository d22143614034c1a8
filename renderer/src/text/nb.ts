/** Bokmål words and time formats the board shows (the default); en.ts holds the same in English. */

import type { BedStatus, UnitKind } from '../../../shared/domain/types.js';
import { osloDay, TIME_ZONE } from '../../../shared/time/oslo.js';
import type { BoardText } from './board-text.js';
import { wordFailure, type ErrorText } from './failure.js';
import { nbFlow } from './flow-text.js';
import { nbLeader } from './leader-text.js';
import { nbAlarm } from './alarm-text.js';
import { counter } from './plural.js';

/** Bed status as staff say it. */
export const BED_STATUS_TEXT: Record<BedStatus, string> = {
  free: 'Ledig',
  occupied: 'Opptatt',
  blocked: 'Sperret',
  cleaning: 'Til rengjøring',
};

/** Unit kind as staff say it. */
export const UNIT_KIND_TEXT: Record<UnitKind, string> = {
  'hospital-ward': 'Sykehusavdeling',
  'nursing-home': 'Sykehjemsavdeling',
  'short-term': 'Korttidsavdeling',
  'home-care': 'Hjemmetjeneste',
  'home-hospital': 'Hjemmesykehus',
  'allocation-office': 'Tildelingskontor',
};

/** Care in Norway runs on Oslo time, whatever the screen's own time zone is set to: the one calendar's zone. */
export { TIME_ZONE };
const clockFormat = new Intl.DateTimeFormat('nb-NO', { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE });
const dayFormat = new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'short', timeZone: TIME_ZONE });
const longDayFormat = new Intl.DateTimeFormat('nb-NO', { weekday: 'long', day: 'numeric', month: 'long', timeZone: TIME_ZONE });

/** "14:05". */
export function clockTime(date: Date): string {
  return clockFormat.format(date);
}

/** "tirsdag 3. mars". */
export function longDay(date: Date): string {
  return longDayFormat.format(date);
}

/** "kl. 14:05" today, "3. mars kl. 14:05" on another day. */
export function whenText(iso: string, now: Date): string {
  const date = new Date(iso);
  const time = `kl. ${clockTime(date)}`;
  return osloDay(date.getTime()) === osloDay(now.getTime()) ? time : `${dayFormat.format(date)} ${time}`;
}

/** A bed's state inside a sentence: "seng 115 er til rengjøring". */
const BED_STATE: Record<BedStatus, string> = { free: 'ledig', occupied: 'opptatt', blocked: 'sperret', cleaning: 'til rengjøring' };
const ROLE_WORDS: Record<string, string> = { nurse: 'sykepleier', 'shift-leader': 'vaktleder', 'unit-leader': 'avdelingsleder' };
const TASK_STATE: Record<string, string> = { done: 'utført', skipped: 'hoppet over' };

/** Why an edit failed, in words for staff: per reason where main named one, else per code. */
const ERRORS: ErrorText = {
  code: {
    'invalid-input': 'noe er ikke fylt ut riktig',
    'unknown-command': 'tavla kjenner ikke denne handlingen; start skjermen på nytt',
    'not-found': 'det finnes ikke lenger',
    conflict: 'det er endret i mellomtiden; se på tavla og prøv igjen',
    unauthorized: 'skjermen er låst; lås opp med PIN',
    forbidden: 'du har ikke tilgang til dette',
    'locked-out': 'for mange feil PIN',
    'storage-failed': 'kunne ikke skrive til disken',
    internal: 'en feil på tavla; kontakt IT hvis det varer',
    offline: 'ingen forbindelse',
    timeout: 'tavla svarte ikke i tide',
  },
  reason: {
    'unit-not-configured': () => 'enheten er ikke satt opp ennå',
    'unit-unknown': () => 'den enheten er ikke meldt hit ennå',
    'bed-unknown': ({ bed }) => `seng ${bed} finnes ikke`,
    'bed-required': () => 'velg sengen pasienten skal ha',
    'bed-not-free': ({ bed, status }) => `seng ${bed} er ${BED_STATE[status as BedStatus] ?? status}, ikke ledig`,
    'bed-promised': ({ bed }) => `seng ${bed} er reservert for en annen overføring`,
    'bed-holds-patient': ({ bed }) => `det ligger en pasient i seng ${bed}; skriv ut eller flytt pasienten først`,
    'bed-occupied-by-admission': () => 'en seng blir opptatt når en pasient legges inn',
    'bed-in-use': ({ bed }) => `seng ${bed} er i bruk og kan ikke fjernes`,
    'stay-unknown': () => 'pasienten er ikke lenger på enheten',
    'patient-left': () => 'pasienten er ikke lenger på enheten',
    'patient-has-bed': () => 'pasienten har allerede en seng',
    'transfer-open': () => 'pasienten har allerede en overføring på gang',
    'transfer-unknown': () => 'overføringen finnes ikke her',
    'transfer-step': ({ state }) => `overføringen er ${(nbFlow.state[state as keyof typeof nbFlow.state] ?? state).toLowerCase()} nå`,
    'transfer-to-self': () => 'en overføring går til en annen enhet',
    'transfer-to-office': () => 'pasienter overføres ikke til tildelingskontoret',
    'task-unknown': () => 'oppgaven finnes ikke lenger',
    'task-not-open': ({ status }) => `oppgaven er allerede ${TASK_STATE[status] ?? status}`,
    'task-already-open': () => 'oppgaven er allerede åpen',
    'template-unknown': () => 'den oppgavetypen finnes ikke',
    'template-for-patient': () => 'oppgaven gjelder en pasient: velg hvem',
    'template-for-unit': () => 'oppgaven gjelder enheten, ikke en pasient',
    'nothing-to-change': () => 'ingenting å endre',
    'staff-unknown': () => 'den ansatte finnes ikke på denne tavla',
    'pin-required': () => 'en ny ansatt trenger en PIN',
    'no-unit-leader': () => 'sett opp en avdelingsleder først',
    'last-unit-leader': () => 'tavla må ha minst én avdelingsleder',
    'wrong-pin': () => 'feil PIN',
    'session-ended': () => 'skjermen er låst igjen; lås opp med PIN',
    'screen-locked': () => 'skjermen er låst; lås opp med PIN',
    'role-required': ({ roles }) => `dette krever ${roles.split(',').map((role) => ROLE_WORDS[role] ?? role).join(' eller ')}`,
    'pin-locked': ({ until }) => `for mange feil PIN; prøv igjen ${whenText(until, new Date())}`,
    'shielded-alone': () => 'en skjermet pasient vises bare én og én',
    'read-only-address': () => 'denne skjermen viser bare; endringer gjøres av en innlogget leder',
    'not-your-unit': () => 'den enheten er ikke blant dine',
    'municipal-leader-only': () => 'bare en leder for hele kommunen kan gjøre dette',
    'benefit-unknown': () => 'gevinsten finnes ikke lenger',
    'baseline-in-future': () => 'utgangsperioden må begynne før i dag',
    'alarm-unknown': () => 'varselet finnes ikke her',
    'alarm-closed': () => 'varselet er allerede lukket',
  },
};

const RISK_TEXT: BoardText['flags'] = {
  fall: { short: 'FALL', long: 'Fallrisiko' },
  pressureUlcer: { short: 'TRYKK', long: 'Trykksårrisiko' },
  urinaryInfection: { short: 'UVI', long: 'Urinveisinfeksjon' },
  news2: { short: 'NEWS', long: 'Forhøyet NEWS2' },
  medicines: { short: 'MED', long: 'Legemiddelrisiko' },
  nutrition: { short: 'ERN', long: 'Ernæringsrisiko' },
  infection: { short: 'ISO', long: 'Isolasjon / smitte' },
  allergy: { short: 'CAVE', long: 'Allergi (cave)' },
  twoCarers: { short: '2 PL', long: 'Trenger to pleiere' },
  hlrMinus: { short: 'HLR−', long: 'HLR minus' },
};

const numberFormat = (decimals: number) => new Intl.NumberFormat('nb-NO', { maximumFractionDigits: decimals, minimumFractionDigits: decimals });
const calendarFormat = new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const fullDateFormat = new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const count = counter('nb-NO');

/** The ward board in bokmål (the default). */
export const nb: BoardText = {
  locale: 'nb-NO',
  otherLanguage: { label: 'English', accessible: 'Switch to English' },
  bedStatus: BED_STATUS_TEXT,
  unitKind: UNIT_KIND_TEXT,
  flags: RISK_TEXT,
  roles: { nurse: 'Sykepleier / helsefagarbeider', 'shift-leader': 'Vaktleder', 'unit-leader': 'Avdelingsleder' },
  shifts: { day: 'Dagvakt', evening: 'Kveldsvakt', night: 'Nattevakt' },
  tabs: { label: 'Visninger', overview: 'Oversikt', tasks: 'Oppgaver', capacity: 'Kapasitet', handover: 'Vaktskifte', audit: 'Tilgangslogg', settings: 'Innstillinger' },
  loading: 'Henter tavla …',
  notConfigured: 'Enheten er ikke satt opp ennå.',
  loadProblem: (why, stale) => `Får ikke hentet tavla (${why}).${stale ? ' Viser sist kjente opplysninger.' : ''}`,
  retry: 'Prøv igjen',
  close: 'Lukk',
  cancel: 'Avbryt',
  save: 'Lagre',
  unit: 'Enheten',
  discharged: 'Utskrevet',
  shielded: 'Skjermet',
  header: { unlock: 'Lås opp', lock: (name) => `Lås (${name})`, corridor: 'Korridormodus: bare romnummer og initialer', relockedIdle: 'Skjermen ble låst etter inaktivitet.' },
  sync: {
    offline: (since) => (since ? `Frakoblet siden ${since}` : 'Frakoblet'),
    refused: (reason) =>
      reason === 'certificate'
        ? 'Frakoblet: sertifikatet godtas ikke. Kontakt IT.'
        : reason === 'not-authorised'
          ? 'Frakoblet: tavla har ikke tilgang. Kontakt IT.'
          : 'Frakoblet: får ikke kontakt med meldingstjeneren. Kontakt IT hvis det varer.',
    unsent: (n) => `${count(n, { one: 'endring', other: 'endringer' })} ikke sendt`,
    sending: (n) => `Sender ${count(n, { one: 'endring', other: 'endringer' })} …`,
    clockAhead: 'Klokken på denne tavla går feil — endringer sendes ikke',
    clockBehind: 'Klokken på denne tavla går for sakte — tavla følger de andre tavlenes tid',
    notSaving: 'Tavla får ikke lagret',
    storage: { full: 'disken er full', 'read-only': 'disken er skrivebeskyttet', failing: 'disken svarer med feil' },
    since: (time) => `siden ${time}`,
  },
  saving: { pending: 'Lagrer …', saved: 'Lagret', failed: (why) => `Ikke lagret: ${why}. Trykk for å prøve igjen.` },
  beds: {
    heading: 'Rom og senger',
    list: 'Pasientliste',
    none: 'Enheten har ingen senger.',
    open: (place) => `Åpne ${place}`,
    overdue: (n) => `${n} forfalt`,
    nextDue: 'Neste frist',
    reserved: 'Reservert',
    reservedFor: (initials, from) => [initials ?? 'Pasient', from ? `fra ${from}` : null].filter(Boolean).join(' '),
    expected: (date) => `Utreise ${date}`,
    readySince: (date) => `Utskrivningsklar ${date}`,
    nurse: 'Ansvarlig',
    flagsLegend: 'Risiko',
  },
  legend: { heading: 'Forklaring', flags: 'Risikokoder' },
  tasks: {
    heading: 'Oppgaver',
    openCount: (n) => count(n, { one: 'åpen', other: 'åpne' }),
    byTime: 'Etter tid',
    byPatient: 'Etter pasient',
    none: 'Ingen åpne oppgaver.',
    complete: (title, place) => `Fullfør oppgave: ${title} (${place})`,
    openList: 'Åpne oppgaver',
    doneList: 'Utførte oppgaver',
    recentlyDone: 'Nylig utført',
    overdueGroup: 'Forfalt',
    nextHourGroup: 'Neste time',
    laterGroup: 'Senere',
    noDueGroup: 'Uten frist',
    laterTasks: (n) => `${count(n, { one: 'oppgave', other: 'oppgaver' })} senere (i morgen og videre)`,
    overdue: (when) => `Forfalt ${when}`,
    due: (when) => `Frist ${when}`,
    every: (m) => (m === 1440 ? 'daglig' : m === 60 ? 'hver time' : m % 60 === 0 ? `hver ${m / 60}. time` : `hvert ${m}. minutt`),
    done: (when, by) => (by ? `Utført ${when} av ${by}` : `Utført på tavla ${when}`),
    skipped: 'Hoppet over',
    newTask: 'Ny oppgave',
    undoDone: (title) => `Utført: ${title}`,
    undo: 'Angre',
    next: 'Neste oppgaver',
  },
  templates: { heading: 'Ny oppgave', forWhom: 'Hvem gjelder det?', forUnit: 'Enheten', created: 'Oppgaven er lagt til', patientTasks: 'For en pasient', unitTasks: 'For enheten' },
  card: {
    title: (place) => `Rom ${place}`,
    born: (date) => `født ${date}`,
    unlockToSee: 'Lås opp med PIN for å se navn og detaljer',
    shieldedHidden: 'Skjermet pasient: navnet vises ikke uten et eget trykk.',
    showShielded: 'Vis navn på skjermet pasient',
    flags: 'Risiko',
    flagToggle: (flag) => `Risiko: ${flag}`,
    details: 'Opplysninger',
    adl: 'ADL / pleienivå',
    nurse: 'Ansvarlig sykepleier / team',
    admitted: 'Innlagt',
    expected: 'Forventet utreise',
    readySince: 'Utskrivningsklar siden',
    none: '–',
    tasks: 'Oppgaver for pasienten',
    note: 'Notat',
    noteLabel: 'Notat om pasienten',
    saveNote: 'Lagre notat',
    discharge: 'Skriv ut pasienten',
    confirmDischarge: 'Bekreft utskriving',
    bedStatus: 'Sengestatus',
    emptyBed: 'Sengen er tom.',
  },
  unlock: {
    title: 'Lås opp skjermen',
    who: 'Hvem er du?',
    pin: 'PIN',
    pinFor: (name) => `PIN for ${name}`,
    digit: (d) => `Tast ${d}`,
    erase: 'Slett siste siffer',
    submit: 'Lås opp',
    back: 'Velg en annen',
    noStaff: 'Ingen ansatte er satt opp på denne skjermen ennå. IT setter opp avdelingslederen (se docs/board.md).',
    wrongPin: 'Feil PIN.',
    lockedOut: (until) => `For mange feil PIN. Prøv igjen ${until}.`,
    forEdit: 'Endringen lagres når du har låst opp med din PIN.',
    memberLocked: 'sperret',
    failed: (why) => `Kunne ikke låse opp: ${why}`,
  },
  capacity: {
    heading: 'Kapasitet',
    beds: 'Senger',
    patients: 'Pasienter',
    places: 'Plasser',
    admissionsToday: 'Forventet inn i dag',
    dischargesToday: 'Forventet ut i dag',
    staffing: (shift) => `Bemanning, ${shift.toLowerCase()}`,
    planned: 'Planlagt',
    present: 'Til stede',
    more: (what) => `Én mer: ${what.toLowerCase()}`,
    fewer: (what) => `Én mindre: ${what.toLowerCase()}`,
    notSet: 'ikke satt',
    workload: 'Arbeidsbelastning',
    perStaff: (points) => `${points} ADL-poeng per ansatt til stede`,
    adlTotal: (points) => `${points} ADL-poeng i alt`,
    level: { normal: 'Normal', high: 'Høy', 'very-high': 'Svært høy', unknown: 'Ukjent' },
    unknownHint: 'Registrer hvor mange som er til stede på vakten.',
    leadersOnly: 'Vaktleder låser opp for å endre bemanning.',
    trends: (days) => `Siste ${days} dager`,
    occupancy: 'Belegg ved midnatt (%)',
    onTime: 'Oppgaver utført i tide (%)',
    tableCaption: 'Belegg og oppgaver i tide per dag',
    day: 'Dag',
    dueOnTime: 'I tide / forfalt',
    chartSummary: (average, last, day) => `gjennomsnitt ${average}, siste dag (${day}) ${last}`,
  },
  handover: {
    heading: (shift, day) => `Rapport: ${shift.toLowerCase()} ${day}`,
    current: 'Denne vakten',
    previous: 'Forrige vakt',
    nothing: 'Ingen endringer registrert i vakten.',
    kinds: {
      admission: 'Innlagt',
      discharge: 'Utskrevet',
      'transfer-in': 'Overføring inn',
      'transfer-out': 'Overføring ut',
      'flag-set': 'Risiko satt',
      'flag-cleared': 'Risiko fjernet',
      overdue: 'Forfalt nå',
      'overdue-in-shift': 'Forfalt i vakten',
      note: 'Nye notater',
    },
    transferStep: (step) => ({ requested: 'bestilt', accepted: 'akseptert', completed: 'gjennomført', cancelled: 'avlyst' })[step] ?? step,
    notes: 'Vaktleders notater',
    notesLocked: 'Lås opp for å lese og skrive notater.',
    noNotes: 'Ingen notater.',
    acknowledge: 'Kvitter for mottatt rapport',
    acknowledged: (by, when) => `Kvittert av ${by} ${when}`,
    needsLeader: 'Vaktleder eller avdelingsleder låser opp for å kvittere.',
    report: 'Rapport per beboer',
    resident: 'Beboer',
    situation: 'Situasjon',
    changed: 'Endret i vakten',
    due: 'Skal gjøres',
    unchanged: 'Ingen endring',
    nothingDue: 'Ingenting planlagt',
    adl: (level) => `ADL ${level}`,
    overdueNow: (n) => `${n} forfalt nå`,
    overdueInShift: (n) => `${n} forfalt i vakten`,
    give: 'Kvitter for gitt rapport',
    given: (by, when) => `Rapport gitt av ${by} ${when}`,
    notGiven: 'Rapporten er ikke kvittert som gitt.',
    notReceived: 'Rapporten er ikke kvittert som mottatt.',
    otherSide: 'Den som ga rapporten kan ikke også kvittere for mottatt.',
  },
  audit: {
    heading: 'Tilgangslogg',
    when: 'Tid',
    who: 'Hvem',
    what: 'Hva',
    where: 'Hvor',
    screen: 'Tavle',
    thisBoard: 'denne',
    detail: 'Detalj',
    older: 'Vis eldre',
    empty: 'Loggen er tom.',
    unit: 'Enheten',
    boardActor: 'Tavla (låst skjerm)',
    setupActor: 'Oppsett (IT)',
    unknownActor: 'Ukjent ansatt',
    actions: {
      'session.unlock': 'Låste opp',
      'session.unlock-failed': 'Feil PIN',
      'session.lockout': 'PIN sperret',
      'session.lock': 'Låste',
      'session.expired': 'Økt utløpt',
      'stay.reveal': 'Så navn og detaljer',
      'stay.admit': 'Innla pasient',
      'stay.discharge': 'Skrev ut pasient',
      'stay.setFlag': 'Endret risiko',
      'stay.note': 'Skrev notat',
      'stay.plan': 'Endret plan',
      'task.create': 'Ny oppgave',
      'task.complete': 'Fullførte oppgave',
      'task.reopen': 'Angret oppgave',
      'bed.setStatus': 'Endret sengestatus',
      'staffing.set': 'Endret bemanning',
      'handover.setNotes': 'Skrev rapportnotat',
      'handover.acknowledge': 'Kvitterte for mottatt rapport',
      'handover.give': 'Kvitterte for gitt rapport',
      'audit.read': 'Leste loggen',
      'staff.add': 'La til ansatt',
      'staff.update': 'Endret ansatt',
      'staff.remove': 'Fjernet ansatt',
      'staff.release': 'Åpnet PIN for ansatt',
      'ward.configure': 'Endret innstillinger',
      'unit.configure': 'Satte opp enheten',
    },
  },
  settings: {
    heading: 'Innstillinger',
    relock: 'Lås skjermen igjen etter',
    seconds: (n) => `${n} sekunder`,
    staff: 'Ansatte som kan låse opp denne skjermen',
    remove: (name) => `Fjern ${name}`,
    lockedUntil: (when) => `Sperret etter feil PIN til ${when}`,
    release: (name) => `Åpne PIN for ${name}`,
    add: 'Legg til ansatt',
    name: 'Navn',
    role: 'Rolle',
    pin: 'PIN (4–8 sifre)',
    saved: 'Lagret',
  },
  clock: clockTime,
  longDay,
  when: whenText,
  date: (isoDate) => calendarFormat.format(new Date(`${isoDate}T12:00:00Z`)),
  fullDate: (isoDate) => fullDateFormat.format(new Date(`${isoDate}T12:00:00Z`)),
  number: (n, decimals = 0) => numberFormat(decimals).format(n),
  errors: ERRORS,
  failure: (problem) => wordFailure(ERRORS, problem),
  flow: nbFlow,
  leader: nbLeader,
  kind: (kind) => (kind === 'all' ? 'Alle' : (UNIT_KIND_TEXT[kind as UnitKind] ?? kind)),
  app: { starting: 'Starter Tavla …', waiting: (why) => `Venter på Tavla: ${why}` },
  alarm: nbAlarm,
};
