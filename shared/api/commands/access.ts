/**
 * Who may run each board command: the one declaration main enforces (BoardService, before any
 * handler) and the renderer reads (to ask for the PIN before an edit). A new command does not
 * compile until it is given a line here.
 */

import type { BoardCommandName } from '../contract.js';
import type { StaffRole } from './ward.js';

/**
 * `locked`: allowed on a locked screen, with the reason why; a session the call carries still
 * makes the staff member the actor. `staff`: needs an unlocked session, of one of `roles` when
 * given; `firstRun` also lets it through without one while the board has no unit leader (IT sets
 * the board up). `subject`: the session is what the command is about (touch, lock); it checks it.
 */
export type Access =
  | { readonly session: 'locked'; readonly why: string }
  | { readonly session: 'staff'; readonly roles?: readonly StaffRole[]; readonly firstRun?: true }
  | { readonly session: 'subject' };

const READ = { session: 'locked', why: 'reads the corridor form: no personal field, nothing written' } as const;
const STAFF = { session: 'staff' } as const;
const LEADERS = { session: 'staff', roles: ['shift-leader', 'unit-leader'] } as const;
const UNIT_LEADER = { session: 'staff', roles: ['unit-leader'] } as const;
const SETUP = { session: 'staff', roles: ['unit-leader'], firstRun: true } as const;
const QUICK_TASK = {
  session: 'locked',
  why: 'a task tap with gloves on: recorded as done on this board, never under a name, and undoable',
} as const;

/** Every board command's access rule. */
export const BOARD_ACCESS = {
  'app.info': READ,
  'unit.state': READ,
  'unit.configure': SETUP,
  'stay.admit': STAFF,
  'stay.setFlag': STAFF,
  'stay.discharge': STAFF,
  'bed.setStatus': {
    session: 'locked',
    why: 'cleaning staff have no PIN; the handler refuses any change to a bed that holds a patient',
  },
  'task.create': QUICK_TASK,
  'task.complete': QUICK_TASK,

  'ward.state': READ,
  'ward.tasks': READ,
  'ward.settings': READ,
  'ward.configure': UNIT_LEADER,
  'sync.state': READ,
  'staff.list': { session: 'locked', why: 'the unlock dialog lists names and roles to tap (never a PIN hash)' },
  'staff.set': SETUP,
  'staff.remove': UNIT_LEADER,
  'staff.release': UNIT_LEADER,
  'session.unlock': { session: 'locked', why: 'it is how a screen unlocks; guarded by the PIN lockout' },
  'session.touch': { session: 'subject' },
  'session.lock': { session: 'subject' },
  'stay.reveal': STAFF,
  'stay.note': STAFF,
  'stay.plan': STAFF,
  'task.templates': READ,
  'task.fromTemplate': QUICK_TASK,
  'task.reopen': QUICK_TASK,
  'capacity.view': READ,
  'staffing.set': LEADERS,
  'handover.view': { session: 'locked', why: 'the shift list in corridor form; its notes only with a session' },
  'handover.setNotes': LEADERS,
  'handover.acknowledge': LEADERS,
  'audit.list': UNIT_LEADER,

  'flow.state': { session: 'locked', why: 'transfers in corridor form: initials, flags, care level; the sender\'s summary only with a session' },
  'flow.allocation': { session: 'locked', why: 'hospital patients in corridor form; the summary of their transfers only with a session' },
  'flow.setRate': UNIT_LEADER,
  'transfer.request': STAFF,
  'transfer.cancel': STAFF,
  'transfer.accept': STAFF,
  'transfer.decline': STAFF,
  'transfer.schedule': STAFF,
  'transfer.complete': STAFF,
  'transfer.place': STAFF,

  'visit.templates': READ,
  'visit.plan': STAFF,
  'visit.start': STAFF,
  'visit.complete': STAFF,
  'visit.assign': STAFF,
  'homecare.day': { session: 'locked', why: 'the day by route in corridor form: initials, no key box, access note or visit note' },
  'homecare.access': STAFF,
  'homecare.setAccess': STAFF,
  'pathway.templates': READ,
  'pathway.saveTemplate': UNIT_LEADER,
  'pathway.removeTemplate': UNIT_LEADER,
  'pathway.start': STAFF,
  'pathway.completeStep': STAFF,
  'pathway.skipStep': STAFF,
  'pathway.list': { session: 'locked', why: 'step titles and deadlines in corridor form; a skip reason only with a session' },
  // Welfare-technology alarms (commands/alarm.ts): the list is the corridor form (initials, no name).
  'alarm.list': READ,
  'alarm.accept': STAFF,
  'alarm.escalate': STAFF,
  'alarm.close': STAFF,
  // The virtual ward (commands/homehospital.ts): the board of virtual beds and the shared fields are corridor form.
  'episode.board': { session: 'locked', why: 'virtual beds in corridor form: initials, day, visits and the round; no name or note' },
  'episode.admit': STAFF,
  'episode.recordRound': STAFF,
  'episode.planVisit': STAFF,
  'episode.escalate': STAFF,
  'episode.end': STAFF,
  'episode.settings': UNIT_LEADER,
  'episode.shared': { session: 'locked', why: 'the shared fields of a virtual-ward patient: initials, planned end, next municipal visit' },
  'alarm.assign': STAFF,
  // The shared reception (commands/encounter.ts): the queue's shared fields on a locked screen, the
  // owner's private fields only to an unlocked one; every edit under a name.
  'encounter.list': { session: 'locked', why: 'shared fields (label, bay, colour, times) on a locked screen; private fields need a session' },
  'encounter.arrive': STAFF,
  'encounter.triage': STAFF,
  'encounter.assess': STAFF,
  'encounter.note': STAFF,
  'encounter.handover': STAFF,
  'encounter.dispose': STAFF,
} as const satisfies Record<BoardCommandName | 'app.info', Access>;

/** The access rule of a board command, or undefined for a name the board does not answer. */
export function boardAccess(command: string): Access | undefined {
  return Object.prototype.hasOwnProperty.call(BOARD_ACCESS, command) ? (BOARD_ACCESS as Record<string, Access>)[command] : undefined;
}

/** Whether a board command needs an unlocked screen (the renderer asks for the PIN first). */
export function needsSession(command: string): boolean {
  return boardAccess(command)?.session === 'staff';
}
