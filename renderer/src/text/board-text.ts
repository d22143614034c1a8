/**
 * The shape of one language's words for every screen: nb.ts and en.ts each fill it in full (a
 * missing word is a type error); areas with many words (flow-text.ts) are parts of it.
 */

import type { HandoverKind, Shift, StaffRole, WorkloadLevel } from '../../../shared/api/commands/ward.js';
import type { BrokerRefusal } from '../../../shared/api/contract.js';
import type { Problem } from '../../../shared/api/result.js';
import type { RiskFlag } from '../../../shared/domain/schema.js';
import type { BedStatus, UnitKind } from '../../../shared/domain/types.js';
import type { ErrorText } from './failure.js';
import type { FlowText } from './flow-text.js';
import type { HomecareText } from './homecare-text.js';
import type { HomehospitalText } from './homehospital-text.js';
import type { LeaderText } from './leader-text.js';
import type { PathwayText } from './pathway-text.js';
import type { AlarmText } from './alarm-text.js';
import type { ReceptionText } from './reception-text.js';

export interface BoardText {
  /** BCP 47 tag for Intl and the page's lang attribute. */
  locale: string;
  /** The button that switches to the other language, in that language. */
  otherLanguage: { label: string; accessible: string };
  bedStatus: Record<BedStatus, string>;
  unitKind: Record<UnitKind, string>;
  /** A short code on the board and the words behind it. */
  flags: Record<RiskFlag, { short: string; long: string }>;
  roles: Record<StaffRole, string>;
  shifts: Record<Shift, string>;
  tabs: { label: string; overview: string; tasks: string; pathways: string; capacity: string; handover: string; audit: string; settings: string };
  loading: string;
  notConfigured: string;
  loadProblem: (why: string, stale: boolean) => string;
  retry: string;
  close: string;
  cancel: string;
  save: string;
  unit: string;
  discharged: string;
  shielded: string;
  header: { unlock: string; lock: (name: string) => string; corridor: string; relockedIdle: string };
  sync: {
    offline: (since: string | null) => string;
    /** The broker refuses this board, or never answered: a problem for IT, not for the nurse. */
    refused: (reason: BrokerRefusal | null | undefined) => string;
    unsent: (n: number) => string;
    sending: (n: number) => string;
    /** The clock runs ahead of the unit's: its changes wait. */
    clockAhead: string;
    /** The clock runs behind: the board follows the unit's time. */
    clockBehind: string;
    /** Writes fail: the headline, then why (by storage state) and since when. */
    notSaving: string;
    storage: Record<'full' | 'read-only' | 'failing', string>;
    since: (time: string) => string;
  };
  saving: { pending: string; saved: string; failed: (why: string) => string };
  beds: {
    heading: string;
    list: string;
    none: string;
    open: (place: string) => string;
    overdue: (n: number) => string;
    /** Words for screen readers before the next due time on a card. */
    nextDue: string;
    /** A free bed promised to an incoming transfer, and for whom: "Reservert", "IH fra Solsiden". */
    reserved: string;
    reservedFor: (initials: string | null, from: string | null) => string;
    expected: (date: string) => string;
    readySince: (date: string) => string;
    nurse: string;
    flagsLegend: string;
  };
  /** The strip under the overview that explains the risk codes in use. */
  legend: { heading: string; flags: string };
  tasks: {
    heading: string;
    openCount: (n: number) => string;
    byTime: string;
    byPatient: string;
    none: string;
    complete: (title: string, place: string) => string;
    openList: string;
    doneList: string;
    recentlyDone: string;
    overdueGroup: string;
    nextHourGroup: string;
    laterGroup: string;
    noDueGroup: string;
    laterTasks: (n: number) => string;
    overdue: (when: string) => string;
    due: (when: string) => string;
    every: (minutes: number) => string;
    /** `by` null: done on a locked screen, the board's and nobody's by name. */
    done: (when: string, by: string | null) => string;
    skipped: string;
    newTask: string;
    undoDone: (title: string) => string;
    undo: string;
    next: string;
  };
  templates: { heading: string; forWhom: string; forUnit: string; created: string; patientTasks: string; unitTasks: string };
  card: {
    title: (place: string) => string;
    born: (date: string) => string;
    unlockToSee: string;
    shieldedHidden: string;
    showShielded: string;
    flags: string;
    flagToggle: (flag: string) => string;
    details: string;
    adl: string;
    nurse: string;
    admitted: string;
    expected: string;
    readySince: string;
    none: string;
    tasks: string;
    note: string;
    noteLabel: string;
    saveNote: string;
    discharge: string;
    confirmDischarge: string;
    bedStatus: string;
    emptyBed: string;
  };
  unlock: {
    title: string;
    who: string;
    pin: string;
    pinFor: (name: string) => string;
    digit: (d: string) => string;
    erase: string;
    submit: string;
    back: string;
    noStaff: string;
    wrongPin: string;
    lockedOut: (until: string) => string;
    /** Above the list when an edit on a locked screen opened the dialog. */
    forEdit: string;
    /** Beside a name in the list: wrong PINs locked this member out for now. */
    memberLocked: string;
    failed: (why: string) => string;
  };
  capacity: {
    heading: string;
    beds: string;
    patients: string;
    places: string;
    admissionsToday: string;
    dischargesToday: string;
    staffing: (shift: string) => string;
    planned: string;
    present: string;
    more: (what: string) => string;
    fewer: (what: string) => string;
    notSet: string;
    workload: string;
    perStaff: (points: string) => string;
    adlTotal: (points: number) => string;
    level: Record<WorkloadLevel, string>;
    unknownHint: string;
    leadersOnly: string;
    trends: (days: number) => string;
    occupancy: string;
    onTime: string;
    tableCaption: string;
    day: string;
    dueOnTime: string;
    chartSummary: (average: string, last: string, day: string) => string;
  };
  handover: {
    heading: (shift: string, day: string) => string;
    current: string;
    previous: string;
    nothing: string;
    kinds: Record<HandoverKind, string>;
    transferStep: (step: string) => string;
    notes: string;
    notesLocked: string;
    noNotes: string;
    acknowledge: string;
    acknowledged: (by: string, when: string) => string;
    needsLeader: string;
    /** The report: one line per resident (issue 13, point 7). */
    report: string;
    resident: string;
    situation: string;
    changed: string;
    due: string;
    unchanged: string;
    nothingDue: string;
    adl: (level: number) => string;
    overdueNow: (n: number) => string;
    overdueInShift: (n: number) => string;
    /** The two acknowledgements: the outgoing leader gives, the incoming leader receives. */
    give: string;
    given: (by: string, when: string) => string;
    notGiven: string;
    notReceived: string;
    otherSide: string;
  };
  audit: {
    heading: string;
    when: string;
    who: string;
    what: string;
    where: string;
    screen: string;
    thisBoard: string;
    detail: string;
    older: string;
    empty: string;
    unit: string;
    /** Who, when no person acted: a locked screen (`tavla <board>`), IT's first setup, a PIN tried for no one. */
    boardActor: string;
    setupActor: string;
    unknownActor: string;
    /** What an action code means; an action without words is shown as `otherAction`, never as its code. */
    actions: Partial<Record<string, string>>;
    /** The board an entry came from, in words (a board's id is never shown). */
    board: (thisBoard: boolean) => string;
    /** Who, when the municipality's central service, a PLO message or the demo data acted. */
    hubActor: string;
    ploActor: string;
    demoActor: string;
    /** An action with no words of its own (from a newer board): never its code. */
    otherAction: string;
    transferAction: string;
    /** The facts of an entry's detail (state/audit-lines.ts), in words. */
    details: {
      lockIdle: string;
      lockManual: string;
      shielded: string;
      overview: (patients: number) => string;
      flag: (flag: string, on: boolean) => string;
      template: string;
      plan: Record<'nurse' | 'expectedDischarge' | 'adl', string>;
      newPin: string;
      relockSeconds: (n: number) => string;
      pinMaxAttempts: (n: number) => string;
      pinLockoutSeconds: (n: number) => string;
      revealAll: (on: boolean) => string;
    };
  };
  settings: {
    heading: string;
    relock: string;
    seconds: (n: number) => string;
    staff: string;
    remove: (name: string) => string;
    /** A member locked out by wrong PINs, until when; the unit leader's button that lets them in again. */
    lockedUntil: (when: string) => string;
    release: (name: string) => string;
    add: string;
    name: string;
    role: string;
    pin: string;
    saved: string;
    /** The per-board choice of a staff-room screen: every name on the overview while unlocked. */
    revealAll: string;
    revealAllHint: string;
    /** What is wrong with a new member, said before anything is sent (no browser "Please match the requested format."). */
    nameMissing: string;
    pinInvalid: string;
  };
  clock: (date: Date) => string;
  longDay: (date: Date) => string;
  /** "kl. 14:05" today, "3. mars kl. 14:05" another day. */
  when: (iso: string, now: Date) => string;
  /** A calendar date ("YYYY-MM-DD") for people: "3. mars". */
  date: (isoDate: string) => string;
  /** A calendar date with the year: "17. april 1938". */
  fullDate: (isoDate: string) => string;
  number: (n: number, decimals?: number) => string;
  /** Failures, per code and per reason; `failure` picks the words for one. */
  errors: ErrorText;
  failure: (problem: Pick<Problem, 'code' | 'params'>) => string;
  /** Patient flow: transfers and the allocation office. */
  flow: FlowText;
  /** Standardised service pathways: the tab, the lane, the chip, the steps. */
  pathway: PathwayText;
  /** The municipality's leader view. */
  leader: LeaderText;
  /** A unit kind for people; `all` is every kind. */
  kind: (kind: string) => string;
  /** Before the host has said what this page is. */
  app: { starting: string; waiting: (why: string) => string };
  /** Home care's base station: visits by route, its capacity, the leader's visit figures. */
  homecare: HomecareText;
  homehospital: HomehospitalText;
  /** The kiosk's own inputs (issue 13, point 2): an on-screen keyboard, app-drawn 24-hour date and time pickers. */
  kiosk: {
    keyboard: (field: string) => string;
    space: string;
    erase: string;
    shift: string;
    newLine: string;
    done: string;
    /** January first; weekdays Monday first, short (over the columns) and long (for screen readers). */
    months: string[];
    weekdaysShort: string[];
    weekdays: string[];
    calendar: (field: string) => string;
    previousMonth: string;
    nextMonth: string;
    previousYear: string;
    nextYear: string;
    tenYearsBack: string;
    tenYearsOn: string;
    clock: (field: string) => string;
    hour: string;
    minute: string;
    notChosen: string;
    clear: string;
    /** A field's button: its name and what it holds now. */
    field: (label: string, value: string) => string;
    /** A secret field (a PIN) says how many digits it holds, never which. */
    digitsEntered: (count: number) => string;
    /** A digit key's name for a screen reader. */
    digit: (digit: string) => string;
    /** The date and the time of a moment picked on the kiosk (a transfer's schedule). */
    date: string;
    time: string;
    /** A day to tap (a visit's): today, tomorrow, or another on the calendar. */
    today: string;
    tomorrow: string;
    otherDay: string;
  };
  /** Admitting a patient into a free bed. */
  admit: {
    open: string;
    needsUnlock: string;
    title: (bed: string) => string;
    name: string;
    initials: string;
    birthDate: string;
    admittedAt: string;
    now: string;
    nurse: string;
    otherNurse: string;
    noNurse: string;
    adl: string;
    adlLevel: (n: number) => string;
    expected: string;
    flags: string;
    shielded: string;
    submit: string;
    missingName: string;
    badInitials: string;
    missingBirthDate: string;
    failed: (why: string) => string;
  };
  /** Changing a patient's plan on the card. */
  plan: { heading: string; failed: (why: string) => string };
  /** The unlocked nurse's own patients first on the overview, and their tasks on top. */
  mine: { toggle: string };
  /** The home-care board's alarm strip. */
  alarm: AlarmText;
  /** The shared emergency reception's board. */
  reception: ReceptionText;
}
